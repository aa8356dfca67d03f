#include "HaproxyFront.h"

#include "ChildProcess.h"

#include <QFile>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTcpServer>

namespace {
QString haproxyBinary()
{
    return QStandardPaths::findExecutable(QStringLiteral("haproxy"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
}
} // namespace

HaproxyFront::HaproxyFront(QList<int> backendPorts)
    : m_backends(std::move(backendPorts))
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
    probe.close();
}

HaproxyFront::~HaproxyFront()
{
    stop();
}

bool HaproxyFront::available()
{
    return !haproxyBinary().isEmpty();
}

QString HaproxyFront::config(int frontPort, const QList<int>& backendPorts, const QString& socketPath)
{
    QString servers;
    for (int i = 0; i < backendPorts.size(); ++i)
        servers += QStringLiteral("    server hub%1 127.0.0.1:%2 check inter 500ms fall 2 rise 2\n").arg(i + 1).arg(backendPorts[i]);
    return QStringLiteral("global\n"
                          "    maxconn 8000\n"
                          "    stats socket %3 mode 600 level operator\n"
                          "defaults\n"
                          "    mode tcp\n"
                          "    maxconn 8000\n"
                          "    timeout connect 2s\n"
                          "    timeout client 120s\n"
                          "    timeout server 120s\n"
                          "    retries 3\n"
                          "    option redispatch\n"
                          "frontend wardhub\n"
                          "    bind 127.0.0.1:%1\n"
                          "    default_backend hubs\n"
                          "backend hubs\n"
                          "    balance roundrobin\n"
                          "%2")
        .arg(frontPort)
        .arg(servers, socketPath);
}

bool HaproxyFront::start()
{
    stop();
    QFile f(m_dir.filePath(QStringLiteral("haproxy.cfg")));
    if (!f.open(QIODevice::WriteOnly) || f.write(config(m_port, m_backends, m_dir.filePath(QStringLiteral("stats.sock"))).toUtf8()) < 0)
        return false;
    f.close();
    m_proc = std::make_unique<QProcess>();
    m_proc->setProcessChannelMode(QProcess::MergedChannels);
    // -db: foreground, no daemon; the test owns the process.
    m_proc->start(haproxyBinary(), {QStringLiteral("-db"), QStringLiteral("-f"), f.fileName()});
    if (!m_proc->waitForStarted(5000))
        return false;
    if (ChildProcess::awaitListening(*m_proc, m_port, 10000))
        return true;
    qWarning("haproxy did not start: %s", log().constData());
    return false;
}

void HaproxyFront::stop()
{
    if (!m_proc)
        return;
    ChildProcess::stop(*m_proc);
    m_log += m_proc->readAll();
    m_proc.reset();
}

QByteArray HaproxyFront::log() const
{
    if (m_proc)
        m_log += m_proc->readAll();
    return m_log;
}

HaproxyFront::ServerSessions HaproxyFront::sessions(int server) const
{
    QLocalSocket socket;
    socket.connectToServer(m_dir.filePath(QStringLiteral("stats.sock")));
    if (!socket.waitForConnected(2000))
        return {};
    socket.write("show stat\n");
    QByteArray csv;
    while (socket.waitForReadyRead(2000))
        csv += socket.readAll();
    // "# pxname,svname,qcur,qmax,scur,smax,slim,stot,…" then one line per proxy and server.
    const QList<QByteArray> lines = csv.split('\n');
    if (lines.isEmpty())
        return {};
    const QList<QByteArray> columns = lines.first().mid(2).split(',');
    const qsizetype scur = columns.indexOf("scur"), stot = columns.indexOf("stot"), svname = columns.indexOf("svname");
    for (const QByteArray& line : lines) {
        const QList<QByteArray> fields = line.split(',');
        if (fields.size() > std::max({scur, stot, svname}) && fields.at(svname) == "hub" + QByteArray::number(server))
            return {fields.at(scur).toInt(), fields.at(stot).toInt()};
    }
    return {};
}
