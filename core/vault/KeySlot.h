#pragma once

#include "crypto/Argon2Kdf.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ward {

// One wrapping of the vault key (like a LUKS key slot). A user slot's key-encryption key comes from
// the user's password (Argon2id) mixed with a secret only the user's card can produce (HKDF): ECDH of the
// card's key management key (9D) with `cardPoint`, computed on the card. A network slot's KEK is handed
// out by the hub only to an enrolled, unrevoked terminal (DESIGN.md, "The vault key").
struct KeySlot
{
    enum class Kind { User, Network };

    QString id;
    Kind kind = Kind::User;
    QString userId;         // user slots only
    QByteArray salt;        // 16 bytes
    Argon2Params kdf;       // user slots only
    bool cardBound = false; // the KEK includes the card's ECDH secret
    // The terminal-side P-256 point the card's 9D key agrees with (65 bytes, uncompressed; card-bound user
    // slots only). Its private half was discarded when the slot was written: the disk holds only public
    // values, so the secret exists only where the card computes it.
    QByteArray cardPoint;
    QByteArray wrappedKey;  // AES-256-GCM(KEK, vault key, aad())
    QDateTime createdAt;

    QByteArray aad() const;
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, KeySlot* out);
    static QString kindName(Kind kind);
};

} // namespace ward
