#pragma once

#include <QProcess>
#include <QString>

// Runs the real pcscd for integration tests (CTest RESOURCE_LOCK pcscd keeps them apart): starts
// `pcscd --foreground`, waits for its socket, stops it with SIGTERM by PID and waits (SIGKILL would leave a
// stale pid file and socket that block the next start; PLATFORM-NOTES).
//
// It only ever stops what WardStation started: the pcscd and virtual cards recorded in
// ${WARD_RUNTIME:-/tmp/wardstation}/pcscd.pid and vcard*.pid by this fixture or by scripts/vcard, left over by an
// interrupted run. A pcscd started by anybody else is reported, not killed.
class PcscFixture
{
public:
    PcscFixture();
    ~PcscFixture();
    PcscFixture(const PcscFixture&) = delete;
    PcscFixture& operator=(const PcscFixture&) = delete;

    static QString runtimeDir();
    static QString socketPath() { return QStringLiteral("/run/pcscd/pcscd.comm"); }

    bool start(QString* error);
    bool stop(QString* error = nullptr);
    bool isRunning() const;
    qint64 pid() const;

    // Waits until pcscd reports a card present (or absent) in `reader`, through a PC/SC context of its own.
    static bool waitForCard(const QString& reader, bool present, int timeoutMs);

private:
    bool clearLeftovers(QString* error);
    QProcess m_process;
};
