#include "records/RecordDiff.h"
#include "records/RecordValidator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ward;

namespace {

QByteArray vitals(const QJsonObject& measures)
{
    QJsonObject o = measures;
    o.insert(QStringLiteral("effective"), QStringLiteral("2026-04-10T09:00:00Z"));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList fields(const QList<ValidationProblem>& problems)
{
    QStringList out;
    for (const auto& p : problems)
        out.append(p.field);
    return out;
}

} // namespace

class TestRecordValidator : public QObject
{
    Q_OBJECT

private slots:
    void vitalRanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("BT 30") << "temperature" << 30.0 << true;
        QTest::newRow("BT 45") << "temperature" << 45.0 << true;
        QTest::newRow("BT 29.9") << "temperature" << 29.9 << false;
        QTest::newRow("BT 45.1") << "temperature" << 45.1 << false;
        QTest::newRow("pulse 20") << "pulse" << 20.0 << true;
        QTest::newRow("pulse 19") << "pulse" << 19.0 << false;
        QTest::newRow("pulse 251") << "pulse" << 251.0 << false;
        QTest::newRow("SpO2 100") << "spo2" << 100.0 << true;
        QTest::newRow("SpO2 101") << "spo2" << 101.0 << false;
        QTest::newRow("SpO2 49") << "spo2" << 49.0 << false;
        QTest::newRow("RR 4") << "respRate" << 4.0 << true;
        QTest::newRow("RR 81") << "respRate" << 81.0 << false;
    }

    void vitalRanges()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        QFETCH(bool, ok);
        const auto problems = RecordValidator::validate(QStringLiteral("vital-signs"), vitals({{field, value}}));
        QCOMPARE(problems.isEmpty(), ok);
        if (!ok)
            QCOMPARE(fields(problems), QStringList{field});
    }

    void bloodPressure()
    {
        const QString t = QStringLiteral("vital-signs");
        QVERIFY(RecordValidator::validate(t, vitals({{"systolic", 120}, {"diastolic", 80}})).isEmpty());
        QCOMPARE(fields(RecordValidator::validate(t, vitals({{"systolic", 80}, {"diastolic", 80}}))),
                 QStringList{"systolic"});
        QCOMPARE(fields(RecordValidator::validate(t, vitals({{"systolic", 120}}))), QStringList{"diastolic"});
        QCOMPARE(fields(RecordValidator::validate(t, vitals({{"systolic", 301}, {"diastolic", 80}}))),
                 QStringList{"systolic"});
        QCOMPARE(fields(RecordValidator::validate(t, vitals({{"systolic", 120}, {"diastolic", 19}}))),
                 QStringList{"diastolic"});
    }

    void typesAreChecked()
    {
        const QString t = QStringLiteral("vital-signs");
        QCOMPARE(fields(RecordValidator::validate(t, vitals({{"pulse", "72"}}))), QStringList{"pulse"});
        QCOMPARE(fields(RecordValidator::validate(t, vitals({{"weight", 60}}))), QStringList{"weight"});
        QVERIFY(!RecordValidator::validate(t, vitals({})).isEmpty());  // nothing measured
        QVERIFY(!RecordValidator::validate(t, R"({"pulse":70})").isEmpty());  // no time
        QVERIFY(!RecordValidator::validate(t, "[1,2]").isEmpty());
        QVERIFY(!RecordValidator::validate(QStringLiteral("horoscope"), "{}").isEmpty());
        QVERIFY(!RecordValidator::validate(QStringLiteral("lab-result"), R"({"name":"CRP","value":"high"})").isEmpty());
        QVERIFY(RecordValidator::validate(QStringLiteral("lab-result"), R"({"name":"CRP","value":0.3,"low":0,"high":0.14})")
                    .isEmpty());
        QVERIFY(!RecordValidator::validate(QStringLiteral("allergy"), R"({"substance":"卵","severity":"deadly"})").isEmpty());
    }

    void notes()
    {
        const QString t = QStringLiteral("progress-note");
        QVERIFY(RecordValidator::validate(t, R"({"format":"soap","subjective":"頭痛なし","plan":"経過観察"})").isEmpty());
        QVERIFY(RecordValidator::validate(t, R"({"format":"text","text":"一行目\n二行目\tタブ"})").isEmpty());
        QVERIFY(!RecordValidator::validate(t, R"({"format":"soap","subjective":"  "})").isEmpty());
        QVERIFY(!RecordValidator::validate(t, R"({"format":"text","text":""})").isEmpty());
        QVERIFY(!RecordValidator::validate(t, R"({"format":"poem","text":"x"})").isEmpty());
    }

    void controlCharactersAndBrokenUtf8AreRejected()
    {
        const QString t = QStringLiteral("nursing-note");
        // ESC (terminal escape), NUL, BEL, C1 control, DEL.
        for (const char* bad : {"\\u001b[2J", "a\\u0000b", "\\u0007", "\\u0085", "\\u007f"}) {
            const QByteArray body = QByteArray(R"({"format":"text","text":"ok )") + bad + "\"}";
            const auto problems = RecordValidator::validate(t, body);
            QVERIFY2(!problems.isEmpty(), bad);
            QCOMPARE(problems.first().field, QStringLiteral("text"));
        }
        // Invalid UTF-8 bytes and a lone surrogate.
        const QByteArray head("{\"format\":\"text\",\"text\":\"");
        QVERIFY(!RecordValidator::validate(t, head + "\xff\xfe" + "\"}").isEmpty());
        QVERIFY(!RecordValidator::validate(t, head + "\xed\xa0\x80" + "\"}").isEmpty());
        QVERIFY(RecordValidator::validate(t, head + "\xe4\xbd\x90" + "\"}").isEmpty());
        QVERIFY(!RecordValidator::textProblem(QString(QChar(0xD800)), true).isEmpty());
        QVERIFY(!RecordValidator::textProblem(QStringLiteral("a\nb"), false).isEmpty());
        QVERIFY(RecordValidator::textProblem(QStringLiteral("佐藤 花子🙂"), false).isEmpty());
        QVERIFY(!RecordValidator::isValidUtf8("\xc3\x28"));
        QVERIFY(RecordValidator::isValidUtf8("\xe4\xbd\x90"));
    }

    void diffIsReadable()
    {
        const auto changes = RecordDiff::between(R"({"format":"soap","plan":"A","subjective":"S"})",
                                                 R"({"format":"soap","plan":"B","objective":"O"})");
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes.at(0).field, QStringLiteral("plan"));
        QCOMPARE(changes.at(0).kind, FieldChange::Kind::Changed);
        QCOMPARE(changes.at(0).before, QStringLiteral("A"));
        QCOMPARE(changes.at(0).after, QStringLiteral("B"));
        QCOMPARE(changes.at(1).kind, FieldChange::Kind::Removed);
        QCOMPARE(changes.at(2).kind, FieldChange::Kind::Added);
        QVERIFY(RecordDiff::between("{\"a\":1}", "{\"a\":1}").isEmpty());
        QCOMPARE(RecordDiff::between("not json", "other").size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRecordValidator)
#include "TestRecordValidator.moc"
