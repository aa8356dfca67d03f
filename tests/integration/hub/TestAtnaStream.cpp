// Issue 14 (IHE ATNA) against a real rsyslogd as the TLS collector (mutual authentication): a running wardhub streams
// its own audit chain and a terminal's shipped chain as RFC 5424 messages, over RELP or RFC 5425.
// - RELP: the collector is stopped mid-stream and restarted; every event arrives, in order, with nothing lost (the
//   hub moves on only on the collector's "200 OK"; a confirmed-then-resent event may come twice with its stable id).
// - RFC 5425: the collector goes away between batches and returns; what was written meanwhile arrives exactly once,
//   in order. (Stopped mid-stream, an RFC 5425 collector can lose what its kernel took and it never read; no sender
//   can see that, see SyslogTlsClient.)
// - Both: a collector whose certificate no configured CA signed gets nothing, the stream status says why and the
//   events stay queued until the right collector returns; a collector that refuses the hub's client certificate is
//   reported as such.

#include "HubClient.h"
#include "HubProcess.h"
#include "RsyslogCollector.h"

#include "audit/AuditEntry.h"
#include "hub/atna/AtnaStream.h"
#include "hub/pki/HubPki.h"
#include "hub/storage/HubDatabase.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlQuery>
#include <QTest>

using ward::AuditEntry;

Q_DECLARE_METATYPE(RsyslogCollector::Transport)

class TestAtnaStream : public QObject
{
    Q_OBJECT

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<HubClient> m_terminal;
    std::unique_ptr<RsyslogCollector> m_collector;
    QString m_terminalId;
    QList<AuditEntry> m_chain;

    static QString patient() { return QStringLiteral("P20260042"); }

    using Transport = RsyslogCollector::Transport;

