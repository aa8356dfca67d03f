#include "VaultTestSupport.h"
#include "vault/SqlStatement.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ward;
using namespace ward::test;

// An attacker who holds the vault key can edit the file directly; the triggers are no obstacle to
// them. These tests drop the triggers, tamper, and check that verify() finds it.
class TestAuditChain : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Vault> m_vault;
    std::shared_ptr<ManualClock> m_clock;

    void tamper(const char* sql)
    {
        auto& db = m_vault->database();
        db.exec("DROP TRIGGER audit_log_no_delete");
        db.exec("DROP TRIGGER audit_log_no_update");
        db.exec(sql);
    }

private slots:
    void init()
    {
        m_clock = std::make_shared<ManualClock>();
        Clock::setInstance(m_clock);
        m_dir = std::make_unique<QTemporaryDir>();
        m_vault = Vault::create(m_dir->path(), QStringLiteral("T-W3-01"), fastKdf());
        // create() wrote entry 1; add 9 more.
        for (int i = 0; i < 9; ++i) {
            m_clock->advanceMs(1000);
            m_vault->audit().append(QStringLiteral("N000000001"), QStringLiteral("patient.view"),
                                    QStringLiteral("P000%1").arg(i), QString(), QStringLiteral("success"),
                                    QJsonObject{{QStringLiteral("screen"), QStringLiteral("chart")}});
        }
    }

    void cleanup()
    {
        m_vault.reset();
        Clock::setInstance(nullptr);
    }

    void intactChainVerifies()
    {
        const AuditVerification v = m_vault->audit().verify();
        QVERIFY(v.ok);
        QCOMPARE(v.entries, qint64(10));
        const QList<AuditEntry> all = m_vault->audit().entries();
        QCOMPARE(all.at(3).time, QDateTime(QDate(2026, 4, 1), QTime(9, 0, 3), Qt::UTC));
        QCOMPARE(all.at(3).terminal, QStringLiteral("T-W3-01"));
        QCOMPARE(all.at(3).prevHash, all.at(2).hash);
        QCOMPARE(m_vault->audit().headSeq(), qint64(10));
    }

    void appendOnlyForTheApplication()
    {
        bool refused = false;
        try {
            m_vault->database().exec("UPDATE audit_log SET user = 'X' WHERE seq = 2");
        } catch (const VaultError& e) {
            refused = e.code() == VaultError::Code::AppendOnly;
        }
        QVERIFY(refused);
        refused = false;
        try {
            m_vault->database().exec("DELETE FROM audit_log WHERE seq = 2");
        } catch (const VaultError& e) {
            refused = e.code() == VaultError::Code::AppendOnly;
        }
        QVERIFY(refused);
    }

    void deletionIsFound()
    {
        tamper("DELETE FROM audit_log WHERE seq = 4");
        const AuditVerification v = m_vault->audit().verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, qint64(4));
    }

    void alterationIsFound()
    {
        tamper("UPDATE audit_log SET patient = 'P9999' WHERE seq = 6");
        const AuditVerification v = m_vault->audit().verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, qint64(6));
        QVERIFY(v.reason.contains(QLatin1String("altered")));
    }

    void alterationWithRecomputedHashIsFoundAtTheNextLink()
    {
        // Rewriting one entry and its own hash breaks the link from the entry after it.
        auto& log = m_vault->audit();
        AuditEntry e = log.entries(5, 1).first();
        e.user = QStringLiteral("N000000099");
        const QByteArray newHash = e.computeHash();
        tamper("SELECT 1");
        m_vault->database()
            .prepare("UPDATE audit_log SET user = ?, hash = ? WHERE seq = 5")
            .bind(1, e.user)
            .bind(2, newHash)
            .run();
        const AuditVerification v = log.verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, qint64(6));
    }

    void reorderingIsFound()
    {
        tamper("UPDATE audit_log SET seq = -3 WHERE seq = 3;"
               "UPDATE audit_log SET seq = 3 WHERE seq = 7;"
               "UPDATE audit_log SET seq = 7 WHERE seq = -3;");
        const AuditVerification v = m_vault->audit().verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, qint64(3));
    }

    void insertionIsFound()
    {
        // Make room after entry 5 and slip a forged entry in with a plausible hash of its own.
        tamper("UPDATE audit_log SET seq = seq + 1000 WHERE seq > 5;"
               "UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000;");
        AuditEntry forged = m_vault->audit().entries(5, 1).first();
        forged.seq = 6;
        forged.prevHash = m_vault->audit().entries(5, 1).first().hash;
        forged.action = QStringLiteral("patient.view");
        forged.patient = QStringLiteral("P0042");
        forged.detail = QJsonObject();
        forged.hash = forged.computeHash();
        m_vault->database()
            .prepare("INSERT INTO audit_log VALUES (?,?,?,?,?,?,?,?,?,?,?)")
            .bind(1, forged.seq)
            .bind(2, forged.time.toString(Qt::ISODateWithMs))
            .bind(3, forged.terminal)
            .bind(4, forged.user)
            .bind(5, forged.action)
            .bind(6, forged.patient)
            .bind(7, forged.object)
            .bind(8, forged.outcome)
            .bind(9, QStringLiteral("{}"))
            .bind(10, forged.prevHash)
            .bind(11, forged.hash)
            .run();
        const AuditVerification v = m_vault->audit().verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, qint64(7));
    }

    void canonicalEncodingCoversEveryField()
    {
        AuditEntry base = m_vault->audit().entries(2, 1).first();
        const QByteArray h = base.computeHash();
        const QList<std::function<void(AuditEntry&)>> edits{
            [](AuditEntry& e) { e.seq++; },
            [](AuditEntry& e) { e.time = e.time.addMSecs(1); },
            [](AuditEntry& e) { e.terminal += QLatin1Char('x'); },
            [](AuditEntry& e) { e.user += QLatin1Char('x'); },
            [](AuditEntry& e) { e.action += QLatin1Char('x'); },
            [](AuditEntry& e) { e.patient += QLatin1Char('x'); },
            [](AuditEntry& e) { e.object += QLatin1Char('x'); },
            [](AuditEntry& e) { e.outcome += QLatin1Char('x'); },
            [](AuditEntry& e) { e.detail.insert(QStringLiteral("k"), 1); },
            [](AuditEntry& e) { e.prevHash[0] = static_cast<char>(e.prevHash[0] ^ 1); },
        };
        for (const auto& edit : edits) {
            AuditEntry changed = base;
            edit(changed);
            QVERIFY(changed.computeHash() != h);
        }
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "TestAuditChain.moc"
