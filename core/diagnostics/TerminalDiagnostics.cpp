#include "diagnostics/TerminalDiagnostics.h"

#include "audit/AuditLog.h"
#include "card/ReaderMonitor.h"
#include "crypto/Certificate.h"
#include "sync/ClockSkewMonitor.h"
#include "sync/HubClient.h"
#include "sync/HubReplica.h"
#include "sync/TerminalDisposal.h"
#include "util/Clock.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"
#include "vault/VaultSchema.h"
#include "vault/SqlStatement.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QStorageInfo>

namespace ward {

namespace {

using Level = DiagnosticReport::Level;

// The order checks appear in, whichever part answered first.
const QStringList kOrder{QStringLiteral("card.service"),     QStringLiteral("card.readers"),     QStringLiteral("card.lastEvent"),
                         QStringLiteral("hub.reachability"), QStringLiteral("hub.clockSkew"),    QStringLiteral("time.source"),
                         QStringLiteral("tls.terminal"),     QStringLiteral("tls.hubCa"),        QStringLiteral("vault.integrity"),
                         QStringLiteral("vault.auditChain"), QStringLiteral("sync.unsentRecords"), QStringLiteral("sync.unsentAudit"),
                         QStringLiteral("sync.auditAcknowledgement"),
                         QStringLiteral("disk.space"),       QStringLiteral("version.program"),  QStringLiteral("version.schema")};

bool processRunning(const QString& name)
{
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        bool numeric = false;
        QFileInfo(dir).fileName().toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile comm(dir + QStringLiteral("/comm"));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name.toLatin1())
            return true;
    }
    return false;
}

// One line of a program's answer, or empty when it is not installed or did not answer in time.
QString runProgram(const QString& program, const QStringList& args, QString* failure)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        *failure = TerminalDiagnostics::tr("%1 is not installed").arg(program);
        return QString();
    }
    QProcess p;
    p.start(path, args);
    if (!p.waitForFinished(3000)) {
        p.kill();
        p.waitForFinished(1000);
        *failure = TerminalDiagnostics::tr("%1 did not answer").arg(program);
        return QString();
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *failure = TerminalDiagnostics::tr("%1 did not answer (%2)").arg(program, QString::fromLocal8Bit(p.readAllStandardError()).simplified().left(120));
        return QString();
    }
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

void timeSource(DiagnosticReport& r)
{
    const QString title = TerminalDiagnostics::tr("Local time source");
    QString chronyFailure, timedatectlFailure;
    const QString chrony = runProgram(QStringLiteral("chronyc"), {QStringLiteral("-n"), QStringLiteral("tracking")}, &chronyFailure);
    if (!chrony.isEmpty()) {
        QString reference, offset;
        for (const QString& line : chrony.split(QLatin1Char('\n'))) {
            const QString value = line.section(QLatin1Char(':'), 1).trimmed();
            if (line.startsWith(QLatin1String("Reference ID")))
                reference = value;
            else if (line.startsWith(QLatin1String("System time")))
                offset = value;
        }
        r.add(QStringLiteral("time.source"), title, TerminalDiagnostics::tr("chrony: reference %1, system time %2").arg(reference, offset),
              reference.startsWith(QLatin1String("00000000")) ? Level::Warning : Level::Ok);
        return;
    }
    const QString timedatectl =
        runProgram(QStringLiteral("timedatectl"), {QStringLiteral("show"), QStringLiteral("-p"), QStringLiteral("NTPSynchronized")}, &timedatectlFailure);
    if (!timedatectl.isEmpty()) {
        const bool synced = timedatectl.contains(QLatin1String("NTPSynchronized=yes"));
        r.add(QStringLiteral("time.source"), title,
              synced ? TerminalDiagnostics::tr("timedatectl: synchronised with NTP") : TerminalDiagnostics::tr("timedatectl: not synchronised with NTP"),
              synced ? Level::Ok : Level::Warning);
        return;
    }
    r.add(QStringLiteral("time.source"), title, TerminalDiagnostics::tr("Not available: %1; %2").arg(chronyFailure, timedatectlFailure), Level::Unavailable);
}

