#include "hub/HubConfig.h"
#include "hub/HubError.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "hub/storage/Migrations.h"
#include "hub/terminals/TerminalAuditChains.h"
#include "audit/AuditEntry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ward;
using namespace ward::hub;

// A PostgreSQL tablespace directory on its own small tmpfs, owned by the server's user, that fill() takes every free
// block of; unmounted (lazily, the server may still hold a file) when the test ends, whatever its outcome.
class FullTablespace
{
public:
    explicit FullTablespace(const QString& mountPoint)
        : m_mount(mountPoint)
    {
        QDir().mkpath(m_mount);
        m_mounted = QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                                QStringLiteral("size=4m"), QStringLiteral("tmpfs"), m_mount})
                    == 0;
        if (m_mounted) {
            QDir().mkpath(path());
            QProcess::execute(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("postgres:postgres"), m_mount});
            // The server (user postgres) must reach the directory through the test's private temporary directory.
            QFile::setPermissions(QFileInfo(m_mount).path(), QFile::permissions(QFileInfo(m_mount).path()) | QFileDevice::ExeOther);
        }
    }
    ~FullTablespace()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_mount});
    }
    FullTablespace(const FullTablespace&) = delete;
    FullTablespace& operator=(const FullTablespace&) = delete;

    bool mounted() const { return m_mounted; }
    QString path() const { return m_mount + QStringLiteral("/pg"); }
    bool fill()
    {
        QFile filler(m_mount + QStringLiteral("/filler"));
        if (!filler.open(QIODevice::WriteOnly))
            return false;
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
        return true;
    }
    void empty() { QFile::remove(m_mount + QStringLiteral("/filler")); }

private:
    QString m_mount;
    bool m_mounted = false;
};

