#include "hub/http/HttpListener.h"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>

#include <cstdio>

namespace ward::hub {

namespace net = boost::asio;
using tcp = net::ip::tcp;

HttpListener::HttpListener(net::io_context& io, net::ssl::context& tls, const HttpSession::Settings& settings,
                           const RequestRouter& router, WorkerPool& workers, ConnectionLimits& limits)
    : m_io(io)
    , m_tls(tls)
    , m_settings(settings)
    , m_router(router)
    , m_workers(workers)
    , m_limits(limits)
    , m_strand(net::make_strand(io))
    , m_acceptor(m_strand)
    , m_retry(m_strand)
{
}

int HttpListener::bind(const std::string& host, unsigned short port, std::string* error)
{
    boost::system::error_code ec;
    tcp::endpoint endpoint;
    const net::ip::address address = net::ip::make_address(host, ec);
    if (!ec) {
        endpoint = tcp::endpoint(address, port);
    } else {
        tcp::resolver resolver(m_io);
        const auto results = resolver.resolve(host, std::to_string(port), ec);
        if (ec || results.empty()) {
            *error = "cannot resolve " + host;
            return -1;
        }
        endpoint = *results.begin();
    }
    m_acceptor.open(endpoint.protocol(), ec);
    // SO_REUSEADDR for fast restarts, never SO_REUSEPORT: a second hub must fail to bind, not silently share the
    // port with the first.
    if (!ec)
        m_acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        m_acceptor.bind(endpoint, ec);
    if (!ec)
        m_acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        *error = ec.message();
        m_acceptor.close(ec);
        return -1;
    }
    return m_acceptor.local_endpoint().port();
}

void HttpListener::start()
{
    net::dispatch(m_strand, [self = shared_from_this()] { self->accept(); });
}

void HttpListener::stop()
{
    net::post(m_strand, [self = shared_from_this()] {
        boost::system::error_code ignored;
        self->m_acceptor.close(ignored);
        self->m_retry.cancel();
    });
}

void HttpListener::accept()
{
    if (!m_acceptor.is_open())
        return;
    m_acceptor.async_accept(net::make_strand(m_io), [self = shared_from_this()](boost::beast::error_code ec, tcp::socket socket) {
        self->onAccept(ec, std::move(socket));
    });
}

void HttpListener::onAccept(boost::beast::error_code ec, tcp::socket socket)
{
    if (ec == net::error::operation_aborted || !m_acceptor.is_open())
        return;
    if (ec) {
        // Out of file descriptors (or kernel buffers): pause instead of spinning; timeouts free descriptors.
        if (!m_reportedExhaustion) {
            std::fprintf(stderr, "wardhub: accept failed (%s); retrying\n", ec.message().c_str());
            m_reportedExhaustion = true;
        }
        m_retry.expires_after(std::chrono::milliseconds(100));
        m_retry.async_wait([self = shared_from_this()](boost::beast::error_code wec) {
            if (!wec)
                self->accept();
        });
        return;
    }
    m_reportedExhaustion = false;
    boost::system::error_code aec;
    const tcp::endpoint remote = socket.remote_endpoint(aec);
    if (!aec) {
        net::ip::address address = remote.address();
        if (address.is_v6() && address.to_v6().is_v4_mapped())
            address = net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
        if (auto slot = m_limits.admit(address.to_string())) {
            // PLATFORM-NOTES: without TCP_NODELAY a keep-alive connection stalls on delayed ACKs.
            socket.set_option(tcp::no_delay(true), aec);
            std::make_shared<HttpSession>(std::move(socket), m_tls, m_settings, m_router, m_workers, std::move(slot))->start();
        } else {
            socket.close(aec);
        }
    }
    accept();
}

} // namespace ward::hub
