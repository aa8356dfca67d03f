#include "VaultTestSupport.h"
#include "vault/SqlStatement.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ward;
using namespace ward::test;

namespace {


} // namespace

class TestVaultData : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Vault> m_vault;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_vault = Vault::create(m_dir->path(), QStringLiteral("T-W3-01"), fastKdf());
        m_vault->addUserSlot(QStringLiteral("N000000001"), pw("Kango#2026"), CardKeyAgreement(), QStringLiteral("N000000001"));
    }

    void cleanup() { m_vault.reset(); }

    // Proves: DATA-3
    void confirmedVersionsAreAppendOnly()
    {
        const RecordVersion v1 = record(QStringLiteral("P0001"), "{\"text\":\"熱発なし\"}");
        m_vault->records().append(v1);
        auto& db = m_vault->database();
        QCOMPARE(codeOf([&] { db.exec("UPDATE record_versions SET body = x'00'"); }), VaultError::Code::AppendOnly);
        QCOMPARE(codeOf([&] { db.exec("UPDATE record_versions SET status = 'entered-in-error'"); }),
                 VaultError::Code::AppendOnly);
        QCOMPARE(codeOf([&] { db.exec("DELETE FROM record_versions"); }), VaultError::Code::AppendOnly);
        QCOMPARE(m_vault->records().find(v1.recordId, 1)->body, v1.body);

        // The hub's timestamp arrives once; a second one (or a changed one) is refused.
        m_vault->records().setTimestampToken(v1.recordId, 1, "token-1");
        QCOMPARE(codeOf([&] { m_vault->records().setTimestampToken(v1.recordId, 1, "token-2"); }),
                 VaultError::Code::AppendOnly);
        QCOMPARE(m_vault->records().find(v1.recordId, 1)->timestampToken, QByteArray("token-1"));
        QCOMPARE(codeOf([&] { m_vault->records().append(v1); }), VaultError::Code::InvalidInput);
    }

    void vaultFromThePreviousRecordShapeSaysReEnrol()
    {
        // A record written by the previous program (body without an envelope): the vault refuses to open with a
        // message that says what to do, rather than showing half-read records.
        RecordVersion old = record(QStringLiteral("P0001"), "{}");
        old.body = "{\"format\":\"text\",\"text\":\"before issue 9\"}";
        m_vault->records().append(old);
        m_vault.reset();
        try {
            Vault::openWithPassword(m_dir->path(), QStringLiteral("T-W3-01"), QStringLiteral("N000000001"), pw("Kango#2026"));
            QFAIL("a vault with records of the previous shape opened");
        } catch (const VaultError& e) {
            QCOMPARE(e.code(), VaultError::Code::InvalidInput);
            QVERIFY2(e.message().contains(QStringLiteral("re-enrol")), qPrintable(e.message()));
        }
    }

    void correctionsAreLinkedNewVersions()
    {
        const RecordVersion v1 = record(QStringLiteral("P0001"), "{\"bt\":37.2}");
        m_vault->records().append(v1);
        RecordVersion v2 = record(QStringLiteral("P0001"), "{\"bt\":36.8}", 2, v1.versionHash(), v1.recordId);
        m_vault->records().append(v2);
        QCOMPARE(m_vault->records().versions(v1.recordId).size(), 2);
        QCOMPARE(RecordEnvelope::parse(m_vault->records().latest(v1.recordId)->body)->resource, QByteArray("{\"bt\":36.8}"));
        QCOMPARE(RecordEnvelope::parse(m_vault->records().find(v1.recordId, 1)->body)->resource, QByteArray("{\"bt\":37.2}"));

        RecordVersion badLink = record(QStringLiteral("P0001"), "{}", 3, QByteArray(32, 'x'), v1.recordId);
        QCOMPARE(codeOf([&] { m_vault->records().append(badLink); }), VaultError::Code::InvalidInput);
        RecordVersion gap = record(QStringLiteral("P0001"), "{}", 5, v2.versionHash(), v1.recordId);
        QCOMPARE(codeOf([&] { m_vault->records().append(gap); }), VaultError::Code::InvalidInput);
        RecordVersion otherPatient = record(QStringLiteral("P0002"), "{}", 3, v2.versionHash(), v1.recordId);
        QCOMPARE(codeOf([&] { m_vault->records().append(otherPatient); }), VaultError::Code::InvalidInput);
        RecordVersion v1WithLink = record(QStringLiteral("P0001"), "{}", 1, v1.versionHash());
        QCOMPARE(codeOf([&] { m_vault->records().append(v1WithLink); }), VaultError::Code::InvalidInput);
        RecordVersion badClass = record(QStringLiteral("P0001"), "{}");
        badClass.classification = 5;
        QCOMPARE(codeOf([&] { m_vault->records().append(badClass); }), VaultError::Code::InvalidInput);
        QCOMPARE(m_vault->records().count(), qint64(2));
    }

    void batchIsAllOrNothing()
    {
        QList<RecordVersion> batch;
        for (int i = 0; i < 5; ++i)
            batch << record(QStringLiteral("P0001"), QByteArray::number(i));
        batch << record(QStringLiteral(""), "no patient");
        QCOMPARE(codeOf([&] { m_vault->records().appendAll(batch); }), VaultError::Code::InvalidInput);
        QCOMPARE(m_vault->records().count(), qint64(0));
    }

    void syncAppendIsIdempotent()
    {
        const RecordVersion v1 = record(QStringLiteral("P0001"), "{\"spo2\":97}");
        QVERIFY(m_vault->records().appendIfAbsent(v1));
        QVERIFY(!m_vault->records().appendIfAbsent(v1));
        RecordVersion forged = v1;
        forged.body = "{\"spo2\":87}";
        QCOMPARE(codeOf([&] { m_vault->records().appendIfAbsent(forged); }), VaultError::Code::InvalidInput);
        QCOMPARE(m_vault->records().count(), qint64(1));
    }

    // Proves: SES-4
    void draftsBelongToTheirAuthor()
    {
        Draft d;
        d.author = QStringLiteral("N000000001");
        d.patientId = QStringLiteral("P0001");
        d.type = QStringLiteral("nursing-note");
        d.body = QStringLiteral("{\"S\":\"痛みが強い\"}").toUtf8();
        m_vault->drafts().save(d);
        const QList<Draft> mine = m_vault->drafts().forAuthor(QStringLiteral("N000000001"));
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().body, d.body);
        QVERIFY(m_vault->drafts().forAuthor(QStringLiteral("N000000002")).isEmpty());
        QVERIFY(!m_vault->drafts().load(QStringLiteral("N000000002"), mine.first().draftId));

        // Another author cannot take the draft over by saving under its ID.
        Draft hijack = mine.first();
        hijack.author = QStringLiteral("N000000002");
        QCOMPARE(codeOf([&] { m_vault->drafts().save(hijack); }), VaultError::Code::InvalidInput);

        // The body is sealed inside the (already encrypted) database.
        SqlStatement raw = m_vault->database().prepare("SELECT sealed_body FROM drafts");
        QVERIFY(raw.step());
        QVERIFY(!raw.blob(0).contains(QStringLiteral("痛み").toUtf8()));

        // Moving the sealed body to another row (another author) fails its check.
        Draft other = d;
        other.author = QStringLiteral("N000000002");
        other.body = "x";
        m_vault->drafts().save(other);
        const QString otherId = m_vault->drafts().forAuthor(QStringLiteral("N000000002")).first().draftId;
        m_vault->database()
            .prepare("UPDATE drafts SET sealed_body = (SELECT sealed_body FROM drafts WHERE author = 'N000000001') "
                     "WHERE draft_id = ?")
            .bind(1, otherId)
            .run();
        QCOMPARE(codeOf([&] { m_vault->drafts().load(QStringLiteral("N000000002"), otherId); }),
                 VaultError::Code::Corrupt);

        // Drafts survive closing and reopening the vault (a lock or a logout).
        const QString id = mine.first().draftId;
        m_vault.reset();
        m_vault = Vault::openWithPassword(m_dir->path(), QStringLiteral("T-W3-01"), QStringLiteral("N000000001"),
                                          pw("Kango#2026"));
        QCOMPARE(m_vault->drafts().load(QStringLiteral("N000000001"), id)->body, d.body);
        QCOMPARE(m_vault->drafts().authorsWithDrafts(),
                 (QStringList{QStringLiteral("N000000001"), QStringLiteral("N000000002")}));
        m_vault->drafts().remove(QStringLiteral("N000000001"), id);
        QVERIFY(m_vault->drafts().forAuthor(QStringLiteral("N000000001")).isEmpty());
    }

    // Proves: DATA-2
    void identityAndHealthDataAreSeparateTables()
    {
        m_vault->patients().upsert(patient(QStringLiteral("P0001"), QStringLiteral("佐藤 花子"), QStringLiteral("さとう はなこ")));
        m_vault->records().append(record(QStringLiteral("P0001"), "{\"text\":\"note\"}"));
        SqlStatement cols = m_vault->database().prepare("PRAGMA table_info(record_versions)");
        QString recordColumns;
        while (cols.step())
            recordColumns += cols.text(1) + QLatin1Char(',');
        QVERIFY(recordColumns.contains(QLatin1String("body")));
        QVERIFY(!recordColumns.contains(QLatin1String("name")));
        QVERIFY(!recordColumns.contains(QLatin1String("address")));
        QVERIFY(!recordColumns.contains(QLatin1String("birth")));
        QCOMPARE(m_vault->patients().find(QStringLiteral("P0001"))->name, QStringLiteral("佐藤 花子"));
    }

    void patientUpdateKeepsOneSearchEntry()
    {
        m_vault->patients().upsert(patient(QStringLiteral("P0001"), QStringLiteral("佐藤 花子"), QStringLiteral("さとう はなこ")));
        m_vault->patients().upsert(patient(QStringLiteral("P0001"), QStringLiteral("高橋 花子"), QStringLiteral("たかはし はなこ")));
        QCOMPARE(m_vault->patients().count(), qint64(1));
        QVERIFY(m_vault->patients().search(QStringLiteral("さとう")).isEmpty());
        QCOMPARE(m_vault->patients().search(QStringLiteral("たかはし")).size(), 1);
    }

    void newerSchemaIsRefused()
    {
        m_vault->database().exec("PRAGMA user_version = 999");
        const SecureBytes key = m_vault->key();
        m_vault.reset();
        QCOMPARE(codeOf([&] { Vault::openWithKey(m_dir->path(), QStringLiteral("T-W3-01"), key); }),
                 VaultError::Code::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestVaultData)
#include "TestVaultData.moc"
