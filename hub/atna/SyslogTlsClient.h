#pragma once

#include <QByteArray>
#include <QString>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace ward::hub {

// Issue 14 (IHE ATNA): one RFC 5425 connection to the audit collector: TCP, TLS ≥ 1.2 with the hub's client
// certificate (mutual authentication), the collector's certificate checked against the configured CA and name.
// Blocking with deadlines; used by the one streaming thread (AtnaStream), never by a request handler.
//
// RFC 5425 has no application acknowledgement, so "delivered" is what the transport can prove: confirm() returns
// true only when the kernel's send queue is empty (SIOCOUTQ 0: the collector's TCP acknowledged every byte) and
// the connection is still established with neither a close nor an alert from the collector after a short settle.
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
    // Writes every byte and waits until the collector acknowledged them and the connection still stands.
    bool send(const QByteArray& bytes, QString* error);
    // Still connected and nothing from the collector but TLS housekeeping (session tickets); reads without blocking.
    bool healthy(QString* error);
    void close();

private:
    bool waitFor(short events, qint64 deadlineMs);
    bool drained(qint64 deadlineMs, QString* error);
    QString where() const;
    QString tlsReason() const;

    Settings m_settings;
    SSL_CTX* m_ctx = nullptr;
    SSL* m_ssl = nullptr;
    int m_fd = -1;
};

} // namespace ward::hub
