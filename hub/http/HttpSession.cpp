#include "hub/http/HttpSession.h"

#include "hub/http/RequestRouter.h"
#include "hub/http/WorkerPool.h"

#include <QCoreApplication>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <openssl/ssl.h>

#include <cctype>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace ward::hub {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

constexpr std::size_t kScratchBytes = 16 * 1024;
constexpr std::chrono::seconds kShutdownTimeout{2};

// A malformed request (as opposed to a connection that ended or timed out).
bool isProtocolError(const beast::error_code& ec)
{
    return ec.category() == http::make_error_code(http::error::bad_target).category() && ec != http::error::end_of_stream
        && ec != http::error::partial_message;
}

} // namespace

HttpSession::HttpSession(net::ip::tcp::socket&& socket, net::ssl::context& tls, const Settings& settings, const RequestRouter& router,
                         WorkerPool& workers, std::unique_ptr<ConnectionLimits::Slot> slot)
    : m_stream(std::move(socket), tls)
    , m_settings(settings)
    , m_router(router)
    , m_workers(workers)
    , m_slot(std::move(slot))
{
}

HttpSession::~HttpSession() = default;

void HttpSession::start()
{
    net::dispatch(m_stream.get_executor(), [self = shared_from_this()] {
        beast::get_lowest_layer(self->m_stream).expires_after(self->m_settings.handshakeTimeout);
        self->m_stream.async_handshake(net::ssl::stream_base::server, [self](beast::error_code ec) { self->onHandshake(ec); });
    });
}

void HttpSession::onHandshake(beast::error_code ec)
{
    if (ec)
        return close();
    // Verified against the hub CA in the handshake (another CA's certificate never gets here); null when the
    // client sent none — RequestRouter answers that with a JSON 401 except on the public endpoints.
    if (X509* peer = SSL_get1_peer_certificate(m_stream.native_handle()))
        m_peer = std::make_shared<const Certificate>(Certificate::adopt(peer));
    awaitRequest();
}

void HttpSession::awaitRequest()
{
    if (m_buffer.size() > 0)
        return readHeader();
    // Keep-alive: an idle connection waits at most idleTimeout for the first byte of its next request.
    beast::get_lowest_layer(m_stream).expires_after(m_settings.idleTimeout);
    m_stream.async_read_some(m_buffer.prepare(kScratchBytes), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
        if (ec)
            return self->close();
        self->m_buffer.commit(n);
        self->readHeader();
    });
}

void HttpSession::readHeader()
{
    m_received = std::chrono::steady_clock::now();
    m_parser.emplace();
    m_parser->header_limit(m_settings.maxHeaderBytes);
    m_parser->body_limit(m_settings.maxBodyBytes);
    // One deadline for the whole header: trickling bytes does not extend it.
    beast::get_lowest_layer(m_stream).expires_after(m_settings.headerTimeout);
    http::async_read_header(m_stream, m_buffer, *m_parser,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
}

void HttpSession::onHeader(beast::error_code ec)
{
    if (ec == http::error::body_limit)
        return refuse(413, "payload_too_large", true);
    if (ec == http::error::header_limit)
        return refuse(431, "http_error", false);
    if (ec)
        return isProtocolError(ec) ? refuse(400, "http_error", false) : close();
    const auto& head = m_parser->get();
    if (beast::iequals(head[http::field::expect], "100-continue")) {
        auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_, head.version());
        m_writing = interim;
        beast::get_lowest_layer(m_stream).expires_after(m_settings.writeTimeout);
        http::async_write(m_stream, *interim, [self = shared_from_this()](beast::error_code wec, std::size_t) {
            self->m_writing.reset();
            if (wec)
                return self->close();
            self->readBody();
        });
        return;
    }
    readBody();
}

void HttpSession::readBody()
{
    if (m_parser->is_done())
        return dispatch();
    beast::get_lowest_layer(m_stream).expires_after(m_settings.bodyTimeout);
    readBodyPart();
}

void HttpSession::readBodyPart()
{
    // Acknowledge each part at once. The terminals' HTTP client (Qt) leaves Nagle's algorithm on, so it holds the
    // next part of a large body until its last one is acknowledged; with Linux's delayed ACK that cost ~40 ms per
    // request (an audit batch of 366 KB took 55 ms to arrive on loopback, 12–19 ms with this). TCP_QUICKACK is not
    // sticky, hence before every read.
    const int quick = 1;
    ::setsockopt(beast::get_lowest_layer(m_stream).socket().native_handle(), IPPROTO_TCP, TCP_QUICKACK, &quick, sizeof quick);
    http::async_read_some(m_stream, m_buffer, *m_parser, [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (!ec && !self->m_parser->is_done())
            return self->readBodyPart();
        self->onBody(ec);
    });
}

