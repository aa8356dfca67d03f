// Issue 14 (IHE ATNA): the audit stream to a real rsyslogd over TLS with mutual authentication, ≥ 5,000 events/s, over
// each transport (RFC 5425, then RELP). N terminal audit entries are shipped to the hub first (through POST /api/v1/terminal/audit, the stream
// off); then the collector starts, `wardhub serve` starts with [atna] pointing at it, and the clock runs from the
// start of serve until the collector's file holds every event (the hub's own chain included). Baseline in the same
// run: the same number of pre-formatted messages sent by a plain loop over SyslogTlsClient (no database, no cursor)
// to a fresh rsyslogd: what rsyslog and TLS take on this machine.
//   syslog_bench [--events 100000]

#include "BenchReport.h"
#include "HubClient.h"
#include "HubProcess.h"
#include "RsyslogCollector.h"

#include "audit/AuditEntry.h"
#include "hub/atna/AtnaQueue.h"
#include "hub/atna/SyslogTlsClient.h"
#include "hub/pki/HubPki.h"
#include "hub/storage/HubDatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSettings>
#include <QSqlQuery>

using namespace ward;
using ward::bench::BenchReport;

namespace {

AuditEntry entry(const QString& terminal, qint64 seq, const QByteArray& prevHash)
{
    AuditEntry e;
    e.seq = seq;
    e.time = QDateTime::fromMSecsSinceEpoch(1795000000000 + seq * 100, Qt::UTC);
    e.terminal = terminal;
    e.user = QStringLiteral("NURSE00001");
    e.action = seq % 2 ? QStringLiteral("patient.view") : QStringLiteral("record.open");
    e.patient = QStringLiteral("P2026%1").arg(seq % 500, 4, 10, QLatin1Char('0'));
    e.object = seq % 2 ? QString() : QStringLiteral("rec-%1").arg(seq);
    e.outcome = QStringLiteral("success");
    e.prevHash = prevHash;
    e.hash = e.computeHash();
    return e;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int events = BenchReport::intOption(app.arguments(), "--events", 100000);
    if (!RsyslogCollector::available(RsyslogCollector::Transport::Rfc5425) || !RsyslogCollector::available(RsyslogCollector::Transport::Relp))
        qFatal("syslog_bench needs rsyslogd with gtls and imrelp (scripts/install-deps: rsyslog rsyslog-gnutls rsyslog-relp)");
    BenchReport report;
    HubProcess hub(QStringLiteral("syslog_bench"));
    if (!hub.init() || !hub.admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3")}) || !hub.start())
        qFatal("hub init failed");
    QString terminalId;
    auto terminal = HubClient::enrolledTerminal(hub, QStringLiteral("W3"), &terminalId);
    if (!terminal)
        qFatal("enrolment failed");
    QByteArray prev = AuditEntry::genesisHash();
    QList<QByteArray> frames; // the baseline's messages: the same events, formatted as the stream formats them
    for (int seq = 1; seq <= events;) {
        QJsonArray batch;
        for (int i = 0; i < 1000 && seq <= events; ++i, ++seq) {
            const AuditEntry e = entry(terminalId, seq, prev);
            prev = e.hash;
            batch.append(e.toJson());
            frames.append(hub::AtnaQueue::terminalMessage(e, terminalId, QStringLiteral("localhost")).toBytes());
        }
        const HubReply r = terminal->postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), batch}});
        if (r.status != 200)
            qFatal("ship: %d %s", r.status, r.body.constData());
    }
    hub.stop();
    qint64 hubEntries = 0;
    {
        hub::HubDatabase db(hub.config());
        QSqlQuery q = db.exec(QStringLiteral("SELECT MAX(seq) FROM hub_audit"));
        hubEntries = q.next() ? q.value(0).toLongLong() : 0;
    }

    const qint64 total = hubEntries + events;
    using Transport = RsyslogCollector::Transport;
    for (const Transport transport : {Transport::Rfc5425, Transport::Relp}) {
        const bool relp = transport == Transport::Relp;
        const QString prefix = relp ? QStringLiteral("syslog_relp_") : QStringLiteral("syslog_");
        // Baseline: a plain loop of the same messages over the same client, 500 a batch, to its own rsyslogd.
        {
            RsyslogCollector collector(hub.caPem(), QString::fromLatin1(hub::HubPki::kSyslogClientName), false, transport);
            if (!collector.start())
                qFatal("rsyslogd did not start");
            const hub::HubConfig c = hub.config();
            hub::SyslogTlsClient client({QStringLiteral("127.0.0.1"), collector.port(), collector.caFile(), {}, c.syslogCertPath(),
                                         c.syslogKeyPath(), 10000,
                                         relp ? hub::SyslogTlsClient::Transport::Relp : hub::SyslogTlsClient::Transport::Rfc5425});
            QString error;
            QElapsedTimer t;
            t.start();
            if (!client.open(&error))
                qFatal("baseline: %s", qPrintable(error));
            for (qsizetype i = 0; i < frames.size(); i += 500)
                if (client.send(frames.mid(i, 500), &error) != qMin<qsizetype>(500, frames.size() - i))
                    qFatal("baseline: %s", qPrintable(error));
            if (!collector.awaitLines(frames.size(), 600000))
                qFatal("baseline: %lld of %lld arrived", qint64(collector.lineCount()), qint64(frames.size()));
            BenchReport::info((prefix + QStringLiteral("baseline_plain_loop_events_per_s")).toLatin1().constData(),
                              frames.size() / (t.nsecsElapsed() / 1e9), "events/s");
        }

        // The stream: wardhub serve from its start until the collector has every event.
        RsyslogCollector collector(hub.caPem(), QString::fromLatin1(hub::HubPki::kSyslogClientName), false, transport);
        if (!collector.start())
            qFatal("rsyslogd did not start");
        {
            QSettings s(hub.config().iniPath(), QSettings::IniFormat);
            s.setValue(QStringLiteral("atna/collector_host"), QStringLiteral("127.0.0.1"));
            s.setValue(QStringLiteral("atna/collector_port"), collector.port());
            s.setValue(QStringLiteral("atna/collector_ca"), collector.caFile());
            s.setValue(QStringLiteral("atna/transport"), relp ? QStringLiteral("relp") : QStringLiteral("rfc5425"));
        }
        {
            hub::HubDatabase db(hub.config()); // every stream from the start again
            db.exec(QStringLiteral("DELETE FROM atna_cursor"));
        }
        QElapsedTimer t;
        t.start();
        if (!hub.start())
            qFatal("hub did not start");
        if (!collector.awaitLines(total, 600000))
            qFatal("stream: %lld of %lld arrived", qint64(collector.lineCount()), total);
        const double seconds = t.nsecsElapsed() / 1e9;
        hub.stop();
        report.figure((prefix + QStringLiteral("stream_events_per_s")).toLatin1().constData(), total / seconds, "events/s",
                      BenchReport::Op::AtLeast, 5000);
    }
    BenchReport::info("syslog_stream_events", double(total), "events");
    return report.exitCode();
}