    bool startHub(Transport transport, const QString& peer = QString::fromLatin1(ward::hub::HubPki::kSyslogClientName))
    {
        m_hub = std::make_unique<HubProcess>(QStringLiteral("atna_") + QString::fromLatin1(QTest::currentTestFunction()));
        if (!m_hub->init() || !m_hub->admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3")}))
            return false;
        m_collector = std::make_unique<RsyslogCollector>(m_hub->caPem(), peer, false, transport);
        {
            QSettings s(m_hub->config().iniPath(), QSettings::IniFormat);
            s.setValue(QStringLiteral("atna/collector_host"), QStringLiteral("127.0.0.1"));
            s.setValue(QStringLiteral("atna/collector_port"), m_collector->port());
            s.setValue(QStringLiteral("atna/collector_ca"), m_collector->caFile());
            s.setValue(QStringLiteral("atna/transport"), transport == Transport::Relp ? QStringLiteral("relp") : QStringLiteral("rfc5425"));
        }
        if (!m_hub->start())
            return false;
        m_terminal = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"), &m_terminalId);
        return m_terminal != nullptr;
    }

    // n more entries of the terminal's chain through POST /api/v1/terminal/audit (the shipping path), 1,000 a request.
    // Some name the patient (sealed at the hub, opened for the stream); details carry the characters RFC 5424 escapes.
    bool ship(int n)
    {
        const qsizetype first = m_chain.size();
        for (int i = 0; i < n; ++i) {
            AuditEntry e;
            e.seq = m_chain.size() + 1;
            e.time = QDateTime::fromMSecsSinceEpoch(1795000000000 + e.seq * 1000, Qt::UTC);
            e.terminal = m_terminalId;
            e.user = QStringLiteral("NURSE00001");
            const int kind = int(e.seq % 4);
            e.action = kind == 0 ? QStringLiteral("patient.view") : kind == 1 ? QStringLiteral("record.open")
                                                               : kind == 2 ? QStringLiteral("session.lock") : QStringLiteral("patient.break-glass");
            e.patient = kind == 2 ? QString() : patient();
            e.outcome = QStringLiteral("success");
            if (kind == 3)
                e.detail = {{QStringLiteral("reason"), QStringLiteral("急変対応 \"至急\" [W5] \\ 夜間")}};
            e.prevHash = m_chain.isEmpty() ? AuditEntry::genesisHash() : m_chain.last().hash;
            e.hash = e.computeHash();
            m_chain << e;
        }
        for (qsizetype from = first; from < m_chain.size(); from += 1000) {
            QJsonArray entries;
            for (const AuditEntry& e : m_chain.mid(from, 1000))
                entries.append(e.toJson());
            const HubReply r = m_terminal->postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), entries}});
            if (r.status != 200) {
                qWarning("ship: %d %s", r.status, r.body.constData());
                return false;
            }
        }
        return true;
    }

    qint64 hubAuditEntries() const
    {
        ward::hub::HubDatabase db(m_hub->config());
        QSqlQuery q = db.exec(QStringLiteral("SELECT MAX(seq) FROM hub_audit"));
        return q.next() ? q.value(0).toLongLong() : 0;
    }

    QString streamStatus() const
    {
        QByteArray out;
        m_hub->cli({QStringLiteral("audit"), QStringLiteral("stream-status")}, &out);
        return QString::fromUtf8(out);
    }

    // Polls `wardhub audit stream-status` until it contains `text`.
    bool awaitStatus(const QString& text, int timeoutMs) const
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            if (streamStatus().contains(text))
                return true;
            QTest::qWait(200);
        }
        qWarning("stream-status never said \"%s\":\n%s", qPrintable(text), qPrintable(streamStatus()));
        return false;
    }

    // Every event of both streams, each stream in seq order. maxResent 0: exactly once. Otherwise (a collector stopped
    // mid-batch, see below) an event may come twice: only from one resent batch (at most maxResent duplicates), the
    // copy identical to the first (same stable id), and the first arrivals still exactly 1..n in order.
    void verifyDelivered(int maxResent = 0)
    {
        const qint64 hubEntries = hubAuditEntries();
        const qsizetype total = hubEntries + m_chain.size();
        QVERIFY2(m_collector->awaitLines(total, 90000), qPrintable(QStringLiteral("%1 of %2 events arrived\n%3")
                                                                       .arg(m_collector->lineCount()).arg(total).arg(streamStatus())));
        QTest::qWait(1000); // a duplicate resent late would show now
        static const QRegularExpression kId(QStringLiteral("\\bid=\"([^\"]+)/(\\d+)\""));
        QMap<QString, QList<qint64>> firsts;
        QHash<QString, QByteArray> seen;
        int duplicates = 0;
        for (const QByteArray& line : m_collector->lines()) {
            const QRegularExpressionMatch m = kId.match(QString::fromUtf8(line));
            QVERIFY2(m.hasMatch(), line.constData());
            const QString id = m.captured(1) + QLatin1Char('/') + m.captured(2);
            if (seen.contains(id)) {
                QCOMPARE(line, seen.value(id));
                ++duplicates;
                continue;
            }
            seen.insert(id, line);
            firsts[m.captured(1)].append(m.captured(2).toLongLong());
        }
        qInfo("%lld events, %d arrived twice", qint64(total), duplicates);
        QVERIFY2(duplicates <= maxResent, qPrintable(QStringLiteral("%1 duplicates").arg(duplicates)));
        const auto upTo = [](qint64 n) {
            QList<qint64> l;
            for (qint64 i = 1; i <= n; ++i)
                l << i;
            return l;
        };
        QCOMPARE(firsts.keys(), (QList<QString>{QStringLiteral("hub"), QStringLiteral("terminal/") + m_terminalId}));
        QCOMPARE(firsts.value(QStringLiteral("hub")), upTo(hubEntries));
        QCOMPARE(firsts.value(QStringLiteral("terminal/") + m_terminalId), upTo(m_chain.size()));
        QVERIFY(streamStatus().contains(QStringLiteral("backlog: 0 events")));
    }

