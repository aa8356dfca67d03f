#pragma once

#include <QString>
#include <memory>

namespace ward::hub {

class HubServices;

// HTTPS with mutual TLS (EX-1), event-driven (Boost.Beast on Asio): a few I/O threads multiplex every
// connection, a separate WorkerPool runs the handlers (database work), so idle, slow or half-open clients cost
// a file descriptor until their deadline and never a worker (issue 10 item 5). The TLS layer accepts only
// certificates of the hub's CA; a client without a certificate still completes the handshake (SSL_VERIFY_PEER
// without FAIL_IF_NO_PEER_CERT) so it can be told why in JSON (401) — enrolment is the only API call that works
// without one. Bounded everywhere: body ≤ kMaxBodyBytes (413), per-phase deadlines, connections in total and per
// client address (HubConfig). Beast stays out of this header (pimpl): it compiles slowly.
class HubServer
{
public:
    static constexpr std::size_t kMaxBodyBytes = 8 * 1024 * 1024;
    static constexpr int kMaxRequestsPerConnection = 1000;

    explicit HubServer(HubServices& services);
    ~HubServer();

    // Binds host:port (0 = any free port); returns the bound port, or -1 when binding or the TLS setup failed.
    int bind(const QString& host, int port);
    // Serves until stop(); returns false when not bound.
    bool run();
    // Thread-safe (signal waiter): stops accepting and serving; handlers already running finish first.
    void stop();

    // Raises this process's open-files limit to its hard limit (every connection is a descriptor); returns the
    // soft limit now in force.
    static long raiseOpenFileLimit();

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ward::hub
