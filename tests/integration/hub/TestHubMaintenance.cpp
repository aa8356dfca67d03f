// demo-seed, check, backup and restore of a real hub directory through the wardhub CLI.

#include "HubProcess.h"

#include "hub/HubConfig.h"
#include "hub/maintenance/BackupReader.h"
#include "hub/maintenance/HubMaintenance.h"
#include "hub/storage/HubDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

class TestHubMaintenance : public QObject
{
    Q_OBJECT

    qint64 count(HubProcess& hub, const QString& table)
    {
        ward::hub::HubDatabase db(hub.config());
        QSqlQuery q = db.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

private slots:
    void demoSeedThenCheckBackupRestore()
    {
        HubProcess hub(QStringLiteral("maint_seed"));
        QVERIFY(hub.init());
        QByteArray out, err;
        QCOMPARE(hub.cli({QStringLiteral("demo-seed"), QStringLiteral("--days"), QStringLiteral("3")}, &out, &err), 0);
        QVERIFY2(out.contains("60 patients"), out.constData());
        // 22 staff (two registrars) and each ward's emergency account (BCP-1).
        QCOMPARE(count(hub, QStringLiteral("users")), qint64(25));
        QCOMPARE(count(hub, QStringLiteral("emergency_accounts")), qint64(3));
        QCOMPARE(count(hub, QStringLiteral("wards")), qint64(3));
        const qint64 records = count(hub, QStringLiteral("records"));
        // DemoClinicalCourse: per patient-day three vital-sign rounds and a nursing note (plus progress notes, labs,
        // orders, allergies); the last of the three days only up to now (Japan time).
        QVERIFY2(records >= 60 * 2 * 4, qPrintable(QString::number(records)));
        // Identity data is sealed: no Japanese name in the database file pages.
        QFile credentials(hub.dir() + QStringLiteral("/demo/staff.json"));
        QVERIFY(credentials.open(QIODevice::ReadOnly));
        QCOMPARE(credentials.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
        const QJsonObject demo = QJsonDocument::fromJson(credentials.readAll()).object();
        QCOMPARE(demo.value(QStringLiteral("staff")).toArray().size(), 22);
        QCOMPARE(demo.value(QStringLiteral("emergencyLetters")).toArray().size(), 3);
        // A second seed is refused.
        QVERIFY(hub.cli({QStringLiteral("demo-seed")}, &out, &err) != 0);

        QCOMPARE(hub.cli({QStringLiteral("check")}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("checked %1 records, 60 patients").arg(records).toUtf8()) && out.contains("OK"), out.constData());

        // Every table of the schema is in the backup or deliberately left out (a new table forgotten would be lost on
        // restore), and every backed-up table's rows come back.
        QStringList schema;
        {
            ward::hub::HubDatabase db(hub.config());
            schema = db.connection().tables();
        }
        schema.removeAll(QStringLiteral("schema_version"));
        schema.sort();
        QStringList backedUp = ward::hub::HubMaintenance::tables() + ward::hub::HubMaintenance::notBackedUp();
        backedUp.sort();
        QCOMPARE(backedUp, schema);
        // (The shipped terminal audit, its acknowledgements and checkpoints: test_audit_shipping.)
        const QString backup = hub.dir() + QStringLiteral("/../backup.jsonl");
        QCOMPARE(hub.cli({QStringLiteral("backup"), QStringLiteral("--out"), backup}, &out, &err), 0);
        QHash<QString, qint64> before;  // after the backup, which is itself on the hub's audit chain
        for (const QString& table : ward::hub::HubMaintenance::tables())
            before.insert(table, count(hub, table));
        // Inside the encrypted file (read with this hub's master key), record bodies and identities stay sealed.
        ward::hub::BackupReader reader(backup, hub.config().masterKeyPath());
        QByteArray dump;
        for (QByteArray line; reader.readLine(&line);)
            dump += line + '\n';
        QVERIFY(dump.contains("\"t\":\"records\""));
        QVERIFY(!dump.contains("Composition"));
        QVERIFY(!dump.contains(QStringLiteral("さとう").toUtf8()));

        if (hub.isPostgres()) {
            // Into the same, non-empty database: refused, nothing changes.
            QVERIFY(hub.cli({QStringLiteral("restore"), QStringLiteral("--in"), backup}, &out, &err) != 0);
            QVERIFY(err.contains("not empty"));
            // The documented procedure: an empty database named in wardhub.ini.
            ward::hub::HubConfig c = hub.config();
            c.pgDatabase += QStringLiteral("_restored");
            ward::hub::HubDatabase::createPostgresDatabaseIfMissing(c, true);
            c.save();
        }
        QVERIFY2(hub.cli({QStringLiteral("restore"), QStringLiteral("--in"), backup}, &out, &err) == 0, err.constData());
        QVERIFY2(out.contains(QStringLiteral("checked %1 records, 60 patients").arg(records).toUtf8()) && out.contains("OK"), out.constData());
        QCOMPARE(count(hub, QStringLiteral("records")), records);
        QCOMPARE(count(hub, QStringLiteral("users")), qint64(25));
        before[QStringLiteral("hub_audit")] += 1;  // the restore is itself on the hub's chain (hub.restore)
        for (const QString& table : ward::hub::HubMaintenance::tables())
            QVERIFY2(count(hub, table) == before.value(table),
                     qPrintable(QStringLiteral("%1: %2 rows, %3 before").arg(table).arg(count(hub, table)).arg(before.value(table))));
        // The restored hub serves.
        QVERIFY(hub.start());
        hub.stop();
    }

    // Proves: BCP-3
    void checkFindsTampering()
    {
        HubProcess hub(QStringLiteral("maint_tamper"));
        QVERIFY(hub.init());
        QByteArray out, err;
        // Two days: yesterday (Japan time) is complete whatever the hour, so there are records to swap.
        QCOMPARE(hub.cli({QStringLiteral("demo-seed"), QStringLiteral("--days"), QStringLiteral("2")}, &out, &err), 0);
        {
            // Someone with database access swaps two record bodies and edits an audit entry.
            ward::hub::HubDatabase db(hub.config());
            if (db.isPostgres()) {
                db.execDirect(QStringLiteral("DROP TRIGGER records_append_only ON records"));
                db.execDirect(QStringLiteral("DROP TRIGGER hub_audit_append_only ON hub_audit"));
            } else {
                db.execDirect(QStringLiteral("DROP TRIGGER records_no_update"));
                db.execDirect(QStringLiteral("DROP TRIGGER hub_audit_no_update"));
            }
            QSqlQuery q = db.exec(QStringLiteral("SELECT record_id, body FROM records ORDER BY seq LIMIT 2"));
            QVERIFY(q.next());
            const QString first = q.value(0).toString();
            QVERIFY(q.next());
            const QByteArray secondBody = q.value(1).toByteArray();
            db.exec(QStringLiteral("UPDATE records SET body = ? WHERE record_id = ?"), {secondBody, first});
            db.exec(QStringLiteral("UPDATE hub_audit SET actor = 'mallory' WHERE seq = 2"));
        }
        QCOMPARE(hub.cli({QStringLiteral("check")}, &out, &err), 1);
        QVERIFY2(out.contains("does not decrypt"), out.constData());
        QVERIFY2(out.contains("hub audit chain: entry 2"), out.constData());
    }

    void restoreRefusesAForeignHubsBackup()
    {
        HubProcess a(QStringLiteral("maint_a"));
        HubProcess b(QStringLiteral("maint_b"));
        QVERIFY(a.init());
        QVERIFY(b.init());
        QByteArray out, err;
        const QString backup = a.dir() + QStringLiteral("/../a.jsonl");
        QCOMPARE(a.cli({QStringLiteral("backup"), QStringLiteral("--out"), backup}, &out, &err), 0);
        // b's master key cannot open a's data keys: refused, and b keeps working.
        QVERIFY(b.cli({QStringLiteral("restore"), QStringLiteral("--in"), backup}, &out, &err) != 0);
        QVERIFY2(QString::fromUtf8(err).contains(QLatin1String("master key")) || QString::fromUtf8(err).contains(QLatin1String("not empty")), err.constData());
        QCOMPARE(b.cli({QStringLiteral("check")}, &out, &err), 0);
        QVERIFY(b.start());
    }
};

QTEST_GUILESS_MAIN(TestHubMaintenance)
#include "TestHubMaintenance.moc"
