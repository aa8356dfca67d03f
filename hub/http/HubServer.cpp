#include "hub/http/HubServer.h"

#include "crypto/Certificate.h"
#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/http/HubApi.h"
#include "hub/http/JsonReply.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <httplib.h>
#include <openssl/ssl.h>

#include <cstdio>
#include <optional>

namespace ward::hub {

namespace {

// The terminal authenticated for the request this pool thread is handling. httplib runs the pre-routing
// handler and the route handler of one request on the same thread, one request at a time.
thread_local std::optional<TerminalRegistry::Terminal> t_terminal;
thread_local qint64 t_startedMs = 0;

QString tr(const char* text)
{
    return QCoreApplication::translate("HubServer", text);
}

bool isPublicPath(const std::string& path)
{
    // Probes of a load balancer carry no client certificate; enrolment is how a terminal gets one.
    return path == "/healthz" || path == "/readyz" || path == "/api/v1/enrol";
}

void runGuarded(httplib::Response& res, const std::function<void()>& fn)
{
    try {
        fn();
    } catch (const HubError& e) {
        // Storage and key failures are the hub's problem: their detail goes to the log, not to the client.
        if (e.httpStatus() >= 500) {
            std::fprintf(stderr, "wardhub: internal error (%s): %s\n", qPrintable(e.code()), e.what());
            JsonReply::error(res, 500, QStringLiteral("internal"), tr("The hub could not complete the request; try again later."));
        } else {
            JsonReply::error(res, e.httpStatus(), e.code(), e.message());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "wardhub: internal error: %s\n", e.what());
        JsonReply::error(res, 500, QStringLiteral("internal"), tr("The hub could not complete the request; try again later."));
    }
}

} // namespace

HubServer::HubServer(HubServices& services)
    : m_services(services)
    , m_api(std::make_unique<HubApi>(services))
{
}

HubServer::~HubServer() = default;

int HubServer::bind(const QString& host, int port)
{
    const HubConfig& c = m_services.config;
    m_server = std::make_unique<httplib::SSLServer>(c.tlsCertPath().toLocal8Bit().constData(),
                                                    c.tlsKeyPath().toLocal8Bit().constData(),
                                                    c.caCertPath().toLocal8Bit().constData());
    if (!m_server->is_valid())
        return -1;
    // Certificate-less clients reach the pre-routing handler (JSON 401); certificates of any other CA still
    // fail the handshake.
    SSL_CTX_set_verify(m_server->ssl_context(), SSL_VERIFY_PEER, nullptr);
    SSL_CTX_set_min_proto_version(m_server->ssl_context(), TLS1_2_VERSION);

    httplib::SSLServer& s = *m_server;
    const int threads = c.threads;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    s.set_tcp_nodelay(true); // PLATFORM-NOTES: without it a keep-alive connection stalls on delayed ACKs
    // httplib's default also sets SO_REUSEPORT, which lets a second hub bind the same port and silently share
    // its traffic; a hub must own its port (a stale instance has to fail loudly). REUSEADDR keeps fast restarts.
    s.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    s.set_payload_max_length(kMaxBodyBytes);
    s.set_read_timeout(kIoTimeoutSecs, 0);
    s.set_write_timeout(kIoTimeoutSecs, 0);
    s.set_keep_alive_timeout(kKeepAliveSecs);
    s.set_keep_alive_max_count(kKeepAliveMaxRequests);

    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        t_terminal.reset();
        QElapsedTimer t;
        t.start();
        t_startedMs = t.msecsSinceReference();
        JsonReply::stampTime(res);
        if (isPublicPath(req.path))
            return httplib::Server::HandlerResponse::Unhandled;
        X509* peer = req.ssl ? SSL_get1_peer_certificate(req.ssl) : nullptr;
        if (!peer) {
            JsonReply::error(res, 401, QStringLiteral("no_client_certificate"),
                             tr("This endpoint needs the terminal's client certificate. Enrol the terminal first."));
            return httplib::Server::HandlerResponse::Handled;
        }
        const Certificate cert = Certificate::adopt(peer);
        bool handled = false;
        runGuarded(res, [&] {
            const auto terminal = m_services.terminals.findByFingerprint(cert.sha256Fingerprint());
            if (!terminal) {
                JsonReply::error(res, 401, QStringLiteral("unknown_terminal"),
                                 tr("This certificate does not belong to an enrolled terminal."));
                handled = true;
            } else if (terminal->revoked) {
                JsonReply::error(res, 403, QStringLiteral("terminal_revoked"),
                                 tr("This terminal has been revoked. Contact IT to enrol it again."));
                handled = true;
            } else {
                t_terminal = terminal;
            }
        });
        if (handled || !t_terminal)
            return httplib::Server::HandlerResponse::Handled;
        return httplib::Server::HandlerResponse::Unhandled;
    });

    auto open = [this](void (HubApi::*fn)(const httplib::Request&, httplib::Response&)) {
        return [this, fn](const httplib::Request& req, httplib::Response& res) {
            runGuarded(res, [&] { (m_api.get()->*fn)(req, res); });
        };
    };
    using TerminalHandler = void (HubApi::*)(const httplib::Request&, httplib::Response&, const HubApi::Terminal&);
    auto authed = [this](TerminalHandler fn) {
        return [this, fn](const httplib::Request& req, httplib::Response& res) {
            runGuarded(res, [&] {
                if (!t_terminal)
                    throw HubError(QStringLiteral("unauthenticated"), tr("Not authenticated."), 401);
                (m_api.get()->*fn)(req, res, *t_terminal);
            });
        };
    };
    s.Get("/healthz", open(&HubApi::healthz));
    s.Get("/readyz", open(&HubApi::readyz));
    s.Get("/api/v1/time", [this](const httplib::Request& req, httplib::Response& res) {
        runGuarded(res, [&] { m_api->time(req, res); });
    });
    s.Post("/api/v1/enrol", open(&HubApi::enrol));
    s.Get("/api/v1/network-slot-key", authed(&HubApi::networkSlotKey));
    s.Post("/api/v1/session/challenge", authed(&HubApi::sessionChallenge));
    s.Post("/api/v1/session", authed(&HubApi::session));
    s.Post("/api/v1/session/fallback", authed(&HubApi::sessionFallback));
    s.Post("/api/v1/password", authed(&HubApi::changePassword));
    s.Post("/api/v1/staff-cert", authed(&HubApi::staffCert));
    s.Post("/api/v1/records", authed(&HubApi::pushRecords));
    s.Get("/api/v1/changes", authed(&HubApi::pullChanges));

    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        // Routing errors and the body limit; handlers' own errors already carry a JSON body.
        if (!res.body.empty())
            return;
        if (res.status == 413)
            JsonReply::error(res, 413, QStringLiteral("payload_too_large"),
                             tr("The request body exceeds %1 bytes.").arg(kMaxBodyBytes));
        else if (res.status == 404)
            JsonReply::error(res, 404, QStringLiteral("not_found"), tr("No such endpoint."));
        else
            JsonReply::error(res, res.status, QStringLiteral("http_error"), tr("HTTP error %1.").arg(res.status));
    });
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        JsonReply::error(res, 500, QStringLiteral("internal"), tr("The hub could not complete the request; try again later."));
    });
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        // Method, path (no query, no body), status, terminal id, size, duration: never patient data or secrets.
        QElapsedTimer t;
        t.start();
        std::fprintf(stderr, "wardhub: %s %s %d %s %zu bytes %lld ms\n", req.method.c_str(), req.path.c_str(), res.status,
                     t_terminal ? qPrintable(t_terminal->id) : "-", req.body.size(),
                     static_cast<long long>(t.msecsSinceReference() - t_startedMs));
    });

    if (port == 0)
        return s.bind_to_any_port(host.toStdString());
    return s.bind_to_port(host.toStdString(), port) ? port : -1;
}

bool HubServer::run()
{
    return m_server && m_server->listen_after_bind();
}

void HubServer::stop()
{
    if (m_server)
        m_server->stop();
}

} // namespace ward::hub
