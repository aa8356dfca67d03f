#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

typedef struct X509_req_st X509_REQ;

namespace ward {

class KeyPair;

// A PKCS#10 certificate signing request. The terminal makes one for its TLS key at enrolment and one per user
// for the staff signing key; the hub's CertificateAuthority takes only the public key from it.
class CertificateRequest
{
public:
    // Self-signed with ECDSA-SHA256. Throws CryptoError for a public-only key; an empty or over-long (> 64
    // characters, RFC 5280 ub-common-name) commonName yields an empty QByteArray.
    static QByteArray createPem(const KeyPair& key, const QString& commonName);
    // nullopt for garbage. The self-signature is not checked here: see signatureValid().
    static std::optional<CertificateRequest> fromPem(const QByteArray& pem);

    // The requester holds the private key of the public key inside (proof of possession).
    bool signatureValid() const;
    // Informational only: the CA never copies it into a certificate.
    QString commonName() const;
    QByteArray publicKeyDer() const;
    QByteArray toPem() const;
    X509_REQ* get() const { return m_req.get(); }

private:
    std::shared_ptr<X509_REQ> m_req;
};

} // namespace ward
