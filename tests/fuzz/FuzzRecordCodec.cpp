// A record body as it arrives from a terminal or the hub: the signed RecordEnvelope (header + FHIR R4 resource) and,
// on its own, the FHIR resource RecordCodec reads. An envelope that parses is canonical (re-encodes to the same
// bytes: one record, one envelope, one signature); content that decodes is valid, and encoding it is a fixed point
// (decode(encode(c)) encodes to the same bytes), so the bytes a record is signed over never drift.
#include "FuzzInput.h"

#include "records/RecordCodec.h"
#include "records/RecordEnvelope.h"

using namespace ward;

namespace {

void roundTrip(const RecordContent& content)
{
    WARD_FUZZ_CHECK(RecordCodec::validate(content).isEmpty());
    const QByteArray encoded = RecordCodec::encode(content);
    QList<ValidationProblem> problems;
    const auto again = RecordCodec::decode(encoded, &problems);
    WARD_FUZZ_CHECK(again);
    WARD_FUZZ_CHECK(RecordCodec::encode(*again) == encoded);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = fuzz::input(data, size);
    QString problem;
    if (const auto envelope = RecordEnvelope::parse(body, &problem)) {
        WARD_FUZZ_CHECK(envelope->encode() == body);
        (void)envelope->expectedSigner();
        QList<ValidationProblem> problems;
        if (const auto content = RecordCodec::decode(*envelope, &problems))
            roundTrip(*content);
        else
            WARD_FUZZ_CHECK(!problems.isEmpty());
    } else {
        WARD_FUZZ_CHECK(!problem.isEmpty());
    }
    QList<ValidationProblem> problems;
    if (const auto content = RecordCodec::decode(body, &problems))
        roundTrip(*content);
    else
        WARD_FUZZ_CHECK(!problems.isEmpty());
    return 0;
}
