#pragma once

#include <QString>

namespace ward::hub {

// Where a hub's files live and which database it uses; persisted as DIR/wardhub.ini by `wardhub init`.
// Paths in the file are relative to the hub directory so a directory can be moved or restored elsewhere.
struct HubConfig
{
    QString dir;
    QString dbDriver = QStringLiteral("sqlite"); // "sqlite" or "postgres"
    QString sqliteFile = QStringLiteral("hub.db");
    QString pgSocketDir;                          // unix socket directory (PLATFORM-NOTES: host = socket dir)
    int pgPort = 5432;
    QString pgDatabase = QStringLiteral("wardhub");
    QString pgUser = QStringLiteral("postgres");
    QString hostname = QStringLiteral("localhost");
    int threads = 16; // request-handler (worker) threads of `serve`, each with its own database connection
    // Connection limits and deadlines of `serve` (issue 10 item 5), seconds. The connection cap is also bounded by
    // the process's open-files limit.
    int maxConnections = 10000;
    int maxConnectionsPerAddress = 64;
    int handshakeTimeoutSecs = 10;
    int requestTimeoutSecs = 15; // the whole request header
    int bodyTimeoutSecs = 60;    // the whole body (8 MiB at ≥ 140 KB/s), and the response write
    int idleTimeoutSecs = 30;    // keep-alive: waiting for the next request
    // Issue 14 (IHE ATNA): the audit repository `serve` streams the audit events to ([atna] in wardhub.ini, see
    // hub/README.md): RFC 5424 over TLS with mutual authentication, framed by RFC 5425 (the IHE ATNA transport) or
    // RELP (atnaRelp: the collector confirms each event, so a collector that stops mid-stream loses nothing). Off
    // while atnaHost is empty.
    QString atnaHost;
    int atnaPort = 6514;
    QString atnaCaFile;     // the CA that must have signed the collector's certificate (required when on)
    QString atnaServerName; // the name the collector's certificate must carry; atnaHost when empty
    QString atnaCertFile = QStringLiteral("syslog/syslog.pem"); // the hub's client certificate (hub PKI by default)
    QString atnaKeyFile = QStringLiteral("syslog/syslog.key");
    bool atnaRelp = false; // transport = relp (default rfc5425)

    bool isPostgres() const { return dbDriver == QLatin1String("postgres"); }
    QString path(const QString& relative) const;

    QString caCertPath() const { return path(QStringLiteral("ca/ca.pem")); }
    QString caKeyPath() const { return path(QStringLiteral("ca/ca.key")); }
    QString tlsCertPath() const { return path(QStringLiteral("tls/server.pem")); }
    QString tlsKeyPath() const { return path(QStringLiteral("tls/server.key")); }
    QString tsaCertPath() const { return path(QStringLiteral("tsa/tsa.pem")); }
    QString tsaKeyPath() const { return path(QStringLiteral("tsa/tsa.key")); }
    QString policyCertPath() const { return path(QStringLiteral("policy/policy.pem")); }
    QString policyKeyPath() const { return path(QStringLiteral("policy/policy.key")); }
    // Issue 14: the certificate that signs audit acknowledgements and hub audit checkpoints.
    QString auditCertPath() const { return path(QStringLiteral("audit/audit.pem")); }
    QString auditKeyPath() const { return path(QStringLiteral("audit/audit.key")); }
    // Issue 14: the hub's client certificate towards the ATNA collector (CN HubPki::kSyslogClientName).
    QString syslogCertPath() const { return path(QStringLiteral("syslog/syslog.pem")); }
    QString syslogKeyPath() const { return path(QStringLiteral("syslog/syslog.key")); }
    bool atnaEnabled() const { return !atnaHost.isEmpty(); }
    QString masterKeyPath() const { return path(QStringLiteral("keys/master.key")); }
    QString iniPath() const { return path(QStringLiteral("wardhub.ini")); }

    // Throws HubError("config", …) when DIR/wardhub.ini is missing or names an unknown driver.
    static HubConfig load(const QString& dir);
    void save() const;
};

} // namespace ward::hub
