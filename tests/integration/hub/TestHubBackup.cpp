// BCP-3 through the wardhub CLI, on SQLite and PostgreSQL: a weekly full backup and daily incrementals into a backup
// directory (`wardhub backup --to`), restored to exactly the original (every row of every backed-up table, so the
// record count, the chain heads and every signature: `wardhub check`), the restore drill, and backups that were
// altered, cut off or taken apart refused with a clear message, changing nothing.

#include "AuditChainBuilder.h"
#include "HubClient.h"
#include "HubProcess.h"

#include "hub/HubConfig.h"
#include "hub/maintenance/HubMaintenance.h"
#include "hub/storage/HubDatabase.h"

#include <QDir>
#include <QFile>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

class TestHubBackup : public QObject
{
    Q_OBJECT

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<HubClient> m_terminal;
    AuditChainBuilder m_chain;
    QString m_backups;

    qint64 count(const QString& table) const
    {
        ward::hub::HubDatabase db(m_hub->config());
        QSqlQuery q = db.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    // Every backed-up table, every row in primary-key order, every value: what "exactly the original" means.
    QHash<QString, QList<QStringList>> dump() const
    {
        QHash<QString, QList<QStringList>> out;
        ward::hub::HubDatabase db(m_hub->config());
        for (const QString& table : ward::hub::HubMaintenance::tables()) {
            const QSqlIndex key = db.connection().primaryIndex(table);
            QStringList order;
            for (int i = 0; i < key.count(); ++i)
                order << key.fieldName(i);
            QSqlQuery q = db.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, order.join(QLatin1Char(','))));
            while (q.next()) {
                QStringList row;
                const QSqlRecord rec = q.record();
                for (int i = 0; i < rec.count(); ++i)
                    row << rec.fieldName(i) + QLatin1Char('=')
                               + (rec.isNull(i) ? QStringLiteral("NULL")
                                  : rec.field(i).metaType().id() == QMetaType::QByteArray ? QString::fromLatin1(rec.value(i).toByteArray().toHex())
                                                                                         : rec.value(i).toString());
                out[table] << row;
            }
        }
        return out;
    }

    // The rows a backup holds: every row of a table that is taken whole, the rows a growing table gained since `base`.
    qint64 rowsSince(const QHash<QString, qint64>& base) const
    {
        qint64 rows = 0;
        for (const QString& table : ward::hub::HubMaintenance::tables())
            rows += count(table) - base.value(table);
        return rows;
    }

    bool cli(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr) const
    {
        QByteArray o, e;
        const int rc = m_hub->cli(args, &o, &e);
        if (out)
            *out = o;
        if (err)
            *err = e;
        if (rc != 0)
            qWarning("wardhub %s: exit %d\n%s%s", qPrintable(args.join(QLatin1Char(' '))), rc, o.constData(), e.constData());
        return rc == 0;
    }

    bool ship(int n)
    {
        for (int i = 0; i < n; ++i)
            m_chain.add(QDateTime::currentDateTimeUtc().addSecs(-n + i), QStringLiteral("NS00000004"),
                        i % 2 ? QStringLiteral("patient.view") : QStringLiteral("session.lock"), i % 2 ? QStringLiteral("P000001") : QString(),
                        QStringLiteral("success"));
        QJsonArray entries;
        for (qsizetype i = m_chain.size() - n; i < m_chain.size(); ++i)
            entries.append(m_chain.at(i).toJson());
        const HubReply r = m_terminal->postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), entries}});
        if (r.status != 200)
            qWarning("ship: %d %s", r.status, r.body.constData());
        return r.status == 200;
    }

    QStringList backupFiles() const
    {
        QStringList files = QDir(m_backups).entryList({QStringLiteral("*.wbk")}, QDir::Files, QDir::Name);
        for (QString& f : files)
            f = QDir(m_backups).filePath(f);
        return files;
    }

    static bool copyTo(const QString& from, const QString& to, qsizetype cut = 0, qsizetype flipAt = -1, const QByteArray& replace = {},
                       const QByteArray& with = {})
    {
        QFile in(from);
        if (!in.open(QIODevice::ReadOnly))
            return false;
        QByteArray bytes = in.readAll();
        bytes.chop(cut);
        if (flipAt >= 0)
            bytes[flipAt] = char(bytes[flipAt] ^ 0x01);
        if (!replace.isEmpty()) {
            if (!bytes.contains(replace))
                return false;
            bytes.replace(replace, with);
        }
        QFile out(to);
        return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size();
    }