private slots:
    void initTestCase()
    {
        if (!RsyslogCollector::available(Transport::Rfc5425) || !RsyslogCollector::available(Transport::Relp))
            QFAIL("rsyslogd with gtls or imrelp is missing: scripts/install-deps installs rsyslog, rsyslog-gnutls and rsyslog-relp");
    }

    static void transports()
    {
        QTest::addColumn<Transport>("transport");
        QTest::newRow("relp") << Transport::Relp;
        QTest::newRow("rfc5425") << Transport::Rfc5425;
    }

    void cleanup()
    {
        if (QTest::currentTestFailed()) {
            if (m_collector)
                qWarning("rsyslog log:\n%s", m_collector->log().constData());
            if (m_hub)
                qWarning("hub log:\n%s", m_hub->log().constData());
        }
        if (m_hub)
            m_hub->stop();
        m_collector.reset(); // stops rsyslogd
        m_terminal.reset();
        m_hub.reset();
        m_chain.clear();
    }

    // Proves: AUD-5
    void relpCollectorStoppedMidStreamLosesNothing()
    {
        QVERIFY(startHub(Transport::Relp));
        QVERIFY(m_collector->start());
        QVERIFY(ship(1000));
        QVERIFY(m_collector->awaitLines(hubAuditEntries() + 1000, 30000)); // streamed as written
        QVERIFY(awaitStatus(QStringLiteral("backlog: 0 events"), 15000)); // and every event confirmed
        // A backlog builds up while the collector is away, then the collector goes away again while the backlog is
        // on its way (mid-batch: the hub sends 500 events a batch).
        m_collector->stop();
        QVERIFY(ship(4000));
        const qsizetype before = m_collector->lineCount();
        QVERIFY(m_collector->start());
        QVERIFY(m_collector->awaitLines(before + 300, 30000));
        m_collector->stop();
        const qsizetype atStop = m_collector->lineCount();
        qInfo("collector stopped after %lld of %lld events", qint64(atStop), qint64(hubAuditEntries() + m_chain.size()));
        QVERIFY2(atStop < hubAuditEntries() + m_chain.size(), "the collector must stop mid-stream");
        // Events written while the collector is away: the terminal's and the hub's own (a ward added at the console).
        QVERIFY(ship(500));
        QVERIFY(m_hub->admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W5")}));
        QVERIFY(awaitStatus(QStringLiteral("collector unreachable: 127.0.0.1:%1").arg(m_collector->port()), 15000));
        const QString status = streamStatus();
        QVERIFY2(status.contains(QStringLiteral("state: failing")), qPrintable(status));
        QVERIFY2(!status.contains(QStringLiteral("backlog: 0 ")), qPrintable(status));
        QVERIFY2(!status.contains(patient()), "no patient data in the status");
        QVERIFY2(status.contains(QStringLiteral("(RELP)")), qPrintable(status));
        QVERIFY(m_collector->start());
        // Nothing lost. An event the collector took but whose "200 OK" it never sent before stopping (rsyslog ends a
        // RELP session with "serverclose" and may leave answers owed) is sent again: at most one RELP window of
        // events twice, each copy identical (the id makes them recognisable).
        verifyDelivered(int(ward::hub::SyslogTlsClient::kRelpWindow));
        // The content: RFC 5424 header fields, the sealed entry's patient opened for the repository, SD escaping, MSG.
        const QList<QByteArray> lines = m_collector->lines();
        const QByteArray breakGlass = QStringLiteral("patient.break-glass [wardhub@32473 id=\"terminal/%1/3\" stream=\"terminal/%1\""
                                                     " seq=\"3\" user=\"NURSE00001\" terminal=\"%1\" action=\"patient.break-glass\""
                                                     " outcome=\"success\" patient=\"%2\"]")
                                          .arg(m_terminalId, patient())
                                          .toUtf8();
        const auto found = std::find_if(lines.begin(), lines.end(), [&](const QByteArray& l) { return l.startsWith(breakGlass); });
        QVERIFY2(found != lines.end(), breakGlass.constData());
        QVERIFY2(found->contains(QStringLiteral("急変対応 \\\"至急\\\" [W5] \\\\ 夜間").toUtf8()), found->constData());
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](const QByteArray& l) {
            return l.startsWith("ward.set [wardhub@32473 id=\"hub/") && l.contains("{\"ward\":\"W5\"}");
        }));
        // The outage is in the hub's log with its reason, once, and without patient data.
        m_hub->stop();
        const QByteArray log = m_hub->log();
        qInfo("hub log:\n%s", log.constData());
        QVERIFY(log.contains(QStringLiteral("ATNA stream: collector unreachable: 127.0.0.1:%1").arg(m_collector->port()).toLatin1()));
        QVERIFY2(!log.contains(patient().toLatin1()), "no patient data in the hub's log");
    }

    void rfc5425CollectorOutageResendsInOrder()
    {
        QVERIFY(startHub(Transport::Rfc5425));
        QVERIFY(m_collector->start());
        QVERIFY(ship(1000));
        QVERIFY(awaitStatus(QStringLiteral("backlog: 0 events"), 30000));
        QVERIFY(streamStatus().contains(QStringLiteral("(RFC 5425)")));
        m_collector->stop();
        // Written while the collector is away: 2,000 terminal events and the hub's own.
        QVERIFY(ship(2000));
        QVERIFY(m_hub->admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W5")}));
        QVERIFY(awaitStatus(QStringLiteral("collector unreachable: 127.0.0.1:%1").arg(m_collector->port()), 15000));
        QVERIFY(m_collector->start());
        verifyDelivered(); // exactly once, in order
    }

    // Issue 16: several hub processes on one PostgreSQL: one streams, the other stands by and takes over when the
    // first dies; the collector gets every event once.
    void twoHubProcessesStreamEachEventOnce()
    {
        QVERIFY(startHub(Transport::Relp));
        if (!m_hub->isPostgres())
            QSKIP("several hub processes share one PostgreSQL: test_hub_atna_stream_pg");
        int secondPort = 0;
        std::unique_ptr<QProcess> second = m_hub->serveAnother(&secondPort);
        QVERIFY(second);
        QVERIFY(m_collector->start());
        QVERIFY(ship(2000));
        QVERIFY(awaitStatus(QStringLiteral("backlog: 0 events"), 30000));
        m_hub->kill(); // SIGKILL: its session, and with it the stream's lock, ends with it
        QVERIFY(m_hub->admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W5")}));
        verifyDelivered(); // exactly once: never two senders
        second->terminate();
        QVERIFY(second->waitForFinished(15000));
        const QByteArray log = second->readAllStandardError();
        QVERIFY2(log.contains("ATNA stream: another hub process streams; this one stands by")
                     && log.contains("ATNA stream: this hub process streams now"),
                 log.constData());
    }

    void unknownTransportIsRefused()
    {
        m_hub = std::make_unique<HubProcess>(QStringLiteral("atna_transport"));
        QVERIFY(m_hub->init());
        {
            QSettings s(m_hub->config().iniPath(), QSettings::IniFormat);
            s.setValue(QStringLiteral("atna/collector_host"), QStringLiteral("127.0.0.1"));
            s.setValue(QStringLiteral("atna/collector_ca"), QStringLiteral("ca.pem"));
            s.setValue(QStringLiteral("atna/transport"), QStringLiteral("udp"));
        }
        QByteArray out, err;
        QVERIFY(m_hub->cli({QStringLiteral("audit"), QStringLiteral("stream-status")}, &out, &err) != 0);
        QVERIFY2(err.contains("[atna] transport in") && err.contains("is \"udp\": use rfc5425 or relp."), err.constData());
        QVERIFY(!m_hub->start()); // serve refuses the same configuration
    }

    void wrongCollectorCertificateSendsNothing_data() { transports(); }
    void wrongCollectorCertificateSendsNothing()
    {
        QFETCH(Transport, transport);
        QVERIFY(startHub(transport));
        m_collector->setRogue(true);
        QVERIFY(m_collector->start());
        QVERIFY(ship(300));
        QVERIFY(awaitStatus(QStringLiteral("collector certificate not trusted: 127.0.0.1:%1").arg(m_collector->port()), 15000));
        QCOMPARE(m_collector->lineCount(), 0);
        const QString status = streamStatus();
        QVERIFY2(status.contains(QStringLiteral("backlog: %1 events").arg(hubAuditEntries() + 300)), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("terminal/%1: sent up to 0 of 300").arg(m_terminalId)), qPrintable(status));
        // The right collector on the same address: everything queued arrives, once.
        m_collector->setRogue(false);
        QVERIFY(m_collector->start());
        verifyDelivered(); // nothing was sent before: exactly once
    }

    void collectorRefusingTheHubIsReported_data() { transports(); }
    void collectorRefusingTheHubIsReported()
    {
        QFETCH(Transport, transport);
        QVERIFY(startHub(transport, QStringLiteral("Another Hub")));
        QVERIFY(m_collector->start());
        QVERIFY(ship(20));
        QVERIFY(awaitStatus(QStringLiteral("TLS handshake refused by the collector: 127.0.0.1:%1").arg(m_collector->port()), 15000));
        QTest::qWait(500);
        QCOMPARE(m_collector->lineCount(), 0);
        QVERIFY(streamStatus().contains(QStringLiteral("terminal/%1: sent up to 0 of 20").arg(m_terminalId)));
    }
};

QTEST_MAIN(TestAtnaStream)
#include "TestAtnaStream.moc"
