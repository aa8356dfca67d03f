// Issue 14 (IHE ATNA): the RFC 5424 form of the hub's audit events and the RFC 5425 octet-counting frame.

#include "hub/atna/AtnaQueue.h"
#include "hub/atna/SyslogMessage.h"

#include <QJsonObject>
#include <QTest>

using ward::AuditEntry;
using ward::hub::AtnaQueue;
using ward::hub::HubAuditLog;
using ward::hub::SyslogMessage;

class TestSyslogMessage : public QObject
{
    Q_OBJECT

private slots:
    void paramValuesAreEscaped()
    {
        QCOMPARE(SyslogMessage::escapeParamValue(QStringLiteral("plain 値")), QStringLiteral("plain 値"));
        QCOMPARE(SyslogMessage::escapeParamValue(QStringLiteral("a\"b\\c]d")), QStringLiteral("a\\\"b\\\\c\\]d"));
        QCOMPARE(SyslogMessage::escapeParamValue(QStringLiteral("[=]")), QStringLiteral("[=\\]"));
    }

    void headerFieldsArePrintableAscii()
    {
        QCOMPARE(SyslogMessage::headerField({}, 32), QByteArray("-"));
        QCOMPARE(SyslogMessage::headerField(QStringLiteral("login fallback"), 32), QByteArray("login_fallback"));
        QCOMPARE(SyslogMessage::headerField(QStringLiteral("患者"), 32), QByteArray("__"));
        QCOMPARE(SyslogMessage::headerField(QString(40, QLatin1Char('x')), 32).size(), 32);
    }

    void severityFollowsTheEvent()
    {
        QCOMPARE(SyslogMessage::severityOf(QStringLiteral("patient.view"), QStringLiteral("success")), int(SyslogMessage::Informational));
        QCOMPARE(SyslogMessage::severityOf(QStringLiteral("login"), QStringLiteral("denied")), int(SyslogMessage::Warning));
        QCOMPARE(SyslogMessage::severityOf(QStringLiteral("vault.unwrap"), QStringLiteral("failure")), int(SyslogMessage::Warning));
        QCOMPARE(SyslogMessage::severityOf(QStringLiteral("patient.break-glass"), QStringLiteral("success")), int(SyslogMessage::Notice));
        QCOMPARE(SyslogMessage::severityOf(QStringLiteral("emergency-unlock"), QString()), int(SyslogMessage::Notice));
        QCOMPARE(SyslogMessage::severityOf(QStringLiteral("emergency.login"), QStringLiteral("success")), int(SyslogMessage::Alert));
        QCOMPARE(SyslogMessage::severityOf(QStringLiteral("emergency.test"), QStringLiteral("success")), int(SyslogMessage::Informational));
        QCOMPARE(SyslogMessage::severityOf(QStringLiteral("emergency.refused"), QStringLiteral("failure")), int(SyslogMessage::Warning));
    }

    // Proves: AUD-5
    void wholeMessage()
    {
        SyslogMessage m;
        m.severity = SyslogMessage::Notice;
        m.timeMs = 1795000000123; // 2026-11-18T11:06:40.123Z
        m.hostname = QStringLiteral("hub.example.jp");
        m.msgId = QStringLiteral("patient.break-glass");
        m.params = {{QStringLiteral("id"), QStringLiteral("terminal/T1/7")}, {QStringLiteral("patient"), QStringLiteral("P1")},
                    {QStringLiteral("object"), QString()}, {QStringLiteral("reason"), QStringLiteral("急変 \"A\" [B] \\")}};
        m.text = QStringLiteral("{\"k\":\"夜間\"}");
        const QByteArray expected = "<85>1 2026-11-18T11:06:40.123Z hub.example.jp wardhub - patient.break-glass "
                                    "[wardhub@32473 id=\"terminal/T1/7\" patient=\"P1\" reason=\"" + QStringLiteral("急変").toUtf8()
                                    + " \\\"A\\\" [B\\] \\\\\"] \xEF\xBB\xBF{\"k\":\"" + QStringLiteral("夜間").toUtf8() + "\"}";
        QCOMPARE(m.toBytes(), expected);
        // PRI = authpriv (10) * 8 + severity; no MSG: no BOM, no trailing space.
        m.severity = SyslogMessage::Informational;
        m.text.clear();
        QVERIFY(m.toBytes().startsWith("<86>1 "));
        QVERIFY(m.toBytes().endsWith("reason=\"" + QStringLiteral("急変").toUtf8() + " \\\"A\\\" [B\\] \\\\\"]"));
    }

    void frameCountsOctets()
    {
        const QByteArray msg = QStringLiteral("<86>1 - - wardhub - x [a@1 b=\"値\"] \xEF\xBB\xBF").toUtf8() + QStringLiteral("看護").toUtf8();
        const QByteArray framed = SyslogMessage::frame(msg);
        QCOMPARE(framed, QByteArray::number(msg.size()) + ' ' + msg);
        QVERIFY(msg.size() > QString::fromUtf8(msg).size()); // octets, not characters
        QCOMPARE(SyslogMessage::frame("ab"), QByteArray("2 ab"));
    }

    void eventsMapToStreamAndId()
    {
        AuditEntry e;
        e.seq = 42;
        e.time = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);
        e.user = QStringLiteral("NURSE00001");
        e.action = QStringLiteral("patient.view");
        e.patient = QStringLiteral("P20260042");
        e.outcome = QStringLiteral("success");
        const QByteArray t = AtnaQueue::terminalMessage(e, QStringLiteral("T-9"), QStringLiteral("hub")).toBytes();
        QVERIFY2(t.contains("patient.view [wardhub@32473 id=\"terminal/T-9/42\" stream=\"terminal/T-9\" seq=\"42\" user=\"NURSE00001\""
                            " terminal=\"T-9\" action=\"patient.view\" outcome=\"success\" patient=\"P20260042\"]"),
                 t.constData());
        QVERIFY(!t.contains("object="));
        QVERIFY(!t.contains("\xEF\xBB\xBF")); // no detail, no MSG
        const HubAuditLog::Entry h{7, 1795000000000, QStringLiteral("operator@hub"), QStringLiteral("ward.set"),
                                   QJsonObject{{QStringLiteral("ward"), QStringLiteral("W3")}}};
        const QByteArray hub = AtnaQueue::hubMessage(h, QStringLiteral("hub")).toBytes();
        QVERIFY2(hub.startsWith("<86>1 2026-11-18T11:06:40.000Z hub wardhub - ward.set [wardhub@32473 id=\"hub/7\" stream=\"hub\""
                                " seq=\"7\" user=\"operator@hub\" action=\"ward.set\"] \xEF\xBB\xBF{\"ward\":\"W3\"}"),
                 hub.constData());
    }
};

QTEST_GUILESS_MAIN(TestSyslogMessage)
#include "TestSyslogMessage.moc"
