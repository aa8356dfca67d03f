#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

typedef struct x509_st X509;

namespace ward {

// An X.509 certificate. Immutable once parsed, so copies share one X509 (reference counted).
class Certificate
{
public:
    Certificate() = default;
    // Takes ownership of one reference.
    static Certificate adopt(X509* owned);

    // nullopt for garbage; fromDer also refuses trailing bytes, so one DER has one meaning.
    static std::optional<Certificate> fromPem(const QByteArray& pem);
    static std::optional<Certificate> fromDer(const QByteArray& der);

    QByteArray toPem() const;
    QByteArray toDer() const;
    QString subjectCommonName() const;
    QString issuerCommonName() const;
    // Lower-case hex of the serial number, without leading zero octets.
    QString serialHex() const;
    QDateTime notBefore() const; // UTC
    QDateTime notAfter() const; // UTC
    bool isValidAt(const QDateTime& utc) const;
    // Raw 32 bytes: SHA-256 over the DER encoding.
    QByteArray sha256Fingerprint() const;
    // The same as a person compares it: upper-case hex pairs joined by colons (as `openssl x509 -fingerprint`).
    QString sha256FingerprintText() const;
    // SubjectPublicKeyInfo DER.
    QByteArray publicKeyDer() const;
    // basicConstraints CA:TRUE.
    bool isCa() const;
    // DNS names and IP addresses (text form) from subjectAltName.
    QStringList subjectAltNames() const;
    // Issuer name matches ca's subject and ca's key verifies the signature. No validity-time or chain check.
    bool isIssuedBy(const Certificate& ca) const;

    bool isNull() const { return !m_cert; }
    X509* get() const { return m_cert.get(); }

    // Same DER encoding.
    bool operator==(const Certificate& other) const;
    bool operator!=(const Certificate& other) const { return !(*this == other); }

private:
    std::shared_ptr<X509> m_cert;
};

} // namespace ward
