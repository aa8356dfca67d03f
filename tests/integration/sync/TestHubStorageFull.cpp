// Issue 14 (bad input and faults: a full disk at the hub). The hub's directory lives on a small tmpfs that the test
// fills to the last block, so SQLite meets a real ENOSPC (SQLITE_FULL). A terminal's audit shipment and its record
// push are refused with 507 storage_full and a message the terminal can show; nothing of the refused batch is stored
// (rows counted before and after); the terminal keeps its audit entries unacknowledged and its records queued, and
// both arrive once space is back. Needs `mount -t tmpfs` (root); skipped otherwise. The same error path without a
// mount (PRAGMA max_page_count) is test_hub_storage's storageFullIsRefusedWhole.

#include "SyncTestHub.h"

#include "audit/AuditLog.h"
#include "sync/AuditShipment.h"
#include "sync/HubReplica.h"
#include "util/Clock.h"
#include "vault/SqlCipherDatabase.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

using namespace ward;
using namespace synctest;

class TestHubStorageFull : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncTestHub> m_hub;
    QString m_mount;
    bool m_mounted = false;

    QString filler() const { return m_mount + QStringLiteral("/filler"); }

    // The hub's database read with the sqlcipher shell (no Qt SQLite in a process that holds SQLCipher).
    qint64 count(const QString& table) const
    {
        QProcess p;
        p.start(QStringLiteral("sqlcipher"), {m_hub->dir() + QStringLiteral("/hub.db"), QStringLiteral("SELECT COUNT(*) FROM ") + table});
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return -1;
        bool ok = false;
        const qint64 n = p.readAllStandardOutput().trimmed().toLongLong(&ok);
        return ok ? n : -1;
    }

    // Every free block of the tmpfs taken, after the WAL has been emptied into the database file, so the hub's next
    // write needs a block it cannot have.
    bool fillTheDisk()
    {
        QProcess p;
        p.start(QStringLiteral("sqlcipher"), {m_hub->dir() + QStringLiteral("/hub.db"), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")});
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return false;
        QFile f(filler());
        if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return false;
        for (const qint64 chunk : {qint64(1) << 20, qint64(4096), qint64(512)}) {
            const QByteArray block(chunk, 'x');
            while (f.write(block) == chunk) {
            }
        }
        f.close();
        return f.size() > 0;
    }

    bool ship(SyncTerminal& t, SyncError* error)
    {
        bool done = false;
        qint64 left = -1;
        AuditShipment::ship(*t.vault, *t.client, [&](qint64 unsent, const SyncError& e) {
            left = unsent;
            *error = e;
            done = true;
        });
        QDeadlineTimer deadline(120000);
        while (!done && !deadline.hasExpired())
            QTest::qWait(10);
        return done && left == 0;
    }

private slots:
    void init()
    {
        Clock::setInstance(nullptr);
        m_hub = std::make_unique<SyncTestHub>(QStringLiteral("storage_full"));
        m_mount = QFileInfo(m_hub->dir()).path();
        m_mounted = QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                                QStringLiteral("size=64m"), QStringLiteral("tmpfs"), m_mount})
                    == 0;
        if (!m_mounted)
            QSKIP("mount -t tmpfs is not permitted here; test_hub_storage covers the same error path with max_page_count");
        QVERIFY(m_hub->setUp());
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && m_hub)
            qWarning("hub log:\n%s", m_hub->process().log().right(3000).constData());
        if (m_hub)
            m_hub->process().stop();
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {m_mount});
        m_mounted = false;
        m_hub.reset();
    }

    void fullDiskRefusesPushesWholeAndTheTerminalSendsLater()
    {
        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        SyncError error;
        QVERIFY(t.syncOnce(&error));
        QVERIFY2(ship(t, &error), qPrintable(error.message()));

        // A night's work waits on the terminal: chart views with their audit entries, and confirmed records.
        for (int i = 0; i < 600; ++i)
            t.vault->audit().append(m_hub->nurse().id, QStringLiteral("patient.view"), i % 2 ? QStringLiteral("P0001") : QStringLiteral("P0002"),
                                    QString(), QStringLiteral("success"), {{QStringLiteral("screen"), QStringLiteral("overview %1").arg(i)}});
        QList<RecordVersion> records;
        for (int i = 0; i < 20; ++i)
            records << m_hub->makeRecord(i % 2 ? QStringLiteral("P0001") : QStringLiteral("P0002"),
                                         QStringLiteral("夜間 巡視 %1 回目").arg(i).toUtf8());
        t.vault->records().appendAll(records);
        {
            SqlCipherDatabase::Transaction tx(t.vault->database());
            for (const RecordVersion& r : records)
                t.engine->queue().enqueue(r.recordId, r.version);
            tx.commit();
        }
        const qint64 acknowledged = HubReplica(t.vault->database()).acknowledgedAuditSeq();
        const qint64 auditRows = count(QStringLiteral("terminal_audit"));
        const qint64 recordRows = count(QStringLiteral("records"));
        QVERIFY(auditRows > 0 && recordRows >= 0);

        QVERIFY(fillTheDisk());
        // The audit shipment: refused with the reason, nothing of the batch stored, nothing acknowledged.
        QVERIFY(!ship(t, &error));
        QCOMPARE(error.httpStatus(), 507);
        QCOMPARE(error.hubCode(), QStringLiteral("storage_full"));
        QVERIFY(error.isTransient());
        QVERIFY2(error.message().contains(QLatin1String("storage is full")), qPrintable(error.message()));
        QCOMPARE(count(QStringLiteral("terminal_audit")), auditRows);
        QCOMPARE(HubReplica(t.vault->database()).acknowledgedAuditSeq(), acknowledged);
        QCOMPARE(AuditShipment::unsentCount(*t.vault), t.vault->audit().headSeq() - acknowledged);
        // The record push: the same, the records stay queued.
        QVERIFY(!t.syncOnce(&error));
        QCOMPARE(error.httpStatus(), 507);
        QCOMPARE(error.hubCode(), QStringLiteral("storage_full"));
        QCOMPARE(t.engine->status().lastError, error.message());
        QVERIFY(t.engine->status().hubStorageFull); // the status strip says so (test_screen_layout)
        QCOMPARE(count(QStringLiteral("records")), recordRows);
        QCOMPARE(t.engine->status().queueLength, qint64(records.size()));

        // IT frees space: everything arrives, once.
        QVERIFY(QFile::remove(filler()));
        QVERIFY2(t.syncOnce(&error), qPrintable(error.message()));
        QCOMPARE(t.engine->status().queueLength, qint64(0));
        QVERIFY(!t.engine->status().hubStorageFull);
        QCOMPARE(count(QStringLiteral("records")), recordRows + records.size());
        QVERIFY2(ship(t, &error), qPrintable(error.message()));
        QCOMPARE(count(QStringLiteral("terminal_audit")), t.vault->audit().headSeq());
        QCOMPARE(HubReplica(t.vault->database()).acknowledgedAuditSeq(), t.vault->audit().headSeq());
        QVERIFY(m_hub->cli({QStringLiteral("check")}));
        // IT reads why in the hub's log.
        m_hub->process().stop();
        QVERIFY(m_hub->process().log().contains("wardhub: storage full, request refused"));
    }
};

QTEST_GUILESS_MAIN(TestHubStorageFull)
#include "TestHubStorageFull.moc"
