#include "PcscFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <PCSC/winscard.h>
#include <csignal>
#include <sys/types.h>

namespace {

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

QByteArray processName(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/comm").arg(pid));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}

qint64 readPid(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    // pcscd writes "<pid>\n\0": keep the leading digits only.
    const QByteArray raw = f.readAll();
    int n = 0;
    while (n < raw.size() && raw[n] >= '0' && raw[n] <= '9')
        ++n;
    return raw.left(n).toLongLong();
}

// Stops a process that is not our child (left by an interrupted run) and waits for it to go.
bool terminateAndWait(qint64 pid, int timeoutMs)
{
    if (!processAlive(pid))
        return true;
    ::kill(static_cast<pid_t>(pid), SIGTERM);
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        // A zombie still answers kill(0); /proc/<pid>/stat state 'Z' means it is gone for our purposes.
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!processAlive(pid) || (stat.open(QIODevice::ReadOnly) && stat.readAll().contains(") Z ")))
            return true;
        QThread::msleep(20);
    }
    return false;
}

} // namespace

PcscFixture::PcscFixture() = default;

PcscFixture::~PcscFixture()
{
    stop();
}

QString PcscFixture::runtimeDir()
{
    const QString dir = qEnvironmentVariable("WARD_RUNTIME", QStringLiteral("/tmp/wardstation"));
    QDir().mkpath(dir);
    return dir;
}

bool PcscFixture::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

qint64 PcscFixture::pid() const
{
    return m_process.processId();
}

bool PcscFixture::clearLeftovers(QString* error)
{
    // Virtual cards from scripts/vcard or a crashed test would sit in the readers the tests use.
    const QDir rt(runtimeDir());
    for (const QString& name : rt.entryList({QStringLiteral("vcard*.pid")}, QDir::Files)) {
        const qint64 pid = readPid(rt.filePath(name));
        if (processAlive(pid) && processName(pid) == "wardvcard")
            terminateAndWait(pid, 3000);
        QFile::remove(rt.filePath(name));
    }

    const QString ourRecord = rt.filePath(QStringLiteral("pcscd.pid"));
    const qint64 running = readPid(QStringLiteral("/run/pcscd/pcscd.pid"));
    if (processAlive(running) && processName(running) == "pcscd") {
        if (running != readPid(ourRecord)) {
            if (error)
                *error = QStringLiteral("a pcscd not started by WardStation is running (pid %1); stop it first").arg(running);
            return false;
        }
        if (!terminateAndWait(running, 5000)) {
            if (error)
                *error = QStringLiteral("the leftover pcscd (pid %1) did not stop").arg(running);
            return false;
        }
    }
    QFile::remove(ourRecord);
    // No live pcscd: whatever is left in /run/pcscd is stale and would block the start.
    if (!processAlive(readPid(QStringLiteral("/run/pcscd/pcscd.pid")))) {
        QFile::remove(QStringLiteral("/run/pcscd/pcscd.pid"));
        QFile::remove(socketPath());
    }
    return true;
}

bool PcscFixture::start(QString* error)
{
    if (isRunning())
        return true;
    if (!clearLeftovers(error))
        return false;
    m_process.setProgram(QStringLiteral("pcscd"));
    // WARD_PCSCD_DEBUG=1 keeps pcscd's event trace in pcscd.log, for a card event a test did not see.
    QStringList arguments{QStringLiteral("--foreground")};
    if (qEnvironmentVariableIntValue("WARD_PCSCD_DEBUG") == 1)
        arguments << QStringLiteral("--debug");
    m_process.setArguments(arguments);
    m_process.setStandardOutputFile(QDir(runtimeDir()).filePath(QStringLiteral("pcscd.log")), QIODevice::Append);
    m_process.setStandardErrorFile(QDir(runtimeDir()).filePath(QStringLiteral("pcscd.log")), QIODevice::Append);
    m_process.start();
    if (!m_process.waitForStarted(3000)) {
        if (error)
            *error = QStringLiteral("cannot start pcscd: %1").arg(m_process.errorString());
        return false;
    }
    QFile record(QDir(runtimeDir()).filePath(QStringLiteral("pcscd.pid")));
    if (record.open(QIODevice::WriteOnly | QIODevice::Truncate))
        record.write(QByteArray::number(m_process.processId()) + '\n');
    QElapsedTimer t;
    t.start();
    while (!QFile::exists(socketPath())) {
        if (t.elapsed() > 5000 || m_process.state() != QProcess::Running) {
            if (error)
                *error = QStringLiteral("pcscd did not create %1").arg(socketPath());
            stop();
            return false;
        }
        QThread::msleep(5);
    }
    return true;
}

bool PcscFixture::stop(QString* error)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    m_process.terminate();  // SIGTERM
    const bool ok = m_process.waitForFinished(5000);
    if (!ok) {
        if (error)
            *error = QStringLiteral("pcscd did not stop on SIGTERM");
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    QFile::remove(QDir(runtimeDir()).filePath(QStringLiteral("pcscd.pid")));
    return ok;
}

bool PcscFixture::waitForCard(const QString& reader, bool present, int timeoutMs)
{
    SCARDCONTEXT ctx = 0;
    if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx) != SCARD_S_SUCCESS)
        return false;
    const QByteArray name = reader.toUtf8();
    SCARD_READERSTATE st{};
    st.szReader = name.constData();
    st.dwCurrentState = SCARD_STATE_UNAWARE;
    QElapsedTimer t;
    t.start();
    bool reached = false;
    while (t.elapsed() < timeoutMs) {
        const LONG rv = SCardGetStatusChange(ctx, 100, &st, 1);
        if (rv == SCARD_S_SUCCESS) {
            st.dwCurrentState = st.dwEventState & ~SCARD_STATE_CHANGED;
        } else if (rv != SCARD_E_TIMEOUT) {
            QThread::msleep(50);
        }
        const bool isPresent = (st.dwCurrentState & SCARD_STATE_PRESENT) != 0;
        if (isPresent == present && st.dwCurrentState != SCARD_STATE_UNAWARE) {
            reached = true;
            break;
        }
    }
    SCardReleaseContext(ctx);
    return reached;
}
