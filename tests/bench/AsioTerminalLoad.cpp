#include "AsioTerminalLoad.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <openssl/crypto.h>
#include <openssl/pem.h>

#include <chrono>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace ward::bench {

namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using SteadyClock = std::chrono::steady_clock;
using Stream = beast::ssl_stream<beast::tcp_stream>;

constexpr auto kRequestTimeout = std::chrono::seconds(30);

struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
struct KeyFree
{
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};

// Everything the clients share; touched only on the load thread while it runs.
struct LoadState
{
    net::io_context io{1};
    ssl::context tls{ssl::context::tls_client};
    net::ip::tcp::endpoint endpoint;
    std::string host;
    std::string hostHeader;
    int intervalMs = 1000;
    bool draining = false;
    bool closed = false;
    std::minstd_rand jitter{20261206};
    TerminalLoad::Result result;

    void error(const std::string& what)
    {
        ++result.errors;
        if (result.errorSamples.size() < 5)
            result.errorSamples << QString::fromStdString(what);
    }
};

class LoadClient : public std::enable_shared_from_this<LoadClient>
{
public:
    LoadClient(LoadState& state, std::unique_ptr<X509, X509Free> certificate, std::unique_ptr<EVP_PKEY, KeyFree> key, qint64 cursor,
               std::vector<std::string> pushBodies)
        : m_state(state)
        , m_certificate(std::move(certificate))
        , m_key(std::move(key))
        , m_cursor(cursor)
        , m_pushBodies(std::move(pushBodies))
        , m_timer(state.io)
    {
    }

    void start(int afterMs) { waitFor(afterMs); }

    // At the end of the run: a request still without its answer is an error; nothing starts again.
    void close()
    {
        if (m_inFlight)
            m_state.error("no answer within 3 s after the run");
        m_inFlight = false;
        m_timer.cancel();
        if (m_stream)
            beast::get_lowest_layer(*m_stream).close();
    }

private:
    void waitFor(int ms)
    {
        m_timer.expires_after(std::chrono::milliseconds(ms));
        m_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (!ec)
                self->beginCycle();
        });
    }

    void nextCycle(bool atOnce)
    {
        if (m_state.closed)
            return;
        waitFor(atOnce ? 0 : m_state.intervalMs + static_cast<int>(m_state.jitter() % 128));
    }

    // As TerminalLoad::cycle: every third cycle pushes the next version (while there are any), the others pull.
    void beginCycle()
    {
        if (m_state.draining || m_state.closed)
            return;
        m_started = SteadyClock::now();
        m_push = ++m_cycle % 3 == 0 && m_nextPush < m_pushBodies.size();
        m_request = {};
        m_request.version(11);
        m_request.keep_alive(true);
        if (m_push) {
            m_request.method(http::verb::post);
            m_request.target("/api/v1/records");
            m_request.body() = m_pushBodies[m_nextPush++];
        } else {
            m_request.method(http::verb::get);
            m_request.target("/api/v1/changes?cursor=" + std::to_string(m_cursor) + "&limit=500");
        }
        // The headers HubClient::request sends.
        m_request.set(http::field::host, m_state.hostHeader);
        m_request.set(http::field::content_type, "application/json");
        m_request.set(http::field::accept, "application/json");
        m_request.set(http::field::accept_encoding, "identity");
        m_request.set("X-Ward-Version", WARD_VERSION);
        m_request.set("X-Ward-Terminal-Time", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString());
        m_request.prepare_payload();
        m_inFlight = true;
        m_retried = false;
        if (m_stream)
            send();
        else
            connect();
    }

    void connect()
    {
        m_stream = std::make_unique<Stream>(m_state.io, m_state.tls);
        m_requestsOnConnection = 0;
        SSL* native = m_stream->native_handle();
        if (SSL_use_certificate(native, m_certificate.get()) != 1 || SSL_use_PrivateKey(native, m_key.get()) != 1) {
            fail("client certificate not usable");
            return;
        }
        m_stream->set_verify_mode(ssl::verify_peer);
        m_stream->set_verify_callback(ssl::host_name_verification(m_state.host));
        beast::get_lowest_layer(*m_stream).expires_after(kRequestTimeout);
        beast::get_lowest_layer(*m_stream).async_connect(m_state.endpoint, [self = shared_from_this()](beast::error_code ec) {
            if (ec) {
                self->fail("connect: " + ec.message());
                return;
            }
            self->m_stream->async_handshake(ssl::stream_base::client, [self](beast::error_code ec) {
                if (ec)
                    self->fail("TLS handshake: " + ec.message());
                else
                    self->send();
            });
        });
    }

    void send()
    {
        beast::get_lowest_layer(*m_stream).expires_after(kRequestTimeout);
        http::async_write(*m_stream, m_request, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                self->retryOrFail("write: " + ec.message());
                return;
            }
            self->m_buffer.clear();
            self->m_response = {};
            http::async_read(*self->m_stream, self->m_buffer, self->m_response, [self](beast::error_code ec, std::size_t) {
                if (ec)
                    self->retryOrFail("read: " + ec.message());
                else
                    self->finish();
            });
        });
    }

    // A kept-alive connection the hub or HAProxy has closed since its last answer fails at once: like Qt's client,
    // the request goes once more on a new connection. A fresh connection's failure is an error.
    void retryOrFail(const std::string& what)
    {
        const bool reused = m_requestsOnConnection > 0;
        m_stream.reset();
        if (reused && !m_retried && !m_state.closed) {
            m_retried = true;
            connect();
            return;
        }
        fail(what);
    }

    void fail(const std::string& what)
    {
        if (!m_inFlight)
            return;
        m_inFlight = false;
        m_stream.reset();
        record();
        m_state.error(what);
        nextCycle(false);
    }

    void finish()
    {
        m_inFlight = false;
        ++m_requestsOnConnection;
        const int status = m_response.result_int();
        bool more = false;
        record();
        if (status != 200) {
            m_state.error("HTTP " + std::to_string(status) + " " + m_response.body().substr(0, 200));
        } else {
            const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(m_response.body())).object();
            const QJsonValue next = o.value(QLatin1String(m_push ? "stored" : "nextCursor"));
            if (!next.isDouble()) {
                m_state.error(std::string("an answer without ") + (m_push ? "stored" : "nextCursor"));
            } else if (!m_push) {
                m_cursor = static_cast<qint64>(next.toDouble());
                more = o.value(QStringLiteral("hasMore")).toBool();
            }
        }
        if (!m_response.keep_alive())
            m_stream.reset();
        nextCycle(more);
    }

    void record()
    {
        const double ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - m_started).count();
        TerminalLoad::Result& r = m_state.result;
        r.latenciesMs << ms;
        (m_push ? r.pushMs : r.pullMs) << ms;
        ++r.requests;
    }

    LoadState& m_state;
    std::unique_ptr<X509, X509Free> m_certificate;
    std::unique_ptr<EVP_PKEY, KeyFree> m_key;
    qint64 m_cursor;
    std::vector<std::string> m_pushBodies;
    std::size_t m_nextPush = 0;
    net::steady_timer m_timer;
    std::unique_ptr<Stream> m_stream;
    http::request<http::string_body> m_request;
    http::response<http::string_body> m_response;
    beast::flat_buffer m_buffer;
    SteadyClock::time_point m_started;
    int m_cycle = 0;
    int m_requestsOnConnection = 0;
    bool m_push = false;
    bool m_inFlight = false;
    bool m_retried = false;
};

