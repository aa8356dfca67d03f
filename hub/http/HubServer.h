#pragma once

#include <QString>
#include <memory>

namespace httplib {
class SSLServer;
}

namespace ward::hub {

class HubServices;
class HubApi;

// HTTPS with mutual TLS (EX-1). The TLS layer accepts only certificates of the hub's CA; a client without a
// certificate still completes the handshake (SSL_VERIFY_PEER without FAIL_IF_NO_PEER_CERT) so it can be told
// why in JSON (401) — enrolment is the only API call that works without one. Every request is bounded:
// body ≤ kMaxBodyBytes (413), read/write timeouts, a fixed pool of worker threads.
class HubServer
{
public:
    static constexpr std::size_t kMaxBodyBytes = 8 * 1024 * 1024;
    static constexpr int kIoTimeoutSecs = 15;
    static constexpr int kKeepAliveSecs = 30;
    static constexpr int kKeepAliveMaxRequests = 1000;

    explicit HubServer(HubServices& services);
    ~HubServer();

    // Binds host:port (0 = any free port); returns the bound port, or -1 when binding or the TLS setup failed.
    int bind(const QString& host, int port);
    // Serves until stop(); returns false on a listen failure.
    bool run();
    void stop();

private:
    HubServices& m_services;
    std::unique_ptr<HubApi> m_api;
    std::unique_ptr<httplib::SSLServer> m_server;
};

} // namespace ward::hub
