// lock_bench: how fast patient data leaves the screen when the card is pulled, and how precisely the idle
// lock fires. Real SessionShell, real vault (drafts saved with synchronous=FULL, audit appended), a chart
// workspace holding 200 records, offscreen widgets, the system clock.
//
//   removal: from the removal signal leaving the card-watcher thread (as ReaderMonitor emits it) to the
//            workspace being destroyed (patient data gone). Budget 100 ms (DESIGN: 200 ms end to end, of
//            which pcscd's own detection is outside the app).
//   idle:    how late the idle lock fires after its deadline. Budget 1 s (SES-1, DESIGN).

#include "BenchReport.h"
#include "gui/lock/FakeChartWorkspace.h"
#include "crypto/Argon2Kdf.h"
#include "crypto/Random.h"
#include "records/Patient.h"
#include "records/RecordVersion.h"
#include "session/LockController.h"
#include "ui/SessionShell.h"
#include "util/Clock.h"
#include "vault/Vault.h"

#include <QApplication>
#include <QEventLoop>
#include <QMainWindow>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <chrono>

using namespace ward;
using ward::bench::BenchReport;

namespace {

constexpr int kRuns = 60;
const QString kTerminal = QStringLiteral("T-BENCH");
const QString kUser = QStringLiteral("N000000001");
const QString kPatient = QStringLiteral("P000001");

double steadyMs()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// Stands in for ReaderMonitor: emits from its own thread, so the shell gets a queued call as in production.
class RemovalSource : public QObject
{
    Q_OBJECT
public:
    std::atomic<double> emittedAt{0};
    void pull(const QString& reader)
    {
        QMetaObject::invokeMethod(this, [this, reader] {
            emittedAt = steadyMs();
            emit cardRemoved(reader);
        });
    }
signals:
    void cardRemoved(const QString& reader);
};

UserSession session(Vault* vault)
{
    UserSession s;
    s.userId = kUser;
    s.displayName = QStringLiteral("Bench Nurse");
    s.terminalId = kTerminal;
    s.loginAt = Clock::instance().nowUtc();
    s.vault = vault;
    return s;
}

void seed(Vault& vault)
{
    Patient p;
    p.patientId = kPatient;
    p.name = QStringLiteral("佐藤 花子");
    p.kana = QStringLiteral("さとう はなこ");
    p.birthDate = QDate(1950, 1, 1);
    p.sex = QStringLiteral("F");
    p.ward = QStringLiteral("W3");
    p.bed = QStringLiteral("301-1");
    vault.patients().upsert(p);
    QList<RecordVersion> records;
    for (int i = 0; i < 200; ++i) {
        RecordVersion r;
        r.recordId = Random::uuid();
        r.version = 1;
        r.patientId = kPatient;
        r.type = QStringLiteral("nursing-note");
        r.classification = 2;
        r.compartment = QStringLiteral("W3");
        r.author = kUser;
        r.createdAt = Clock::instance().nowUtc();
        r.confirmedAt = r.createdAt;
        r.body = QStringLiteral("経過記録 %1: 体温 36.%2 度、疼痛なし、食事全量摂取").arg(i).arg(i % 10).toUtf8();
        r.signature = QByteArray("sig");
        records.append(r);
    }
    vault.records().appendAll(records);
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    BenchReport report;

    QTemporaryDir dir;
    Argon2Params kdf;
    kdf.timeCost = 1;
    kdf.memoryKiB = 8 * 1024;
    auto vault = Vault::create(dir.path(), kTerminal, kdf);
    vault->addUserSlot(kUser, SecureBytes::fromUtf8(QStringLiteral("bench-pass")), CardKeyAgreement(), kUser);
    seed(*vault);

    QMainWindow window;
    auto* controller = new LockController(&window);
    auto* shell = new SessionShell(controller, [](const UserSession& s) { return new FakeChartWorkspace(s); }, &window);
    window.setCentralWidget(shell);
    window.resize(1000, 700);
    window.show();

    // --- card removal -> patient data gone
    QThread watcherThread;
    RemovalSource source;
    source.moveToThread(&watcherThread);
    watcherThread.start();
    QObject::connect(&source, &RemovalSource::cardRemoved, shell, &SessionShell::cardRemoved);
    const QString reader = QStringLiteral("Virtual PCD 00 00");

    QList<double> gone;
    QList<double> lockedAll;
    for (int run = 0; run < kRuns; ++run) {
        shell->startSession(session(vault.get()), reader);
        auto* chart = qobject_cast<FakeChartWorkspace*>(shell->workspace());
        chart->openPatient(kPatient);
        chart->draftEditor()->setPlainText(QStringLiteral("巡視 %1 回目、入眠中").arg(run));
        QCoreApplication::processEvents();
        double goneAt = 0;
        QObject::connect(chart, &QObject::destroyed, [&goneAt] { goneAt = steadyMs(); });
        QEventLoop loop;
        double lockedAt = 0;
        auto c = QObject::connect(shell, &SessionShell::locked, [&] {
            lockedAt = steadyMs();
            loop.quit();
        });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        source.pull(reader);
        loop.exec();
        QObject::disconnect(c);
        if (lockedAt == 0 || goneAt == 0) {
            std::fprintf(stderr, "run %d: the lock did not happen\n", run);
            return 2;
        }
        gone.append(goneAt - source.emittedAt);
        lockedAll.append(lockedAt - source.emittedAt);
        shell->logout(LockReason::UserLogout);
    }
    watcherThread.quit();
    watcherThread.wait();
    report.figure("lock_removal_to_data_gone_p50", BenchReport::percentile(gone, 0.50), "ms", BenchReport::Op::AtMost, 100);
    report.figure("lock_removal_to_data_gone_p95", BenchReport::percentile(gone, 0.95), "ms", BenchReport::Op::AtMost, 100);
    BenchReport::info("lock_removal_to_lock_complete_p50", BenchReport::percentile(lockedAll, 0.50), "ms");
    BenchReport::info("lock_removal_to_lock_complete_p95", BenchReport::percentile(lockedAll, 0.95), "ms");
    BenchReport::info("lock_removal_runs", gone.size(), "runs");

    // --- idle timeout precision (system clock, the controller's own timer)
    LockPolicy policy;
    policy.idleTimeoutMs = 600;
    policy.warningMs = 300;
    controller->setPolicy(policy);
    QList<double> late;
    int early = 0;
    for (int run = 0; run < kRuns; ++run) {
        QEventLoop loop;
        double lockedAt = 0;
        auto c = QObject::connect(shell, &SessionShell::locked, [&] {
            lockedAt = steadyMs();
            loop.quit();
        });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        const double start = steadyMs();
        shell->startSession(session(vault.get()), reader);  // the idle clock starts here
        loop.exec();
        QObject::disconnect(c);
        if (lockedAt == 0) {
            std::fprintf(stderr, "idle run %d: no lock within 5 s\n", run);
            return 2;
        }
        const double lateness = lockedAt - (start + policy.idleTimeoutMs);
        if (lateness < -1.0)  // a lock before the deadline would be a bug too (1 ms: clock granularity)
            ++early;
        late.append(lateness);
        shell->logout(LockReason::UserLogout);
    }
    report.figure("lock_idle_lateness_p50", BenchReport::percentile(late, 0.50), "ms", BenchReport::Op::AtMost, 1000);
    report.figure("lock_idle_lateness_p95", BenchReport::percentile(late, 0.95), "ms", BenchReport::Op::AtMost, 1000);
    report.figure("lock_idle_early_runs", early, "runs", BenchReport::Op::AtMost, 0);
    BenchReport::info("lock_idle_runs", late.size(), "runs");
    return report.exitCode();
}

#include "LockBench.moc"
