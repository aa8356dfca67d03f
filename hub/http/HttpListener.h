#pragma once

// Boost.Asio types: include only from hub/http/*.cpp that need them.

#include "hub/http/HttpSession.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <memory>
#include <string>

namespace ward::hub {

class ConnectionLimits;
class RequestRouter;
class WorkerPool;

// Accepts TCP connections and starts an HttpSession for each one the ConnectionLimits admit; refused ones are
// closed at once (before any TLS work). Each session gets its own strand, so sessions run on any I/O thread.
class HttpListener : public std::enable_shared_from_this<HttpListener>
{
public:
    HttpListener(boost::asio::io_context& io, boost::asio::ssl::context& tls, const HttpSession::Settings& settings,
                 const RequestRouter& router, WorkerPool& workers, ConnectionLimits& limits);

    // Binds and listens; returns the bound port or -1 (error set).
    int bind(const std::string& host, unsigned short port, std::string* error);
    void start();
    // Thread-safe: stops accepting.
    void stop();

private:
    void accept();
    void onAccept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

    boost::asio::io_context& m_io;
    boost::asio::ssl::context& m_tls;
    const HttpSession::Settings& m_settings;
    const RequestRouter& m_router;
    WorkerPool& m_workers;
    ConnectionLimits& m_limits;
    boost::asio::strand<boost::asio::io_context::executor_type> m_strand;
    boost::asio::ip::tcp::acceptor m_acceptor;
    boost::asio::steady_timer m_retry;
    bool m_reportedExhaustion = false;
};

} // namespace ward::hub
