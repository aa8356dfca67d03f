#include "hub/atna/SyslogTlsClient.h"

#include <QFile>
#include <QHostAddress>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <linux/sockios.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ward::hub {

namespace {

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A collector refusing our certificate after a TLS 1.3 handshake (the server's verdict comes after the client's
// Finished) closes within a round trip or two; this long is waited before the connection counts as accepted.
constexpr int kSettleMs = 300;

} // namespace

SyslogTlsClient::SyslogTlsClient(Settings settings)
    : m_settings(std::move(settings))
{
}

SyslogTlsClient::~SyslogTlsClient()
{
    close();
}

QString SyslogTlsClient::where() const
{
    return QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port);
}

QString SyslogTlsClient::tlsReason() const
{
    const unsigned long e = ERR_peek_last_error();
    char buf[256] = {};
    if (e != 0)
        ERR_error_string_n(e, buf, sizeof buf);
    ERR_clear_error();
    return e != 0 ? QString::fromLatin1(buf) : QStringLiteral("connection closed");
}

void SyslogTlsClient::close()
{
    if (m_ssl) {
        SSL_shutdown(m_ssl); // best effort close_notify; the socket is non-blocking
        SSL_free(m_ssl);
        m_ssl = nullptr;
    }
    if (m_ctx) {
        SSL_CTX_free(m_ctx);
        m_ctx = nullptr;
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    ERR_clear_error();
}

bool SyslogTlsClient::waitFor(short events, qint64 deadlineMs)
{
    const qint64 left = deadlineMs - nowMs();
    if (left <= 0)
        return false;
    pollfd p{m_fd, events, 0};
    int r = 0;
    do
        r = ::poll(&p, 1, int(left));
    while (r < 0 && errno == EINTR);
    return r > 0;
}

bool SyslogTlsClient::open(QString* error)
{
    close();
    const qint64 deadline = nowMs() + m_settings.timeoutMs;
    // TCP
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const int gai = ::getaddrinfo(m_settings.host.toUtf8().constData(), QByteArray::number(m_settings.port).constData(), &hints, &found);
    if (gai != 0) {
        *error = QStringLiteral("collector unreachable: %1: %2").arg(where(), QString::fromLatin1(gai_strerror(gai)));
        return false;
    }
    QString tcpError = QStringLiteral("no address");
    for (addrinfo* a = found; a && m_fd < 0; a = a->ai_next) {
        m_fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (m_fd < 0)
            continue;
        int err = ::connect(m_fd, a->ai_addr, a->ai_addrlen) == 0 ? 0 : errno;
        if (err == EINPROGRESS) {
            err = ETIMEDOUT;
            if (waitFor(POLLOUT, deadline)) {
                socklen_t len = sizeof err;
                ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len);
            }
        }
        if (err != 0) {
            tcpError = QString::fromLocal8Bit(std::strerror(err));
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ::freeaddrinfo(found);
    if (m_fd < 0) {
        *error = QStringLiteral("collector unreachable: %1: %2").arg(where(), tcpError);
        return false;
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

    // TLS with both certificates.
    m_ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_min_proto_version(m_ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(m_ctx, SSL_VERIFY_PEER, nullptr);
    if (SSL_CTX_load_verify_locations(m_ctx, QFile::encodeName(m_settings.caFile).constData(), nullptr) != 1) {
        *error = QStringLiteral("collector CA %1 does not load: %2").arg(m_settings.caFile, tlsReason());
        close();
        return false;
    }
    if (SSL_CTX_use_certificate_chain_file(m_ctx, QFile::encodeName(m_settings.certFile).constData()) != 1
        || SSL_CTX_use_PrivateKey_file(m_ctx, QFile::encodeName(m_settings.keyFile).constData(), SSL_FILETYPE_PEM) != 1
        || SSL_CTX_check_private_key(m_ctx) != 1) {
        *error = QStringLiteral("the hub's syslog client certificate %1 or key %2 does not load: %3")
                     .arg(m_settings.certFile, m_settings.keyFile, tlsReason());
        close();
        return false;
    }
    m_ssl = SSL_new(m_ctx);
    SSL_set_fd(m_ssl, m_fd);
    const QString name = m_settings.serverName.isEmpty() ? m_settings.host : m_settings.serverName;
    if (QHostAddress().setAddress(name)) {
        X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(m_ssl), name.toLatin1().constData());
    } else {
        SSL_set_tlsext_host_name(m_ssl, name.toUtf8().constData());
        SSL_set1_host(m_ssl, name.toUtf8().constData());
    }
    for (;;) {
        const int r = SSL_connect(m_ssl);
        if (r == 1)
            break;
        const int why = SSL_get_error(m_ssl, r);
        if ((why == SSL_ERROR_WANT_READ && waitFor(POLLIN, deadline)) || (why == SSL_ERROR_WANT_WRITE && waitFor(POLLOUT, deadline)))
            continue;
        const long verify = SSL_get_verify_result(m_ssl);
        if (why == SSL_ERROR_WANT_READ || why == SSL_ERROR_WANT_WRITE)
            *error = QStringLiteral("collector unreachable: %1: TLS handshake timed out").arg(where());
        else if (verify != X509_V_OK)
            *error = QStringLiteral("collector certificate not trusted: %1: %2 (expected a certificate for \"%3\" from the CA in %4)")
                         .arg(where(), QString::fromLatin1(X509_verify_cert_error_string(verify)), name, m_settings.caFile);
        else
            *error = QStringLiteral("TLS handshake refused by the collector: %1: %2").arg(where(), tlsReason());
        close();
        return false;
    }
    // Settle: a refusal of our certificate after the handshake shows up as a close or an alert.
    const qint64 settle = nowMs() + kSettleMs;
    while (nowMs() < settle) {
        QString why;
        if (!healthy(&why)) {
            *error = QStringLiteral("TLS handshake refused by the collector: %1: %2 (is the hub's client certificate %3 permitted"
                                    " there?)")
                         .arg(where(), why, m_settings.certFile);
            close();
            return false;
        }
        waitFor(POLLIN, settle);
    }
    return true;
}

bool SyslogTlsClient::healthy(QString* error)
{
    if (!m_ssl) {
        *error = QStringLiteral("not connected");
        return false;
    }
    tcp_info info{};
    socklen_t len = sizeof info;
    if (::getsockopt(m_fd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0 || info.tcpi_state != TCP_ESTABLISHED) {
        *error = QStringLiteral("the collector %1 closed the connection").arg(where());
        return false;
    }
    char buf[512];
    for (;;) {
        const int r = SSL_read(m_ssl, buf, sizeof buf);
        if (r > 0)
            continue; // a collector has nothing to say in RFC 5425; anything it sends is read and dropped
        const int why = SSL_get_error(m_ssl, r);
        if (why == SSL_ERROR_WANT_READ || why == SSL_ERROR_WANT_WRITE) {
            ERR_clear_error();
            return true;
        }
        *error = why == SSL_ERROR_ZERO_RETURN ? QStringLiteral("the collector %1 closed the connection").arg(where())
                                              : QStringLiteral("the collector %1 closed the connection: %2").arg(where(), tlsReason());
        return false;
    }
}

bool SyslogTlsClient::drained(qint64 deadlineMs, QString* error)
{
    for (;;) {
        int queued = 0;
        if (::ioctl(m_fd, SIOCOUTQ, &queued) != 0) {
            *error = QStringLiteral("the collector %1: %2").arg(where(), QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        if (queued == 0)
            return true;
        if (nowMs() >= deadlineMs) {
            *error = QStringLiteral("the collector %1 did not take the data in time (%2 bytes unacknowledged)").arg(where()).arg(queued);
            return false;
        }
        QString why;
        if (!healthy(&why)) {
            *error = why;
            return false;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
}

bool SyslogTlsClient::send(const QByteArray& bytes, QString* error)
{
    if (!healthy(error))
        return false;
    const qint64 deadline = nowMs() + m_settings.timeoutMs;
    qsizetype done = 0;
    while (done < bytes.size()) {
        size_t written = 0;
        const int r = SSL_write_ex(m_ssl, bytes.constData() + done, size_t(bytes.size() - done), &written);
        if (r == 1) {
            done += qsizetype(written);
            continue;
        }
        const int why = SSL_get_error(m_ssl, r);
        if ((why == SSL_ERROR_WANT_WRITE && waitFor(POLLOUT, deadline)) || (why == SSL_ERROR_WANT_READ && waitFor(POLLIN, deadline)))
            continue;
        *error = why == SSL_ERROR_WANT_WRITE || why == SSL_ERROR_WANT_READ
                     ? QStringLiteral("the collector %1 did not take the data in time").arg(where())
                     : QStringLiteral("the collector %1 closed the connection: %2").arg(where(), tlsReason());
        return false;
    }
    if (!drained(deadline, error))
        return false;
    return healthy(error);
}

} // namespace ward::hub
