// The body and query of every /api/v1/admin request (issue 12), read exactly as AdminApi reads them before a
// service or the database sees them (AdminRequest). Every refusal must be a HubError with a 400 (413 for the size)
// and a message; what is accepted must hold the bounds the services rely on.
#include "FuzzInput.h"

#include "hub/HubError.h"
#include "hub/admin/AdminRequest.h"

#include <map>
#include <string>

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

bool changeHolds(const AdminRequest::Change& c)
{
    return c.userId.size() == 10 && c.version >= 1 && !c.reason.isEmpty() && c.reason.size() <= AdminRequest::kMaxReasonLength;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray raw = fuzz::input(data, size);
    // The same bytes as a query string: key=value pairs split on '&'.
    std::map<std::string, std::string> query;
    for (const QByteArray& pair : raw.split('&')) {
        const int eq = pair.indexOf('=');
        query[pair.left(eq < 0 ? pair.size() : eq).toStdString()] = eq < 0 ? std::string() : pair.mid(eq + 1).toStdString();
    }
    refusedAs400([&] {
        const AdminRequest::Search s = AdminRequest::search(query);
        WARD_FUZZ_CHECK(s.limit >= 1 && s.limit <= AdminRequest::kMaxPageSize && s.offset >= 0);
    });

    QJsonObject body;
    try {
        body = AdminRequest::body(raw.toStdString());
    } catch (const HubError& e) {
        WARD_FUZZ_CHECK((e.httpStatus() == 400 && e.code() == QLatin1String("bad_json")) || e.httpStatus() == 413);
        return 0;
    }
    refusedAs400([&] {
        const AdminRequest::Registration r = AdminRequest::registration(body);
        WARD_FUZZ_CHECK(!r.name.isEmpty() && !r.kana.isEmpty() && !r.roles.isEmpty() && r.roles.size() <= AdminRequest::kMaxListEntries);
        WARD_FUZZ_CHECK(r.userId.isEmpty() || r.userId.size() == 10);
    });
    refusedAs400([&] {
        const auto s = AdminRequest::statusChange(body);
        WARD_FUZZ_CHECK(changeHolds(s) && !s.action.isEmpty());
    });
    refusedAs400([&] { WARD_FUZZ_CHECK(changeHolds(AdminRequest::passwordReset(body))); });
    refusedAs400([&] {
        const auto r = AdminRequest::roleChange(body);
        WARD_FUZZ_CHECK(changeHolds(r) && !r.roles.isEmpty());
    });
    refusedAs400([&] { WARD_FUZZ_CHECK(changeHolds(AdminRequest::cardBinding(body))); });
    refusedAs400([&] {
        const auto r = AdminRequest::cardRevocation(body);
        WARD_FUZZ_CHECK(changeHolds(r) && (r.keyId.isEmpty() || r.keyId.size() == 64));
    });
    refusedAs400([&] {
        const auto r = AdminRequest::fallbackCode(body);
        WARD_FUZZ_CHECK(changeHolds(r) && r.validMinutes >= 0 && r.validMinutes <= 12 * 60);
    });
    refusedAs400([&] { WARD_FUZZ_CHECK(AdminRequest::decision(body, true).requestId.size() == 32); });
    return 0;
}
