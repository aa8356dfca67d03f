#pragma once

#include "crypto/Argon2Kdf.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace ward {

class KeyPair;

// BCP-1 offline: what lets a ward's terminals open their vault with an emergency letter while the hub is gone,
// without any terminal ever knowing the letter's password. The hub makes a P-256 key pair for each letter, keeps
// the private half only sealed under the letter's password (Argon2id of the normalised password, then
// AES-256-GCM bound to the account and the letter's serial) and discards it; the ward's terminals receive the public
// point and the sealed half with the change feed and wrap their vault key to the point (KeySlot kind emergency,
// like a card slot whose "card" is the letter). Typing the letter's password unseals the private half, which agrees
// with the slot's point. The sealed half is as hard to guess as the hub's verifier of the same password (~79 bits
// behind Argon2id), which is what the terminal would otherwise have to keep.
struct EmergencyLetterKey
{
    QString accountId;
    int serial = 0;
    QByteArray publicPoint;  // 65 bytes, uncompressed P-256
    QByteArray salt;         // 16 bytes
    Argon2Params kdf;
    QByteArray sealed;       // AES-256-GCM(Argon2id(password), PKCS#8 PEM of the private half, aad())

    // A new key pair for this letter, its private half sealed under `password` (as typed or printed). Slow: Argon2id.
    static EmergencyLetterKey seal(const QString& accountId, int serial, const SecureBytes& password,
                                   const Argon2Params& kdf = Argon2Params());
    // The private half, if `password` is the letter's (case, spaces and dashes ignored); nullopt otherwise.
    // Slow (Argon2id) either way.
    std::optional<KeyPair> open(const SecureBytes& password) const;

    // BCP-1 offline: what the terminal that opened this letter signs with the letter's key in the use (or test) it
    // reports to the hub in its audit chain (detail "usedAt", "proof"). Only someone who typed the letter's password
    // holds that key, so an enrolled terminal cannot report a use that did not happen (and close the ward's account
    // before anyone needed it); the statement names the account, the letter, the terminal and the time, so a proof
    // is good for nothing else. Base64 of a DER ECDSA-SHA256 signature.
    static QString proveUse(const KeyPair& letterKey, const QString& accountId, int serial, const QString& terminalId,
                            const QDateTime& usedAt, bool test);
    // Whether `proof` is this letter's signature over that statement.
    bool provesUse(const QString& proof, const QString& terminalId, const QDateTime& usedAt, bool test) const;

    bool isValid() const;
    QJsonObject toJson() const;
    // False for anything malformed (sizes, base64, KDF bounds): a damaged or hostile feed item is refused whole.
    static bool fromJson(const QJsonObject& json, EmergencyLetterKey* out);

private:
    QByteArray aad() const;
    static QByteArray useStatement(const QString& accountId, int serial, const QString& terminalId, const QDateTime& usedAt,
                                   bool test);
};

} // namespace ward
