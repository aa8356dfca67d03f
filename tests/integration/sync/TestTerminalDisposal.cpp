// DATA-5, issue 13: the wipe of an enrolled terminal against a real wardhub. What is unsent is sent first or the
// wipe is refused with the counts; a loss confirmed with a reason goes into the disposal record; a wipe stopped
// between its steps (power loss) is resumed from its journal and never leaves a vault that opens; the hub keeps each
// disposal record once and lists it for IT (terminals.manage) only.

#include "SyncTestHub.h"

#include "audit/AuditLog.h"
#include "sync/AuditShipment.h"
#include "sync/TerminalDisposal.h"
#include "util/Clock.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/VaultError.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QUuid>
#include <QSignalSpy>
#include <QTest>

using namespace ward;
using namespace synctest;

namespace {

ward::HubReply waitFor(const std::function<void(ward::HubClient::Callback)>& start)
{
    ward::HubReply reply;
    bool done = false;
    start([&](const ward::HubReply& r) {
        reply = r;
        done = true;
    });
    QDeadlineTimer deadline(30000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    return reply;
}

TerminalDisposal::Outcome runToEnd(TerminalDisposal& disposal, ward::HubClient* client)
{
    TerminalDisposal::Outcome outcome;
    bool done = false;
    disposal.resume(client, [&](const TerminalDisposal::Outcome& o) {
        outcome = o;
        done = true;
    });
    QDeadlineTimer deadline(30000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    return outcome;
}

} // namespace

class TestTerminalDisposal : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncTestHub> m_hub;

    // One confirmed version written and queued, not yet at the hub.
    void confirmLocally(SyncTerminal& t)
    {
        const RecordVersion r = m_hub->makeRecord(QStringLiteral("P0001"), QByteArrayLiteral("夜間 巡視、入眠中"));
        t.vault->records().appendAll({r});
        t.engine->queue().enqueue(r.recordId, r.version);
    }

    qint64 hubAuditHead(ward::HubClient& client)
    {
        const ward::HubReply r = waitFor([&](auto done) {
            client.postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), QJsonArray()}}, done);
        });
        return r.ok() ? r.json.value(QStringLiteral("head")).toInteger(-1) : -1;
    }

    // An IT user (role it: terminals.manage) registered at the hub, first login at terminal `t` with a UID badge: the
    // admin session's token.
    QString itSession(SyncTerminal& t, const QString& id, const QString& roles)
    {
        const QString temporary = m_hub->process().addStaff(id, QStringLiteral("情報 花子"), roles, QStringLiteral("W3"), true);
        const QString uid = QStringLiteral("04%1").arg(id.right(6));
        if (temporary.isEmpty()
            || !m_hub->cli({QStringLiteral("card"), QStringLiteral("bind"), QStringLiteral("--user"), id, QStringLiteral("--uid"), uid}))
            return QString();
        const ward::HubReply r = waitFor([&](auto done) {
            t.client->postJson(QStringLiteral("/api/v1/password"),
                               {{QStringLiteral("userId"), id}, {QStringLiteral("password"), temporary},
                                {QStringLiteral("newPassword"), QStringLiteral("Joho-Kanri-01!")},
                                {QStringLiteral("cardProof"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("uid")}, {QStringLiteral("uid"), uid}}}},
                               done);
        });
        return r.json.value(QStringLiteral("token")).toString();
    }

