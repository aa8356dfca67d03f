#pragma once

#include "crypto/SecureBytes.h"
#include "diagnostics/DiagnosticReport.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

namespace ward {

class HubClient;
class ReaderMonitor;

// Issue 13: the terminal's self-check for IT. Everything that can wait (the vault's integrity check reads every
// page, the time source is asked through chronyc/timedatectl, the hub is asked for its time) runs off the UI thread
// or asynchronously; finished() brings the whole report back on this object's thread.
//
// Checks (ids): card.service, card.readers, card.lastEvent, hub.reachability, hub.clockSkew, time.source,
// tls.terminal, tls.hubCa, vault.integrity, vault.auditChain, sync.unsentRecords, sync.unsentAudit,
// sync.auditAcknowledgement (issue 14: the hub's signed acknowledgement kept in the vault), disk.space,
// version.program, version.schema.
class TerminalDiagnostics : public QObject
{
    Q_OBJECT

public:
    struct Setup
    {
        QString vaultDir;
        QString terminalId;
        QByteArray terminalCertificatePem;  // empty: not enrolled
        QByteArray hubCaPem;
        SecureBytes vaultKey;               // the open session's vault key; empty: the vault is not checked
        HubClient* hub = nullptr;           // the terminal's mutual-TLS client; null: no hub configured
        QString programVersion;
        int clockSkewThresholdSecs = 60;    // AUD-3 threshold of the policy
    };

    static constexpr qint64 kLowDiskBytes = 500LL * 1024 * 1024;
    static constexpr qint64 kCriticalDiskBytes = 100LL * 1024 * 1024;
    static constexpr int kCertificateWarningDays = 30;

    explicit TerminalDiagnostics(QObject* parent = nullptr);
    ~TerminalDiagnostics() override;

    // Remembers the card service's last event (insert, remove, service lost or back) from now on.
    void attachReaderMonitor(ReaderMonitor* monitor);
    // Starts a run; a run still going is superseded (its answer is dropped).
    void run(const Setup& setup);
    bool isRunning() const { return m_running; }

    // Where pcscd's socket is looked for (tests of a machine without pcscd point it elsewhere).
    void setPcscSocketPath(const QString& path) { m_pcscSocket = path; }

signals:
    void finished(const ward::DiagnosticReport& report);

private:
    // The checks that read files, run programs or read every vault page: on m_pool.
    static DiagnosticReport gatherLocal(const Setup& setup, const QString& pcscSocket);
    DiagnosticReport cardChecks(bool pcscdRunning) const;
    void askHub(quint64 generation, const Setup& setup);
    void partDone(quint64 generation, const DiagnosticReport& part);

    QPointer<ReaderMonitor> m_monitor;
    QString m_lastCardEvent;
    QDateTime m_lastCardEventAt;
    QString m_pcscSocket = QStringLiteral("/run/pcscd/pcscd.comm");
    quint64 m_generation = 0;
    bool m_running = false;
    int m_waiting = 0;
    DiagnosticReport m_report;  // of the run in progress
    QThreadPool m_pool;  // last: waited for before the members the workers' answers reach
};

} // namespace ward
