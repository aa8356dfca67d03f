#include "TerminalOptions.h"

#include "sync/TerminalIdentity.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QHostInfo>
#include <QStandardPaths>

namespace ward {

namespace {

bool readFile(const QString& path, QByteArray* out, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    *out = f.readAll();
    return true;
}

} // namespace

void TerminalOptions::addOptions(QCommandLineParser& cli)
{
    cli.addOption({QStringLiteral("data-dir"), QStringLiteral("Terminal data directory (enrolment and vault)."),
                   QStringLiteral("dir")});
    cli.addOption({QStringLiteral("vault"), QStringLiteral("Vault directory."), QStringLiteral("dir")});
    cli.addOption({QStringLiteral("terminal"), QStringLiteral("Terminal ID."), QStringLiteral("id")});
    cli.addOption({QStringLiteral("hub"), QStringLiteral("Hub base URL (https://host:port)."), QStringLiteral("url")});
    cli.addOption({QStringLiteral("tls-cert"), QStringLiteral("Terminal certificate (PEM)."), QStringLiteral("file")});
    cli.addOption({QStringLiteral("tls-key"), QStringLiteral("Terminal private key (PEM)."), QStringLiteral("file")});
    cli.addOption({QStringLiteral("tls-ca"), QStringLiteral("Hub CA certificate (PEM)."), QStringLiteral("file")});
    cli.addOption({QStringLiteral("sync-interval"), QStringLiteral("Seconds between sync cycles while online."),
                   QStringLiteral("seconds"), QStringLiteral("30")});
    cli.addOption({QStringLiteral("screenshot-dir"),
                   QStringLiteral("Save PNGs of the login screen, the ward view and the chart there as they appear."),
                   QStringLiteral("dir")});
    cli.addOption({QStringLiteral("letter-dir"),
                   QStringLiteral("Reception desk: write sealed letters and reports as PDF files in this directory (a "
                                  "desk whose secure printer takes files) instead of the default printer."),
                   QStringLiteral("dir")});
    cli.addOption({QStringLiteral("kiosk"), QStringLiteral("Run full screen without a window frame (shared ward PCs).")});
    cli.addOption({QStringLiteral("touch"),
                   QStringLiteral("Touch-sized controls (9 mm) even when no touch screen is detected.")});
}

bool TerminalOptions::fromCommandLine(const QCommandLineParser& cli, TerminalOptions* out, QString* error)
{
    TerminalOptions o;
    const QString dataDir = cli.value(QStringLiteral("data-dir"));
    o.dataDir = dataDir;
    if (!dataDir.isEmpty()) {
        o.vaultDir = QDir(dataDir).filePath(QStringLiteral("vault"));
        if (TerminalIdentity::exists(dataDir)) {
            QString why;
            const auto identity = TerminalIdentity::load(dataDir, &why);
            if (!identity) {
                *error = QStringLiteral("the enrolment in %1 cannot be used: %2").arg(dataDir, why);
                return false;
            }
            o.terminalId = identity->terminalId;
            o.ward = identity->ward;
            o.hubUrl = identity->hubUrl;
            o.tlsCertPem = identity->certificate.toPem();
            o.tlsKeyPem = identity->key->privatePem();
            o.hubCaPem = identity->hubCa.toPem();
        }
    }
    if (cli.isSet(QStringLiteral("vault")))
        o.vaultDir = cli.value(QStringLiteral("vault"));
    if (o.vaultDir.isEmpty())
        o.vaultDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("vault"));
    if (cli.isSet(QStringLiteral("terminal")))
        o.terminalId = cli.value(QStringLiteral("terminal"));
    if (o.terminalId.isEmpty())
        o.terminalId = QHostInfo::localHostName();
    if (cli.isSet(QStringLiteral("hub")))
        o.hubUrl = QUrl(cli.value(QStringLiteral("hub")));
    if (cli.isSet(QStringLiteral("tls-cert")) && !readFile(cli.value(QStringLiteral("tls-cert")), &o.tlsCertPem, error))
        return false;
    if (cli.isSet(QStringLiteral("tls-key"))) {
        QByteArray pem;
        if (!readFile(cli.value(QStringLiteral("tls-key")), &pem, error))
            return false;
        o.tlsKeyPem = SecureBytes::fromQByteArray(pem);
        pem.fill('\0');
    }
    if (cli.isSet(QStringLiteral("tls-ca")) && !readFile(cli.value(QStringLiteral("tls-ca")), &o.hubCaPem, error))
        return false;
    if (o.hasHub() && (o.tlsCertPem.isEmpty() || o.tlsKeyPem.isEmpty() || o.hubCaPem.isEmpty())) {
        *error = QStringLiteral("--hub needs the terminal's enrolment: --data-dir of an enrolled terminal, or "
                                "--tls-cert, --tls-key and --tls-ca");
        return false;
    }
    bool ok = false;
    o.syncIntervalSeconds = cli.value(QStringLiteral("sync-interval")).toInt(&ok);
    if (!ok || o.syncIntervalSeconds < 1 || o.syncIntervalSeconds > 3600) {
        *error = QStringLiteral("--sync-interval must be 1..3600 seconds");
        return false;
    }
    o.screenshotDir = cli.value(QStringLiteral("screenshot-dir"));
    o.letterDir = cli.value(QStringLiteral("letter-dir"));
    if (!o.letterDir.isEmpty() && !QFileInfo(o.letterDir).isDir()) {
        *error = QStringLiteral("--letter-dir %1 is not a directory").arg(o.letterDir);
        return false;
    }
    o.kiosk = cli.isSet(QStringLiteral("kiosk"));
    o.touch = cli.isSet(QStringLiteral("touch"));
    *out = o;
    return true;
}

} // namespace ward
