#pragma once

#include "crypto/Certificate.h"
#include "crypto/CertificateRequest.h"
#include "crypto/KeyPair.h"
#include "crypto/SecureBytes.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

typedef struct evp_pkey_st EVP_PKEY;

namespace ward {

// What an issued certificate may be used for. Each profile sets basicConstraints=critical,CA:FALSE,
// subjectKeyIdentifier, authorityKeyIdentifier and:
//   TerminalClient      keyUsage=critical,digitalSignature                  EKU=clientAuth     (EX-1 mutual TLS)
//   HubServer           keyUsage=critical,digitalSignature                  EKU=serverAuth     + subjectAltName
//   StaffSigning        keyUsage=critical,digitalSignature,nonRepudiation   EKU=emailProtection (DATA-3; what stock
//                       `openssl cms -verify` checks for the S/MIME signing purpose)
//   TimestampAuthority  keyUsage=critical,digitalSignature                  EKU=critical,timeStamping (RFC 3161 §2.3)
enum class CertificateProfile { TerminalClient, HubServer, StaffSigning, TimestampAuthority };

// The hub's own CA (P-256, ECDSA-SHA256). Issued certificates get a random 128-bit serial, subject CN only,
// notBefore = nowUtc − kClockSkewAllowanceSecs and notAfter = nowUtc + validityDays, cut to the CA's own notAfter
// (a certificate cannot outlive the chain that verifies it).
class CertificateAuthority
{
public:
    // A freshly issued staff certificate must verify a signature a terminal makes a moment later with a clock that
    // is slightly behind the hub's (AUD-3 bounds the skew); the backdate covers that.
    static constexpr int kClockSkewAllowanceSecs = 300;
    static constexpr int kMaxValidityDays = 36500;

    // Self-signed CA: basicConstraints=critical,CA:TRUE,pathlen:0, keyUsage=critical,keyCertSign,cRLSign, new P-256
    // key. Throws std::invalid_argument for an empty/over-long commonName or validityDays outside 1..kMaxValidityDays.
    static CertificateAuthority create(const QString& commonName, int validityDays, const QDateTime& nowUtc);
    // nullopt unless certPem is a CA certificate and keyPem (unencrypted PKCS#8/EC PEM) is its P-256 private key.
    static std::optional<CertificateAuthority> load(const QByteArray& certPem, const SecureBytes& keyPem);

    const Certificate& certificate() const { return m_cert; }
    SecureBytes privateKeyPem() const { return m_key.privatePem(); }

    // Certificate for the CSR's public key. nullopt + *error (readable English) when the CSR's self-signature is
    // invalid, its key is not one EX-3 allows (P-256/P-384, RSA ≥ 2048), commonName is empty or > 64 characters,
    // validityDays is out of range, a dnsNames entry is neither a host name nor an IP address, or the CA has expired.
    // The subject CN is commonName: the CSR's own subject is never trusted. Only HubServer uses dnsNames: each
    // becomes a DNS subjectAltName, or an IP subjectAltName when it parses as an IPv4/IPv6 address.
    std::optional<Certificate> issue(const CertificateRequest& csr, CertificateProfile profile,
                                     const QString& commonName, int validityDays, const QDateTime& nowUtc,
                                     const QStringList& dnsNames = {}, QString* error = nullptr);
    // For the hub's own keys (TLS server, TSA): a new P-256 key and its certificate. Has no error channel, so
    // the bad inputs listed for issue() throw std::invalid_argument here.
    std::pair<KeyPair, Certificate> issueWithNewKey(CertificateProfile profile, const QString& commonName,
                                                    int validityDays, const QDateTime& nowUtc,
                                                    const QStringList& dnsNames = {});

private:
    CertificateAuthority(Certificate cert, KeyPair key);
    std::optional<Certificate> issueForKey(EVP_PKEY* subjectKey, CertificateProfile profile, const QString& commonName,
                                           int validityDays, const QDateTime& nowUtc, const QStringList& dnsNames,
                                           QString* error) const;

    Certificate m_cert;
    KeyPair m_key;
};

} // namespace ward