template<typename T, typename Free, typename Read>
std::unique_ptr<T, Free> fromPem(const QByteArray& pem, Read read)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    std::unique_ptr<T, Free> out(bio ? read(bio, nullptr, nullptr, nullptr) : nullptr);
    BIO_free(bio);
    return out;
}

// How late a 10-ms timer of the load thread fires: the generator's own queueing, included in every latency.
class LagProbe
{
public:
    explicit LagProbe(LoadState& state)
        : m_state(state)
        , m_timer(state.io)
    {
    }
    void start()
    {
        m_expected = SteadyClock::now() + std::chrono::milliseconds(10);
        m_timer.expires_at(m_expected);
        m_timer.async_wait([this](beast::error_code ec) {
            if (ec || m_state.draining)
                return;
            m_state.result.loopLagMs << std::chrono::duration<double, std::milli>(SteadyClock::now() - m_expected).count();
            start();
        });
    }
    void stop() { m_timer.cancel(); }

private:
    LoadState& m_state;
    net::steady_timer m_timer;
    SteadyClock::time_point m_expected;
};

} // namespace

TerminalLoad::Result AsioTerminalLoad::run(const QString& host, int port, const QByteArray& hubCaPem, QList<Terminal> terminals, int seconds,
                                           int intervalMs)
{
    LoadState state;
    state.intervalMs = intervalMs;
    state.host = host.toStdString();
    state.hostHeader = state.host + ':' + std::to_string(port);
    beast::error_code ec;
    state.endpoint = net::ip::tcp::endpoint(net::ip::make_address(state.host, ec), static_cast<unsigned short>(port));
    if (!ec)
        state.tls.add_certificate_authority(net::buffer(hubCaPem.constData(), static_cast<std::size_t>(hubCaPem.size())), ec);
    if (ec) {
        state.error("hub address or CA: " + ec.message());
        return state.result;
    }
    SSL_CTX_set_min_proto_version(state.tls.native_handle(), TLS1_2_VERSION);

    std::vector<std::shared_ptr<LoadClient>> clients;
    clients.reserve(static_cast<std::size_t>(terminals.size()));
    for (Terminal& t : terminals) {
        auto certificate = fromPem<X509, X509Free>(t.certificatePem, PEM_read_bio_X509);
        auto key = fromPem<EVP_PKEY, KeyFree>(t.keyPem, PEM_read_bio_PrivateKey);
        OPENSSL_cleanse(t.keyPem.data(), static_cast<std::size_t>(t.keyPem.size()));
        if (!certificate || !key) {
            state.error("a terminal's certificate or key could not be read");
            return state.result;
        }
        std::vector<std::string> bodies;
        for (const QByteArray& b : t.pushBodies)
            bodies.push_back(b.toStdString());
        clients.push_back(std::make_shared<LoadClient>(state, std::move(certificate), std::move(key), t.cursor, std::move(bodies)));
    }

    LagProbe lag(state);
    const auto begun = SteadyClock::now();
    for (std::size_t i = 0; i < clients.size(); ++i)
        clients[i]->start(terminals.at(static_cast<qsizetype>(i)).startMs);
    lag.start();
    auto work = net::make_work_guard(state.io);
    std::thread loop([&state] { state.io.run(); });

    QTest::qWait(seconds * 1000);
    net::post(state.io, [&] {
        state.draining = true;
        state.result.seconds = std::chrono::duration<double>(SteadyClock::now() - begun).count();
        lag.stop();
    });
    QTest::qWait(3000); // requests in flight finish (and count)
    net::post(state.io, [&] {
        state.closed = true;
        for (const auto& c : clients)
            c->close();
    });
    work.reset();
    loop.join();
    return state.result;
}

} // namespace ward::bench