private slots:
    void cleanup()
    {
        if (m_hub)
            m_hub->stop();
        m_terminal.reset();
        m_hub.reset();
        m_chain.clear();
    }

    // Proves: BCP-3, CL-9, CL-11
    void fullAndIncrementalsRestoreExactly()
    {
        m_hub = std::make_unique<HubProcess>(QStringLiteral("backup_sets"));
        QVERIFY(m_hub->init());
        m_backups = m_hub->dir() + QStringLiteral("/../backups");
        QVERIFY(cli({QStringLiteral("demo-seed"), QStringLiteral("--days"), QStringLiteral("1")}));
        QVERIFY(m_hub->start());
        QString terminalId;
        m_terminal = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"), &terminalId);
        QVERIFY(m_terminal);
        m_chain.setTerminal(terminalId);
        QVERIFY(ship(300));

        // Sunday: the full backup.
        QByteArray out, err;
        QVERIFY(cli({QStringLiteral("backup"), QStringLiteral("--to"), m_backups, QStringLiteral("--full")}, &out));
        QVERIFY2(out.startsWith(QStringLiteral("full backup written: %1 rows").arg(rowsSince({})).toUtf8()), out.constData());
        QHash<QString, qint64> atFull;
        for (const auto& g : ward::hub::HubMaintenance::growingTables())
            atFull.insert(g.table, count(g.table));
        QVERIFY2(out.contains("master key"), out.constData());
        // Monday: records, the terminal's trail, a ward and a patient (tables rows of which are added), a staff
        // member disabled (a row that changes).
        QVERIFY(m_hub->fixture({QStringLiteral("notes-add"), QStringLiteral("--count"), QStringLiteral("30")}));
        QVERIFY(ship(200));
        QVERIFY(m_hub->admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W9"),
                              QStringLiteral("--name"), QStringLiteral("9階東病棟")}));
        // An incremental holds the rows the growing tables gained since the full backup and the other tables whole.
        const qint64 expected = rowsSince(atFull);
        QVERIFY(cli({QStringLiteral("backup"), QStringLiteral("--to"), m_backups}, &out));
        QVERIFY2(out.startsWith(QStringLiteral("incremental backup written: %1 rows").arg(expected).toUtf8()), out.constData());
        // Tuesday: more, then the next incremental.
        QVERIFY(m_hub->fixture({QStringLiteral("notes-add"), QStringLiteral("--count"), QStringLiteral("20")}));
        QVERIFY(ship(100));
        QVERIFY(m_hub->fixture({QStringLiteral("status"), QStringLiteral("--id"), QStringLiteral("NS00000005"), QStringLiteral("--action"),
                                QStringLiteral("disable")}));
        m_hub->stop(); // the hub's chain is checkpointed at its stop: in this backup, too
        QVERIFY(cli({QStringLiteral("backup"), QStringLiteral("--to"), m_backups}, &out));
        QVERIFY2(out.startsWith("incremental backup written: "), out.constData());
        const QStringList files = backupFiles();
        QCOMPARE(files.size(), 3);
        QVERIFY(files[0].endsWith(QLatin1String("-full.wbk")));
        QVERIFY(files[1].endsWith(QLatin1String("-incremental.wbk")) && files[2].endsWith(QLatin1String("-incremental.wbk")));
        // Encrypted: nothing of the data is readable in the files.
        for (const QString& f : files) {
            QFile in(f);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray bytes = in.readAll();
            QVERIFY(!bytes.contains("NS00000004") && !bytes.contains("\"t\":\"records\"")
                    && !bytes.contains(QStringLiteral("9階東病棟").toUtf8()));
        }

        const auto original = dump();
        const qint64 records = count(QStringLiteral("records"));
        QCOMPARE(original.value(QStringLiteral("terminal_audit")).size(), 600);

        // Refused, and nothing changes: an altered part, a cut-off file, an altered header, a missing incremental,
        // an incremental alone.
        const QString bad = m_hub->dir() + QStringLiteral("/../bad");
        QVERIFY(QDir().mkpath(bad));
        const qsizetype size1 = QFileInfo(files[1]).size();
        struct Case
        {
            QStringList in;
            QString says;
        };
        QVERIFY(copyTo(files[1], bad + QStringLiteral("/flipped.wbk"), 0, size1 - 40));
        QVERIFY(copyTo(files[2], bad + QStringLiteral("/cut.wbk"), 30));
        QVERIFY(copyTo(files[1], bad + QStringLiteral("/relabelled.wbk"), 0, -1, "\"kind\":\"incremental\"", "\"kind\":\"full\"       "));
        QVERIFY(copyTo(files[2], bad + QStringLiteral("/appended.wbk")));
        {
            QFile f(bad + QStringLiteral("/appended.wbk"));
            QVERIFY(f.open(QIODevice::Append));
            f.write("more");
        }
        const QList<Case> cases{
            {{files[0], bad + QStringLiteral("/flipped.wbk"), files[2]}, QStringLiteral("was altered or damaged: part 1 does not authenticate")},
            {{files[0], files[1], bad + QStringLiteral("/cut.wbk")}, QStringLiteral("is truncated")},
            {{files[0], bad + QStringLiteral("/relabelled.wbk")}, QStringLiteral("was altered: its header does not authenticate")},
            {{files[0], files[1], bad + QStringLiteral("/appended.wbk")}, QStringLiteral("was altered: data follows its last part")},
            {{files[0], files[2]}, QStringLiteral("does not follow")},
            {{files[1], files[2]}, QStringLiteral("is an incremental backup: restore starts from a full backup")},
        };
        for (const Case& c : cases) {
            QStringList args{QStringLiteral("restore")};
            for (const QString& f : c.in)
                args << QStringLiteral("--in") << f;
            QVERIFY(m_hub->cli(args, &out, &err) != 0);
            QVERIFY2(err.contains(c.says.toUtf8()) && err.contains("nothing was restored"), err.constData());
            QCOMPARE(count(QStringLiteral("records")), records);
        }
        QVERIFY(dump() == original);

        // The drill restores the set into a scratch database and checks it, without touching the hub.
        QVERIFY(cli({QStringLiteral("restore-drill"), QStringLiteral("--from"), m_backups}, &out));
        QVERIFY2(out.contains("3 files (1 full, 2 incremental)") && out.contains(QStringLiteral("checked %1 records").arg(records).toUtf8())
                     && out.contains(": OK"),
                 out.constData());
        auto afterDrill = dump();
        QCOMPARE(afterDrill.value(QStringLiteral("hub_audit")).size(), original.value(QStringLiteral("hub_audit")).size() + 1);
        QVERIFY(afterDrill.value(QStringLiteral("hub_audit")).last().join(QLatin1Char(' ')).contains(QLatin1String("hub.restore-drill")));
        afterDrill[QStringLiteral("hub_audit")].removeLast();
        afterDrill[QStringLiteral("counters")] = original.value(QStringLiteral("counters"));
        QVERIFY(afterDrill == original);

        // The real restore, from the directory (its newest set), into an empty database.
        if (m_hub->isPostgres()) {
            ward::hub::HubConfig c = m_hub->config();
            c.pgDatabase += QStringLiteral("_restored");
            ward::hub::HubDatabase::createPostgresDatabaseIfMissing(c, true);
            c.save();
        }
        QVERIFY(cli({QStringLiteral("restore"), QStringLiteral("--from"), m_backups}, &out));
        QVERIFY2(out.contains(QStringLiteral("checked %1 records").arg(records).toUtf8()) && out.contains(": OK"), out.constData());
        auto restored = dump();
        // Exactly the original, but for the restore's own entry on the hub chain (and the counter it took).
        QCOMPARE(restored.value(QStringLiteral("hub_audit")).size(), original.value(QStringLiteral("hub_audit")).size() + 1);
        restored[QStringLiteral("hub_audit")].removeLast();
        restored[QStringLiteral("counters")] = original.value(QStringLiteral("counters"));
        for (auto it = original.begin(); it != original.end(); ++it)
            QVERIFY2(restored.value(it.key()) == it.value(), qPrintable(QStringLiteral("%1 differs after the restore").arg(it.key())));
        // The restored hub serves the terminal, whose chain goes on where it was.
        QVERIFY(m_hub->start());
        QVERIFY(ship(10));
        m_hub->stop();

        // The newest backup was cut off (a full disk, a broken copy): the next daily run does not build on it but
        // starts a new set, and says why.
        const QString newest = backupFiles().last();
        QVERIFY(copyTo(newest, newest, 10));
        QVERIFY(cli({QStringLiteral("backup"), QStringLiteral("--to"), m_backups}, &out, &err));
        QVERIFY2(out.startsWith("full backup written: "), out.constData());
        QVERIFY2(err.contains("is truncated") && err.contains("starting a new set with a full backup"), err.constData());
    }
};

QTEST_MAIN(TestHubBackup)
#include "TestHubBackup.moc"
