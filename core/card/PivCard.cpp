#include "card/PivCard.h"

#include "card/BerTlv.h"
#include "card/PivCertificate.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"

namespace ward {

const QByteArray& PivCard::aid()
{
    static const QByteArray k = QByteArray::fromHex("a000000308");
    return k;
}

Apdu PivCard::selectCommand()
{
    return Apdu(0x00, 0xA4, 0x04, 0x00, aid(), 256);
}

Apdu PivCard::getDataCommand(quint32 objectTag)
{
    QByteArray tagBytes;
    if (objectTag > 0xffff)
        tagBytes.append(static_cast<char>(objectTag >> 16));
    if (objectTag > 0xff)
        tagBytes.append(static_cast<char>((objectTag >> 8) & 0xff));
    tagBytes.append(static_cast<char>(objectTag & 0xff));
    return Apdu(0x00, 0xCB, 0x3F, 0xFF, BerTlv::encode(0x5C, tagBytes), 256);
}

Apdu PivCard::generalAuthenticateCommand(quint8 algorithm, quint8 keyRef, const QByteArray& challenge)
{
    // 82 00 asks for the response (signature), 81 carries the challenge (SP 800-73-4 Part 2 Table 7).
    const QByteArray inner = BerTlv::encode(0x82, {}) + BerTlv::encode(0x81, challenge);
    return Apdu(0x00, 0x87, algorithm, keyRef, BerTlv::encode(0x7C, inner), 256);
}

Apdu PivCard::keyAgreementCommand(quint8 algorithm, quint8 keyRef, const QByteArray& publicPoint)
{
    // 82 00 asks for the response (the shared secret), 85 carries the other party's public point
    // (SP 800-73-4 Part 2 Table 7, key establishment).
    const QByteArray inner = BerTlv::encode(0x82, {}) + BerTlv::encode(0x85, publicPoint);
    return Apdu(0x00, 0x87, algorithm, keyRef, BerTlv::encode(0x7C, inner), 256);
}

CardResult<QByteArray> PivCard::parseGeneralAuthenticateResponse(const QByteArray& data)
{
    using R = CardResult<QByteArray>;
    const auto outer = BerTlv::parseAll(data);
    if (!outer || outer->size() != 1 || outer->first().tag != 0x7C)
        return R::failure(CardError::MalformedResponse);
    const auto sig = BerTlv::find(outer->first().value, 0x82);
    if (!sig || sig->isEmpty())
        return R::failure(CardError::MalformedResponse);
    return R::success(*sig);
}

CardResult<QByteArray> PivCard::parseCertificateObject(const QByteArray& data)
{
    using R = CardResult<QByteArray>;
    const auto items = BerTlv::parseAll(data);
    if (!items)
        return R::failure(CardError::MalformedResponse);
    QByteArray cert;
    bool haveCert = false;
    for (const BerTlv& t : *items) {
        if (t.tag == 0x70) {
            cert = t.value;
            haveCert = true;
        } else if (t.tag == 0x71 && !t.value.isEmpty() && (static_cast<quint8>(t.value[0]) & 0x01)) {
            return R::failure(CardError::CertificateInvalid);  // gzip-compressed: not supported
        }
    }
    if (!haveCert || cert.isEmpty())
        return R::failure(CardError::CertificateInvalid);
    return R::success(cert);
}

CardError PivCard::select()
{
    const auto r = m_transport.exchange(selectCommand());
    if (!r.ok())
        return r.error;
    const quint16 sw = r.value.statusWord();
    if (sw == 0x6A82 || sw == 0x6D00 || sw == 0x6E00 || sw == 0x6A81 || sw == 0x6A86 || sw == 0x6999)
        return CardError::NotPivCard;
    if (!r.value.isSuccess())
        return CardErrors::fromStatusWord(sw);
    // The application property template (61) must name the PIV application; some cards answer 9000
    // to any SELECT, and talking PIV to them would only produce confusing errors later.
    if (!r.value.data().isEmpty()) {
        const auto apt = BerTlv::find(r.value.data(), 0x61);
        if (!apt)
            return CardError::NotPivCard;
        const auto pix = BerTlv::find(*apt, 0x4F);
        if (!pix)
            return CardError::NotPivCard;
        const QByteArray kPix = QByteArray::fromHex("000010000100");
        const QByteArray kFull = aid() + kPix;
        if (!pix->startsWith(kPix.left(4)) && !pix->startsWith(kFull.left(9)))
            return CardError::NotPivCard;
    }
    return CardError::None;
}

CardResult<QByteArray> PivCard::readObject(quint32 objectTag)
{
    using R = CardResult<QByteArray>;
    const auto r = m_transport.exchange(getDataCommand(objectTag));
    if (!r.ok())
        return R::failure(r.error);
    if (!r.value.isSuccess())
        return R::failure(CardErrors::fromStatusWord(r.value.statusWord()), r.value.statusWord());
    const auto outer = BerTlv::parseAll(r.value.data());
    if (!outer || outer->size() != 1 || outer->first().tag != 0x53)
        return R::failure(CardError::MalformedResponse);
    return R::success(outer->first().value);
}

CardResult<QByteArray> PivCard::readCertificate(quint32 objectTag)
{
    const auto obj = readObject(objectTag);
    if (!obj.ok())
        return obj;
    return parseCertificateObject(obj.value);
}

CardResult<QByteArray> PivCard::sign(quint8 keyRef, quint8 algorithm, const QByteArray& digest)
{
    using R = CardResult<QByteArray>;
    const auto r = m_transport.exchange(generalAuthenticateCommand(algorithm, keyRef, digest));
    if (!r.ok())
        return R::failure(r.error);
    if (!r.value.isSuccess())
        return R::failure(CardErrors::fromStatusWord(r.value.statusWord()), r.value.statusWord());
    return parseGeneralAuthenticateResponse(r.value.data());
}

CardResult<QByteArray> PivCard::keyAgreement(quint8 keyRef, quint8 algorithm, const QByteArray& publicPoint)
{
    using R = CardResult<QByteArray>;
    const auto r = m_transport.exchange(keyAgreementCommand(algorithm, keyRef, publicPoint));
    if (!r.ok())
        return R::failure(r.error);
    if (!r.value.isSuccess())
        return R::failure(CardErrors::fromStatusWord(r.value.statusWord()), r.value.statusWord());
    auto secret = parseGeneralAuthenticateResponse(r.value.data());
    if (secret.ok() && (algorithm != kAlgEccP256 || secret.value.size() != 32))
        return R::failure(CardError::MalformedResponse);
    return secret;
}

CardResult<CardIdentity> PivCard::authenticate()
{
    using R = CardResult<CardIdentity>;
    if (const CardError e = select(); e != CardError::None)
        return R::failure(e);
    const auto der = readCertificate(kCardAuthCertificate);
    if (!der.ok())
        return R::failure(der.error, der.statusWord);
    const auto cert = PivCertificate::fromDer(der.value);
    if (!cert.ok())
        return R::failure(cert.error);

    // A fresh 32-byte random value, signed by the card as a P-256 "digest": unpredictable, so a recorded
    // signature cannot be replayed; exactly the digest length, so no card-side truncation or padding applies.
    const QByteArray challenge = Random::bytes(32);
    const auto sig = sign(kKeyCardAuth, kAlgEccP256, challenge);
    if (!sig.ok())
        return R::failure(sig.error, sig.statusWord);
    if (!cert.value.verifyPrehashed(challenge, sig.value))
        return R::failure(CardError::SignatureInvalid);

    CardIdentity id;
    id.kind = CardIdentity::Kind::Piv;
    id.certificateDer = cert.value.der();
    id.publicKeyDer = cert.value.publicKeyDer();
    id.subjectCommonName = cert.value.subjectCommonName();
    id.cardSecret = Digest::sha256(id.publicKeyDer);
    return R::success(id);
}

} // namespace ward
