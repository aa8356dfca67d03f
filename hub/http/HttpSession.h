#pragma once

// Boost.Beast types: include only from hub/http/*.cpp that need them (they compile slowly).

#include "hub/http/ConnectionLimits.h"
#include "hub/http/HubRequest.h"
#include "hub/http/HubResponse.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <memory>
#include <optional>

namespace ward::hub {

class RequestRouter;
class WorkerPool;

// One client connection: TLS handshake, then requests one at a time (keep-alive, no pipelining), every phase
// under its own deadline so an idle, slow or vanished client only costs a file descriptor until its deadline:
// handshake, wait for the next request (idle keep-alive), header (total, not per byte: a byte a second does
// not keep it open), body, response write. Handlers run on the WorkerPool; the session never blocks its I/O
// thread and a handler never touches the socket.
class HttpSession : public std::enable_shared_from_this<HttpSession>
{
public:
    struct Settings
    {
        std::size_t maxBodyBytes = 8 * 1024 * 1024;
        std::uint32_t maxHeaderBytes = 16 * 1024;
        int maxRequestsPerConnection = 1000;
        std::chrono::seconds handshakeTimeout{10};
        std::chrono::seconds idleTimeout{30};
        std::chrono::seconds headerTimeout{15};
        std::chrono::seconds bodyTimeout{60};
        std::chrono::seconds writeTimeout{60};
    };

    HttpSession(boost::asio::ip::tcp::socket&& socket, boost::asio::ssl::context& tls, const Settings& settings,
                const RequestRouter& router, WorkerPool& workers, std::unique_ptr<ConnectionLimits::Slot> slot);
    ~HttpSession();

    void start();

private:
    using Stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;
    using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

    void onHandshake(boost::beast::error_code ec);
    void awaitRequest();
    void readHeader();
    void onHeader(boost::beast::error_code ec);
    void readBody();
    void readBodyPart();
    void onBody(boost::beast::error_code ec);
    void dispatch();
    void send(HubResponse res, bool keepAlive);
    void onWritten(boost::beast::error_code ec, bool keepAlive);
    // 413 and friends: answer, then read and discard what the client is still sending (bounded in time and
    // bytes) so it sees the answer instead of a reset, then close.
    void refuse(int status, const char* code, bool drain);
    void drain();
    void drainSome();
    void shutdown();
    void close();
    // The request as parsed so far (method, target, headers, connection facts), without the body.
    HubRequest requestHead(bool* targetOk = nullptr) const;

    Stream m_stream;
    const Settings& m_settings;
    const RequestRouter& m_router;
    WorkerPool& m_workers;
    std::unique_ptr<ConnectionLimits::Slot> m_slot;
    boost::beast::flat_buffer m_buffer;
    std::optional<Parser> m_parser;
    std::shared_ptr<const Certificate> m_peer;
    std::shared_ptr<void> m_writing; // the message being written
    std::chrono::steady_clock::time_point m_received;
    int m_served = 0;
    bool m_drainAfterWrite = false;
    std::size_t m_drained = 0;
    std::unique_ptr<char[]> m_scratch;
};

} // namespace ward::hub
