// Issue 14 (AUD-2): terminal audit chains shipped to a real wardhub. The hub answers with a signed acknowledgement of
// the head that the terminal verifies and keeps; batches that do not continue the chain (out of order, forged
// linkage, another terminal's entries, too many, too large) are refused with a reason and nothing is stored; a resend
// is accepted; `wardhub check` reports an acknowledged head that disappears, is rewritten or forks, and a cut in the
// hub's own chain behind a signed checkpoint; what the hub learns only from a chain (break-the-glass, offline logins)
// goes into its own chain.

#include "SyncTestHub.h"

#include "audit/AuditAcknowledgement.h"
#include "audit/AuditLog.h"
#include "sync/AuditShipment.h"
#include "sync/HubReplica.h"
#include "hub/HubConfig.h"
#include "hub/maintenance/BackupReader.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace ward;
using namespace synctest;

namespace {

ward::HubReply post(SyncTerminal& t, const QJsonArray& entries)
{
    ward::HubReply reply;
    bool done = false;
    t.client->postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), entries}}, [&](const ward::HubReply& r) {
        reply = r;
        done = true;
    });
    QDeadlineTimer deadline(60000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    return reply;
}

QJsonArray json(const QList<AuditEntry>& entries)
{
    QJsonArray out;
    for (const AuditEntry& e : entries)
        out.append(e.toJson());
    return out;
}

// The entry relinked after `previous` and rehashed: internally consistent, as a forger would make it.
AuditEntry relinked(AuditEntry e, const QByteArray& previousHash, const QString& action)
{
    e.action = action;
    e.prevHash = previousHash;
    e.hash = e.computeHash();
    return e;
}

QString sqlText(const AuditEntry& e)
{
    return QLatin1Char('\'') + QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact)).replace(QLatin1Char('\''), QStringLiteral("''"))
           + QLatin1Char('\'');
}

} // namespace

class TestAuditShipping : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncTestHub> m_hub;

    void appendSome(SyncTerminal& t, int n)
    {
        for (int i = 0; i < n; ++i)
            t.vault->audit().append(QStringLiteral("NURSE00001"), QStringLiteral("patient.view"), QStringLiteral("P0001"), QString(),
                                    QStringLiteral("success"));
    }

    bool ship(SyncTerminal& t, SyncError* error = nullptr)
    {
        bool done = false;
        qint64 left = -1;
        AuditShipment::ship(*t.vault, *t.client, [&](qint64 unsent, const SyncError& e) {
            left = unsent;
            if (error)
                *error = e;
            done = true;
        });
        QDeadlineTimer deadline(60000);
        while (!done && !deadline.hasExpired())
            QTest::qWait(10);
        return done && left == 0;
    }

    qint64 head(SyncTerminal& t) { return post(t, QJsonArray()).json.value(QStringLiteral("head")).toInteger(-1); }

    void enrolled(SyncTerminal& t)
    {
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
    }

