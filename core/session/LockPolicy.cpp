#include "session/LockPolicy.h"

#include <QJsonValue>

#include <algorithm>

namespace ward {

namespace {

// Reads an integer key within [min, max]; absent keys leave *value alone.
bool readBounded(const QJsonObject& json, const char* key, qint64 min, qint64 max, qint64 unitMs, qint64* value,
                 QString* error)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != static_cast<double>(static_cast<qint64>(d)) || d < min || d > max) {
        *error = QStringLiteral("session policy: \"%1\" must be a whole number from %2 to %3")
                     .arg(QLatin1String(key))
                     .arg(min)
                     .arg(max);
        return false;
    }
    *value = static_cast<qint64>(d) * unitMs;
    return true;
}

} // namespace

bool LockPolicy::fromJson(const QJsonObject& json, LockPolicy* out, QString* error)
{
    static const QStringList known{
        QStringLiteral("idleLockSeconds"),         QStringLiteral("idleWarningSeconds"),
        QStringLiteral("cardRemoval"),             QStringLiteral("lockedLogoutMinutes"),
        QStringLiteral("privilegedSessionMinutes"), QStringLiteral("cardWatcherStallSeconds"),
        QStringLiteral("showLockedBy"),            QStringLiteral("screensaverSeconds"),
        QStringLiteral("privilegedIdleLockSeconds")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("session policy: unknown key \"%1\"").arg(it.key());
            return false;
        }
    }
    LockPolicy p;
    // Bounds: SES-1 allows IT to tune the idle lock, not to switch it off (8 h is a full shift).
    if (!readBounded(json, "idleLockSeconds", 30, 8 * 3600, 1000, &p.idleTimeoutMs, error)
        || !readBounded(json, "idleWarningSeconds", 0, 300, 1000, &p.warningMs, error)
        || !readBounded(json, "lockedLogoutMinutes", 1, 24 * 60, 60 * 1000, &p.lockedLogoutMs, error)
        || !readBounded(json, "privilegedSessionMinutes", 5, 24 * 60, 60 * 1000, &p.privilegedSessionLimitMs, error)
        || !readBounded(json, "privilegedIdleLockSeconds", 30, 8 * 3600, 1000, &p.privilegedIdleTimeoutMs, error)
        || !readBounded(json, "cardWatcherStallSeconds", 2, 60, 1000, &p.cardWatcherStallMs, error)
        || !readBounded(json, "screensaverSeconds", 0, 3600, 1000, &p.screensaverDelayMs, error))
        return false;
    if (p.warningMs >= p.idleTimeoutMs) {
        *error = QStringLiteral("session policy: \"idleWarningSeconds\" must be shorter than \"idleLockSeconds\"");
        return false;
    }
    // The countdown must have room before a privileged session's (shorter) lock too.
    if (p.warningMs >= p.idleTimeoutFor(true)) {
        *error = QStringLiteral("session policy: \"idleWarningSeconds\" must be shorter than \"privilegedIdleLockSeconds\"");
        return false;
    }
    const QJsonValue removal = json.value(QLatin1String("cardRemoval"));
    if (!removal.isUndefined()) {
        if (removal == QJsonValue(QStringLiteral("lock"))) {
            p.cardRemoval = CardRemovalAction::Lock;
        } else if (removal == QJsonValue(QStringLiteral("logout"))) {
            p.cardRemoval = CardRemovalAction::Logout;
        } else {
            *error = QStringLiteral("session policy: \"cardRemoval\" must be \"lock\" or \"logout\"");
            return false;
        }
    }
    const QJsonValue showBy = json.value(QLatin1String("showLockedBy"));
    if (!showBy.isUndefined()) {
        if (!showBy.isBool()) {
            *error = QStringLiteral("session policy: \"showLockedBy\" must be true or false");
            return false;
        }
        p.showLockedBy = showBy.toBool();
    }
    *out = p;
    return true;
}

QJsonObject LockPolicy::toJson() const
{
    return {{QStringLiteral("idleLockSeconds"), idleTimeoutMs / 1000},
            {QStringLiteral("idleWarningSeconds"), warningMs / 1000},
            {QStringLiteral("cardRemoval"),
             cardRemoval == CardRemovalAction::Lock ? QStringLiteral("lock") : QStringLiteral("logout")},
            {QStringLiteral("lockedLogoutMinutes"), lockedLogoutMs / 60000},
            {QStringLiteral("privilegedSessionMinutes"), privilegedSessionLimitMs / 60000},
            {QStringLiteral("privilegedIdleLockSeconds"), privilegedIdleTimeoutMs / 1000},
            {QStringLiteral("cardWatcherStallSeconds"), cardWatcherStallMs / 1000},
            {QStringLiteral("showLockedBy"), showLockedBy},
            {QStringLiteral("screensaverSeconds"), screensaverDelayMs / 1000}};
}

qint64 LockPolicy::idleTimeoutFor(bool privileged) const
{
    return privileged ? std::min(privilegedIdleTimeoutMs, idleTimeoutMs) : idleTimeoutMs;
}

} // namespace ward
