#include "auth/EmergencyLetterKey.h"

#include "auth/EmergencyPassword.h"
#include "auth/UserId.h"
#include "crypto/Aead.h"
#include "crypto/KeyPair.h"
#include "crypto/Random.h"
#include "util/StrictBase64.h"

namespace ward {

namespace {

constexpr int kMaxSealedBytes = 1024;  // a P-256 PKCS#8 PEM is about 240 bytes

} // namespace

QByteArray EmergencyLetterKey::aad() const
{
    return QStringLiteral("ward-emergency-letter-v1|%1|%2|").arg(accountId).arg(serial).toUtf8() + publicPoint.toHex();
}

EmergencyLetterKey EmergencyLetterKey::seal(const QString& accountId, int serial, const SecureBytes& password,
                                            const Argon2Params& kdf)
{
    EmergencyLetterKey k;
    k.accountId = accountId;
    k.serial = serial;
    k.kdf = kdf;
    k.salt = Random::bytes(16);
    const KeyPair pair = KeyPair::generateP256();
    k.publicPoint = pair.publicPoint();
    const SecureBytes kek = Argon2Kdf::derive(EmergencyPassword::normalise(password), k.salt, k.kdf, Aead::kKeySize);
    k.sealed = Aead::sealSecret(kek, pair.privatePem(), k.aad());
    return k;
}

std::optional<KeyPair> EmergencyLetterKey::open(const SecureBytes& password) const
{
    const SecureBytes kek = Argon2Kdf::derive(EmergencyPassword::normalise(password), salt, kdf, Aead::kKeySize);
    SecureBytes pem;
    if (!isValid() || !Aead::openSecret(kek, sealed, aad(), &pem))
        return std::nullopt;
    std::optional<KeyPair> pair = KeyPair::fromPrivatePem(pem);
    // The point travels beside the sealed half: both must be the same key, or the slot would not open anyway.
    if (!pair || pair->publicPoint() != publicPoint)
        return std::nullopt;
    return pair;
}

QByteArray EmergencyLetterKey::useStatement(const QString& accountId, int serial, const QString& terminalId,
                                            const QDateTime& usedAt, bool test)
{
    return QStringLiteral("ward-emergency-use-v1|%1|%2|%3|%4|%5")
        .arg(accountId)
        .arg(serial)
        .arg(terminalId, usedAt.toUTC().toString(Qt::ISODateWithMs), test ? QStringLiteral("test") : QStringLiteral("use"))
        .toUtf8();
}

QString EmergencyLetterKey::proveUse(const KeyPair& letterKey, const QString& accountId, int serial, const QString& terminalId,
                                     const QDateTime& usedAt, bool test)
{
    return QString::fromLatin1(letterKey.sign(useStatement(accountId, serial, terminalId, usedAt, test)).toBase64());
}

bool EmergencyLetterKey::provesUse(const QString& proof, const QString& terminalId, const QDateTime& usedAt, bool test) const
{
    QByteArray signature;
    if (!isValid() || !usedAt.isValid() || !strictBase64(QJsonValue(proof), &signature) || signature.isEmpty())
        return false;
    const std::optional<KeyPair> point = KeyPair::fromPublicPoint(publicPoint);
    return point && point->verify(useStatement(accountId, serial, terminalId, usedAt, test), signature);
}

bool EmergencyLetterKey::isValid() const
{
    return UserId::isEmergency(accountId) && serial > 0 && publicPoint.size() == 65 && publicPoint.at(0) == '\x04'
           && salt.size() == 16 && !sealed.isEmpty() && sealed.size() <= kMaxSealedBytes;
}

QJsonObject EmergencyLetterKey::toJson() const
{
    return {{QStringLiteral("account"), accountId},
            {QStringLiteral("serial"), serial},
            {QStringLiteral("point"), QString::fromLatin1(publicPoint.toBase64())},
            {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
            {QStringLiteral("kdf"), kdf.toJson()},
            {QStringLiteral("sealed"), QString::fromLatin1(sealed.toBase64())}};
}

bool EmergencyLetterKey::fromJson(const QJsonObject& json, EmergencyLetterKey* out)
{
    EmergencyLetterKey k;
    k.accountId = json.value(QStringLiteral("account")).toString();
    const QJsonValue serial = json.value(QStringLiteral("serial"));
    if (!serial.isDouble())
        return false;
    k.serial = serial.toInt();
    if (!strictBase64(json.value(QStringLiteral("point")), &k.publicPoint) || !strictBase64(json.value(QStringLiteral("salt")), &k.salt)
        || !strictBase64(json.value(QStringLiteral("sealed")), &k.sealed)
        || !Argon2Params::fromJson(json.value(QStringLiteral("kdf")).toObject(), &k.kdf) || !k.isValid()
        || !KeyPair::fromPublicPoint(k.publicPoint))
        return false;
    *out = k;
    return true;
}

} // namespace ward
