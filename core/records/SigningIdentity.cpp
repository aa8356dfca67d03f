#include "records/SigningIdentity.h"

#include "crypto/Aead.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/CertificateRequest.h"
#include "crypto/CmsSignature.h"
#include "crypto/Random.h"
#include "util/Clock.h"
#include "vault/SqlStatement.h"
#include "vault/Vault.h"

#include <QJsonDocument>

namespace ward {

namespace {

constexpr int kStaffCertificateDays = 825;

} // namespace

SigningError::SigningError(Code code, const QString& message)
    : std::runtime_error(message.toStdString()), m_code(code), m_message(message)
{
}

SigningIdentity::SigningIdentity(QString userId, std::shared_ptr<const KeyPair> key,
                                 std::shared_ptr<const Certificate> cert)
    : m_userId(std::move(userId)), m_key(std::move(key)), m_certificate(std::move(cert))
{
}

QByteArray SigningIdentity::aad(const QString& userId, const QString& serial)
{
    // Binds the wrapped key to its row: a blob moved to another user or certificate does not open.
    return QByteArrayLiteral("wardstation/signing-key/v1\n") + userId.toUtf8() + '\n' + serial.toUtf8();
}

SigningIdentity SigningIdentity::fromParts(const QString& userId, KeyPair key, Certificate certificate)
{
    return SigningIdentity(userId, std::make_shared<const KeyPair>(std::move(key)),
                           std::make_shared<const Certificate>(std::move(certificate)));
}

SigningIdentity::Issuer SigningIdentity::localIssuer(CertificateAuthority& ca)
{
    return [&ca](const QByteArray& csrPem, QString* error) -> std::optional<Certificate> {
        const auto csr = CertificateRequest::fromPem(csrPem);
        if (!csr) {
            *error = QStringLiteral("bad CSR");
            return std::nullopt;
        }
        // The subject comes from the directory (the CSR's CN is the user id we put there ourselves).
        return ca.issue(*csr, CertificateProfile::StaffSigning, csr->commonName(), kStaffCertificateDays,
                        Clock::instance().nowUtc(), {}, error);
    };
}

SigningIdentity SigningIdentity::obtain(Vault& vault, const QString& userId, const SecureBytes& password,
                                        CertificateAuthority& ca, const Argon2Params& kdf)
{
    return obtain(vault, userId, password, localIssuer(ca), kdf);
}

SigningIdentity SigningIdentity::reissue(Vault& vault, const QString& userId, const SecureBytes& password,
                                         CertificateAuthority& ca, const Argon2Params& kdf)
{
    return reissue(vault, userId, password, localIssuer(ca), kdf);
}

SigningIdentity SigningIdentity::obtain(Vault& vault, const QString& userId, const SecureBytes& password,
                                        const Issuer& issuer, const Argon2Params& kdf)
{
    SqlStatement q = vault.database().prepare(
        "SELECT cert_serial, certificate, wrapped_key, kdf, salt FROM signing_keys "
        "WHERE user_id = ? AND retired_at IS NULL ORDER BY created_at DESC LIMIT 1");
    q.bind(1, userId);
    if (!q.step())
        return create(vault, userId, password, issuer, kdf);

    const QString serial = q.text(0);
    const auto cert = Certificate::fromDer(q.blob(1));
    const QByteArray wrapped = q.blob(2);
    Argon2Params params;
    const bool paramsOk = Argon2Params::fromJson(QJsonDocument::fromJson(q.text(3).toUtf8()).object(), &params);
    const QByteArray salt = q.blob(4);
    if (!cert || !paramsOk)
        throw SigningError(SigningError::Code::NoKey,
                           tr("The stored signing key of %1 is damaged. Ask IT to reissue the signing certificate.")
                               .arg(userId));
    const SecureBytes kek = Argon2Kdf::derive(password, salt, params);
    SecureBytes pem;
    if (!Aead::openSecret(kek, wrapped, aad(userId, serial), &pem))
        throw SigningError(SigningError::Code::WrongPassword,
                           tr("The signing key does not open with this password."));
    auto key = KeyPair::fromPrivatePem(pem);
    if (!key || key->publicDer() != cert->publicKeyDer())
        throw SigningError(SigningError::Code::NoKey,
                           tr("The stored signing key of %1 does not match its certificate. Ask IT to reissue it.")
                               .arg(userId));
    return SigningIdentity(userId, std::make_shared<const KeyPair>(std::move(*key)),
                           std::make_shared<const Certificate>(*cert));
}

SigningIdentity SigningIdentity::obtainAfterLogin(Vault& vault, const QString& userId,
                                                  const SecureBytes& verifiedPassword, const Issuer& issuer,
                                                  const Argon2Params& kdf, const std::optional<QString>& liveSerial)
{
    if (liveSerial) {
        SqlStatement stored = vault.database().prepare(
            "SELECT cert_serial FROM signing_keys WHERE user_id = ? AND retired_at IS NULL ORDER BY created_at DESC LIMIT 1");
        stored.bind(1, userId);
        if (stored.step() && stored.text(0) != *liveSerial)
            return reissue(vault, userId, verifiedPassword, issuer, kdf);
    }
    try {
        return obtain(vault, userId, verifiedPassword, issuer, kdf);
    } catch (const SigningError& e) {
        if (e.code() != SigningError::Code::WrongPassword)
            throw;
        return reissue(vault, userId, verifiedPassword, issuer, kdf);
    }
}

SigningIdentity SigningIdentity::reissue(Vault& vault, const QString& userId, const SecureBytes& password,
                                         const Issuer& issuer, const Argon2Params& kdf)
{
    // The new key first: if the CA refuses, the user keeps the key they had.
    SigningIdentity identity = create(vault, userId, password, issuer, kdf);
    SqlStatement q = vault.database().prepare(
        "UPDATE signing_keys SET retired_at = ? WHERE user_id = ? AND cert_serial <> ? AND retired_at IS NULL");
    q.bind(1, Clock::instance().nowUtc().toString(Qt::ISODateWithMs))
        .bind(2, userId)
        .bind(3, identity.certificate().serialHex())
        .run();
    vault.audit().append(userId, QStringLiteral("signing-key.reissue"), QString(), identity.certificate().serialHex(),
                         QStringLiteral("success"));
    return identity;
}

SigningIdentity SigningIdentity::create(Vault& vault, const QString& userId, const SecureBytes& password,
                                        const Issuer& issuer, const Argon2Params& kdf)
{
    KeyPair key = KeyPair::generateP256();
    const QByteArray csrPem = CertificateRequest::createPem(key, userId);
    QString error;
    std::optional<Certificate> cert = issuer(csrPem, &error);
    // The issuer is outside this process on a terminal: accept only a certificate for this key and user.
    if (cert && (cert->publicKeyDer() != key.publicDer() || cert->subjectCommonName() != userId)) {
        error = QStringLiteral("the certificate returned is not for this key and user");
        cert.reset();
    }
    if (!cert) {
        vault.audit().append(userId, QStringLiteral("signing-key.certify"), QString(), QString(),
                             QStringLiteral("failure"), QJsonObject{{QStringLiteral("error"), error}});
        throw SigningError(SigningError::Code::CertificateRefused,
                           tr("The staff CA did not issue a signing certificate: %1").arg(error));
    }
    const QByteArray salt = Random::bytes(16);
    const SecureBytes kek = Argon2Kdf::derive(password, salt, kdf);
    const QString serial = cert->serialHex();
    const QByteArray wrapped = Aead::sealSecret(kek, key.privatePem(), aad(userId, serial));
    SqlStatement ins = vault.database().prepare(
        "INSERT INTO signing_keys (user_id, cert_serial, certificate, wrapped_key, kdf, salt, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, userId)
        .bind(2, serial)
        .bind(3, cert->toDer())
        .bind(4, wrapped)
        .bind(5, QString::fromUtf8(QJsonDocument(kdf.toJson()).toJson(QJsonDocument::Compact)))
        .bind(6, salt)
        .bind(7, Clock::instance().nowUtc().toString(Qt::ISODateWithMs))
        .run();
    vault.audit().append(userId, QStringLiteral("signing-key.create"), QString(), serial, QStringLiteral("success"));
    return SigningIdentity(userId, std::make_shared<const KeyPair>(std::move(key)),
                           std::make_shared<const Certificate>(*cert));
}

QByteArray SigningIdentity::sign(const QByteArray& body) const
{
    return sign(body, Clock::instance().nowUtc());
}

QByteArray SigningIdentity::sign(const QByteArray& body, const QDateTime& signingTime) const
{
    QString error;
    const QByteArray der = CmsSignature::signDetached(body, *m_certificate, *m_key, signingTime, &error);
    if (der.isEmpty())
        throw SigningError(SigningError::Code::SigningFailed, tr("The record could not be signed: %1").arg(error));
    return der;
}

} // namespace ward
