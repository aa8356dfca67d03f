#include "VaultTestSupport.h"
#include "vault/SqlStatement.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QJsonArray>
#include <QJsonDocument>
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

    // Proves: AUD-2
    void deletionIsFound()
    {
        tamper("DELETE FROM audit_log WHERE seq = 4");
        const AuditVerification v = m_vault->audit().verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, qint64(4));
    }

    // Proves: AUD-2
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

    // Proves: AUD-2
    void reorderingIsFound()
    {
        tamper("UPDATE audit_log SET seq = -3 WHERE seq = 3;"
               "UPDATE audit_log SET seq = 3 WHERE seq = 7;"
               "UPDATE audit_log SET seq = 7 WHERE seq = -3;");
        const AuditVerification v = m_vault->audit().verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, qint64(3));
    }

    // Proves: AUD-2
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

    // Issue 14: the hub re-hashes and re-encodes every shipped entry, so AuditEntry writes the usual entry itself;
    // its bytes must stay exactly Qt's (a chain hashed before must still verify), for plain and unusual entries.
    void encodingsAreQtsByteForByte()
    {
        const QStringList texts{QString(), QStringLiteral("NS00000004"), QStringLiteral("patient.view"), QStringLiteral("say \"hi\""),
                                QStringLiteral("back\\slash"), QStringLiteral("看護記録"), QStringLiteral("tab\tnew\nline"),
                                QString(QChar(0x7f)), QStringLiteral("~ !#$%&'()*+,-./:;<=>?@[]^_`{|}")};
        const QList<QJsonObject> details{{}, {{QStringLiteral("ward"), QStringLiteral("W3")}},
                                         {{QStringLiteral("reason"), QStringLiteral("急変のため")}, {QStringLiteral("n"), 3}},
                                         {{QStringLiteral("z"), QJsonArray{1, 2.5, true}}, {QStringLiteral("a"), QJsonObject{{QStringLiteral("b"), QJsonValue()}}}}};
        const QList<QDateTime> times{QDateTime::fromMSecsSinceEpoch(1764000000123, Qt::UTC),
                                     QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
                                     QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
                                     QDateTime(QDate(2026, 12, 4), QTime(9, 5, 7, 8), Qt::OffsetFromUTC, 9 * 3600),
                                     QDateTime(QDate(999, 1, 2), QTime(3, 4, 5, 6), Qt::UTC),
                                     QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC),
                                     QDateTime()};
        int checked = 0;
        for (int i = 0; i < 400; ++i) {
            AuditEntry e;
            e.seq = i % 3 == 0 ? i : (qint64(1) << 40) + i;
            e.time = times.at(i % times.size());
            const auto text = [&](int k) { return texts.at((i * 7 + k * 3) % texts.size()); };
            e.terminal = text(1);
            e.user = text(2);
            e.action = text(3);
            e.patient = text(4);
            e.object = text(5);
            e.outcome = text(6);
            e.detail = details.at(i % details.size());
            e.prevHash = QByteArray(32, char(i));
            e.hash = QByteArray(32, char(255 - i));
            const QString time = e.time.toUTC().toString(Qt::ISODateWithMs);
            const QByteArray canonical =
                QJsonDocument(QJsonArray{QStringLiteral("ward-audit-v1"), e.seq, time, e.terminal, e.user, e.action, e.patient, e.object,
                                         e.outcome, e.detail})
                    .toJson(QJsonDocument::Compact);
            QCOMPARE(e.canonicalBytes(), canonical);
            const QJsonObject wire{{QStringLiteral("seq"), e.seq},           {QStringLiteral("time"), time},
                                   {QStringLiteral("terminal"), e.terminal}, {QStringLiteral("user"), e.user},
                                   {QStringLiteral("action"), e.action},     {QStringLiteral("patient"), e.patient},
                                   {QStringLiteral("object"), e.object},     {QStringLiteral("outcome"), e.outcome},
                                   {QStringLiteral("detail"), e.detail},     {QStringLiteral("prevHash"), QString::fromLatin1(e.prevHash.toHex())},
                                   {QStringLiteral("hash"), QString::fromLatin1(e.hash.toHex())}};
            QCOMPARE(e.toJsonBytes(), QJsonDocument(wire).toJson(QJsonDocument::Compact));
            QCOMPARE(e.toJson(), wire);
            const AuditEntry back = AuditEntry::fromJson(QJsonDocument::fromJson(e.toJsonBytes()).object());
            QCOMPARE(back.time, QDateTime::fromString(time, Qt::ISODateWithMs));
            if (back.time == e.time)  // read back as the same instant: the same hash input
                QCOMPARE(back.canonicalBytes(), canonical);
            ++checked;
        }
        QCOMPARE(checked, 400);
        // Times in other forms than the one written are Qt's to read, with Qt's result.
        for (const char* text : {"2026-12-04T09:05:07.008+09:00", "2026-12-04T00:05:07Z", "2026-02-30T00:00:00.000Z",
                                 "2026-12-04T24:00:00.000Z", "2026-12-04T10:11:12.131Z", "２026-12-04T10:11:12.131Z"}) {
            const QString t = QString::fromUtf8(text);
            const QDateTime mine = AuditEntry::fromJson({{QStringLiteral("time"), t}}).time;
            const QDateTime qts = QDateTime::fromString(t, Qt::ISODateWithMs);
            QCOMPARE(mine, qts);
            QCOMPARE(mine.isValid(), qts.isValid());
            if (mine.isValid())
                QCOMPARE(mine.timeSpec(), qts.timeSpec());
        }
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "TestAuditChain.moc"
