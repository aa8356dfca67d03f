// Issue 14 (IHE ATNA over RELP): the frames the hub writes and the collector's answers it reads, including answers
// split anywhere by TLS records and frames a confused or hostile collector might send.

#include "hub/atna/RelpFraming.h"

#include <QTest>

using ward::hub::RelpFraming;

class TestRelpFraming : public QObject
{
    Q_OBJECT

    static QList<RelpFraming::Frame> readAll(const QByteArray& bytes, QString* error = nullptr)
    {
        RelpFraming reader;
        QString why;
        if (!reader.feed(bytes.constData(), bytes.size(), &why)) {
            if (error)
                *error = why;
            return {};
        }
        return reader.take();
    }

private slots:
    void commandsAreFramed()
    {
        QCOMPARE(RelpFraming::command(1, "open", RelpFraming::openOffer()),
                 QByteArray("1 open 52 relp_version=0\nrelp_software=wardhub\ncommands=syslog\n"));
        QCOMPARE(RelpFraming::command(7, "syslog", "<86>1 - x"), QByteArray("7 syslog 9 <86>1 - x\n"));
        QCOMPARE(RelpFraming::command(8, "close"), QByteArray("8 close 0\n"));
        // The length counts bytes, not characters.
        QCOMPARE(RelpFraming::command(9, "syslog", QStringLiteral("患者").toUtf8()), QByteArray("9 syslog 6 ") + QStringLiteral("患者").toUtf8() + '\n');
    }

    void transactionNumbersWrapToOne()
    {
        QCOMPARE(RelpFraming::nextTxnr(0), 1);
        QCOMPARE(RelpFraming::nextTxnr(41), 42);
        QCOMPARE(RelpFraming::nextTxnr(RelpFraming::kMaxTxnr), 1);
    }

    void answersAreRead()
    {
        const QByteArray bytes = "1 rsp 93 200 OK\nrelp_version=0\nrelp_software=librelp,1.11.0,http://librelp.adiscon.com\ncommands=syslog\n"
                                 "2 rsp 6 200 OK\n3 rsp 0\n0 serverclose 0\n";
        const QList<RelpFraming::Frame> frames = readAll(bytes);
        QCOMPARE(frames.size(), 4);
        QCOMPARE(frames[0].txnr, 1);
        QCOMPARE(frames[0].command, QByteArray("rsp"));
        QVERIFY(frames[0].data.startsWith("200 OK\nrelp_version=0\n"));
        QCOMPARE(frames[1].data, QByteArray("200 OK"));
        QCOMPARE(frames[2].txnr, 3);
        QVERIFY(frames[2].data.isEmpty());
        QCOMPARE(frames[3].txnr, 0);
        QCOMPARE(frames[3].command, QByteArray("serverclose"));
    }

    void answersSplitAnywhereAreReadWhole()
    {
        const QByteArray bytes = "12 rsp 6 200 OK\n13 rsp 23 500 queue full, dropped\n0 serverclose 0\n";
        for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
            for (qsizetype cut2 = cut; cut2 <= bytes.size(); cut2 += 7) {
                RelpFraming reader;
                QString error;
                QVERIFY(reader.feed(bytes.constData(), cut, &error));
                QVERIFY(reader.feed(bytes.constData() + cut, cut2 - cut, &error));
                QVERIFY(reader.feed(bytes.constData() + cut2, bytes.size() - cut2, &error));
                const QList<RelpFraming::Frame> frames = reader.take();
                QCOMPARE(frames.size(), 3);
                QCOMPARE(frames[0].txnr, 12);
                QCOMPARE(frames[1].data, QByteArray("500 queue full, dropped"));
                QCOMPARE(frames[2].command, QByteArray("serverclose"));
            }
        }
    }

    void responseCodes()
    {
        QString text;
        QCOMPARE(RelpFraming::responseCode("200 OK", &text), 200);
        QCOMPARE(text, QStringLiteral("OK"));
        QCOMPARE(RelpFraming::responseCode("200 OK\nrelp_version=0", &text), 200);
        QCOMPARE(text, QStringLiteral("OK"));
        QCOMPARE(RelpFraming::responseCode("500 queue full", &text), 500);
        QCOMPARE(text, QStringLiteral("queue full"));
        QCOMPARE(RelpFraming::responseCode("200", &text), 200);
        QCOMPARE(RelpFraming::responseCode("", &text), -1);
        QCOMPARE(RelpFraming::responseCode("OK", &text), -1);
        QCOMPARE(RelpFraming::responseCode("2000 OK", &text), -1);
    }

    void malformedFramesEndTheSession_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no number") << QByteArray("rsp 6 200 OK\n") << QStringLiteral("no transaction number");
        QTest::newRow("number too long") << QByteArray("1234567890 rsp 0\n") << QStringLiteral("transaction number too long");
        QTest::newRow("no command") << QByteArray("1  6 200 OK\n") << QStringLiteral("bad command");
        QTest::newRow("command not letters") << QByteArray("1 rsp2 0\n") << QStringLiteral("bad command");
        QTest::newRow("command too long") << QByteArray("1 ") + QByteArray(40, 'a') << QStringLiteral("command too long");
        QTest::newRow("no length") << QByteArray("1 rsp x\n") << QStringLiteral("no data length");
        QTest::newRow("length too long") << QByteArray("1 rsp 999999999 ") << QStringLiteral("data too long");
        QTest::newRow("no space before data") << QByteArray("1 rsp 6\n200 OK\n") << QStringLiteral("no space before the data");
        QTest::newRow("data longer than said") << QByteArray("1 rsp 2 200 OK\n") << QStringLiteral("no line feed after the data");
        QTest::newRow("second frame bad") << QByteArray("1 rsp 0\n-1 rsp 0\n") << QStringLiteral("no transaction number");
    }

    void malformedFramesEndTheSession()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        RelpFraming reader;
        QString error;
        QVERIFY(!reader.feed(bytes.constData(), bytes.size(), &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(reader.failed());
        // Once failed, nothing more is read.
        QVERIFY(!reader.feed("1 rsp 0\n", 8, &error));
    }

    void incompleteFramesWait()
    {
        for (const QByteArray& part : {QByteArray("1"), QByteArray("1 rs"), QByteArray("1 rsp"), QByteArray("1 rsp 6"), QByteArray("1 rsp 6 200 O"),
                                       QByteArray("1 rsp 6 200 OK")}) {
            QString error;
            RelpFraming reader;
            QVERIFY2(reader.feed(part.constData(), part.size(), &error), part.constData());
            QVERIFY(reader.take().isEmpty());
        }
    }
};

QTEST_APPLESS_MAIN(TestRelpFraming)
#include "TestRelpFraming.moc"
