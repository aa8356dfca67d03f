#pragma once

#include "hub/http/HubRequest.h"
#include "hub/http/HubResponse.h"
#include "hub/terminals/TerminalRegistry.h"

#include <QJsonObject>
#include <optional>

namespace ward::hub {

class HubServices;

// The /api/v1 endpoints. RequestRouter authenticates the terminal before a handler runs and passes it in;
// handlers throw HubError for every refusal (mapped to a JSON error with its HTTP status).
class HubApi
{
public:
    using Terminal = TerminalRegistry::Terminal;

    explicit HubApi(HubServices& services);

    void healthz(const HubRequest& req, HubResponse& res);
    void readyz(const HubRequest& req, HubResponse& res);
    void time(const HubRequest& req, HubResponse& res);
    void enrol(const HubRequest& req, HubResponse& res);
    void networkSlotKey(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    void sessionChallenge(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    void session(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    void sessionFallback(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    // BCP-1: a ward emergency account (SessionService::emergencyLogin).
    void sessionEmergency(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    void changePassword(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    void loginReport(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    void staffCert(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    void pushRecords(const HubRequest& req, HubResponse& res, const Terminal& terminal);
    void pullChanges(const HubRequest& req, HubResponse& res, const Terminal& terminal);

    // The body as a JSON object, or HubError("bad_json", 400).
    static QJsonObject parseObject(const HubRequest& req);

private:
    HubServices& m_services;
};

} // namespace ward::hub
