#pragma once

#include "hub/http/HubRequest.h"
#include "hub/http/HubResponse.h"
#include "hub/terminals/TerminalRegistry.h"

#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace ward::hub {

class AdminApi;
class PolicyAdminApi;
class HubApi;
class HubServices;
class TerminalAdminApi;
class AuditAdminApi;
class TerminalDisposalApi;

// Maps a request to its HubApi handler, authenticates the terminal (client certificate → enrolled, unrevoked row)
// and turns every refusal into the JSON error convention. Transport-free: HttpSession calls it.
// answerInline() runs on an I/O thread and answers only what needs no database (liveness, unknown endpoint,
// missing client certificate); handle() does the rest on a worker thread. Both write the access-log line with the
// terminal of *this* request (or "-"), never another request's.
class RequestRouter
{
public:
    explicit RequestRouter(HubServices& services);
    ~RequestRouter();

    std::optional<HubResponse> answerInline(const HubRequest& req) const;
    HubResponse handle(const HubRequest& req) const;

    // A request refused before routing (malformed, too large, …): JSON error, logged without a terminal.
    static HubResponse reject(const HubRequest& req, int status, const QString& code, const QString& message);

private:
    using Terminal = TerminalRegistry::Terminal;
    // A null terminal: the endpoint needs no client certificate.
    using Handler = std::function<void(const HubRequest&, HubResponse&, const Terminal*)>;
    struct Route
    {
        bool needsTerminal = true;
        Handler handler;
    };

    const Route* find(const HubRequest& req) const;
    static void log(const HubRequest& req, const HubResponse& res, const QString& terminal);

    HubServices& m_services;
    std::unique_ptr<HubApi> m_api;
    std::unique_ptr<AdminApi> m_adminApi;
    std::unique_ptr<TerminalAdminApi> m_terminalAdminApi;
    std::unique_ptr<PolicyAdminApi> m_policyApi;
    std::unique_ptr<TerminalDisposalApi> m_disposalApi;  // issue 13, DATA-5
    std::unique_ptr<AuditAdminApi> m_auditAdminApi;      // issue 14
    std::map<std::pair<std::string, std::string>, Route> m_routes;
};

} // namespace ward::hub