private slots:
    void init()
    {
        Clock::setInstance(nullptr);
        m_hub = std::make_unique<SyncTestHub>(QStringLiteral("auditship_") + QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(m_hub->setUp());
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->process().log().right(3000).constData());
        m_hub.reset();
    }

    // Proves: EX-5
    void hubSignsTheHeadAndTheTerminalKeepsIt()
    {
        SyncTerminal t;
        enrolled(t);
        appendSome(t, 3);
        QVERIFY(!HubReplica(t.vault->database()).auditAcknowledgement());
        SyncError error;
        QVERIFY2(ship(t, &error), qPrintable(error.message()));
        const qint64 headSeq = t.vault->audit().headSeq();
        const std::optional<AuditAcknowledgement> kept = HubReplica(t.vault->database()).auditAcknowledgement();
        QVERIFY(kept);
        QCOMPARE(kept->seq, headSeq);
        QCOMPARE(kept->terminal, t.identity.terminalId);
        QCOMPARE(kept->entryHash, t.vault->audit().entries(headSeq, 1).first().hash);
        QVERIFY(kept->time.isValid());
        // Verifiable by anyone holding the hub CA, and bound to this terminal and this entry.
        QCOMPARE(kept->problem({m_hub->ca()}, t.identity.terminalId, headSeq, kept->entryHash), QString());
        QVERIFY(!kept->problem({m_hub->ca()}, QStringLiteral("another-terminal"), headSeq, kept->entryHash).isEmpty());
        QCOMPARE(HubReplica(t.vault->database()).acknowledgedAuditSeq(), headSeq);

        // Asking for the head again (an empty batch) brings the same signed statement of it.
        const ward::HubReply again = post(t, QJsonArray());
        QVERIFY(again.ok());
        const AuditAcknowledgement asked = AuditAcknowledgement::fromJson(again.json.value(QStringLiteral("ack")).toObject());
        QCOMPARE(asked.seq, headSeq);
        QCOMPARE(asked.problem({m_hub->ca()}, t.identity.terminalId, headSeq, kept->entryHash), QString());
    }

    // Proves: AUD-1
    void longTrailShipsInBatchesWithLaterEntries()
    {
        // Issue 14: the next batch is encoded while one is on its way. Entries written during the shipment (here
        // after the first acknowledgement, when the batch prepared after the last one was still empty) go too.
        SyncTerminal t;
        enrolled(t);
        appendSome(t, 1500 - int(t.vault->audit().headSeq()));
        QCOMPARE(t.vault->audit().headSeq(), qint64(1500));
        bool done = false, appended = false;
        qint64 left = -1;
        SyncError error;
        AuditShipment::ship(*t.vault, *t.client, [&](qint64 unsent, const SyncError& e) {
            left = unsent;
            error = e;
            done = true;
        });
        QDeadlineTimer deadline(60000);
        while (!done && !deadline.hasExpired()) {
            QTest::qWait(1);
            if (!appended && HubReplica(t.vault->database()).acknowledgedAuditSeq() >= AuditShipment::kBatch) {
                appendSome(t, 7);
                appended = true;
            }
        }
        QVERIFY2(done && left == 0, qPrintable(error.message()));
        QVERIFY(appended);
        QCOMPARE(t.vault->audit().headSeq(), qint64(1507));
        QCOMPARE(HubReplica(t.vault->database()).acknowledgedAuditSeq(), qint64(1507));
        QCOMPARE(head(t), qint64(1507));
        QByteArray out;
        QVERIFY(m_hub->cli({QStringLiteral("check")}, &out));
        QVERIFY2(out.contains("1507 terminal audit entries: OK"), out.constData());
    }

    void badBatchesAreRefusedWithAReasonAndNothingStored()
    {
        SyncTerminal t;
        enrolled(t);
        SyncTerminal other;
        enrolled(other);
        appendSome(t, 6);
        const QList<AuditEntry> e = t.vault->audit().entries(1, 10);
        QVERIFY(e.size() >= 6);
        auto refused = [&](SyncTerminal& who, const QJsonArray& batch, int status, const char* words) {
            const ward::HubReply r = post(who, batch);
            if (r.httpStatus != status || !r.error.message().contains(QLatin1String(words)))
                qWarning("status %d: %s", r.httpStatus, qPrintable(r.error.message()));
            return r.httpStatus == status && r.error.message().contains(QLatin1String(words));
        };
        // Out of order, and a gap.
        QVERIFY(refused(t, json({e.at(1), e.at(0)}), 409, "does not continue"));
        QVERIFY(refused(t, json({e.at(1)}), 409, "does not continue"));
        // Forged linkage: a consistent entry (its hash matches) that does not link to the genesis.
        QVERIFY(refused(t, json({relinked(e.at(0), QByteArray(32, '\x5a'), QStringLiteral("patient.view"))}), 409, "does not continue"));
        // Altered after hashing.
        AuditEntry altered = e.at(0);
        altered.patient = QStringLiteral("P0002");
        QVERIFY(refused(t, json({altered}), 400, "does not match its hash"));
        // Another terminal replaying this terminal's entries.
        QVERIFY(refused(other, json({e.at(0), e.at(1)}), 400, "names another terminal"));
        // Too many entries in one request, and too many bytes.
        QJsonArray many;
        for (int i = 0; i < 1001; ++i)
            many.append(QJsonObject{{QStringLiteral("seq"), i + 1}});
        QVERIFY(refused(t, many, 400, "At most 1000"));
        AuditEntry bulky = e.at(0);
        bulky.detail = {{QStringLiteral("note"), QString(9 * 1024 * 1024, QLatin1Char('x'))}};  // HubServer reads 8 MiB
        bulky.hash = bulky.computeHash();
        QVERIFY(refused(t, json({bulky}), 413, "too large"));
        QCOMPARE(head(t), qint64(0));
        QCOMPARE(head(other), qint64(0));

        // In order: stored; the same batch again (an answer lost): accepted, nothing twice; an overlap continues.
        ward::HubReply r = post(t, json({e.at(0), e.at(1), e.at(2)}));
        QCOMPARE(r.json.value(QStringLiteral("head")).toInteger(), qint64(3));
        r = post(t, json({e.at(0), e.at(1), e.at(2)}));
        QVERIFY(r.ok());
        QCOMPARE(r.json.value(QStringLiteral("head")).toInteger(), qint64(3));
        r = post(t, json({e.at(2), e.at(3)}));
        QCOMPARE(r.json.value(QStringLiteral("head")).toInteger(), qint64(4));
        // A "resend" that differs from what the hub holds, and a batch that rewrites a held entry then continues.
        QVERIFY(refused(t, json({relinked(e.at(2), e.at(1).hash, QStringLiteral("record.delete"))}), 409, "differs"));
        const AuditEntry forged3 = relinked(e.at(2), e.at(1).hash, QStringLiteral("record.delete"));
        QVERIFY(refused(t, json({forged3, relinked(e.at(3), forged3.hash, QStringLiteral("patient.view")), e.at(4)}), 409, "differs"));
        QCOMPARE(head(t), qint64(4));
        QByteArray out;
        QVERIFY2(m_hub->cli({QStringLiteral("check")}, &out), out.constData());
        QVERIFY2(out.contains("4 terminal audit entries: OK"), out.constData());

        // The terminal ships the rest itself and ends up acknowledged at its head.
        SyncError error;
        QVERIFY2(ship(t, &error), qPrintable(error.message()));
        QCOMPARE(head(t), t.vault->audit().headSeq());
    }

    // The shipped trail is part of the hub's backup: the sealed entries, the acknowledged heads and the hub chain's
    // checkpoints come back whole, and `wardhub check` verifies them after the restore.
    void theShippedTrailSurvivesBackupAndRestore()
    {
        SyncTerminal t;
        enrolled(t);
        appendSome(t, 1205);  // more than two of the backup's pages of 500 rows
        SyncError error;
        QVERIFY2(ship(t, &error), qPrintable(error.message()));
        const qint64 shipped = t.vault->audit().headSeq();
        const auto counts = [&] {
            ward::hub::HubDatabase db(m_hub->process().config());
            QStringList out;
            for (const char* table : {"terminal_audit", "terminal_audit_acks", "hub_audit", "hub_audit_checkpoints"}) {
                QSqlQuery q = db.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
                out << QStringLiteral("%1=%2").arg(QLatin1String(table)).arg(q.next() ? q.value(0).toLongLong() : -1);
            }
            return out;
        };
        m_hub->process().stop();
        const QString backup = m_hub->dir() + QStringLiteral("/../audit-backup.jsonl");
        QByteArray out;
        QVERIFY2(m_hub->cli({QStringLiteral("backup"), QStringLiteral("--out"), backup}, &out), out.constData());
        QStringList before = counts();
        QVERIFY2(!before.contains(QStringLiteral("terminal_audit_acks=0")), qPrintable(before.join(QLatin1Char(' '))));
        // Inside the backup (read with this hub's master key), the entries that name a patient stay sealed (no entry
        // text, the sealed bytes); every row once.
        ward::hub::BackupReader reader(backup, m_hub->process().config().masterKeyPath());
        int auditLines = 0, sealed = 0;
        QSet<QString> seqs;
        for (QByteArray line; reader.readLine(&line);) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("t")).toString() != QLatin1String("terminal_audit"))
                continue;
            ++auditLines;
            const QJsonObject row = o.value(QStringLiteral("r")).toObject();
            seqs.insert(row.value(QStringLiteral("seq")).toString());
            QVERIFY(!row.value(QStringLiteral("entry")).toString().contains(QStringLiteral("P0001")));
            sealed += row.value(QStringLiteral("sealed")).toString().isEmpty() ? 0 : 1;
        }
        QCOMPARE(auditLines, int(shipped));
        QCOMPARE(seqs.size(), qsizetype(shipped));  // no row twice, none left out
        QCOMPARE(sealed, 1205);
        if (m_hub->process().isPostgres()) {
            ward::hub::HubConfig c = m_hub->process().config();
            c.pgDatabase += QStringLiteral("_restored");
            ward::hub::HubDatabase::createPostgresDatabaseIfMissing(c, true);
            c.save();
        }
        QVERIFY2(m_hub->cli({QStringLiteral("restore"), QStringLiteral("--in"), backup}, &out), out.constData());
        // The restore is itself on the hub's chain (hub.restore).
        const qint64 hubAudit = before.at(2).section(QLatin1Char('='), 1).toLongLong();
        before[2] = QStringLiteral("hub_audit=%1").arg(hubAudit + 1);
        QCOMPARE(counts(), before);
        QVERIFY2(m_hub->cli({QStringLiteral("check")}, &out), out.constData());
        QVERIFY2(out.contains(QByteArray::number(shipped) + " terminal audit entries: OK"), out.constData());
    }

    // Proves: AUD-2
    void checkFindsChangedHeadsAndACutHubChain()
    {
        SyncTerminal a, b, c;
        for (SyncTerminal* t : {&a, &b, &c}) {
            enrolled(*t);
            appendSome(*t, 4);
        }
        // What the hub learns only from a chain goes into its own: a break-the-glass, an offline login.
        a.vault->audit().append(QStringLiteral("NURSE00001"), QStringLiteral("patient.break-glass"), QStringLiteral("P0100"), QString(),
                                QStringLiteral("success"), {{QStringLiteral("reason"), QStringLiteral("急変対応")}, {QStringLiteral("review"), true}});
        a.vault->audit().append(QStringLiteral("NURSE00001"), QStringLiteral("login"), QString(), QString(), QStringLiteral("success"),
                                {{QStringLiteral("mode"), QStringLiteral("offline")}});
        for (SyncTerminal* t : {&a, &b, &c}) {
            SyncError error;
            QVERIFY2(ship(*t, &error), qPrintable(error.message()));
        }
        // Shipped twice: mirrored once.
        QVERIFY(post(a, json(a.vault->audit().entries(1, 100))).ok());
        QByteArray out;
        QVERIFY(m_hub->cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("terminal.patient.break-glass")}, &out));
        QCOMPARE(out.count(a.identity.terminalId.toUtf8()), 1);
        QVERIFY2(out.contains("NURSE00001") && out.contains("P0100") && !out.contains(QStringLiteral("急変対応").toUtf8()), out.constData());
        QVERIFY(m_hub->cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("terminal.login")}, &out));
        QVERIFY2(out.contains(a.identity.terminalId.toUtf8()) && out.contains("offline"), out.constData());
        QVERIFY2(m_hub->cli({QStringLiteral("check")}, &out), out.constData());

        // The hub stops: its chain's head is signed in a checkpoint. Then someone with the database goes to work.
        m_hub->process().stop();
        // The last three entries of B and C (h-2, h-1, h; h: the acknowledged head).
        const qint64 headB = b.vault->audit().headSeq();
        const qint64 headC = c.vault->audit().headSeq();
        const QList<AuditEntry> eb = b.vault->audit().entries(headB - 2, 3);
        const QList<AuditEntry> ec = c.vault->audit().entries(headC - 2, 3);
        QCOMPARE(eb.size(), 3);
        QCOMPARE(ec.size(), 3);
        const AuditEntry b3 = relinked(eb.at(1), eb.at(0).hash, QStringLiteral("patient.print"));
        const AuditEntry b4 = relinked(eb.at(2), b3.hash, QStringLiteral("patient.view"));
        const AuditEntry c3 = relinked(ec.at(1), ec.at(0).hash, QStringLiteral("patient.print"));
        auto rewrite = [](const QString& terminal, const AuditEntry& e) {
            // Written in the clear, as someone without the hub's keys would (an entry naming a patient is sealed).
            return QStringLiteral("UPDATE terminal_audit SET entry = %1, sealed = NULL, hash = '%2' WHERE terminal_id = '%3' AND seq = %4")
                .arg(sqlText(e), QString::fromLatin1(e.hash.toHex()), terminal)
                .arg(e.seq);
        };
        const qint64 headA = a.vault->audit().headSeq();
        QString output;
        QVERIFY2(m_hub->runTool({QStringLiteral("sql"), QStringLiteral("--dir"), m_hub->dir(),
                                 // A: the acknowledged head cut off.
                                 QStringLiteral("--statement"),
                                 QStringLiteral("DELETE FROM terminal_audit WHERE terminal_id = '%1' AND seq = %2").arg(a.identity.terminalId).arg(headA),
                                 // B: its last two entries replaced by a chain that links (only the acknowledgement shows it).
                                 QStringLiteral("--statement"), rewrite(b.identity.terminalId, b3),
                                 QStringLiteral("--statement"), rewrite(b.identity.terminalId, b4),
                                 // C: the entry before the head replaced: the head no longer links to it.
                                 QStringLiteral("--statement"), rewrite(c.identity.terminalId, c3),
                                 // The hub's own chain: its last entry cut off.
                                 QStringLiteral("--statement"), QStringLiteral("DELETE FROM hub_audit WHERE seq = (SELECT MAX(seq) FROM hub_audit)")},
                                &output),
                 qPrintable(output));
        QVERIFY(!m_hub->cli({QStringLiteral("check")}, &out));
        const QString report = QString::fromUtf8(out);
        QVERIFY2(report.contains(QStringLiteral("terminal %1 audit chain: acknowledged head %2 has disappeared").arg(a.identity.terminalId).arg(headA)),
                 qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("terminal %1 audit chain: acknowledged head %2 was rewritten").arg(b.identity.terminalId).arg(headB)),
                 qPrintable(report));
        QVERIFY2(!report.contains(QStringLiteral("terminal %1 audit chain: entry").arg(b.identity.terminalId)), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("terminal %1 audit chain: entry %2 does not link to entry %3 (the chain forks)")
                                                 .arg(c.identity.terminalId)
                                                 .arg(headC)
                                                 .arg(headC - 1)),
                 qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("signed in a checkpoint, is missing (the chain was cut)")), qPrintable(report));
        // The hash chain alone cannot see a cut tail: only the checkpoint does.
        QVERIFY2(!report.contains(QStringLiteral("hub audit chain: gap")), qPrintable(report));
    }
};

QTEST_GUILESS_MAIN(TestAuditShipping)
#include "TestAuditShipping.moc"
