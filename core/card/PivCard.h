#pragma once

#include "card/ApduTransport.h"
#include "card/CardIdentity.h"
#include "card/CardResult.h"

#include <QByteArray>

namespace ward {

// The subset of NIST SP 800-73-4 that card login needs, so real PIV tokens (YubiKey, government PIV cards)
// and the test card behave alike: SELECT the PIV application, read the Card Authentication certificate,
// have key 9E sign a fresh challenge.
class PivCard
{
public:
    static constexpr quint32 kCardAuthCertificate = 0x5FC101;  // container for key 9E
    static constexpr quint32 kChuid = 0x5FC102;
    static constexpr quint32 kPivAuthCertificate = 0x5FC105;   // container for key 9A
    static constexpr quint8 kKeyCardAuth = 0x9E;
    static constexpr quint8 kKeyManagement = 0x9D;             // key establishment (ECDH)
    static constexpr quint8 kAlgEccP256 = 0x11;
    static const QByteArray& aid();  // A0 00 00 03 08 (the NIST RID; the card answers with the full AID)

    explicit PivCard(ApduTransport& transport) : m_transport(transport) {}

    // NotPivCard when the application is absent (6A82 / 6D00 / 6E00 from SELECT): the caller may then try
    // a UID badge. Any other failure is reported as it is.
    CardError select();
    // GET DATA for a container; returns the content of its 53 template.
    CardResult<QByteArray> readObject(quint32 objectTag);
    // GET DATA + unwrap 53 { 70 cert, 71 CertInfo, FE LRC }. Compressed certificates (CertInfo bit 0)
    // are refused as CertificateInvalid rather than half-supported.
    CardResult<QByteArray> readCertificate(quint32 objectTag);
    // GENERAL AUTHENTICATE: the card signs `digest` (32 bytes for P-256) with `keyRef`; returns the DER signature.
    CardResult<QByteArray> sign(quint8 keyRef, quint8 algorithm, const QByteArray& digest);

    // GENERAL AUTHENTICATE key establishment (SP 800-73-4 Part 2, 3.2.4; ECC CDH): the card computes the
    // shared secret of `keyRef`'s private key and `publicPoint` (uncompressed, 04||X||Y); returns the X
    // coordinate (32 bytes for P-256). MalformedResponse for anything else.
    CardResult<QByteArray> keyAgreement(quint8 keyRef, quint8 algorithm, const QByteArray& publicPoint);

    // The whole login proof: SELECT, read the 9E certificate, sign a fresh 32-byte random challenge with 9E,
    // verify it with the certificate's public key. SignatureInvalid when the card's key does not match its
    // certificate (a cloned certificate on another card). Must run inside a transaction.
    CardResult<CardIdentity> authenticate();

    // Pure encoders/decoders, unit-tested against canned bytes.
    static Apdu selectCommand();
    static Apdu getDataCommand(quint32 objectTag);
    // 00 87 alg key Lc 7C L { 82 00, 81 L challenge } 00
    static Apdu generalAuthenticateCommand(quint8 algorithm, quint8 keyRef, const QByteArray& challenge);
    // 00 87 alg key Lc 7C L { 82 00, 85 L point } 00
    static Apdu keyAgreementCommand(quint8 algorithm, quint8 keyRef, const QByteArray& publicPoint);
    // 7C L { 82 L signature } -> signature; MalformedResponse otherwise.
    static CardResult<QByteArray> parseGeneralAuthenticateResponse(const QByteArray& data);
    // 53 L { 70 L der, 71 01 info, FE 00 } -> der.
    static CardResult<QByteArray> parseCertificateObject(const QByteArray& data);

private:
    ApduTransport& m_transport;
};

} // namespace ward
