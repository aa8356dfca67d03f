// One answer of a card we do not trust yet: the response APDU, its BER-TLV data, the PIV templates inside it
// (GENERAL AUTHENTICATE 7C/82, certificate object 70/71) and the X.509 certificate a card hands over.
#include "FuzzInput.h"

#include "card/ApduResponse.h"
#include "card/BerTlv.h"
#include "card/PivCard.h"
#include "card/PivCertificate.h"

using namespace ward;

namespace {

void parseTlvs(const QByteArray& bytes)
{
    const auto all = BerTlv::parseAll(bytes);
    if (!all)
        return;
    // What parses re-encodes to something that parses to the same tags and values (lengths become minimal).
    QByteArray again;
    for (const BerTlv& t : *all)
        again.append(BerTlv::encode(t.tag, t.value));
    const auto reparsed = BerTlv::parseAll(again);
    WARD_FUZZ_CHECK(reparsed && reparsed->size() == all->size());
    for (int i = 0; i < all->size(); ++i)
        WARD_FUZZ_CHECK(reparsed->at(i).tag == all->at(i).tag && reparsed->at(i).value == all->at(i).value);
    // One level down: PIV nests its templates (53 { 70 … }, 7C { 82 … }).
    for (const BerTlv& t : *all)
        (void)BerTlv::parseAll(t.value);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray raw = fuzz::input(data, size);
    const auto response = ApduResponse::parse(raw);
    if (!response)
        return 0;
    WARD_FUZZ_CHECK(response->encode() == raw);
    const QByteArray body = response->data();
    parseTlvs(body);
    (void)BerTlv::find(body, 0x53);

    const auto signature = PivCard::parseGeneralAuthenticateResponse(body);
    if (signature.ok())
        WARD_FUZZ_CHECK(!signature.value.isEmpty());

    // A GET DATA answer is 53 { 70 cert, 71 info, FE }; parseCertificateObject reads the inside.
    const auto object = BerTlv::find(body, 0x53);
    const auto der = PivCard::parseCertificateObject(object ? *object : body);
    if (!der.ok())
        return 0;
    const auto cert = PivCertificate::fromDer(der.value);
    if (!cert.ok())
        return 0;
    WARD_FUZZ_CHECK(!cert.value.publicKeyDer().isEmpty());
    // The signature check the login runs with that certificate, over a fixed digest.
    (void)cert.value.verifyPrehashed(QByteArray(32, '\x5a'), signature.ok() ? signature.value : body.right(72));
    return 0;
}
