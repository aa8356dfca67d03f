// The body of every /api/v1 request the hub accepts, read exactly as the handlers read it before a service or the
// database sees it: RequestBody (JSON object, enrol/staff-cert fields), the CSR of enrol and staff-cert,
// SessionRequest (/session, /session/fallback, /password) and RecordSubmission (/records: the batch and each record).
// Every refusal must be a HubError with a 4xx status — anything else would be a 500 or a crash on hostile input.
#include "FuzzInput.h"

#include "crypto/CertificateRequest.h"
#include "hub/HubError.h"
#include "hub/directory/SessionRequest.h"
#include "hub/http/RequestBody.h"
#include "hub/records/RecordSubmission.h"

using namespace ward;
using namespace ward::hub;

namespace {

template <typename Read>
void refusedAs400(Read read)
{
    try {
        read();
    } catch (const HubError& e) {
        WARD_FUZZ_CHECK(e.httpStatus() == 400);
        WARD_FUZZ_CHECK(!e.message().isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QJsonObject body;
    try {
        body = RequestBody::parseObject(fuzz::input(data, size));
    } catch (const HubError& e) {
        WARD_FUZZ_CHECK(e.code() == QLatin1String("bad_json") && e.httpStatus() == 400);
        return 0;
    }

    // POST /api/v1/enrol and /staff-cert: the fields, then the certificate request the CA would be asked to sign.
    refusedAs400([&] {
        (void)RequestBody::requiredString(body, "code", 64);
        (void)RequestBody::requiredString(body, "terminalName", 64);
    });
    refusedAs400([&] {
        const QString csr = RequestBody::requiredString(body, "csr", 8192);
        if (const auto request = CertificateRequest::fromPem(csr.toUtf8())) {
            if (request->signatureValid()) {
                (void)request->commonName();
                WARD_FUZZ_CHECK(!request->publicKeyDer().isEmpty());
            }
        }
    });

    refusedAs400([&] {
        const SessionRequest r = SessionRequest::login(body);
        WARD_FUZZ_CHECK(r.userId.size() == 10 && !r.cardProof.isEmpty());
    });
    refusedAs400([&] {
        const SessionRequest r = SessionRequest::fallbackLogin(body);
        WARD_FUZZ_CHECK(r.code.size() <= SessionRequest::kMaxCodeLength);
    });
    refusedAs400([&] {
        // BCP-1: an emergency login names an EMERG… account and a person; a real use also a reason.
        const SessionRequest r = SessionRequest::emergencyLogin(body);
        WARD_FUZZ_CHECK(r.userId.startsWith(QLatin1String("EMERG"), Qt::CaseInsensitive) && !r.realName.isEmpty()
                        && r.realName.size() <= SessionRequest::kMaxRealNameLength && r.reason.size() <= SessionRequest::kMaxReasonLength
                        && (r.test || !r.reason.isEmpty()));
    });
    refusedAs400([&] {
        const SessionRequest r = SessionRequest::passwordChange(body);
        WARD_FUZZ_CHECK(r.newPassword.size() <= SessionRequest::kMaxPasswordLength);
    });

    // POST /api/v1/records: a malformed record is rejected with a reason, never thrown.
    refusedAs400([&] {
        const QJsonArray records = RecordSubmission::batch(body);
        WARD_FUZZ_CHECK(!records.isEmpty() && records.size() <= RecordSubmission::kMaxRecords);
        for (const QJsonValue& v : records) {
            RecordSubmission record;
            const QString reason = RecordSubmission::parse(v, &record);
            if (reason.isEmpty())
                WARD_FUZZ_CHECK(record.version >= 1 && !record.body.isEmpty() && !record.signature.isEmpty()
                                && (record.version == 1) == record.prevHash.isEmpty());
        }
    });
    return 0;
}
