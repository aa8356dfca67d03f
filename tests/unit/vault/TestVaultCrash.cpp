#include "VaultTestSupport.h"
#include "vault/Vault.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace ward;
using namespace ward::test;

// Power-cut and crash safety: a writer killed with SIGKILL at random points leaves a vault that
// opens, passes a full integrity check, holds every version whose commit had returned, and whose
// audit chain still verifies.
class TestVaultCrash : public QObject
{
    Q_OBJECT

private slots:
    // Proves: SES-4
    void sigkillMidWriteLosesNothingCommitted()
    {
        QTemporaryDir dir;
        {
            auto vault = Vault::create(dir.path(), QStringLiteral("T-W3-01"), fastKdf());
            vault->addUserSlot(QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement(), QStringLiteral("N000000001"));
        }
        QStringList committed;
        const int kKills = 20;
        int killedMidway = 0;
        for (int run = 0; run < kKills; ++run) {
            QProcess writer;
            writer.start(QStringLiteral(WARD_CRASH_WRITER), {dir.path(), QStringLiteral("5000")});
            QVERIFY(writer.waitForStarted());
            QVERIFY(writer.waitForReadyRead(20000));
            QByteArray out;
            const int waitMs = QRandomGenerator::global()->bounded(30, 400);
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < waitMs && writer.state() == QProcess::Running)
                writer.waitForReadyRead(5);
            // Only ever a positive PID of a running writer: kill(0, …) would hit this whole process group.
            const qint64 pid = writer.processId();
            if (writer.state() == QProcess::Running && pid > 0)
                ::kill(static_cast<pid_t>(pid), SIGKILL);
            writer.waitForFinished(10000);
            out += writer.readAllStandardOutput();
            QStringList lines = QString::fromLatin1(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QVERIFY(!lines.isEmpty());
            QCOMPARE(lines.takeFirst(), QStringLiteral("open"));
            if (lines.size() < 5000)
                ++killedMidway;
            committed += lines;

            auto vault = Vault::openWithPassword(dir.path(), QStringLiteral("T-W3-01"), QStringLiteral("N000000001"),
                                                 pw("Kango#2026"));
            vault->checkIntegrity();
            for (const QString& id : lines)
                QVERIFY2(vault->records().find(id, 1).has_value(), qPrintable(id));
            const qint64 stored = vault->records().count();
            // At most one commit can have landed after the last line the writer managed to print.
            QVERIFY2(stored >= committed.size() && stored <= committed.size() + run + 1,
                     qPrintable(QStringLiteral("%1 stored, %2 reported").arg(stored).arg(committed.size())));
            const AuditVerification v = vault->audit().verify();
            QVERIFY2(v.ok, qPrintable(v.reason));
        }
        qInfo("%d runs, %d killed before finishing, %lld versions committed", kKills, killedMidway,
              static_cast<long long>(committed.size()));
        QVERIFY(killedMidway >= kKills / 2);
    }
};

QTEST_GUILESS_MAIN(TestVaultCrash)
#include "TestVaultCrash.moc"
