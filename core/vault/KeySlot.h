#pragma once

#include "crypto/Argon2Kdf.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ward {

// One wrapping of the vault key (like a LUKS key slot). A user slot's key-encryption key comes from
// the user's password (Argon2id) mixed with the card's secret (HKDF); a network slot's KEK is handed
// out by the hub only to an enrolled, unrevoked terminal (DESIGN.md, "The vault key").
struct KeySlot
{
    enum class Kind { User, Network };

    QString id;
    Kind kind = Kind::User;
    QString userId;         // user slots only
    QByteArray salt;        // 16 bytes
    Argon2Params kdf;       // user slots only
    bool cardBound = false; // the KEK includes a card secret
    QByteArray wrappedKey;  // AES-256-GCM(KEK, vault key, aad())
    QDateTime createdAt;

    QByteArray aad() const;
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, KeySlot* out);
    static QString kindName(Kind kind);
};

} // namespace ward
