#include "hub/HubConfig.h"

#include "hub/HubError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace ward::hub {

QString HubConfig::path(const QString& relative) const
{
    return QDir(dir).filePath(relative);
}

HubConfig HubConfig::load(const QString& dir)
{
    HubConfig c;
    c.dir = QFileInfo(dir).absoluteFilePath();
    if (!QFileInfo::exists(c.iniPath()))
        throw HubError(QStringLiteral("config"),
                       QCoreApplication::translate("HubConfig", "No hub configuration at %1: run `wardhub init --dir %2` first.")
                           .arg(c.iniPath(), dir));
    QSettings s(c.iniPath(), QSettings::IniFormat);
    c.dbDriver = s.value(QStringLiteral("db/driver"), c.dbDriver).toString();
    c.sqliteFile = s.value(QStringLiteral("db/sqlite_file"), c.sqliteFile).toString();
    c.pgSocketDir = s.value(QStringLiteral("db/pg_socket"), c.pgSocketDir).toString();
    c.pgPort = s.value(QStringLiteral("db/pg_port"), c.pgPort).toInt();
    c.pgDatabase = s.value(QStringLiteral("db/pg_db"), c.pgDatabase).toString();
    c.pgUser = s.value(QStringLiteral("db/pg_user"), c.pgUser).toString();
    c.hostname = s.value(QStringLiteral("server/hostname"), c.hostname).toString();
    c.threads = s.value(QStringLiteral("server/threads"), c.threads).toInt();
    const auto bounded = [&s](const char* key, int fallback, int min, int max) {
        bool ok = false;
        const int v = s.value(QLatin1String("server/") + QLatin1String(key), fallback).toInt(&ok);
        return ok && v >= min && v <= max ? v : fallback;
    };
    c.maxConnections = bounded("max_connections", c.maxConnections, 16, 1000000);
    c.maxConnectionsPerAddress = bounded("max_connections_per_address", c.maxConnectionsPerAddress, 1, 1000000);
    c.handshakeTimeoutSecs = bounded("handshake_timeout", c.handshakeTimeoutSecs, 1, 3600);
    c.requestTimeoutSecs = bounded("request_timeout", c.requestTimeoutSecs, 1, 3600);
    c.bodyTimeoutSecs = bounded("body_timeout", c.bodyTimeoutSecs, 1, 3600);
    c.idleTimeoutSecs = bounded("idle_timeout", c.idleTimeoutSecs, 1, 3600);
    c.atnaHost = s.value(QStringLiteral("atna/collector_host")).toString();
    c.atnaPort = s.value(QStringLiteral("atna/collector_port"), c.atnaPort).toInt();
    c.atnaCaFile = s.value(QStringLiteral("atna/collector_ca")).toString();
    c.atnaServerName = s.value(QStringLiteral("atna/collector_name")).toString();
    c.atnaCertFile = s.value(QStringLiteral("atna/client_cert"), c.atnaCertFile).toString();
    c.atnaKeyFile = s.value(QStringLiteral("atna/client_key"), c.atnaKeyFile).toString();
    const QString transport = s.value(QStringLiteral("atna/transport"), QStringLiteral("rfc5425")).toString();
    if (transport != QLatin1String("rfc5425") && transport != QLatin1String("relp"))
        throw HubError(QStringLiteral("config"),
                       QCoreApplication::translate("HubConfig", "[atna] transport in %1 is \"%2\": use rfc5425 or relp.")
                           .arg(c.iniPath(), transport));
    c.atnaRelp = transport == QLatin1String("relp");
    if (c.atnaEnabled() && (c.atnaPort < 1 || c.atnaPort > 65535 || c.atnaCaFile.isEmpty()))
        throw HubError(QStringLiteral("config"),
                       QCoreApplication::translate("HubConfig", "[atna] in %1 needs collector_port 1..65535 and collector_ca.")
                           .arg(c.iniPath()));
    if (c.dbDriver != QLatin1String("sqlite") && c.dbDriver != QLatin1String("postgres"))
        throw HubError(QStringLiteral("config"),
                       QCoreApplication::translate("HubConfig", "Unknown database driver \"%1\" in %2 (use sqlite or postgres).")
                           .arg(c.dbDriver, c.iniPath()));
    if (c.threads < 2 || c.threads > 512)
        c.threads = 16;
    return c;
}

void HubConfig::save() const
{
    QSettings s(iniPath(), QSettings::IniFormat);
    s.setValue(QStringLiteral("db/driver"), dbDriver);
    s.setValue(QStringLiteral("db/sqlite_file"), sqliteFile);
    s.setValue(QStringLiteral("db/pg_socket"), pgSocketDir);
    s.setValue(QStringLiteral("db/pg_port"), pgPort);
    s.setValue(QStringLiteral("db/pg_db"), pgDatabase);
    s.setValue(QStringLiteral("db/pg_user"), pgUser);
    s.setValue(QStringLiteral("server/hostname"), hostname);
    s.setValue(QStringLiteral("server/threads"), threads);
    s.setValue(QStringLiteral("server/max_connections"), maxConnections);
    s.setValue(QStringLiteral("server/max_connections_per_address"), maxConnectionsPerAddress);
    s.setValue(QStringLiteral("server/handshake_timeout"), handshakeTimeoutSecs);
    s.setValue(QStringLiteral("server/request_timeout"), requestTimeoutSecs);
    s.setValue(QStringLiteral("server/body_timeout"), bodyTimeoutSecs);
    s.setValue(QStringLiteral("server/idle_timeout"), idleTimeoutSecs);
    s.sync();
}

} // namespace ward::hub
