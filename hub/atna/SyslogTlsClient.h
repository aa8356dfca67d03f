#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace ward::hub {

// Issue 14 (IHE ATNA): one RFC 5425 connection to the audit collector: TCP, TLS ≥ 1.2 with the hub's client
// certificate (mutual authentication), the collector's certificate checked against the configured CA and name.
// Blocking with deadlines; used by the one streaming thread (AtnaStream), never by a request handler.
//
// RFC 5425 has no application acknowledgement, so "delivered" is what the transport can prove. A frame counts as
// delivered when the collector's TCP acknowledged its last byte (SIOCOUTQ 0, TCP_INFO bytes_acked) and then either
// the connection still stands with nothing from the collector, or the collector closed it cleanly (FIN or
// close_notify, not a reset): a peer that closes with unread data resets the connection, and bytes arriving after
// its close are reset rather than acknowledged, so before a clean close every acknowledged byte was read by the
// collector. What stays uncertain (a reset, a timeout) is not counted and is sent again: duplicates are possible
// there, losses are not (at-least-once; each message carries a stable id for the collector to drop a duplicate).
// Error texts name the host, the port and the TLS reason; they never hold message content.
class SyslogTlsClient
{
public:
    struct Settings
    {
        QString host;
        int port = 6514;
        QString caFile;     // trust anchor of the collector's certificate
        QString serverName; // the name the collector's certificate must carry (host when empty)
        QString certFile;   // the hub's client certificate (chain) and key
        QString keyFile;
        int timeoutMs = 10000;
    };

    explicit SyslogTlsClient(Settings settings);
    ~SyslogTlsClient();
    SyslogTlsClient(const SyslogTlsClient&) = delete;
    SyslogTlsClient& operator=(const SyslogTlsClient&) = delete;

    // TCP connect, TLS handshake, then a settle (a collector that refuses the client certificate after a TLS 1.3
    // handshake closes or alerts at once). false + *error: "collector unreachable…", "collector certificate not
    // trusted…", "TLS handshake refused by the collector…".
    bool open(QString* error);
    bool isOpen() const { return m_ssl != nullptr; }
    // Writes the frames (one TLS record each) and waits for the collector's acknowledgement. Returns how many of
    // them, from the first, are known delivered (see above); fewer than all: *error says why, and the connection is
    // closed.
    qsizetype send(const QList<QByteArray>& frames, QString* error);
    // Still connected and nothing from the collector but TLS housekeeping (session tickets); reads without blocking.
    bool healthy(QString* error);
    void close();

private:
    bool waitFor(short events, qint64 deadlineMs);
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
};

} // namespace ward::hub
