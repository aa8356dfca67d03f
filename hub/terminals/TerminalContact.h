#pragma once

#include "hub/http/HubRequest.h"

#include <QString>
#include <optional>

namespace ward::hub {

// What a terminal says about itself on each request (issue 13, for the IT console): its program version
// (X-Ward-Version) and its own clock when it sent the request (X-Ward-Terminal-Time, ISO 8601 UTC with ms). Pure:
// headers are untrusted input, so a value that does not fit is dropped, never stored half.
struct TerminalContact
{
    static constexpr int kMaxVersionLength = 32;

    QString version;               // empty: the terminal did not say (an older client)
    std::optional<qint64> skewMs;  // terminal clock − hub clock at arrival (positive: the terminal is ahead)
    bool sync = false;             // a change-feed pull or a record push that the hub answered 2xx

    // `hubNowMs`: the hub's clock when the request arrived; `answered`: the HTTP status the hub replied with.
    static TerminalContact fromRequest(const HubRequest& req, qint64 hubNowMs, int answered);
};

} // namespace ward::hub