private slots:
    void init()
    {
        Clock::setInstance(nullptr);
        m_hub = std::make_unique<SyncTestHub>(QStringLiteral("disposal_") + QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(m_hub->setUp());
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->process().log().right(3000).constData());
        m_hub.reset();
    }

    void wipeIsRefusedWithTheCountOfWhatWouldBeLost()
    {
        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        QVERIFY(t.syncOnce());
        m_hub->process().stop();
        confirmLocally(t);
        t.vault->audit().append(QStringLiteral("IT00000001"), QStringLiteral("diagnostics.view"), QString(), QString(), QStringLiteral("success"));

        // The hub is away: neither the record nor the audit chain can be sent.
        QVERIFY(!t.syncOnce());
        qint64 left = -1;
        SyncError error;
        bool shipped = false;
        AuditShipment::ship(*t.vault, *t.client, [&](qint64 unsent, const SyncError& e) {
            left = unsent;
            error = e;
            shipped = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(shipped, 30000);
        QCOMPARE(error.kind(), SyncError::Kind::NetworkDown);
        const TerminalDisposal::Unsent unsent = TerminalDisposal::unsent(*t.vault);
        QCOMPARE(unsent.records, qint64(1));
        QCOMPARE(unsent.auditEntries, t.vault->audit().headSeq());
        QCOMPARE(left, unsent.auditEntries);
        const QString refusal = TerminalDisposal::refusal(unsent, false, QString());
        QVERIFY(refusal.contains(QLatin1String("1 record")));
        QVERIFY(refusal.contains(QString::number(unsent.auditEntries)));
        // Confirming the loss needs a reason too.
        QVERIFY(!TerminalDisposal::refusal(unsent, true, QStringLiteral("  ")).isEmpty());
        QVERIFY(TerminalDisposal::refusal(unsent, true, QStringLiteral("ハードディスク故障のため")).isEmpty());

        // With the hub back, everything is sent and nothing stands in the way.
        QVERIFY(m_hub->process().start());
        QVERIFY(t.syncOnce());
        shipped = false;
        AuditShipment::ship(*t.vault, *t.client, [&](qint64 unsent, const SyncError& e) {
            left = unsent;
            error = e;
            shipped = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(shipped, 30000);
        QVERIFY2(error.kind() == SyncError::Kind::None, qPrintable(error.message()));
        QCOMPARE(left, qint64(0));
        QVERIFY(!TerminalDisposal::unsent(*t.vault).any());
        QVERIFY(TerminalDisposal::refusal(TerminalDisposal::unsent(*t.vault), false, QString()).isEmpty());
        QCOMPARE(hubAuditHead(*t.client), t.vault->audit().headSeq());
    }

    // Proves: DATA-5
    void confirmedLossIsRecordedWithItsReasonAndListedForIt()
    {
        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        QVERIFY(t.syncOnce());
        const QString itToken = itSession(t, QStringLiteral("IT00000001"), QStringLiteral("it"));
        QVERIFY(!itToken.isEmpty());
        const QString nurseToken = itSession(t, QStringLiteral("NS00000077"), QStringLiteral("nurse"));
        QVERIFY(!nurseToken.isEmpty());
        m_hub->process().stop();
        confirmLocally(t);
        QVERIFY(!t.syncOnce());
        const TerminalDisposal::Unsent lost = TerminalDisposal::unsent(*t.vault);
        QVERIFY(lost.any());
        const QString reason = QStringLiteral("基板故障、ハブ接続不可のため損失を承認");

        // Every vault connection closed, then the wipe: the hub is still away, so it stops before sending.
        t.engine.reset();
        t.vault.reset();
        TerminalDisposal disposal(t.vaultDir(), t.dataDir(), t.identity.terminalId);
        disposal.begin(QStringLiteral("IT00000001"), reason, lost);
        TerminalDisposal::Outcome o = runToEnd(disposal, t.client.get());
        QCOMPARE(o.step, TerminalDisposal::Step::Send);
        QVERIFY(!o.message.isEmpty());
        QVERIFY(!Vault::exists(t.vaultDir()));
        QVERIFY(TerminalIdentity::exists(t.dataDir()));  // kept only to deliver the record
        QCOMPARE(TerminalDisposal::pendingStep(t.vaultDir()), TerminalDisposal::Step::Send);
        const QList<DisposalRecord> local = DisposalRecord::readAll(Vault::disposalPath(t.vaultDir()));
        QCOMPARE(local.size(), 1);
        QCOMPARE(local.first().reason, reason);
        QCOMPARE(local.first().operatorId, QStringLiteral("IT00000001"));

        QVERIFY(m_hub->process().start());
        o = runToEnd(disposal, t.client.get());
        QCOMPARE(o.step, TerminalDisposal::Step::Done);
        QVERIFY(!TerminalIdentity::exists(t.dataDir()));
        QVERIFY(!TerminalDisposal::isPending(t.vaultDir()));

        const ward::HubReply list = waitFor([&](auto done) {
            t.client->get(QStringLiteral("/api/v1/admin/terminals/disposals?terminal=") + t.identity.terminalId, itToken, done);
        });
        QVERIFY2(list.ok(), qPrintable(list.error.message()));
        const QJsonArray disposals = list.json.value(QStringLiteral("disposals")).toArray();
        QCOMPARE(disposals.size(), 1);
        const QJsonObject d = disposals.first().toObject();
        QCOMPARE(d.value(QStringLiteral("terminal")).toString(), t.identity.terminalId);
        QCOMPARE(d.value(QStringLiteral("operator")).toString(), QStringLiteral("IT00000001"));
        QCOMPARE(d.value(QStringLiteral("reason")).toString(), reason);
        QCOMPARE(d.value(QStringLiteral("lostRecords")).toInteger(), lost.records);
        QCOMPARE(d.value(QStringLiteral("lostAudit")).toInteger(), lost.auditEntries);
        QVERIFY(d.value(QStringLiteral("files")).toArray().contains(QStringLiteral("vault.db")));
        // A nurse's session does not see the list.
        const ward::HubReply refused = waitFor([&](auto done) {
            t.client->get(QStringLiteral("/api/v1/admin/terminals/disposals"), nurseToken, done);
        });
        QCOMPARE(refused.httpStatus, 403);
        // The hub's own chain holds the disposal: reported by the terminal, naming the operator.
        QByteArray audit;
        QVERIFY(m_hub->cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("terminal.disposal")}, &audit));
        QVERIFY2(audit.contains("terminal:" + t.identity.terminalId.toUtf8()) && audit.contains("IT00000001") && audit.contains("1 entry"),
                 audit.constData());
    }

    void interruptedWipeIsResumedAndNeverLeavesAnOpenVault_data()
    {
        QTest::addColumn<int>("stopAfter");
        QTest::newRow("power lost before anything was destroyed") << -1;
        QTest::newRow("power lost after the destruction") << int(TerminalDisposal::Step::Destroy);
        QTest::newRow("power lost after the hub had the record") << int(TerminalDisposal::Step::Send);
    }

    void interruptedWipeIsResumedAndNeverLeavesAnOpenVault()
    {
        QFETCH(int, stopAfter);
        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        QVERIFY(t.syncOnce());
        const QString itToken = itSession(t, QStringLiteral("IT00000002"), QStringLiteral("it"));
        QVERIFY(!itToken.isEmpty());
        const SecureBytes key = t.vault->key();
        t.engine.reset();
        t.vault.reset();
        {
            TerminalDisposal first(t.vaultDir(), t.dataDir(), t.identity.terminalId);
            first.begin(QStringLiteral("IT00000002"), QString(), {});
            if (stopAfter >= 0) {
                bool stopped = false;
                first.setInterruption([&](TerminalDisposal::Step step) { return stopped = step == TerminalDisposal::Step(stopAfter); });
                first.resume(t.client.get(), [](const TerminalDisposal::Outcome&) { QFAIL("the power went before the end"); });
                QTRY_VERIFY_WITH_TIMEOUT(stopped, 30000);
            }
        }
        // What the next start finds: a pending wipe, and no vault that opens with the old key.
        QVERIFY(TerminalDisposal::isPending(t.vaultDir()));
        if (stopAfter >= 0) {
            QVERIFY(!Vault::exists(t.vaultDir()));
            QVERIFY_THROWS_EXCEPTION(VaultError, Vault::openWithKey(t.vaultDir(), t.identity.terminalId, key));
        }
        TerminalDisposal next(t.vaultDir(), t.dataDir(), t.identity.terminalId);
        const TerminalDisposal::Outcome o = runToEnd(next, t.client.get());
        QCOMPARE(o.step, TerminalDisposal::Step::Done);
        QVERIFY(!Vault::exists(t.vaultDir()));
        QVERIFY(!TerminalIdentity::exists(t.dataDir()));
        QCOMPARE(DisposalRecord::readAll(Vault::disposalPath(t.vaultDir())).size(), 1);

        // The hub holds the record once, even when it is sent again (an answer lost with the power).
        const ward::HubReply again = waitFor([&](auto done) {
            t.client->postJson(QStringLiteral("/api/v1/terminal/disposal"), {{QStringLiteral("record"), o.record}}, done);
        });
        QVERIFY2(again.ok(), qPrintable(again.error.message()));
        QCOMPARE(again.json.value(QStringLiteral("stored")).toBool(true), false);
        const ward::HubReply list = waitFor([&](auto done) {
            t.client->get(QStringLiteral("/api/v1/admin/terminals/disposals?terminal=") + t.identity.terminalId, itToken, done);
        });
        QVERIFY2(list.ok(), qPrintable(list.error.message()));
        QCOMPARE(list.json.value(QStringLiteral("disposals")).toArray().size(), 1);
    }

    void hubRefusesAChainThatDoesNotContinue()
    {
        SyncTerminal t;
        QVERIFY(t.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex()));
        QVERIFY(t.openVaultAndEngine());
        for (int i = 0; i < 2; ++i)
            t.vault->audit().append(QStringLiteral("IT00000001"), QStringLiteral("diagnostics.view"), QString(), QString(),
                                    QStringLiteral("success"));
        QList<AuditEntry> entries = t.vault->audit().entries(1, 10);
        QVERIFY(entries.size() >= 2);
        // The second entry without the first: a gap.
        ward::HubReply r = waitFor([&](auto done) {
            t.client->postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), QJsonArray{entries.at(1).toJson()}}}, done);
        });
        QCOMPARE(r.httpStatus, 409);
        // An altered entry: its hash no longer matches.
        AuditEntry altered = entries.at(0);
        altered.action = QStringLiteral("record.delete");
        r = waitFor([&](auto done) {
            t.client->postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), QJsonArray{altered.toJson()}}}, done);
        });
        QCOMPARE(r.httpStatus, 400);
        QCOMPARE(hubAuditHead(*t.client), qint64(0));
        // A disposal record that names another terminal is refused.
        r = waitFor([&](auto done) {
            t.client->postJson(QStringLiteral("/api/v1/terminal/disposal"),
                               {{QStringLiteral("record"), QJsonObject{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                                                        {QStringLiteral("terminal"), QStringLiteral("someone-else")},
                                                                        {QStringLiteral("time"), QStringLiteral("2026-12-03T09:00:00.000Z")},
                                                                        {QStringLiteral("operator"), QStringLiteral("IT00000001")},
                                                                        {QStringLiteral("method"), QStringLiteral("x")},
                                                                        {QStringLiteral("reason"), QString()},
                                                                        {QStringLiteral("files"), QJsonArray()},
                                                                        {QStringLiteral("bytesOverwritten"), 0},
                                                                        {QStringLiteral("lostRecords"), 0},
                                                                        {QStringLiteral("lostAudit"), 0}}}},
                               done);
        });
        QCOMPARE(r.httpStatus, 400);
    }
};

QTEST_GUILESS_MAIN(TestTerminalDisposal)
#include "TestTerminalDisposal.moc"
