#include "ConnectionFlood.h"

#include <arpa/inet.h>
#include <chrono>
#include <cstring>
#include <string>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

struct ConnectionFlood::Connection
{
    Kind kind = Kind::Idle;
    int index = 0;
    int fd = -1;
    SSL* ssl = nullptr;
    std::size_t sent = 0;

    void close()
    {
        if (ssl) {
            SSL_free(ssl);
            ssl = nullptr;
        }
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
        sent = 0;
    }
};

namespace {

// The start of a TLS handshake record announcing 512 bytes: the hub waits for the rest of the ClientHello.
const unsigned char kClientHelloStart[] = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03};
const char kSlowHeader[] = "GET /healthz HTTP/1.1\r\nHost: hub\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

int tcpConnect(quint16 port, quint32 sourceAddress)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (sourceAddress) {
        sockaddr_in src{};
        src.sin_family = AF_INET;
        src.sin_addr.s_addr = htonl(sourceAddress);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&src), sizeof(src)) != 0) {
            ::close(fd);
            return -1;
        }
    }
    sockaddr_in dst{};
    dst.sin_family = AF_INET;
    dst.sin_port = htons(port);
    dst.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&dst), sizeof(dst)) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    return fd;
}

// True when the peer has closed (EOF or reset) — checked without blocking.
bool peerClosed(int fd)
{
    pollfd p{fd, POLLIN | POLLRDHUP, 0};
    if (::poll(&p, 1, 0) <= 0)
        return false;
    if (p.revents & (POLLHUP | POLLERR | POLLRDHUP))
        return true;
    char b[512];
    const ssize_t n = ::recv(fd, b, sizeof(b), MSG_DONTWAIT | MSG_PEEK);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

} // namespace

ConnectionFlood::ConnectionFlood(quint16 port, Plan plan)
    : m_port(port)
    , m_plan(plan)
{
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    m_tls = ctx;
    int index = 0;
    auto add = [&](Kind kind, int n) {
        for (int i = 0; i < n; ++i) {
            auto c = std::make_unique<Connection>();
            c->kind = kind;
            c->index = index++;
            m_connections.push_back(std::move(c));
        }
    };
    add(Kind::Idle, plan.idle);
    add(Kind::SlowTls, plan.slowTls);
    add(Kind::SlowHttp, plan.slowHttp);
}

ConnectionFlood::~ConnectionFlood()
{
    stop();
    for (auto& c : m_connections)
        c->close();
    SSL_CTX_free(static_cast<SSL_CTX*>(m_tls));
}

bool ConnectionFlood::connect(Connection& c)
{
    const quint32 source = m_plan.fixedAddress ? (127u << 24 | 77u << 16 | static_cast<quint32>(m_plan.fixedAddress))
                                               : (127u << 24 | 77u << 16 | static_cast<quint32>(c.index / qMax(1, m_plan.perAddress) + 1));
    c.fd = tcpConnect(m_port, source);
    if (c.fd < 0)
        return false;
    if (c.kind == Kind::SlowHttp) {
        c.ssl = SSL_new(static_cast<SSL_CTX*>(m_tls));
        SSL_set_fd(c.ssl, c.fd);
        timeval tv{10, 0};
        setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        if (SSL_connect(c.ssl) != 1) {
            c.close();
            return false;
        }
    }
    return true;
}

bool ConnectionFlood::start()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (auto& c : m_connections)
            if (!connect(*c))
                return false;
    }
    m_thread = std::thread([this] { loop(); });
    return true;
}

void ConnectionFlood::stop()
{
    m_stopping = true;
    if (m_thread.joinable())
        m_thread.join();
}

int ConnectionFlood::open() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    int n = 0;
    for (const auto& c : m_connections)
        n += c->fd >= 0 ? 1 : 0;
    return n;
}

void ConnectionFlood::loop()
{
    auto next = std::chrono::steady_clock::now();
    while (!m_stopping) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            for (auto& c : m_connections) {
                if (c->fd < 0) {
                    if (m_plan.reopen)
                        connect(*c);
                    continue;
                }
                if (peerClosed(c->fd)) {
                    ++m_closed;
                    c->close();
                    if (m_plan.reopen)
                        connect(*c);
                    continue;
                }
                bool ok = true;
                if (c->kind == Kind::SlowTls && c->sent < sizeof(kClientHelloStart)) {
                    ok = ::send(c->fd, kClientHelloStart + c->sent, 1, MSG_NOSIGNAL | MSG_DONTWAIT) == 1;
                    ++c->sent;
                } else if (c->kind == Kind::SlowHttp && c->sent < sizeof(kSlowHeader) - 1) {
                    ok = SSL_write(c->ssl, kSlowHeader + c->sent, 1) == 1;
                    ++c->sent;
                }
                if (!ok) {
                    ++m_closed;
                    c->close();
                }
            }
        }
        next += std::chrono::seconds(1);
        while (!m_stopping && std::chrono::steady_clock::now() < next)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::string ConnectionFlood::exchange(quint16 port, const std::string& request, int timeoutMs)
{
    const int fd = tcpConnect(port, 0);
    if (fd < 0)
        return {};
    timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL* ssl = SSL_new(ctx);
    SSL_set_fd(ssl, fd);
    std::string reply;
    if (SSL_connect(ssl) == 1 && SSL_write(ssl, request.data(), static_cast<int>(request.size())) > 0) {
        char buf[4096];
        int n = 0;
        while ((n = SSL_read(ssl, buf, sizeof(buf))) > 0)
            reply.append(buf, static_cast<std::size_t>(n));
    }
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    ::close(fd);
    return reply;
}

double ConnectionFlood::probeHealthz(quint16 port, int timeoutMs)
{
    const auto started = std::chrono::steady_clock::now();
    const std::string reply = exchange(port, "GET /healthz HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n", timeoutMs);
    if (reply.rfind("HTTP/1.1 200", 0) != 0 || reply.find("\"ok\"") == std::string::npos)
        return -1;
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}
