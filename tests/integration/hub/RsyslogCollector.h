#pragma once

// Test fixture (issue 14, IHE ATNA): a real rsyslogd as the TLS syslog collector, in its own work directory on a free
// loopback port: RFC 5425 (imtcp + gtls) or RELP over TLS (imrelp), mutual authentication (the peer's name must be
// the hub's syslog client certificate), its own CA for its server certificate, every message written to one file
// with its MSGID and structured data. A RELP collector keeps what it confirmed across its own restart (a
// disk-assisted main queue saved at shutdown), as a collector that confirms must. Stopped (SIGTERM) by stop() and
// always by the destructor.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

class RsyslogCollector
{
public:
    // clientCaPem: the CA of the hub's client certificate. A collector made with a `rogue` server certificate is
    // signed by a CA nobody gave the hub.
    enum class Transport { Rfc5425, Relp };
    explicit RsyslogCollector(const QByteArray& clientCaPem, const QString& permittedPeer, bool rogue = false,
                              Transport transport = Transport::Rfc5425);
    ~RsyslogCollector();

    static bool available(Transport transport = Transport::Rfc5425);
    // The CA file the hub must trust for this collector (the genuine one, also for a rogue collector).
    QString caFile() const { return m_dir.filePath(QStringLiteral("collector-ca.pem")); }
    int port() const { return m_port; }
    // Starts rsyslogd and waits until it accepts connections; the same port on every start.
    bool start();
    // SIGTERM and wait (rsyslog's own orderly shutdown).
    void stop();
    bool isRunning() const;
    // Serve with the rogue certificate from the next start on (or the genuine one).
    void setRogue(bool rogue);
    // The lines the collector wrote: "MSGID [structured-data] MSG".
    QList<QByteArray> lines() const;
    qsizetype lineCount() const;
    // Waits until at least n lines were written; false at the deadline.
    bool awaitLines(qsizetype n, int timeoutMs) const;
    QByteArray log() const;

private:
    void writeConfig();

    QTemporaryDir m_dir;
    QByteArray m_clientCaPem;
    QString m_peer;
    bool m_rogue = false;
    Transport m_transport = Transport::Rfc5425;
    int m_port = 0;
    std::unique_ptr<QProcess> m_proc;
    mutable QByteArray m_log;
    mutable qint64 m_countedBytes = 0;
    mutable qsizetype m_lines = 0;
};
