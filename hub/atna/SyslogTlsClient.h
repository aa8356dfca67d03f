#pragma once

#include "hub/atna/RelpFraming.h"

#include <QByteArray>
#include <QList>
#include <QString>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace ward::hub {

// Issue 14 (IHE ATNA): one connection to the audit collector: TCP, TLS ≥ 1.2 with the hub's client certificate
// (mutual authentication), the collector's certificate checked against the configured CA and name, and on it one of
// two transports for the RFC 5424 messages. Blocking with deadlines; used by the one streaming thread (AtnaStream),
// never by a request handler.
//
// Transport::Relp (RELP over TLS, RelpFraming): the collector answers every event once it has it in its queue, so
// an event counts as delivered exactly when its "200 OK" came. What was sent but not answered when the connection
// ends is sent again: at-least-once, and nothing is lost that the collector did not confirm.
//
// Transport::Rfc5425 (the IHE ATNA transport, octet-counting frames): RFC 5425 has no application acknowledgement, so "delivered" is what the transport can prove. A frame counts as
// delivered when the collector's TCP acknowledged its last byte (SIOCOUTQ 0, TCP_INFO bytes_acked) and then either
// the connection still stands with nothing from the collector, or the collector closed it cleanly (FIN or
// close_notify, not a reset): a peer that closes with unread data resets the connection, and bytes arriving after
// its close are reset rather than acknowledged, so before a clean close every acknowledged byte was read by the
// collector. What stays uncertain (a reset, a timeout) is not counted and is sent again: duplicates are possible
// there (each message carries a stable id for the collector to drop a duplicate). Bytes the collector's kernel
// acknowledged but the collector never read, because it stopped (rsyslog at SIGTERM), are lost without any sign to
// the sender: over RFC 5425 a collector stopping mid-stream can lose events, which is why RELP exists.
// Error texts name the host, the port and the TLS reason; they never hold message content.
class SyslogTlsClient
{
public:
    enum class Transport { Rfc5425, Relp };

    struct Settings
    {
        QString host;
        int port = 6514;
        QString caFile;     // trust anchor of the collector's certificate
        QString serverName; // the name the collector's certificate must carry (host when empty)
        QString certFile;   // the hub's client certificate (chain) and key
        QString keyFile;
        int timeoutMs = 10000;
        Transport transport = Transport::Rfc5425;
    };

    // RELP: at most this many events unanswered at a time (librelp's default window). It bounds what a collector
    // that stops can have taken without confirming, and so what arrives twice after it returns.
    static constexpr qsizetype kRelpWindow = 128;

    explicit SyslogTlsClient(Settings settings);
    ~SyslogTlsClient();
    SyslogTlsClient(const SyslogTlsClient&) = delete;
    SyslogTlsClient& operator=(const SyslogTlsClient&) = delete;

    // TCP connect, TLS handshake, then a settle (a collector that refuses the client certificate after a TLS 1.3
    // handshake closes or alerts at once). false + *error: "collector unreachable…", "collector certificate not
    // trusted…", "TLS handshake refused by the collector…".
    bool open(QString* error);
    bool isOpen() const { return m_ssl != nullptr; }
    // Sends the messages (RFC 5424 SYSLOG-MSG bytes, framed here for the transport) and waits for the collector's
    // acknowledgement. Returns how many of them, from the first, are known delivered (see above); fewer than all:
    // *error says why, and the connection is closed.
    qsizetype send(const QList<QByteArray>& messages, QString* error);
    // Still connected and nothing from the collector but TLS housekeeping (session tickets) or, over RELP, answers
    // owed; reads without blocking.
    bool healthy(QString* error);
    void close();

private:
    bool waitFor(short events, qint64 deadlineMs);
    bool openRfc5425(QString* error);
    qsizetype sendRfc5425(const QList<QByteArray>& messages, QString* error);
    bool openRelp(qint64 deadlineMs, QString* error);
    qsizetype sendRelp(const QList<QByteArray>& messages, QString* error);
    // Writes one RELP frame whole, taking the collector's answers meanwhile (it may be blocked writing them to us).
    bool writeRelp(const QByteArray& frame, qint64 deadlineMs, QString* error);
    // Reads what the collector sent and handles its RELP frames; waits until deadlineMs for something to arrive
    // (0: does not wait). false + *error when the session ends (serverclose, a close, a reset, a refusal, a frame
    // that does not parse or answers nothing asked).
    bool readRelp(qint64 deadlineMs, QString* error);
    bool drained(qint64 deadlineMs, QString* error);
    // Ciphertext bytes of this connection the collector's TCP acknowledged (counted like BIO_number_written).
    qint64 ackedBytes() const;
    qsizetype confirmed(const QList<qint64>& ends);
    // After a failed write the socket error is consumed: whether the collector's FIN came (before its reset) is read
    // from TCP_INFO bytes_received, which counts the FIN as one byte, against the bytes taken from the socket.
    void noteFin();
    QString where() const;
    QString tlsReason() const;

    Settings m_settings;
    SSL_CTX* m_ctx = nullptr;
    SSL* m_ssl = nullptr;
    int m_fd = -1;
    qint64 m_ackBase = 0;          // TCP bytes_acked minus the bytes OpenSSL wrote, when both were level
    bool m_closedCleanly = false;  // the collector's FIN or close_notify was seen before any reset
    qint64 m_ackedAtClose = -1;    // ackedBytes() when that close was seen
    qint64 m_recvBase = 0;         // TCP bytes_received minus the bytes OpenSSL read, when both were level

    // RELP session state.
    RelpFraming m_relp;
    qint64 m_txnr = 0;             // the last transaction number used
    QList<qint64> m_unanswered;    // transaction numbers sent and not answered yet, in order
    qint64 m_openTxnr = 0;         // the "open" command while its answer is owed
    bool m_relpOpen = false;       // the collector accepted the session
    qsizetype m_confirmed = 0;     // events of the current send() answered "200 OK"
};

} // namespace ward::hub
