#pragma once

#include "card/CardResult.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace ward {

// The X.509 certificate read from a PIV container and its ECDSA P-256 public key (OpenSSL underneath).
class PivCertificate
{
public:
    // CertificateInvalid for unparsable DER, UnsupportedKey for anything but an EC P-256 key
    // (EX-3: the CRYPTREC ECDSA P-256 the PIV 9E slot uses, algorithm 0x11).
    static CardResult<PivCertificate> fromDer(const QByteArray& der);

    PivCertificate() = default;
    QByteArray der() const { return m_der; }
    // SubjectPublicKeyInfo, DER.
    QByteArray publicKeyDer() const { return m_spki; }
    QString subjectCommonName() const { return m_cn; }

    // Verifies an ECDSA signature (DER Ecdsa-Sig-Value) over `digest` taken as the already-hashed value.
    // PIV GENERAL AUTHENTICATE with an ECC key signs the bytes it is given as the hash (SP 800-73-4 Part 2
    // §3.2.4, SP 800-78: the card does no hashing), so the verifier must not hash again either.
    bool verifyPrehashed(const QByteArray& digest, const QByteArray& derSignature) const;

private:
    QByteArray m_der;
    QByteArray m_spki;
    QString m_cn;
    std::shared_ptr<void> m_key;  // EVP_PKEY
};

} // namespace ward
