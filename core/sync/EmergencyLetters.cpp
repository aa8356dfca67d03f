#include "sync/EmergencyLetters.h"

#include "auth/UserId.h"
#include "sync/HubReplica.h"
#include "util/Clock.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"


namespace ward {

namespace {

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject EmergencyLetters::Letter::toFeedItem() const
{
    QJsonObject o{{QStringLiteral("kind"), QLatin1String(kKind)}, {QStringLiteral("id"), accountId},
                  {QStringLiteral("ward"), ward},         {QStringLiteral("state"), state},
                  {QStringLiteral("letter"), serial},     {QStringLiteral("key"), key.toJson()},
                  {QStringLiteral("seq"), seq}};
    if (firstUsedAt.isValid())
        o.insert(QStringLiteral("firstUsedAt"), iso(firstUsedAt));
    if (usableUntil.isValid())
        o.insert(QStringLiteral("usableUntil"), iso(usableUntil));
    return o;
}

std::optional<EmergencyLetters::Letter> EmergencyLetters::fromFeedItem(const QJsonObject& item)
{
    Letter l;
    l.accountId = item.value(QStringLiteral("id")).toString();
    l.ward = item.value(QStringLiteral("ward")).toString();
    l.state = item.value(QStringLiteral("state")).toString();
    l.serial = item.value(QStringLiteral("letter")).toInt();
    l.seq = static_cast<qint64>(item.value(QStringLiteral("seq")).toDouble());
    if (!UserId::isValid(l.accountId) || !UserId::isEmergency(l.accountId) || l.ward.isEmpty())
        return std::nullopt;
    const QJsonObject key = item.value(QStringLiteral("key")).toObject();
    // An account awaiting its first letter has no key yet; a key that is there must be whole and this account's.
    if (!key.isEmpty()
        && (!EmergencyLetterKey::fromJson(key, &l.key) || l.key.accountId != l.accountId || l.key.serial != l.serial))
        return std::nullopt;
    for (auto [field, out] : {std::pair{"firstUsedAt", &l.firstUsedAt}, std::pair{"usableUntil", &l.usableUntil}}) {
        const QString text = item.value(QLatin1String(field)).toString();
        if (!text.isEmpty()) {
            *out = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (!out->isValid())
                return std::nullopt;
        }
    }
    return l;
}

void EmergencyLetters::applyToSlots(Vault& vault, const QList<Letter>& letters, const QString& actor)
{
    const QDateTime now = Clock::instance().nowUtc();
    for (const Letter& l : letters) {
        try {
            KeySlotFile current(Vault::slotFilePath(vault.directory()));
            current.load();
            const std::optional<KeySlot> slot = current.emergencySlot(l.accountId);
            if (l.opensAt(now)) {
                if (!slot || slot->letter.serial != l.serial || slot->letter.publicPoint != l.key.publicPoint)
                    vault.addEmergencySlot(l.key, actor);
            } else if (slot) {
                vault.removeEmergencySlot(l.accountId, actor);
            }
        } catch (const VaultError& e) {
            // The next letter from the hub tries again; the online emergency login does not need the slot.
            qWarning("sync: the emergency slot of %s was not updated: %s", qPrintable(l.accountId), qPrintable(e.message()));
        }
    }
}

std::optional<EmergencyLetters::Letter> EmergencyLetters::find(HubReplica& replica, const QString& accountId)
{
    const std::optional<QJsonObject> item = replica.directoryItem(QLatin1String(kKind), accountId);
    return item ? fromFeedItem(*item) : std::nullopt;
}

EmergencyLetters::Letter EmergencyLetters::recordOfflineUse(HubReplica& replica, Letter letter, const QDateTime& now, int useHours)
{
    if (!letter.firstUsedAt.isValid()) {
        letter.firstUsedAt = now;
        letter.usableUntil = now.addSecs(qint64(useHours) * 3600);
        replica.storeDirectoryItem(QLatin1String(kKind), letter.accountId, letter.seq, letter.toFeedItem());
    }
    return letter;
}

} // namespace ward
