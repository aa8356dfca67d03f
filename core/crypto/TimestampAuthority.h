#pragma once

#include "crypto/Certificate.h"
#include "crypto/KeyPair.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace ward {

// The hub's RFC 3161 time-stamping authority (AUD-3, DATA-3): it stamps each record's signature when it arrives,
// pinning the signing time that the signer could otherwise only claim. The token is checked by TimestampToken or by
//   openssl ts -verify -data <stamped bytes> -in token.der -token_in -CAfile ca.pem -untrusted tsa.pem
// Stateless per call (a fresh OpenSSL context each time), so stamp() may run on several threads at once.
class TimestampAuthority
{
public:
    // Throws std::invalid_argument when tsaKey is not tsaCert's private key or tsaCert lacks the RFC 3161 purpose
    // (extendedKeyUsage=critical,timeStamping only). Use create() for a non-throwing check. chain: certificates
    // put into every token after the TSA certificate (normally the issuing CA), may be empty.
    TimestampAuthority(Certificate tsaCert, KeyPair tsaKey, QList<Certificate> chain);
    static std::optional<TimestampAuthority> create(Certificate tsaCert, KeyPair tsaKey, QList<Certificate> chain,
                                                    QString* error = nullptr);

    // Returns the DER TimeStampToken (a CMS ContentInfo, RFC 3161 §2.4.2) — not the TimeStampResp around it —
    // over SHA-256 of data: genTime = nowUtc with millisecond precision (the injected clock, never the OS clock),
    // a random 128-bit serial, policy kPolicyOid, the TSA certificate included, ESS signingCertificateV2.
    QByteArray stamp(const QByteArray& data, const QDateTime& nowUtc) const;
    // The same over a SHA-256 digest computed by the caller (32 bytes); empty QByteArray for another length.
    QByteArray stampSha256(const QByteArray& sha256Digest, const QDateTime& nowUtc) const;

    const Certificate& certificate() const { return m_cert; }

    // WardStation TSA policy, under the UUID arc 2.25 (X.667) so it needs no registration.
    static constexpr const char* kPolicyOid = "2.25.199143744419406658370853463574637912427";

private:
    struct Unchecked
    {
    };
    TimestampAuthority(Unchecked, Certificate tsaCert, KeyPair tsaKey, QList<Certificate> chain);
    static QString configurationError(const Certificate& tsaCert, const KeyPair& tsaKey);

    Certificate m_cert;
    KeyPair m_key;
    QList<Certificate> m_chain;
};

} // namespace ward
