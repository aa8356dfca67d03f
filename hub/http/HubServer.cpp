#include "hub/http/HubServer.h"

#include "crypto/TlsPolicy.h"
#include "hub/HubServices.h"
#include "hub/http/ConnectionLimits.h"
#include "hub/http/HttpListener.h"
#include "hub/http/HttpSession.h"
#include "hub/http/RequestRouter.h"
#include "hub/http/WorkerPool.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <openssl/ssl.h>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace ward::hub {

namespace net = boost::asio;

namespace {

// Descriptors kept back from the connection cap: database, key files, logs.
constexpr long kReservedDescriptors = 64;

bool configureTls(net::ssl::context& ctx, const HubConfig& c)
{
    boost::system::error_code ec;
    ctx.use_certificate_chain_file(c.tlsCertPath().toStdString(), ec);
    if (!ec)
        ctx.use_private_key_file(c.tlsKeyPath().toStdString(), net::ssl::context::pem, ec);
    if (!ec)
        ctx.load_verify_file(c.caCertPath().toStdString(), ec);
    if (ec) {
        std::fprintf(stderr, "wardhub: TLS files: %s\n", ec.message().c_str());
        return false;
    }
    SSL_CTX* native = ctx.native_handle();
    // The CertificateRequest names the hub CA, so clients offer the terminal certificate.
    if (STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(c.caCertPath().toLocal8Bit().constData()))
        SSL_CTX_set_client_CA_list(native, names);
    // Certificate-less clients reach the router (JSON 401); certificates of any other CA fail the handshake.
    SSL_CTX_set_verify(native, SSL_VERIFY_PEER, nullptr);
    // Resumed sessions keep their verified peer certificate; OpenSSL refuses resumption under SSL_VERIFY_PEER
    // without a session id context.
    static const unsigned char kContext[] = "wardhub";
    SSL_CTX_set_session_id_context(native, kContext, sizeof(kContext) - 1);
    SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION);
    // Issue 10 item 10: the same protocol and cipher policy as the terminals (TlsPolicy).
    return TlsPolicy::apply(native);
}

} // namespace

class HubServer::Impl
{
public:
    explicit Impl(HubServices& services)
        : services(services)
        , limits(static_cast<int>(std::min<long>(services.config.maxConnections, raiseOpenFileLimit() - kReservedDescriptors)),
                 services.config.maxConnectionsPerAddress)
        , router(services)
        , io(ioThreads())
        , tls(net::ssl::context::tls_server)
        , workers(services.config.threads, [&db = services.db] { db.releaseThreadConnection(); })
    {
        const HubConfig& c = services.config;
        settings.maxBodyBytes = kMaxBodyBytes;
        settings.maxRequestsPerConnection = kMaxRequestsPerConnection;
        settings.handshakeTimeout = std::chrono::seconds(c.handshakeTimeoutSecs);
        settings.headerTimeout = std::chrono::seconds(c.requestTimeoutSecs);
        settings.bodyTimeout = std::chrono::seconds(c.bodyTimeoutSecs);
        settings.writeTimeout = std::chrono::seconds(c.bodyTimeoutSecs);
        settings.idleTimeout = std::chrono::seconds(c.idleTimeoutSecs);
    }

    static int ioThreads() { return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u)); }

    HubServices& services;
    // Declaration order is destruction order in reverse: sessions (owned by pending handlers in io) release
    // their limits slots and reference the router, so io goes before them; the workers are joined before io.
    ConnectionLimits limits;
    RequestRouter router;
    HttpSession::Settings settings;
    net::io_context io;
    net::ssl::context tls;
    std::shared_ptr<HttpListener> listener;
    WorkerPool workers;
};

HubServer::HubServer(HubServices& services)
    : m_impl(std::make_unique<Impl>(services))
{
}

HubServer::~HubServer()
{
    m_impl->workers.stop();
}

long HubServer::raiseOpenFileLimit()
{
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) != 0)
        return 1024;
    if (files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
        getrlimit(RLIMIT_NOFILE, &files);
    }
    return files.rlim_cur == RLIM_INFINITY ? 1L << 20 : static_cast<long>(files.rlim_cur);
}

int HubServer::bind(const QString& host, int port)
{
    if (port < 0 || port > 65535 || !configureTls(m_impl->tls, m_impl->services.config))
        return -1;
    m_impl->listener = std::make_shared<HttpListener>(m_impl->io, m_impl->tls, m_impl->settings, m_impl->router, m_impl->workers,
                                                      m_impl->limits);
    std::string error;
    const int bound = m_impl->listener->bind(host.toStdString(), static_cast<unsigned short>(port), &error);
    if (bound < 0) {
        std::fprintf(stderr, "wardhub: cannot listen on %s:%d: %s\n", qPrintable(host), port, error.c_str());
        m_impl->listener.reset();
    }
    return bound;
}

bool HubServer::run()
{
    if (!m_impl->listener)
        return false;
    m_impl->listener->start();
    std::vector<std::thread> extra;
    for (int i = 1; i < Impl::ioThreads(); ++i)
        extra.emplace_back([this] { m_impl->io.run(); });
    m_impl->io.run();
    for (std::thread& t : extra)
        t.join();
    // Handlers still running finish (their transactions commit or roll back); queued ones are dropped.
    m_impl->workers.stop();
    return true;
}

void HubServer::stop()
{
    if (m_impl->listener)
        m_impl->listener->stop();
    m_impl->io.stop();
}

} // namespace ward::hub