class TestHubStorage : public QObject
{
    Q_OBJECT

private:
    // WARD_HUB_TEST_PG=socketdir:port runs the same tests on PostgreSQL, each in a fresh database.
    HubConfig config(const QTemporaryDir& dir)
    {
        HubConfig c;
        c.dir = dir.path();
        const QString pg = qEnvironmentVariable("WARD_HUB_TEST_PG");
        if (!pg.isEmpty()) {
            c.dbDriver = QStringLiteral("postgres");
            c.pgSocketDir = pg.section(QLatin1Char(':'), 0, 0);
            c.pgPort = pg.section(QLatin1Char(':'), 1, 1).toInt();
            c.pgDatabase = QStringLiteral("unit_%1").arg(QString::fromLatin1(QTest::currentTestFunction()).toLower());
            HubDatabase::createPostgresDatabaseIfMissing(c, true);
        }
        return c;
    }

private slots:
    void migratesOnceAndIsIdempotent()
    {
        QTemporaryDir dir;
        HubDatabase db(config(dir));
        QCOMPARE(Migrations::currentVersion(db), 0);
        Migrations::migrate(db);
        QCOMPARE(Migrations::currentVersion(db), Migrations::latestVersion());
        Migrations::migrate(db); // a second run changes nothing
        QSqlQuery q = db.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), Migrations::latestVersion());
        if (!db.isPostgres()) {
            QSqlQuery wal = db.exec(QStringLiteral("PRAGMA journal_mode"));
            QVERIFY(wal.next());
            QCOMPARE(wal.value(0).toString(), QStringLiteral("wal"));
        }
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        HubDatabase db(config(dir));
        Migrations::migrate(db);
        db.exec(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, 0)"), {Migrations::latestVersion() + 1});
        QVERIFY_THROWS_EXCEPTION(HubError, Migrations::migrate(db));
    }

    // Proves: DATA-1
    void dataKeysRoundTripAndBindToContext()
    {
        QTemporaryDir dir;
        HubConfig c = config(dir);
        HubDatabase db(c);
        Migrations::migrate(db);
        DataKeys::create(db, c.masterKeyPath());
        QCOMPARE(QFile::permissions(c.masterKeyPath()) & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
        // A second create must not overwrite the master key.
        QVERIFY_THROWS_EXCEPTION(HubError, DataKeys::create(db, c.masterKeyPath()));

        const DataKeys keys = DataKeys::load(db, c.masterKeyPath());
        const QByteArray body = QByteArrayLiteral("{\"text\":\"体温 37.2\"}");
        const QByteArray sealed = keys.sealHealth(body, "records/r1/1");
        QVERIFY(!sealed.contains(body));
        QByteArray out;
        QVERIFY(keys.openHealth(sealed, "records/r1/1", &out));
        QCOMPARE(out, body);
        QVERIFY(!keys.openHealth(sealed, "records/r1/2", &out)); // moved to another row
        QVERIFY(!keys.openIdentity(sealed, "records/r1/1", &out)); // identity key cannot open health data
        QCOMPARE(keys.healthMac(body), keys.healthMac(body));
        QVERIFY(keys.healthMac(body) != keys.healthMac(body + ' '));

        // Another master key does not open the data keys.
        QFile f(c.masterKeyPath());
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write(QByteArray(32, 'x'));
        f.close();
        QVERIFY_THROWS_EXCEPTION(HubError, DataKeys::load(db, c.masterKeyPath()));
    }

    void recordsAreAppendOnly()
    {
        QTemporaryDir dir;
        HubDatabase db(config(dir));
        Migrations::migrate(db);
        db.exec(QStringLiteral("INSERT INTO wards (id, name, seq) VALUES ('W3', 'W3', 1)"));
        db.exec(QStringLiteral("INSERT INTO patients (id, ward, identity, updated_at, seq) VALUES ('P1', 'W3', ?, 0, 2)"),
                {QByteArray("\x00", 1)});
        const QString insert = QStringLiteral(
            "INSERT INTO records (record_id, version, patient_id, type, ward, author, prev_hash, body,"
            " body_mac, signature, ts_token, terminal_id, received_at, seq)"
            " VALUES ('r1', 1, 'P1', 'note', 'W3', 'A', '', ?, ?, ?, ?, 'T', 0, ?)");
        const QByteArray b("\x01");
        db.exec(insert, {b, b, b, b, 3});
        QVERIFY_THROWS_EXCEPTION(HubError, db.exec(QStringLiteral("UPDATE records SET body = ?"), {b}));
        QVERIFY_THROWS_EXCEPTION(HubError, db.exec(QStringLiteral("DELETE FROM records")));
        QVERIFY_THROWS_EXCEPTION(HubError, db.exec(insert, {b, b, b, b, 4})); // same (record_id, version)
    }

    void transactionRollsBackOnThrow()
    {
        QTemporaryDir dir;
        HubDatabase db(config(dir));
        Migrations::migrate(db);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, db.transaction([&] {
            db.exec(QStringLiteral("INSERT INTO wards (id, name, seq) VALUES ('W1', 'W1', ?)"), {db.takeSequence()});
            throw std::runtime_error("abort");
        }));
        QSqlQuery q = db.exec(QStringLiteral("SELECT COUNT(*) FROM wards"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(db.transaction([&] { return db.takeSequence(3); }), qint64(1));
        QCOMPARE(db.transaction([&] { return db.takeSequence(); }), qint64(4));
    }

    // The bulk append (COPY on PostgreSQL) keeps every value exactly: COPY's delimiters and escapes inside text,
    // an empty string apart from NULL, every byte value in a blob. A failing append (a duplicate key) is refused
    // whole, and the connection goes on working.
    void appendRowsKeepsEveryValueExactly()
    {
        QTemporaryDir dir;
        HubDatabase db(config(dir));
        db.execDirect(QStringLiteral("CREATE TABLE scratch (id BIGINT PRIMARY KEY, t TEXT, b %1, n BIGINT)").arg(db.blobType()));
        QByteArray everyByte;
        for (int i = 0; i < 256; ++i)
            everyByte += char(i);
        const QStringList texts{QStringLiteral("tab\there"), QStringLiteral("line\nbreak\r\n"), QStringLiteral("back\\slash \\N \\x00"),
                                QStringLiteral("看護記録：体温 37.2℃"), QString(), QStringLiteral("")};
        QList<QVariantList> rows;
        for (int i = 0; i < texts.size(); ++i)
            rows.append({i + 1, texts.at(i), i % 2 ? QVariant(everyByte) : QVariant(QMetaType(QMetaType::QByteArray)),
                         i % 3 ? QVariant(qint64(1) << (40 + i)) : QVariant()});
        const QStringList columns{QStringLiteral("id"), QStringLiteral("t"), QStringLiteral("b"), QStringLiteral("n")};
        db.transaction([&] { db.appendRows(QStringLiteral("scratch"), columns, rows); });
        QSqlQuery q = db.exec(QStringLiteral("SELECT id, t, b, n FROM scratch ORDER BY id"));
        int i = 0;
        for (; q.next(); ++i) {
            QCOMPARE(q.value(0).toInt(), i + 1);
            QCOMPARE(q.value(1).isNull(), texts.at(i).isNull());
            QCOMPARE(q.value(1).toString(), texts.at(i));
            QCOMPARE(q.value(2).isNull(), i % 2 == 0);
            if (i % 2)
                QCOMPARE(q.value(2).toByteArray(), everyByte);
            QCOMPARE(q.value(3).isNull(), i % 3 == 0);
            if (i % 3)
                QCOMPARE(q.value(3).toLongLong(), qint64(1) << (40 + i));
        }
        QCOMPARE(i, int(texts.size()));

        QVERIFY_THROWS_EXCEPTION(HubError, db.transaction([&] {
            db.appendRows(QStringLiteral("scratch"), columns, {{100, QStringLiteral("new"), QVariant(), 1}, {3, QStringLiteral("again"), QVariant(), 1}});
        }));
        QSqlQuery count = db.exec(QStringLiteral("SELECT COUNT(*) FROM scratch"));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), int(texts.size())); // row 100 went with the refused append
    }

    // Proves: AUD-2
    void auditChainDetectsTampering()
    {
        QTemporaryDir dir;
        HubDatabase db(config(dir));
        Migrations::migrate(db);
        HubAuditLog log(db);
        for (int i = 0; i < 5; ++i)
            db.transaction([&] { log.append(QStringLiteral("admin"), QStringLiteral("user.add"), {{QStringLiteral("n"), i}}); });
        HubAuditLog::Verdict v = log.verify();
        QVERIFY2(v.ok, qPrintable(v.problem));
        QCOMPARE(v.entries, qint64(5));

        // An attacker with SQL access removes the guard and edits an entry: the chain shows where.
        db.execDirect(db.isPostgres() ? QStringLiteral("DROP TRIGGER hub_audit_append_only ON hub_audit")
                                      : QStringLiteral("DROP TRIGGER hub_audit_no_update"));
        db.exec(QStringLiteral("UPDATE hub_audit SET actor = 'mallory' WHERE seq = 3"));
        v = log.verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, qint64(3));
    }
    // Issue 14 (a full disk at the hub) is HubError storage_full / 507, and the refused audit batch leaves nothing
    // behind; it is stored whole once there is space again. SQLite: SQLITE_FULL from a database held at its current
    // size with max_page_count (the same error SQLite returns on ENOSPC; test_hub_storage_full fills a real tmpfs).
    // PostgreSQL: disk_full (53100) from a real ENOSPC, the audit table in a tablespace on a small tmpfs that a
    // filler file has filled (needs root for the mount; skipped otherwise).
    void storageFullIsRefusedWhole()
    {
        QTemporaryDir dir;
        HubConfig c = config(dir);
        HubDatabase db(c);
        Migrations::migrate(db);
        DataKeys::create(db, c.masterKeyPath());
        const DataKeys keys = DataKeys::load(db, c.masterKeyPath());
        QJsonArray entries;
        QByteArray prev = AuditEntry::genesisHash();
        for (int i = 1; i <= 300; ++i) {
            AuditEntry e;
            e.seq = i;
            e.time = QDateTime::fromMSecsSinceEpoch(1764000000000 + i * 1000, Qt::UTC);
            e.terminal = QStringLiteral("T-full");
            e.user = QStringLiteral("NURSE00001");
            e.action = QStringLiteral("patient.view");
            e.patient = QStringLiteral("P%1").arg(i % 7);
            e.outcome = QStringLiteral("success");
            e.detail = {{QStringLiteral("screen"), QString(200, QLatin1Char('o'))}};
            e.prevHash = prev;
            e.hash = e.computeHash();
            prev = e.hash;
            entries.append(e.toJson());
        }
        auto rows = [&] {
            QSqlQuery q = db.exec(QStringLiteral("SELECT COUNT(*) FROM terminal_audit"));
            return q.next() ? q.value(0).toLongLong() : -1;
        };
        std::optional<FullTablespace> tablespace;
        qint64 full = 0;
        if (db.isPostgres()) {
            tablespace.emplace(dir.path() + QStringLiteral("/tablespace"));
            if (!tablespace->mounted())
                QSKIP("mount -t tmpfs is not permitted here; the SQLite run covers the same refusal");
            db.execDirect(QStringLiteral("CREATE TABLESPACE ward_full LOCATION '%1'").arg(tablespace->path()));
            db.execDirect(QStringLiteral("ALTER TABLE terminal_audit SET TABLESPACE ward_full"));
            QVERIFY(tablespace->fill());
        } else {
            QSqlQuery pages = db.exec(QStringLiteral("PRAGMA page_count"));
            QVERIFY(pages.next());
            full = pages.value(0).toLongLong();
            db.execDirect(QStringLiteral("PRAGMA max_page_count = %1").arg(full));
        }
        TerminalAuditChains chains(db, keys);
        try {
            chains.receive(QStringLiteral("T-full"), entries);
            QFAIL("a full database accepted the batch");
        } catch (const HubError& e) {
            QCOMPARE(e.code(), QStringLiteral("storage_full"));
            QCOMPARE(e.httpStatus(), 507);
        }
        QCOMPARE(rows(), qint64(0));
        if (tablespace)
            tablespace->empty();
        else
            db.execDirect(QStringLiteral("PRAGMA max_page_count = %1").arg(full + 10000));
        QCOMPARE(chains.receive(QStringLiteral("T-full"), entries), qint64(300));
        QCOMPARE(rows(), qint64(300));
        QSqlQuery kept = db.exec(QStringLiteral("SELECT COUNT(*) FROM terminal_audit WHERE sealed IS NOT NULL AND entry = ''"));
        QVERIFY(kept.next());
        QCOMPARE(kept.value(0).toLongLong(), qint64(300)); // every entry names a patient: sealed, not in the clear
        if (tablespace) {
            db.execDirect(QStringLiteral("ALTER TABLE terminal_audit SET TABLESPACE pg_default"));
            db.execDirect(QStringLiteral("DROP TABLESPACE ward_full"));
        }
    }
};

QTEST_GUILESS_MAIN(TestHubStorage)
#include "TestHubStorage.moc"
