#pragma once

#include "hub/terminals/TerminalRegistry.h"

#include <QJsonObject>
#include <optional>

namespace httplib {
struct Request;
struct Response;
}

namespace ward::hub {

class HubServices;

// The /api/v1 endpoints. HubServer authenticates the terminal before a handler runs and passes it in;
// handlers throw HubError for every refusal (mapped to a JSON error with its HTTP status).
class HubApi
{
public:
    using Terminal = TerminalRegistry::Terminal;

    explicit HubApi(HubServices& services);

    void healthz(const httplib::Request& req, httplib::Response& res);
    void readyz(const httplib::Request& req, httplib::Response& res);
    void time(const httplib::Request& req, httplib::Response& res);
    void enrol(const httplib::Request& req, httplib::Response& res);
    void networkSlotKey(const httplib::Request& req, httplib::Response& res, const Terminal& terminal);
    void sessionChallenge(const httplib::Request& req, httplib::Response& res, const Terminal& terminal);
    void session(const httplib::Request& req, httplib::Response& res, const Terminal& terminal);
    void sessionFallback(const httplib::Request& req, httplib::Response& res, const Terminal& terminal);
    void changePassword(const httplib::Request& req, httplib::Response& res, const Terminal& terminal);
    void staffCert(const httplib::Request& req, httplib::Response& res, const Terminal& terminal);
    void pushRecords(const httplib::Request& req, httplib::Response& res, const Terminal& terminal);
    void pullChanges(const httplib::Request& req, httplib::Response& res, const Terminal& terminal);

    // The body as a JSON object, or HubError("bad_json", 400).
    static QJsonObject parseObject(const httplib::Request& req);

private:
    HubServices& m_services;
};

} // namespace ward::hub
