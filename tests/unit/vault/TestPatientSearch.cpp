#include "VaultTestSupport.h"
#include "records/KanaFolding.h"
#include "vault/Vault.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ward;
using namespace ward::test;

class TestPatientSearch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Vault> m_vault;

    QStringList ids(const QString& query)
    {
        QStringList out;
        for (const Patient& p : m_vault->patients().search(query))
            out << p.patientId;
        return out;
    }

private slots:
    void initTestCase()
    {
        m_vault = Vault::create(m_dir.path(), QStringLiteral("T-W3-01"), fastKdf());
        m_vault->patients().upsertAll({
            patient(QStringLiteral("P0001"), QStringLiteral("佐藤 花子"), QStringLiteral("さとう はなこ")),
            patient(QStringLiteral("P0002"), QStringLiteral("佐藤 健"), QStringLiteral("さとう けん")),
            patient(QStringLiteral("P0010"), QStringLiteral("加藤 さとみ"), QStringLiteral("かとう さとみ")),
            patient(QStringLiteral("P0100"), QStringLiteral("鈴木 一郎"), QStringLiteral("すずき いちろう")),
            patient(QStringLiteral("P1000"), QStringLiteral("伊藤 佐和子"), QStringLiteral("いとう さわこ")),
            patient(QStringLiteral("Q0001"), QStringLiteral("ヴァン・ダム 太郎"), QStringLiteral("ゔぁんだむ たろう")),
        });
    }

    void folding()
    {
        QCOMPARE(KanaFolding::fold(QStringLiteral("ｻﾄｳ")), QStringLiteral("さとう"));
        QCOMPARE(KanaFolding::fold(QStringLiteral("サトウ ハナコ")), QStringLiteral("さとうはなこ"));
        QCOMPARE(KanaFolding::fold(QStringLiteral("ｶﾞｯｺｳ")), QStringLiteral("がっこう"));
        QCOMPARE(KanaFolding::fold(QStringLiteral("ＰＡＴ１")), QStringLiteral("pat1"));
        QCOMPARE(KanaFolding::bigrams(QStringLiteral("さとう")), QStringLiteral("さと とう う"));
    }

    void kanaFindsKanji()
    {
        QCOMPARE(ids(QStringLiteral("さとう")), (QStringList{QStringLiteral("P0002"), QStringLiteral("P0001")}));
        QCOMPARE(ids(QStringLiteral("サトウ")), ids(QStringLiteral("さとう")));
        QCOMPARE(ids(QStringLiteral("ｻﾄｳ")), ids(QStringLiteral("さとう")));
        QCOMPARE(ids(QStringLiteral("さとう　はなこ")), QStringList{QStringLiteral("P0001")});
    }

    void kanjiAndSingleCharacters()
    {
        QCOMPARE(ids(QStringLiteral("佐藤")), (QStringList{QStringLiteral("P0002"), QStringLiteral("P0001")}));
        QVERIFY(ids(QStringLiteral("子")).contains(QStringLiteral("P0001")));   // last character of a name
        QVERIFY(ids(QStringLiteral("藤")).size() >= 4);
        QCOMPARE(ids(QStringLiteral("一郎")), QStringList{QStringLiteral("P0100")});
        QCOMPARE(ids(QStringLiteral("ヴァン")), QStringList{QStringLiteral("Q0001")});
    }

    void rankingPutsPrefixBeforeContains()
    {
        // "さと" starts さとう (P0001, P0002) and さとみ (given name of P0010): name/kana prefixes first.
        const QStringList r = ids(QStringLiteral("さと"));
        QCOMPARE(r.size(), 3);
        QVERIFY(r.indexOf(QStringLiteral("P0010")) >= 0);
        // "とう" is inside さとう/かとう/いとう: containing only, ordered by kana.
        QCOMPARE(ids(QStringLiteral("とう")).first(), QStringLiteral("P1000"));
    }

    void patientIdPrefix()
    {
        QCOMPARE(ids(QStringLiteral("P0001")).first(), QStringLiteral("P0001"));
        QCOMPARE(ids(QStringLiteral("p00")).mid(0, 3),
                 (QStringList{QStringLiteral("P0001"), QStringLiteral("P0002"), QStringLiteral("P0010")}));
        QCOMPARE(ids(QStringLiteral("Ｐ１０")), QStringList{QStringLiteral("P1000")});
    }

    void hostileInputFindsNothingAndBreaksNothing()
    {
        QVERIFY(ids(QString()).isEmpty());
        QVERIFY(ids(QStringLiteral("   ")).isEmpty());
        QVERIFY(ids(QStringLiteral("\"")).isEmpty());
        QVERIFY(ids(QStringLiteral("さ* OR か")).size() <= 6);
        QVERIFY(ids(QStringLiteral("') DROP TABLE patients; --")).isEmpty());
        QCOMPARE(m_vault->patients().count(), qint64(6));
        QVERIFY(ids(QStringLiteral("存在しない名前")).isEmpty());
    }

    void census()
    {
        QCOMPARE(m_vault->patients().census(QStringLiteral("W3")).size(), 6);
        QVERIFY(m_vault->patients().census(QStringLiteral("W9")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPatientSearch)
#include "TestPatientSearch.moc"
