// CFG-2 against a real wardhub over loopback mutual TLS: the hub signs each policy version and a terminal applies
// only a version signed by its own hub's policy certificate, valid by the terminals' rules and newer than the one
// in force. Every refusal (unsigned, signed by another hub, tampered, invalid, older) keeps the last good version
// in the vault, is audited on the terminal and reported to the hub, which audits it too.

#include "SyncTestHub.h"

#include "audit/AuditLog.h"
#include "session/LockPolicy.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

using namespace ward;
using namespace synctest;

class TestSyncPolicy : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncTestHub> m_hub;
    SyncTerminal m_terminal;
    int m_good = 0; // the version `policy set` makes here: the last good one the refusals must keep

    // The idle lock of the policy in force on the terminal, in seconds (from the vault's replica).
    qint64 idleLockSeconds()
    {
        LockPolicy lock;
        QString error;
        const auto policy = m_terminal.engine->replica().currentPolicy();
        if (!policy || !LockPolicy::fromJson(policy->value(QStringLiteral("session")).toObject(), &lock, &error))
            return -1;
        return lock.idleTimeoutMs / 1000;
    }

    static QString session(int idleLockSeconds)
    {
        return QStringLiteral(R"({"session": {"idleLockSeconds": %1, "idleWarningSeconds": 3}})").arg(idleLockSeconds);
    }

    bool storeRaw(int version, const QString& json, const QString& signature)
    {
        QString out;
        const bool ok = m_hub->runTool({QStringLiteral("policy-raw"), QStringLiteral("--dir"), m_hub->dir(), QStringLiteral("--version"),
                                        QString::number(version), QStringLiteral("--json"), json, QStringLiteral("--signature"), signature},
                                       &out);
        if (!ok)
            qWarning("sync_hub_tool policy-raw: %s", qPrintable(out));
        return ok;
    }

    // The hub's audit entries of terminals refusing a policy version: their codes, in order.
    QStringList hubRefusals()
    {
        QByteArray out;
        if (!m_hub->process().admin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("policy.refused")}, &out))
            return {};
        QStringList codes;
        for (const QByteArray& line : out.split('\n'))
            if (line.contains(" policy.refused "))
                codes << QJsonDocument::fromJson(line.mid(line.indexOf('{'))).object().value(QStringLiteral("code")).toString();
        return codes;
    }

    QStringList vaultRefusals()
    {
        QStringList codes;
        for (const AuditEntry& e : m_terminal.vault->audit().entries(1, 100000))
            if (e.action == QLatin1String("policy.refused"))
                codes << e.detail.value(QStringLiteral("code")).toString();
        return codes;
    }

    // One sync cycle, then the refusal the engine signalled (empty when none).
    QString syncAndRefusal()
    {
        QSignalSpy refused(m_terminal.engine.get(), &SyncEngine::policyRefused);
        SyncError error;
        if (!m_terminal.syncOnce(&error)) {
            qWarning("sync failed: %s", qPrintable(error.message()));
            return QStringLiteral("sync failed");
        }
        return refused.isEmpty() ? QString() : refused.last().at(1).toString();
    }

private slots:
    void initTestCase()
    {
        Clock::setInstance(nullptr);
        m_hub = std::make_unique<SyncTestHub>(QStringLiteral("sync_policy"));
        QVERIFY(m_hub->setUp());
        SyncError error;
        QVERIFY2(m_terminal.enrol(*m_hub, QStringLiteral("W3"), m_hub->caFingerprintHex(), &error), qPrintable(error.message()));
        QVERIFY(m_terminal.openVaultAndEngine());
        QCOMPARE(syncAndRefusal(), QString()); // the fixture's own policy
    }

    void cleanupTestCase()
    {
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->process().log().right(3000).constData());
    }

    // `wardhub policy set` stores a signed version; the terminal applies it after one sync.
    // Proves: CFG-3
    void signedVersionFromTheConsoleIsApplied()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(session(240).toUtf8());
        file.close();
        m_good = m_terminal.engine->replica().currentPolicyVersion() + 1;
        QVERIFY(m_hub->cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--file"), file.fileName(),
                            QStringLiteral("--reason"), QStringLiteral("night shift trial")}));
        QCOMPARE(syncAndRefusal(), QString());
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), m_good);
        QCOMPARE(idleLockSeconds(), qint64(240));
    }

    void refusedVersionsKeepTheLastGoodOne_data()
    {
        QTest::addColumn<int>("offset"); // above the last good version
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QString>("code");
        QTest::newRow("unsigned") << 1 << session(60) << QStringLiteral("none") << QStringLiteral("unsigned");
        QTest::newRow("another hub") << 2 << session(60) << QStringLiteral("other-hub") << QStringLiteral("bad_signature");
        QTest::newRow("tampered") << 3 << session(60) << QStringLiteral("tampered") << QStringLiteral("bad_signature");
        // Signed by this hub, but an idle lock of 5 s is outside what the terminals accept (SES-1: 30 s to 8 h).
        QTest::newRow("invalid") << 4 << session(5) << QStringLiteral("hub") << QStringLiteral("invalid");
    }

    // Proves: CFG-2
    void refusedVersionsKeepTheLastGoodOne()
    {
        QFETCH(int, offset);
        QFETCH(QString, json);
        QFETCH(QString, signature);
        QFETCH(QString, code);
        const int hubBefore = int(hubRefusals().size());
        QVERIFY(storeRaw(m_good + offset, json, signature));
        QCOMPARE(syncAndRefusal(), code);
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), m_good);
        QCOMPARE(idleLockSeconds(), qint64(240));
        QCOMPARE(vaultRefusals().last(), code);
        QTRY_COMPARE_WITH_TIMEOUT(hubRefusals().size(), hubBefore + 1, 15000);
        QCOMPARE(hubRefusals().last(), code);
        QVERIFY(m_terminal.vault->audit().verify().ok);
    }

    // A newer signed version is applied; a version older than the one in force is refused even when signed.
    // Proves: CFG-2
    void olderVersionIsRefusedEvenWhenSigned()
    {
        QVERIFY(storeRaw(m_good + 6, session(600), QStringLiteral("hub")));
        QCOMPARE(syncAndRefusal(), QString());
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), m_good + 6);
        QCOMPARE(idleLockSeconds(), qint64(600));

        QVERIFY(storeRaw(m_good + 5, session(90), QStringLiteral("hub")));
        QCOMPARE(syncAndRefusal(), QStringLiteral("not_newer"));
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), m_good + 6);
        QCOMPARE(idleLockSeconds(), qint64(600));
        QTRY_COMPARE_WITH_TIMEOUT(hubRefusals().last(), QStringLiteral("not_newer"), 15000);
    }

    // What the vault keeps is the last good version: a fresh engine on the same vault starts from it.
    void lastGoodVersionIsPersistedInTheVault()
    {
        m_terminal.engine.reset();
        m_terminal.engine = std::make_unique<SyncEngine>(*m_terminal.vault, *m_terminal.client);
        QCOMPARE(m_terminal.engine->replica().currentPolicyVersion(), m_good + 6);
        QCOMPARE(idleLockSeconds(), qint64(600));
    }
};

QTEST_GUILESS_MAIN(TestSyncPolicy)
#include "TestSyncPolicy.moc"
