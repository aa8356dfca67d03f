#pragma once

#include "crypto/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace ward {

class KeyPair;

struct CmsVerification
{
    bool valid = false;
    // Readable English reason when !valid (translatable through context "ward::CmsSignature").
    QString error;
    // Filled whenever the signature names a signer certificate it carries, even if verification failed.
    Certificate signer;
    QDateTime signingTime; // UTC, from the signed signingTime attribute
};

// DATA-3 / EX-2: a record is signed as detached CMS SignedData over its exact body bytes, CAdES-BES (signed
// attributes contentType, messageDigest, signingTime, signingCertificateV2), SHA-256 + ECDSA, the signer's
// certificate embedded. Anyone can check it with
//   openssl cms -verify -binary -content body -inform DER -in sig.der -CAfile ca.pem
class CmsSignature
{
public:
    // signingTime = Clock::instance().nowUtc(), so tests and the audit trail see the same injected time.
    // Returns DER; empty when signerCert is null, signerKey has no private part or does not belong to signerCert.
    static QByteArray signDetached(const QByteArray& body, const Certificate& signerCert, const KeyPair& signerKey);
    static QByteArray signDetached(const QByteArray& body, const Certificate& signerCert, const KeyPair& signerKey,
                                   const QDateTime& signingTime, QString* error = nullptr);

    // Valid only if: cmsDer is one detached SignedData with exactly one SignerInfo; digest is SHA-256/384/512; it
    // carries signingTime and signingCertificateV2 matching the signer certificate; the messageDigest matches
    // body and the signature verifies with the signer certificate's key; that certificate chains to one of
    // trustedCas (embedded certificates may serve as intermediates) with the S/MIME signing purpose
    // (keyUsage digitalSignature/nonRepudiation, EKU emailProtection) *at the signing time* — so a signature stays
    // verifiable after its certificate expires or is replaced by a password reset; the signing time is not more
    // than kMaxFutureSkewSecs ahead of Clock::instance(); and, if expectedSigner is given, the signer certificate
    // is exactly that certificate.
    // Note: the signing time is the signer's claim; the hub's RFC 3161 token is what pins it (TimestampToken).
    static CmsVerification verifyDetached(const QByteArray& body, const QByteArray& cmsDer,
                                          const QList<Certificate>& trustedCas,
                                          const Certificate* expectedSigner = nullptr);

    static constexpr int kMaxFutureSkewSecs = 300;
};

} // namespace ward