void certificate(DiagnosticReport& r, const QString& id, const QString& title, const QByteArray& pem)
{
    if (pem.isEmpty()) {
        r.add(id, title, TerminalDiagnostics::tr("None (the terminal is not enrolled)"), Level::Unavailable);
        return;
    }
    const auto cert = Certificate::fromPem(pem);
    if (!cert) {
        r.add(id, title, TerminalDiagnostics::tr("Cannot be read"), Level::Problem);
        return;
    }
    const QDateTime now = Clock::instance().nowUtc();
    const qint64 days = now.daysTo(cert->notAfter());
    const QString until = cert->notAfter().toString(QStringLiteral("yyyy-MM-dd"));
    if (cert->notAfter() <= now)
        r.add(id, title, TerminalDiagnostics::tr("Expired on %1").arg(until), Level::Problem);
    else
        r.add(id, title, TerminalDiagnostics::tr("Valid until %1 (%n day(s) left)", nullptr, static_cast<int>(days)).arg(until),
              days < TerminalDiagnostics::kCertificateWarningDays ? Level::Warning : Level::Ok);
}

// Issue 14: the hub's signed acknowledgement kept in the vault, verified again against the pinned hub CA.
void acknowledgementCheck(DiagnosticReport& r, const QString& title, Vault& vault, const TerminalDiagnostics::Setup& s)
{
    const std::optional<AuditAcknowledgement> ack = HubReplica(vault.database()).auditAcknowledgement();
    if (!ack) {
        r.add(QStringLiteral("sync.auditAcknowledgement"), title, TerminalDiagnostics::tr("None yet"), Level::Warning);
        return;
    }
    const QList<AuditEntry> own = vault.audit().entries(ack->seq, 1);
    const std::optional<Certificate> ca = Certificate::fromPem(s.hubCaPem);
    const QString problem = !ca ? TerminalDiagnostics::tr("No hub CA to verify it against")
                            : own.isEmpty()
                                ? TerminalDiagnostics::tr("Entry %1 is not in this vault").arg(ack->seq)
                                : ack->problem({*ca}, s.terminalId, ack->seq, own.first().hash);
    if (!problem.isEmpty()) {
        r.add(QStringLiteral("sync.auditAcknowledgement"), title, problem, Level::Problem);
        return;
    }
    r.add(QStringLiteral("sync.auditAcknowledgement"), title,
          TerminalDiagnostics::tr("Up to entry %1, signed by the hub on %2")
              .arg(ack->seq)
              .arg(QLocale().toString(ack->time.toLocalTime(), QLocale::ShortFormat)),
          Level::Ok);
}

void vaultChecks(DiagnosticReport& r, const TerminalDiagnostics::Setup& s)
{
    const QString integrity = TerminalDiagnostics::tr("Vault integrity (PRAGMA integrity_check)");
    const QString chain = TerminalDiagnostics::tr("Audit chain");
    const QString records = TerminalDiagnostics::tr("Unsent records");
    const QString audit = TerminalDiagnostics::tr("Unsent audit entries");
    const QString acknowledgement = TerminalDiagnostics::tr("Audit chain acknowledged by the hub");
    const QString schema = TerminalDiagnostics::tr("Vault schema version");
    if (s.vaultKey.isEmpty() || !Vault::exists(s.vaultDir)) {
        const QString why = Vault::exists(s.vaultDir) ? TerminalDiagnostics::tr("Not checked: the vault is opened by a login")
                                                      : TerminalDiagnostics::tr("Not checked: there is no vault on this terminal");
        for (const auto& [id, title] : {std::pair{QStringLiteral("vault.integrity"), integrity}, {QStringLiteral("vault.auditChain"), chain},
                                        {QStringLiteral("sync.unsentRecords"), records}, {QStringLiteral("sync.unsentAudit"), audit},
                                        {QStringLiteral("sync.auditAcknowledgement"), acknowledgement},
                                        {QStringLiteral("version.schema"), schema}})
            r.add(id, title, why, Level::Unavailable);
        return;
    }
    std::unique_ptr<Vault> vault;
    try {
        vault = Vault::openWithKey(s.vaultDir, s.terminalId, s.vaultKey);
    } catch (const VaultError& e) {
        r.add(QStringLiteral("vault.integrity"), integrity, TerminalDiagnostics::tr("The vault does not open: %1").arg(e.message()), Level::Problem);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    try {
        vault->checkIntegrity();
        r.add(QStringLiteral("vault.integrity"), integrity, TerminalDiagnostics::tr("ok (%1 ms)").arg(timer.elapsed()), Level::Ok);
    } catch (const VaultError& e) {
        r.add(QStringLiteral("vault.integrity"), integrity, e.message(), Level::Problem);
    }
    const AuditVerification v = vault->audit().verify();
    r.add(QStringLiteral("vault.auditChain"), chain,
          v.ok ? TerminalDiagnostics::tr("Intact (%n entries)", nullptr, static_cast<int>(v.entries))
               : TerminalDiagnostics::tr("Broken at entry %1: %2").arg(v.firstBadSeq).arg(v.reason),
          v.ok ? Level::Ok : Level::Problem);
    const TerminalDisposal::Unsent unsent = TerminalDisposal::unsent(*vault);
    r.add(QStringLiteral("sync.unsentRecords"), records, QLocale().toString(unsent.records),
          unsent.records > 0 ? Level::Warning : Level::Ok);
    r.add(QStringLiteral("sync.unsentAudit"), audit, QLocale().toString(unsent.auditEntries),
          unsent.auditEntries > 0 ? Level::Warning : Level::Ok);
    acknowledgementCheck(r, acknowledgement, *vault, s);
    SqlStatement q = vault->database().prepare("PRAGMA user_version");
    const int version = q.step() ? q.integer(0) : 0;
    r.add(QStringLiteral("version.schema"), schema, TerminalDiagnostics::tr("%1 (this program: %2)").arg(version).arg(VaultSchema::currentVersion()),
          version == VaultSchema::currentVersion() ? Level::Ok : Level::Problem);
}

} // namespace