void HttpSession::onBody(beast::error_code ec)
{
    if (ec == http::error::body_limit)
        return refuse(413, "payload_too_large", true);
    if (ec)
        return isProtocolError(ec) ? refuse(400, "http_error", false) : close();
    dispatch();
}

HubRequest HttpSession::requestHead(bool* targetOk) const
{
    HubRequest req;
    req.received = m_received;
    req.peerCertificate = m_peer;
    if (m_slot)
        req.remoteAddress = m_slot->address();
    if (!m_parser)
        return req;
    const auto& head = m_parser->get();
    req.method = std::string(head.method_string());
    const bool ok = req.setTarget(std::string(head.target()));
    if (targetOk)
        *targetOk = ok;
    for (const auto& field : head) {
        std::string name(field.name_string());
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        req.headers[name] = std::string(field.value());
    }
    return req;
}

void HttpSession::dispatch()
{
    beast::get_lowest_layer(m_stream).expires_never();
    bool targetOk = false;
    auto req = std::make_shared<HubRequest>(requestHead(&targetOk));
    if (!targetOk)
        return refuse(400, "http_error", false);
    const bool keepAlive = m_parser->get().keep_alive();
    req->body = std::move(m_parser->get().body());
    m_parser.reset();
    if (std::optional<HubResponse> res = m_router.answerInline(*req))
        return send(std::move(*res), keepAlive);
    // The handler may block on the database: it runs on a worker; only its finished response comes back here.
    m_workers.post([self = shared_from_this(), req, keepAlive] {
        HubResponse res = self->m_router.handle(*req);
        net::post(self->m_stream.get_executor(),
                  [self, res = std::move(res), keepAlive]() mutable { self->send(std::move(res), keepAlive); });
    });
}

void HttpSession::send(HubResponse res, bool keepAlive)
{
    auto msg = std::make_shared<http::response<http::string_body>>();
    msg->version(11);
    msg->result(static_cast<unsigned>(res.status));
    for (const auto& h : res.headers)
        msg->set(h.first, h.second);
    if (!res.contentType.empty())
        msg->set(http::field::content_type, res.contentType);
    msg->body() = std::move(res.body);
    ++m_served;
    keepAlive = keepAlive && !m_drainAfterWrite && m_served < m_settings.maxRequestsPerConnection;
    msg->keep_alive(keepAlive);
    msg->prepare_payload();
    m_writing = msg;
    beast::get_lowest_layer(m_stream).expires_after(m_settings.writeTimeout);
    http::async_write(m_stream, *msg, [self = shared_from_this(), keepAlive](beast::error_code ec, std::size_t) {
        self->onWritten(ec, keepAlive);
    });
}

void HttpSession::onWritten(beast::error_code ec, bool keepAlive)
{
    m_writing.reset();
    if (ec)
        return close();
    if (m_drainAfterWrite)
        return drain();
    if (!keepAlive)
        return shutdown();
    awaitRequest();
}

void HttpSession::refuse(int status, const char* code, bool drainAfter)
{
    const HubRequest head = requestHead();
    const QString message = status == 413
        ? QCoreApplication::translate("HubServer", "The request body exceeds %1 bytes.").arg(m_settings.maxBodyBytes)
        : QCoreApplication::translate("HubServer", "HTTP error %1.").arg(status);
    HubResponse res = RequestRouter::reject(head, status, QString::fromLatin1(code), message);
    m_parser.reset();
    m_drainAfterWrite = drainAfter;
    send(std::move(res), false);
}

void HttpSession::drain()
{
    // Nothing of the refused body is kept: it is read into one small scratch buffer and dropped.
    m_buffer.consume(m_buffer.size());
    m_scratch = std::make_unique<char[]>(kScratchBytes);
    // The client is still sending the refused body and reads the 413 only once its upload is done: drain for as
    // long as an accepted body may take (a fixed few seconds cut slow uploads off, and the client then saw a
    // reset instead of the 413). The byte cap in drainSome still bounds what one connection can make us read.
    beast::get_lowest_layer(m_stream).expires_after(m_settings.bodyTimeout);
    drainSome();
}

void HttpSession::drainSome()
{
    m_stream.async_read_some(net::buffer(m_scratch.get(), kScratchBytes), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
        self->m_drained += n;
        if (ec || self->m_drained > 2 * self->m_settings.maxBodyBytes)
            return self->close();
        self->drainSome();
    });
}

void HttpSession::shutdown()
{
    beast::get_lowest_layer(m_stream).expires_after(kShutdownTimeout);
    m_stream.async_shutdown([self = shared_from_this()](beast::error_code) { self->close(); });
}

void HttpSession::close()
{
    beast::error_code ignored;
    beast::get_lowest_layer(m_stream).socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(m_stream).close();
}

} // namespace ward::hub
