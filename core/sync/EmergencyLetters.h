#pragma once

#include "auth/EmergencyLetterKey.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace ward {

class HubReplica;
class Vault;

// BCP-1 offline: the ward's emergency letters as the hub's change feed sends them (kind "emergencyLetter": the
// account, its letter's serial and sealed key, the use period once it began). The replica keeps the newest copy;
// the vault keeps one emergency key slot per account for its current letter, so the letter opens this terminal
// while the hub is gone. A spent or withdrawn letter loses its slot here too.
class EmergencyLetters
{
public:
    struct Letter
    {
        QString accountId;
        QString ward;
        QString state;  // as the hub stores it: awaiting | active
        int serial = 0;
        EmergencyLetterKey key;
        QDateTime firstUsedAt;
        QDateTime usableUntil;
        qint64 seq = 0;

        // Used, and its use period is over: closed until the hub approves a new letter.
        bool spentAt(const QDateTime& now) const { return usableUntil.isValid() && now >= usableUntil; }
        bool opensAt(const QDateTime& now) const { return state == QLatin1String("active") && key.isValid() && !spentAt(now); }
        QJsonObject toFeedItem() const;
    };

    static constexpr char kKind[] = "emergencyLetter";

    // nullopt for a malformed item (it is then ignored, like an unknown kind).
    static std::optional<Letter> fromFeedItem(const QJsonObject& item);
    // After a pull stored them: a slot for each letter that opens, none for the rest. `actor` names the sync in the
    // vault's audit chain (slot.add / slot.remove).
    static void applyToSlots(Vault& vault, const QList<Letter>& letters, const QString& actor);
    // The replica's copy of this account's letter.
    static std::optional<Letter> find(HubReplica& replica, const QString& accountId);
    // An offline use begins the use period here (the hub learns of the use from this terminal's audit chain).
    static Letter recordOfflineUse(HubReplica& replica, Letter letter, const QDateTime& now, int useHours);
};

} // namespace ward