TerminalDiagnostics::TerminalDiagnostics(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<ward::DiagnosticReport>("ward::DiagnosticReport");
    m_pool.setMaxThreadCount(1);
}

TerminalDiagnostics::~TerminalDiagnostics()
{
    ++m_generation;
    m_pool.waitForDone();
}

void TerminalDiagnostics::attachReaderMonitor(ReaderMonitor* monitor)
{
    m_monitor = monitor;
    auto remember = [this](const QString& event) {
        m_lastCardEvent = event;
        m_lastCardEventAt = Clock::instance().nowUtc();
    };
    connect(monitor, &ReaderMonitor::cardInserted, this,
            [remember](const QString& reader, const QByteArray&) { remember(tr("card inserted in %1").arg(reader)); });
    connect(monitor, &ReaderMonitor::cardRemoved, this, [remember](const QString& reader) { remember(tr("card removed from %1").arg(reader)); });
    connect(monitor, &ReaderMonitor::serviceUnavailable, this, [remember] { remember(tr("card service lost")); });
    connect(monitor, &ReaderMonitor::serviceAvailable, this, [remember] { remember(tr("card service available")); });
}

DiagnosticReport TerminalDiagnostics::cardChecks(bool pcscdRunning) const
{
    DiagnosticReport r;
    const bool available = m_monitor && m_monitor->isServiceAvailable();
    r.add(QStringLiteral("card.service"), tr("Card service (pcscd)"),
          available      ? tr("Running and answering")
          : pcscdRunning ? tr("pcscd is running but does not answer the terminal")
                         : tr("pcscd is not running"),
          available ? Level::Ok : Level::Problem);
    const QStringList readers = m_monitor ? m_monitor->readers() : QStringList();
    r.add(QStringLiteral("card.readers"), tr("Card readers"), readers.isEmpty() ? tr("None connected") : readers.join(QStringLiteral(", ")),
          readers.isEmpty() ? Level::Problem : Level::Ok);
    r.add(QStringLiteral("card.lastEvent"), tr("Last card event"),
          m_lastCardEvent.isEmpty() ? tr("None since the terminal started")
                                    : tr("%1 at %2 UTC").arg(m_lastCardEvent, m_lastCardEventAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
          m_lastCardEvent.isEmpty() ? Level::Unavailable : Level::Ok);
    return r;
}

DiagnosticReport TerminalDiagnostics::gatherLocal(const Setup& s, const QString& pcscSocket)
{
    DiagnosticReport r;
    // The card service's own checks need the monitor (UI thread); whether pcscd runs at all is asked here.
    r.add(QStringLiteral("pcscd.process"), QString(), QString(),
          processRunning(QStringLiteral("pcscd")) || QFileInfo::exists(pcscSocket) ? Level::Ok : Level::Problem);
    timeSource(r);
    certificate(r, QStringLiteral("tls.terminal"), tr("Terminal certificate"), s.terminalCertificatePem);
    certificate(r, QStringLiteral("tls.hubCa"), tr("Hub CA certificate"), s.hubCaPem);
    vaultChecks(r, s);
    QString dir = s.vaultDir;
    while (!dir.isEmpty() && !QFileInfo::exists(dir) && QFileInfo(dir).dir().path() != dir)
        dir = QFileInfo(dir).dir().path();
    const QStorageInfo storage(dir);
    const qint64 free = storage.bytesAvailable();
    r.add(QStringLiteral("disk.space"), tr("Disk space"),
          storage.isValid() ? tr("%1 free of %2").arg(QLocale().formattedDataSize(free), QLocale().formattedDataSize(storage.bytesTotal()))
                            : tr("Cannot be read"),
          !storage.isValid() || free < kCriticalDiskBytes ? Level::Problem : free < kLowDiskBytes ? Level::Warning : Level::Ok);
    r.add(QStringLiteral("version.program"), tr("Program version"), s.programVersion, Level::Ok);
    return r;
}

void TerminalDiagnostics::run(const Setup& setup)
{
    const quint64 generation = ++m_generation;
    m_running = true;
    m_report = DiagnosticReport();
    m_report.terminalId = setup.terminalCertificatePem.isEmpty() ? QString() : setup.terminalId;
    m_waiting = 2;
    const QString socket = m_pcscSocket;
    m_pool.start([this, generation, setup, socket] {
        const DiagnosticReport local = gatherLocal(setup, socket);
        QMetaObject::invokeMethod(this, [this, generation, local] { partDone(generation, local); }, Qt::QueuedConnection);
    });
    askHub(generation, setup);
}

void TerminalDiagnostics::askHub(quint64 generation, const Setup& setup)
{
    const QString reach = tr("Hub reachability");
    const QString skew = tr("Clock skew against the hub");
    if (!setup.hub) {
        DiagnosticReport r;
        r.add(QStringLiteral("hub.reachability"), reach, tr("No hub configured"), Level::Unavailable);
        r.add(QStringLiteral("hub.clockSkew"), skew, tr("Not available without a hub"), Level::Unavailable);
        partDone(generation, r);
        return;
    }
    const QDateTime sent = Clock::instance().nowUtc();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const QString host = setup.hub->hubUrl().host();
    const int threshold = setup.clockSkewThresholdSecs;
    QPointer<TerminalDiagnostics> self(this);
    setup.hub->get(QStringLiteral("/api/v1/time"), [self, generation, timer, sent, reach, skew, host, threshold](const HubReply& reply) {
        if (!self)
            return;
        const qint64 rtt = timer->elapsed();
        DiagnosticReport r;
        if (!reply.ok()) {
            r.add(QStringLiteral("hub.reachability"), reach, tr("%1 not reachable: %2").arg(host, reply.error.message()), Level::Problem);
            r.add(QStringLiteral("hub.clockSkew"), skew, tr("Not measured (the hub did not answer)"), Level::Unavailable);
        } else {
            r.add(QStringLiteral("hub.reachability"), reach, tr("%1 answered in %2 ms").arg(host).arg(rtt), Level::Ok);
            if (reply.hubTime.isValid()) {
                // The hub stamped its time somewhere in the round trip: compare with our clock at the middle of it.
                ClockSkewMonitor monitor;
                monitor.setThresholdSecs(threshold);
                monitor.observe(reply.hubTime, sent.addMSecs(rtt / 2));
                const double secs = qAbs(monitor.skewMs()) < 50 ? 0.0 : monitor.skewMs() / 1000.0;
                r.add(QStringLiteral("hub.clockSkew"), skew,
                      tr("%1 s (%2; warning above %3 s)")
                          .arg(QLocale().toString(secs, 'f', 1),
                               qAbs(secs) < 0.5 ? tr("in step with the hub")
                               : secs > 0      ? tr("this terminal is behind the hub")
                                               : tr("this terminal is ahead of the hub"))
                          .arg(threshold),
                      monitor.isOverThreshold() ? Level::Warning : Level::Ok);
            } else {
                r.add(QStringLiteral("hub.clockSkew"), skew, tr("The hub's answer carried no time"), Level::Warning);
            }
        }
        self->partDone(generation, r);
    });
}

void TerminalDiagnostics::partDone(quint64 generation, const DiagnosticReport& part)
{
    if (generation != m_generation)
        return;
    for (const DiagnosticReport::Check& c : part.checks) {
        if (c.id == QLatin1String("pcscd.process"))
            m_report.checks += cardChecks(c.level == Level::Ok).checks;
        else
            m_report.checks.append(c);
    }
    if (--m_waiting > 0)
        return;
    std::sort(m_report.checks.begin(), m_report.checks.end(), [](const DiagnosticReport::Check& a, const DiagnosticReport::Check& b) {
        return kOrder.indexOf(a.id) < kOrder.indexOf(b.id);
    });
    m_report.generatedAt = Clock::instance().nowUtc();
    m_running = false;
    emit finished(m_report);
}

} // namespace ward
