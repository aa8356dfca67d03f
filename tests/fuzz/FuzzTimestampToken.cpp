// An RFC 3161 time-stamp token as the hub returns it beside a record, over a fixed record signature, checked
// against the fixed hub CA of tests/fuzz/data. The reference path TimestampToken::verify and the cached
// TimestampVerifier (same verdicts, same error texts by contract) must agree on every input, and SignedDataLayout
// must only hand out spans inside the token.
#include "FuzzInput.h"

#include "crypto/SignedDataLayout.h"
#include "crypto/TimestampToken.h"
#include "crypto/TimestampVerifier.h"
#include "util/Clock.h"

using namespace ward;

namespace {

struct Fixture
{
    QByteArray stamped = fuzz::dataFile("record-signature.der");
    QList<Certificate> cas{*Certificate::fromPem(fuzz::dataFile("ca.pem"))};
    TimestampVerifier cached{cas};
    Fixture() { Clock::setInstance(std::make_shared<ManualClock>(fuzz::seedTime().addSecs(3600))); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static Fixture f;
    const QByteArray token = fuzz::input(data, size);
    if (const auto layout = SignedDataLayout::locate(token)) {
        for (const auto& span : layout->certificates())
            WARD_FUZZ_CHECK(span.offset >= 0 && span.length > 0 && span.offset + span.length <= token.size());
    }
    const TimestampVerification reference = TimestampToken::verify(token, f.stamped, f.cas);
    const TimestampVerification fast = f.cached.verify(token, f.stamped);
    WARD_FUZZ_CHECK(reference.valid == fast.valid);
    WARD_FUZZ_CHECK(reference.error == fast.error);
    if (reference.valid)
        WARD_FUZZ_CHECK(reference.genTime.isValid() && reference.genTime == fast.genTime
                        && reference.serialHex == fast.serialHex);
    return 0;
}
