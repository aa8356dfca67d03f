#include "hub/directory/LoginReport.h"

#include "hub/HubError.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>

namespace ward::hub {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("LoginReport", text);
}

QString optionalString(const QJsonObject& body, const char* key, int maxLength)
{
    const QJsonValue v = body.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString() || v.toString().size() > maxLength)
        throw HubError(QStringLiteral("bad_request"),
                       tr("Field \"%1\" must be a string of at most %2 characters.").arg(QLatin1String(key)).arg(maxLength),
                       400);
    return v.toString();
}
} // namespace

LoginReport LoginReport::fromJson(const QJsonObject& body)
{
    LoginReport r;
    r.previousLoginAt = optionalString(body, "previousLoginAt", 40);
    if (!r.previousLoginAt.isEmpty() && !QDateTime::fromString(r.previousLoginAt, Qt::ISODateWithMs).isValid())
        throw HubError(QStringLiteral("bad_request"), tr("Field \"previousLoginAt\" must be an ISO 8601 time."), 400);
    r.previousLoginTerminal = optionalString(body, "previousLoginTerminal", 64);
    const QJsonValue failed = body.value(QStringLiteral("failedAttempts"));
    if (!failed.isUndefined()) {
        const double n = failed.toDouble(-1);
        if (!failed.isDouble() || n < 0 || n > 1000000 || n != static_cast<int>(n))
            throw HubError(QStringLiteral("bad_request"),
                           tr("Field \"failedAttempts\" must be a whole number from 0 to 1000000."), 400);
        r.failedAttempts = static_cast<int>(n);
    }
    r.note = optionalString(body, "note", kMaxNoteLength).trimmed();
    return r;
}

void LoginReport::record(HubDatabase& db, const QString& terminalId, const QString& userId) const
{
    QJsonObject detail{{QStringLiteral("terminal"), terminalId},
                       {QStringLiteral("previousLoginAt"), previousLoginAt},
                       {QStringLiteral("previousLoginTerminal"), previousLoginTerminal},
                       {QStringLiteral("failedAttempts"), failedAttempts},
                       {QStringLiteral("review"), true}};
    if (!note.isEmpty())
        detail.insert(QStringLiteral("note"), note);
    db.transaction([&] { HubAuditLog(db).append(userId, QLatin1String(kAction), detail); });
}

} // namespace ward::hub
