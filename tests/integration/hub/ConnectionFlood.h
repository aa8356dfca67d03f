#pragma once

// Test and bench support: an attacker inside the hospital network holding many connections open against the hub
// (issue 10 item 5) — idle TCP connections (never a byte: also what a vanished, half-open client looks like),
// slow TLS senders (a ClientHello trickled a byte a second) and slow HTTP senders (TLS done, then a request
// header trickled a byte a second). Connections come from many loopback source addresses (127.77.x.y), `perAddress`
// each, like many machines. A background thread trickles the bytes once a second, notices connections the hub
// closed and, with `reopen`, opens them again (a persistent attacker).

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class ConnectionFlood
{
public:
    struct Plan
    {
        int idle = 0;
        int slowTls = 0;
        int slowHttp = 0;
        int perAddress = 50;
        bool reopen = false;
        // 0: every connection from its own block of 127.77.x.y; N: all from 127.77.0.N (to test the per-address cap)
        int fixedAddress = 0;
    };

    ConnectionFlood(quint16 port, Plan plan);
    ~ConnectionFlood();

    // Opens every connection (TLS handshakes for the slow HTTP senders included) and starts trickling.
    // False when a connection could not be made at all (the hub refusing one later is not a failure).
    bool start();
    void stop();

    // Connections currently open from our side, and how many the hub has closed so far.
    int open() const;
    int closedByServer() const { return m_closed.load(); }

    // One GET /healthz over a fresh TLS connection from 127.0.0.1 (no client certificate); milliseconds until the
    // whole 200 response arrived, or -1.
    static double probeHealthz(quint16 port, int timeoutMs = 10000);
    // Sends `request` byte for byte over a fresh TLS connection (no client certificate) and returns everything
    // the hub answered until it closed or timed out ("" when TLS failed) — for requests Qt would never send.
    static std::string exchange(quint16 port, const std::string& request, int timeoutMs = 10000);

private:
    struct Connection;
    enum class Kind { Idle, SlowTls, SlowHttp };

    bool connect(Connection& c);
    void loop();

    quint16 m_port;
    Plan m_plan;
    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::atomic<int> m_closed{0};
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
    void* m_tls = nullptr; // SSL_CTX of the attacker (no certificate, verifies nothing)
};
