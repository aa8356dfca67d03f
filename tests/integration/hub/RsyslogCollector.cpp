#include "RsyslogCollector.h"

#include "ChildProcess.h"

#include "crypto/CertificateAuthority.h"
#include "crypto/KeyPair.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace

RsyslogCollector::RsyslogCollector(const QByteArray& clientCaPem, const QString& permittedPeer, bool rogue, Transport transport)
    : m_clientCaPem(clientCaPem)
    , m_peer(permittedPeer)
    , m_rogue(rogue)
    , m_transport(transport)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const char* which : {"collector", "rogue"}) {
        const QString name = QString::fromLatin1(which);
        ward::CertificateAuthority ca = ward::CertificateAuthority::create(name + QStringLiteral(" test CA"), 30, now);
        auto [key, cert] = ca.issueWithNewKey(ward::CertificateProfile::HubServer, QStringLiteral("localhost"), 30, now,
                                              {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")});
        writeFile(m_dir.filePath(name + QStringLiteral("-ca.pem")), ca.certificate().toPem());
        writeFile(m_dir.filePath(name + QStringLiteral(".pem")), cert.toPem());
        writeFile(m_dir.filePath(name + QStringLiteral(".key")), key.privatePem().toQByteArrayUnsafe());
    }
    // The hub's client certificate must chain to this (rsyslog checks it, then the permitted name).
    writeFile(m_dir.filePath(QStringLiteral("trust.pem")), m_clientCaPem);
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
    probe.close();
    QFile::remove(m_dir.filePath(QStringLiteral("received.log")));
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("WARD_KEEP_RSYSLOG"));
}

RsyslogCollector::~RsyslogCollector()
{
    stop();
}

bool RsyslogCollector::available(Transport transport)
{
    return !QStandardPaths::findExecutable(QStringLiteral("rsyslogd"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty()
           && QFile::exists(transport == Transport::Relp ? QStringLiteral("/usr/lib/x86_64-linux-gnu/rsyslog/imrelp.so")
                                                         : QStringLiteral("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so"));
}

void RsyslogCollector::setRogue(bool rogue)
{
    m_rogue = rogue;
}

void RsyslogCollector::writeConfig()
{
    const QString cert = m_dir.filePath(m_rogue ? QStringLiteral("rogue.pem") : QStringLiteral("collector.pem"));
    const QString key = m_dir.filePath(m_rogue ? QStringLiteral("rogue.key") : QStringLiteral("collector.key"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("work")));
    if (m_transport == Transport::Relp) {
        const QString conf = QStringLiteral(
            "global(workDirectory=\"%1\" maxMessageSize=\"64k\")\n"
            "main_queue(queue.filename=\"mainq\" queue.saveOnShutdown=\"on\")\n"
            "module(load=\"imrelp\" tls.tlslib=\"openssl\")\n"
            "input(type=\"imrelp\" address=\"127.0.0.1\" port=\"%2\" tls=\"on\" tls.cacert=\"%3\" tls.mycert=\"%4\"\n"
            "  tls.myprivkey=\"%5\" tls.authmode=\"name\" tls.permittedpeer=[\"%6\"])\n"
            "template(name=\"atna\" type=\"string\" string=\"%msgid% %structured-data% %msg%\\n\")\n"
            "action(type=\"omfile\" file=\"%7\" template=\"atna\")\n")
            .arg(m_dir.filePath(QStringLiteral("work")))
            .arg(m_port)
            .arg(m_dir.filePath(QStringLiteral("trust.pem")), cert, key, m_peer, m_dir.filePath(QStringLiteral("received.log")));
        writeFile(m_dir.filePath(QStringLiteral("rsyslog.conf")), conf.toUtf8());
        return;
    }
    const QString conf = QStringLiteral(
        "global(workDirectory=\"%1\" maxMessageSize=\"64k\"\n"
        "  DefaultNetstreamDriver=\"gtls\" DefaultNetstreamDriverCAFile=\"%2\"\n"
        "  DefaultNetstreamDriverCertFile=\"%3\" DefaultNetstreamDriverKeyFile=\"%4\")\n"
        "module(load=\"imtcp\" StreamDriver.Name=\"gtls\" StreamDriver.Mode=\"1\" StreamDriver.AuthMode=\"x509/name\"\n"
        "  PermittedPeer=[\"%5\"])\n"
        "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"%6\")\n"
        "template(name=\"atna\" type=\"string\" string=\"%msgid% %structured-data% %msg%\\n\")\n"
        "action(type=\"omfile\" file=\"%7\" template=\"atna\")\n")
        .arg(m_dir.filePath(QStringLiteral("work")), m_dir.filePath(QStringLiteral("trust.pem")), cert, key, m_peer)
        .arg(m_port)
        .arg(m_dir.filePath(QStringLiteral("received.log")));
    writeFile(m_dir.filePath(QStringLiteral("rsyslog.conf")), conf.toUtf8());
}

bool RsyslogCollector::start()
{
    stop();
    writeConfig();
    m_proc = std::make_unique<QProcess>();
    m_proc->setProcessChannelMode(QProcess::MergedChannels);
    m_proc->start(QStringLiteral("rsyslogd"), {QStringLiteral("-n"), QStringLiteral("-f"), m_dir.filePath(QStringLiteral("rsyslog.conf")),
                                              QStringLiteral("-i"), m_dir.filePath(QStringLiteral("rsyslogd.pid"))});
    if (!m_proc->waitForStarted(5000))
        return false;
    // Listening: a plain TCP connect succeeds (rsyslog then drops the non-TLS session).
    if (ChildProcess::awaitListening(*m_proc, m_port, 15000))
        return true;
    qWarning("rsyslogd did not start: %s", log().constData());
    return false;
}

bool RsyslogCollector::isRunning() const
{
    return m_proc && m_proc->state() == QProcess::Running;
}

void RsyslogCollector::stop()
{
    if (!m_proc)
        return;
    ChildProcess::stop(*m_proc, 15000);
    m_log += m_proc->readAll();
    m_proc.reset();
}

QByteArray RsyslogCollector::log() const
{
    if (m_proc)
        m_log += m_proc->readAll();
    return m_log;
}

QList<QByteArray> RsyslogCollector::lines() const
{
    QFile f(m_dir.filePath(QStringLiteral("received.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out = f.readAll().split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

qsizetype RsyslogCollector::lineCount() const
{
    // Counted as the file grows: a benchmark's 10^5 lines are not read again at every poll.
    QFile f(m_dir.filePath(QStringLiteral("received.log")));
    if (!f.open(QIODevice::ReadOnly) || f.size() < m_countedBytes)
        return m_lines = m_countedBytes = 0;
    f.seek(m_countedBytes);
    const QByteArray added = f.readAll();
    const qsizetype complete = added.lastIndexOf('\n') + 1;
    m_lines += added.left(complete).count('\n');
    m_countedBytes += complete;
    return m_lines;
}

bool RsyslogCollector::awaitLines(qsizetype n, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (lineCount() < n) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}
