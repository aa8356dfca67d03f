// A record signature as it arrives from a terminal or the hub: detached CMS SignedData over a fixed record body,
// verified against the fixed hub CA of tests/fuzz/data. Both verifiers run on every input and must agree — the
// reference path CmsSignature::verifyDetached and the cached CmsVerifier (which promises the same verdicts and the
// same error texts) — and the strict DER walker SignedDataLayout must only ever hand out spans inside the input.
#include "FuzzInput.h"

#include "crypto/CmsSignature.h"
#include "crypto/CmsVerifier.h"
#include "crypto/SignedDataLayout.h"
#include "util/Clock.h"

using namespace ward;

namespace {

struct Fixture
{
    QByteArray body = fuzz::dataFile("record-body");
    QList<Certificate> cas{*Certificate::fromPem(fuzz::dataFile("ca.pem"))};
    CmsVerifier cached{cas};
    Fixture() { Clock::setInstance(std::make_shared<ManualClock>(fuzz::seedTime().addSecs(3600))); }
};

void checkLayout(const QByteArray& der)
{
    const auto layout = SignedDataLayout::locate(der);
    if (!layout)
        return;
    WARD_FUZZ_CHECK(!layout->certificates().isEmpty()
                    && layout->certificates().size() <= SignedDataLayout::kMaxCertificates);
    for (const auto& span : layout->certificates())
        WARD_FUZZ_CHECK(span.offset >= 0 && span.length > 0 && span.offset + span.length <= der.size());
    const auto set = layout->certificateSet();
    WARD_FUZZ_CHECK(set.offset >= 0 && set.offset + set.length <= der.size());
    WARD_FUZZ_CHECK(layout->withoutCertificates().size() < der.size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static Fixture f;
    const QByteArray der = fuzz::input(data, size);
    checkLayout(der);
    const CmsVerification reference = CmsSignature::verifyDetached(f.body, der, f.cas);
    const CmsVerification fast = f.cached.verify(f.body, der);
    WARD_FUZZ_CHECK(reference.valid == fast.valid);
    WARD_FUZZ_CHECK(reference.error == fast.error);
    if (reference.valid)
        WARD_FUZZ_CHECK(reference.signingTime.isValid() && !reference.signer.isNull());
    return 0;
}
