#pragma once

#include "auth/EmergencyLetterKey.h"
#include "crypto/Argon2Kdf.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ward {

// One wrapping of the vault key (like a LUKS key slot). A user slot's key-encryption key comes from
// the user's password (Argon2id) mixed with a secret only the user's card can produce (HKDF): ECDH of the
// card's key management key (9D) with `cardPoint`, computed on the card. A network slot's KEK is handed
// out by the hub only to an enrolled, unrevoked terminal (DESIGN.md, "The vault key"). An emergency slot (BCP-1)
// is a card slot whose "card" is a ward's sealed emergency letter: the KEK comes from ECDH of the letter's key with
// `cardPoint`, and the letter's private half, sealed under its password, is kept in the slot (`letter`).
struct KeySlot
{
    enum class Kind { User, Network, Emergency };

    QString id;
    Kind kind = Kind::User;
    QString userId;         // user slots; the account for emergency slots
    QByteArray salt;        // 16 bytes
    Argon2Params kdf;       // user slots only
    bool cardBound = false; // the KEK includes the card's ECDH secret
    // The terminal-side P-256 point the card's 9D key agrees with (65 bytes, uncompressed; card-bound user
    // slots only). Its private half was discarded when the slot was written: the disk holds only public
    // values, so the secret exists only where the card computes it.
    QByteArray cardPoint;   // also the emergency slot's terminal point (agrees with the letter's key)
    EmergencyLetterKey letter;  // emergency slots only
    QByteArray wrappedKey;  // AES-256-GCM(KEK, vault key, aad())
    QDateTime createdAt;

    QByteArray aad() const;
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, KeySlot* out);
    static QString kindName(Kind kind);
};

} // namespace ward
