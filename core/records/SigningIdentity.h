#pragma once

#include "crypto/Argon2Kdf.h"
#include "crypto/Certificate.h"
#include "crypto/KeyPair.h"
#include "crypto/SecureBytes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

namespace ward {

class CertificateAuthority;
class Vault;

class SigningError : public std::runtime_error
{
public:
    enum class Code { WrongPassword, CertificateRefused, SigningFailed, NoKey };
    SigningError(Code code, const QString& message);
    Code code() const { return m_code; }
    QString message() const { return m_message; }

private:
    Code m_code;
    QString m_message;
};

// The user's P-256 signing key and staff certificate (DATA-3, EX-5). The key is generated on the
// terminal at first use; the certificate comes from the staff CA via a CSR (in this build a
// CertificateAuthority object; the hub's endpoint is the same exchange over the network). The private
// key is stored only wrapped (AES-256-GCM under Argon2id(password)) in the vault's signing_keys
// table; in memory it lives in one KeyPair that is freed with this object.
class SigningIdentity
{
    Q_DECLARE_TR_FUNCTIONS(ward::SigningIdentity)

public:
    // Who certifies a new key: the CSR (PEM, CN = user) in, the staff certificate out, or nullopt with a
    // reason in *error. On a terminal this is the hub's POST /api/v1/staff-cert; tests and demo data use a
    // local CertificateAuthority (the overloads below). May block: call obtain() off the UI thread.
    using Issuer = std::function<std::optional<Certificate>(const QByteArray& csrPem, QString* error)>;
    static Issuer localIssuer(CertificateAuthority& ca);

    // The user's current key: unwrapped from the vault, or — when the user has none — generated,
    // certified and stored. Throws SigningError WrongPassword when a stored key does not unwrap
    // (nothing is replaced), CertificateRefused when the CA refuses the CSR.
    static SigningIdentity obtain(Vault& vault, const QString& userId, const SecureBytes& password,
                                  const Issuer& issuer, const Argon2Params& kdf);
    static SigningIdentity obtain(Vault& vault, const QString& userId, const SecureBytes& password,
                                  CertificateAuthority& ca, const Argon2Params& kdf);
    // After a password reset: a new key and certificate; the old row is kept (retired) so that
    // its certificate still verifies what was signed before.
    static SigningIdentity reissue(Vault& vault, const QString& userId, const SecureBytes& password,
                                   const Issuer& issuer, const Argon2Params& kdf);
    static SigningIdentity reissue(Vault& vault, const QString& userId, const SecureBytes& password,
                                   CertificateAuthority& ca, const Argon2Params& kdf);
    // At login, with a password the hub (or the vault slot) has just verified: the stored key, or —
    // when that key was wrapped under a password the user has since changed — a new key and
    // certificate (DESIGN: a password change or reset means a new signing key; the old certificate
    // stays, so what it signed still verifies). Without an issuer that can certify (offline), the
    // WrongPassword error stands. liveSerial (online logins): the serial of the user's certificate the hub still
    // honours, empty when it honours none; a stored key whose certificate is not that one was revoked at the hub
    // (retire, disable, reset, card revoke) and signs nothing any more, so a new key is certified instead.
    static SigningIdentity obtainAfterLogin(Vault& vault, const QString& userId, const SecureBytes& verifiedPassword,
                                            const Issuer& issuer, const Argon2Params& kdf,
                                            const std::optional<QString>& liveSerial = std::nullopt);
    // For demo data and tests: an identity held only in memory.
    static SigningIdentity fromParts(const QString& userId, KeyPair key, Certificate certificate);

    const QString& userId() const { return m_userId; }
    const Certificate& certificate() const { return *m_certificate; }
    // Detached CAdES-BES over the exact bytes; throws SigningError SigningFailed.
    QByteArray sign(const QByteArray& body) const;
    QByteArray sign(const QByteArray& body, const QDateTime& signingTime) const;

private:
    SigningIdentity(QString userId, std::shared_ptr<const KeyPair> key, std::shared_ptr<const Certificate> cert);
    static SigningIdentity create(Vault& vault, const QString& userId, const SecureBytes& password,
                                  const Issuer& issuer, const Argon2Params& kdf);
    static QByteArray aad(const QString& userId, const QString& serial);

    QString m_userId;
    std::shared_ptr<const KeyPair> m_key;
    std::shared_ptr<const Certificate> m_certificate;
};

} // namespace ward
