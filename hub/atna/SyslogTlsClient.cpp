#include "hub/atna/SyslogTlsClient.h"

#include "hub/atna/SyslogMessage.h"

#include <QFile>
#include <QHostAddress>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include <csignal>
#include <fcntl.h>
#include <pthread.h>
#include <linux/sockios.h>
#include <netdb.h>
#include <netinet/in.h>
#include <linux/tcp.h> // struct tcp_info with tcpi_bytes_acked (glibc's lacks it)
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

// OpenSSL writes to the socket with write(2): a collector that reset the connection would raise SIGPIPE and end the
// whole hub. While one of these is alive the calling thread holds SIGPIPE blocked (write then fails with EPIPE) and
// takes a pending one away before unblocking.
class NoSigPipe
{
public:
    NoSigPipe()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~NoSigPipe()
    {
        const timespec none{0, 0};
        while (sigtimedwait(&m_pipe, nullptr, &none) == SIGPIPE) {
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    NoSigPipe(const NoSigPipe&) = delete;
    NoSigPipe& operator=(const NoSigPipe&) = delete;

private:
    sigset_t m_pipe;
    sigset_t m_old;
};

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
    const NoSigPipe guard;
    m_closedCleanly = false;
    m_ackedAtClose = -1;
    if (m_ssl && m_relpOpen) {
        // Best effort, like close_notify: the collector ends the session on its side without waiting for a timeout.
        const QByteArray bye = RelpFraming::command(RelpFraming::nextTxnr(m_txnr), "close");
        size_t written = 0;
        SSL_write_ex(m_ssl, bye.constData(), size_t(bye.size()), &written);
    }
    m_relp = RelpFraming();
    m_txnr = 0;
    m_unanswered.clear();
    m_openTxnr = 0;
    m_relpOpen = false;
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
    const NoSigPipe guard;
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
    // A TCP FIN without close_notify reads as a clean end (SSL_ERROR_ZERO_RETURN), a reset stays an error: the two
    // mean different things for what the collector read (see the header).
    SSL_CTX_set_options(m_ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
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
    return m_settings.transport == Transport::Relp ? openRelp(deadline, error) : openRfc5425(error);
}

bool SyslogTlsClient::openRfc5425(QString* error)
{
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
    // From here on, acknowledged bytes are counted in OpenSSL's ciphertext offsets (the handshake is all acknowledged).
    QString notDrained;
    if (!drained(nowMs() + m_settings.timeoutMs, &notDrained)) {
        *error = notDrained;
        close();
        return false;
    }
    m_ackBase = 0;
    m_ackBase = ackedBytes() - qint64(BIO_number_written(SSL_get_wbio(m_ssl)));
    QString closed;
    if (!healthy(&closed)) {
        *error = closed;
        close();
        return false;
    }
    tcp_info info{};
    socklen_t len = sizeof info;
    ::getsockopt(m_fd, IPPROTO_TCP, TCP_INFO, &info, &len);
    m_recvBase = qint64(info.tcpi_bytes_received) - qint64(BIO_number_read(SSL_get_rbio(m_ssl)));
    return true;
}

qint64 SyslogTlsClient::ackedBytes() const
{
    tcp_info info{};
    socklen_t len = sizeof info;
    if (::getsockopt(m_fd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0)
        return -1;
    return qint64(info.tcpi_bytes_acked) - m_ackBase;
}

bool SyslogTlsClient::healthy(QString* error)
{
    const NoSigPipe guard; // SSL_read may answer (an alert, a key update) with a write
    if (!m_ssl) {
        *error = QStringLiteral("not connected");
        return false;
    }
    if (m_settings.transport == Transport::Relp)
        return readRelp(0, error);
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
        if (why == SSL_ERROR_ZERO_RETURN) {
            if (!m_closedCleanly) {
                m_closedCleanly = true;
                m_ackedAtClose = ackedBytes();
            }
            ERR_clear_error();
            *error = QStringLiteral("the collector %1 closed the connection").arg(where());
        } else {
            const int err = errno;
            *error = why == SSL_ERROR_SYSCALL && err != 0
                         ? QStringLiteral("the collector %1 reset the connection: %2").arg(where(), QString::fromLocal8Bit(std::strerror(err)))
                         : QStringLiteral("the collector %1 ended the connection: %2").arg(where(), tlsReason());
        }
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

void SyslogTlsClient::noteFin()
{
    if (m_closedCleanly || m_fd < 0 || !m_ssl)
        return;
    qint64 drainedBytes = 0;
    char buf[4096];
    for (;;) {
        const ssize_t r = ::recv(m_fd, buf, sizeof buf, MSG_DONTWAIT);
        if (r <= 0)
            break;
        drainedBytes += r;
    }
    tcp_info info{};
    socklen_t len = sizeof info;
    if (::getsockopt(m_fd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0)
        return;
    const qint64 received = qint64(info.tcpi_bytes_received) - m_recvBase;
    if (received == qint64(BIO_number_read(SSL_get_rbio(m_ssl))) + drainedBytes + 1) {
        m_closedCleanly = true;
        m_ackedAtClose = ackedBytes();
    }
}

qsizetype SyslogTlsClient::confirmed(const QList<qint64>& ends)
{
    noteFin();
    if (!m_closedCleanly || m_ackedAtClose < 0)
        return 0;
    return std::upper_bound(ends.begin(), ends.end(), m_ackedAtClose) - ends.begin();
}

qsizetype SyslogTlsClient::send(const QList<QByteArray>& messages, QString* error)
{
    const NoSigPipe guard;
    if (!healthy(error)) {
        close();
        return 0;
    }
    return m_settings.transport == Transport::Relp ? sendRelp(messages, error) : sendRfc5425(messages, error);
}

qsizetype SyslogTlsClient::sendRfc5425(const QList<QByteArray>& messages, QString* error)
{
    QList<QByteArray> frames;
    frames.reserve(messages.size());
    for (const QByteArray& m : messages)
        frames.append(SyslogMessage::frame(m));
    const qint64 deadline = nowMs() + m_settings.timeoutMs;
    QList<qint64> ends; // ciphertext offset after each frame
    ends.reserve(frames.size());
    const auto fail = [&] {
        const qsizetype n = confirmed(ends);
        close();
        return n;
    };
    BIO* wire = SSL_get_wbio(m_ssl);
    for (const QByteArray& frame : frames) {
        // A close seen before the next frame leaves the frames so far countable (no reset from our later writes).
        pollfd p{m_fd, POLLIN | POLLRDHUP, 0};
        if (::poll(&p, 1, 0) > 0 && !healthy(error))
            return fail();
        for (;;) {
            size_t written = 0;
            const int r = SSL_write_ex(m_ssl, frame.constData(), size_t(frame.size()), &written);
            if (r == 1)
                break;
            const int why = SSL_get_error(m_ssl, r);
            if ((why == SSL_ERROR_WANT_WRITE && waitFor(POLLOUT, deadline)) || (why == SSL_ERROR_WANT_READ && waitFor(POLLIN, deadline)))
                continue;
            if (why == SSL_ERROR_WANT_WRITE || why == SSL_ERROR_WANT_READ)
                *error = QStringLiteral("the collector %1 did not take the data in time").arg(where());
            else if (healthy(error))
                *error = QStringLiteral("the collector %1 ended the connection: %2").arg(where(), tlsReason());
            return fail();
        }
        ends.append(qint64(BIO_number_written(wire)));
    }
    if (!drained(deadline, error))
        return fail();
    // Everything acknowledged: delivered if the connection stands, and also if the collector has closed it cleanly
    // (then healthy() took bytes_acked at the close, which covers every frame).
    if (!healthy(error))
        return fail();
    return frames.size();
}

bool SyslogTlsClient::openRelp(qint64 deadlineMs, QString* error)
{
    // The collector checks the hub's certificate during or right after the handshake; a refusal ends the session
    // before the answer to "open" comes.
    m_txnr = RelpFraming::nextTxnr(m_txnr);
    m_openTxnr = m_txnr;
    m_unanswered = {m_txnr};
    QString why;
    bool ok = writeRelp(RelpFraming::command(m_txnr, "open", RelpFraming::openOffer()), deadlineMs, &why);
    while (ok && !m_relpOpen && m_openTxnr != 0 && nowMs() < deadlineMs)
        ok = readRelp(deadlineMs, &why);
    if (ok && m_relpOpen)
        return true;
    if (ok) // no answer in time
        *error = QStringLiteral("collector unreachable: %1: no answer to the RELP session offer in time").arg(where());
    else if (why.startsWith(QLatin1String("the collector refused")))
        *error = why;
    else
        *error = QStringLiteral("TLS handshake refused by the collector: %1: %2 (is the hub's client certificate %3 permitted there?)")
                     .arg(where(), why, m_settings.certFile);
    close();
    return false;
}

bool SyslogTlsClient::writeRelp(const QByteArray& frame, qint64 deadlineMs, QString* error)
{
    for (;;) {
        size_t written = 0;
        const int r = SSL_write_ex(m_ssl, frame.constData(), size_t(frame.size()), &written);
        if (r == 1)
            return true;
        const int why = SSL_get_error(m_ssl, r);
        if (why != SSL_ERROR_WANT_WRITE && why != SSL_ERROR_WANT_READ) {
            if (readRelp(0, error))
                *error = QStringLiteral("the collector %1 ended the connection: %2").arg(where(), tlsReason());
            return false;
        }
        pollfd p{m_fd, short(POLLOUT | POLLIN), 0};
        const qint64 left = deadlineMs - nowMs();
        if (left <= 0 || ::poll(&p, 1, int(left)) <= 0) {
            *error = QStringLiteral("the collector %1 did not take the data in time").arg(where());
            return false;
        }
        if ((p.revents & POLLIN) && !readRelp(0, error))
            return false;
    }
}

bool SyslogTlsClient::readRelp(qint64 deadlineMs, QString* error)
{
    if (deadlineMs > 0 && SSL_pending(m_ssl) == 0 && !waitFor(POLLIN, deadlineMs))
        return true; // nothing yet; the caller's deadline decides
    char buf[16384];
    for (;;) {
        const int r = SSL_read(m_ssl, buf, sizeof buf);
        if (r <= 0) {
            const int why = SSL_get_error(m_ssl, r);
            if (why == SSL_ERROR_WANT_READ || why == SSL_ERROR_WANT_WRITE) {
                ERR_clear_error();
                break;
            }
            const int err = errno;
            *error = why == SSL_ERROR_ZERO_RETURN ? QStringLiteral("the collector %1 closed the connection").arg(where())
                     : why == SSL_ERROR_SYSCALL && err != 0
                         ? QStringLiteral("the collector %1 reset the connection: %2").arg(where(), QString::fromLocal8Bit(std::strerror(err)))
                         : QStringLiteral("the collector %1 ended the connection: %2").arg(where(), tlsReason());
            ERR_clear_error();
            return false;
        }
        if (!m_relp.feed(buf, r, error)) {
            *error = QStringLiteral("the collector %1: %2").arg(where(), *error);
            return false;
        }
    }
    for (const RelpFraming::Frame& f : m_relp.take()) {
        if (f.command == "serverclose") {
            *error = QStringLiteral("the collector %1 ended the RELP session (serverclose)").arg(where());
            return false;
        }
        if (f.command != "rsp" || m_unanswered.isEmpty() || f.txnr != m_unanswered.first()) {
            *error = QStringLiteral("the collector %1 sent \"%2\" for transaction %3, which is not the one owed an answer")
                         .arg(where(), QString::fromLatin1(f.command.left(32)))
                         .arg(f.txnr);
            return false;
        }
        m_unanswered.removeFirst();
        QString text;
        const int code = RelpFraming::responseCode(f.data, &text);
        if (f.txnr == m_openTxnr) {
            m_openTxnr = 0;
            if (code != 200) {
                *error = QStringLiteral("the collector refused the RELP session: %1: %2 %3").arg(where()).arg(code).arg(text.left(200));
                return false;
            }
            m_relpOpen = true;
            continue;
        }
        if (code != 200) {
            *error = QStringLiteral("the collector %1 refused an event: %2 %3").arg(where()).arg(code).arg(text.left(200));
            return false;
        }
        ++m_confirmed;
    }
    return true;
}

qsizetype SyslogTlsClient::sendRelp(const QList<QByteArray>& messages, QString* error)
{
    const qint64 deadline = nowMs() + m_settings.timeoutMs;
    m_confirmed = 0;
    const auto fail = [&] {
        const qsizetype n = m_confirmed;
        close();
        return n;
    };
    // Reads answers until at most `owed` events are unanswered.
    const auto awaitAnswers = [&](qsizetype owed) {
        while (m_unanswered.size() > owed) {
            if (nowMs() >= deadline) {
                *error = QStringLiteral("the collector %1 did not confirm %2 events in time").arg(where()).arg(m_unanswered.size());
                return false;
            }
            if (!readRelp(deadline, error))
                return false;
        }
        return true;
    };
    for (const QByteArray& message : messages) {
        if (!awaitAnswers(kRelpWindow - 1))
            return fail();
        m_txnr = RelpFraming::nextTxnr(m_txnr);
        if (!writeRelp(RelpFraming::command(m_txnr, "syslog", message), deadline, error))
            return fail();
        m_unanswered.append(m_txnr);
    }
    if (!awaitAnswers(0))
        return fail();
    return messages.size();
}

} // namespace ward::hub
