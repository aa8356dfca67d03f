#include "VirtualCardProcess.h"

#include <QElapsedTimer>

VirtualCardProcess::VirtualCardProcess(QStringList arguments) : m_arguments(std::move(arguments)) {}

VirtualCardProcess::~VirtualCardProcess()
{
    stop();
}

QString VirtualCardProcess::executable()
{
    return qEnvironmentVariable("WARDVCARD");
}

bool VirtualCardProcess::makeCard(const QString& dir, const QString& userId, QString* error)
{
    QProcess p;
    p.start(executable(), {QStringLiteral("--make-card"), dir, QStringLiteral("--cn"), userId});
    if (!p.waitForFinished(10000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    return true;
}

bool VirtualCardProcess::start(QString* error, bool waitInserted)
{
    m_process.setProgram(executable());
    m_process.setArguments(m_arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(3000)) {
        *error = m_process.errorString();
        return false;
    }
    if (waitInserted && !waitForEvent("inserted")) {
        *error = QStringLiteral("wardvcard did not connect to vpcd: %1").arg(QString::fromUtf8(errorOutput()));
        return false;
    }
    return true;
}

bool VirtualCardProcess::waitForEvent(const QByteArray& event, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    for (;;) {
        m_buffer.append(m_process.readAllStandardOutput());
        int nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(nl).trimmed();
            m_buffer.remove(0, nl + 1);
            if (line == event)
                return true;
        }
        const qint64 left = timeoutMs - t.elapsed();
        if (left <= 0 || m_process.state() != QProcess::Running)
            return false;
        m_process.waitForReadyRead(static_cast<int>(qMin<qint64>(left, 100)));
    }
}

void VirtualCardProcess::command(const QByteArray& line)
{
    m_process.write(line + '\n');
    m_process.waitForBytesWritten(1000);
}

bool VirtualCardProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    m_process.terminate();
    return m_process.waitForFinished(3000);
}
