#include "ChildProcess.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpSocket>
#include <QThread>

namespace ChildProcess {

QRegularExpressionMatch awaitOutput(QProcess& child, const QRegularExpression& pattern, int timeoutMs, QByteArray* out)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        child.waitForReadyRead(100);
        *out += child.readAllStandardOutput();
        const QRegularExpressionMatch m = pattern.match(QString::fromUtf8(*out));
        if (m.hasMatch() || child.state() != QProcess::Running)
            return m;
    }
    return QRegularExpressionMatch();
}

bool awaitListening(const QProcess& child, int port, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && child.state() == QProcess::Running) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(port));
        if (probe.waitForConnected(200)) {
            probe.abort();
            return true;
        }
        QThread::msleep(50);
    }
    return false;
}

void stop(QProcess& child, int graceMs)
{
    if (child.state() != QProcess::Running)
        return;
    child.terminate();
    if (!child.waitForFinished(graceMs)) {
        child.kill();
        child.waitForFinished(5000);
    }
}

} // namespace ChildProcess
