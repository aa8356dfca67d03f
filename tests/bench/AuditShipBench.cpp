// audit_ship_bench (issue 14): one terminal ships N audit entries (default 10^6) to wardhub on loopback mutual TLS,
// in order, in batches of TerminalAuditChains::kMaxEntriesPerRequest (each batch waits for the hub's signed
// acknowledgement of the one before, and the next is encoded while one is on its way, as AuditShipment does). The
// hub checks every hash and link and stores the entries; budget ≥ 20,000 entries/s into PostgreSQL. The entries are made in memory beforehand (a real chain for
// this terminal, the mix of a ward's day), so the figure is the shipping and the hub's work, not the vault's.
// Options: --entries N (default 1000000) --pg (a throw-away PostgreSQL 15 via tests/integration/pg-fixture.sh)

#include "BenchPostgres.h"
#include "BenchReport.h"
#include "SyncTestHub.h"

#include "audit/AuditAcknowledgement.h"
#include "audit/AuditEntry.h"
#include "hub/terminals/TerminalAuditChains.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTest>
#include <cstdio>

using namespace ward;
using namespace ward::bench;
using namespace synctest;

namespace {

QList<AuditEntry> chain(const QString& terminal, int n)
{
    static const char* kActions[] = {"patient.view", "record.confirm", "session.lock", "login", "patient.view", "record.draft"};
    QList<AuditEntry> out;
    out.reserve(n);
    QByteArray prev = AuditEntry::genesisHash();
    QDateTime time = QDateTime::currentDateTimeUtc().addDays(-30);
    for (int i = 0; i < n; ++i) {
        AuditEntry e;
        e.seq = i + 1;
        time = time.addMSecs(1500);
        e.time = time;
        e.terminal = terminal;
        e.user = QStringLiteral("NS%1").arg(i % 40, 8, 10, QLatin1Char('0'));
        e.action = QLatin1String(kActions[i % 6]);
        if (i % 6 != 2 && i % 6 != 3)
            e.patient = QStringLiteral("P%1").arg(i % 60, 4, 10, QLatin1Char('0'));
        e.outcome = QStringLiteral("success");
        e.detail = {{QStringLiteral("ward"), QStringLiteral("W3")}};
        e.prevHash = prev;
        e.hash = e.computeHash();
        prev = e.hash;
        out << e;
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int nEntries = BenchReport::intOption(args, "--entries", 1000000);
    const bool pg = args.contains(QStringLiteral("--pg"));
    BenchReport report;

    BenchPostgres postgres(QStringLiteral("55493"));
    if (pg && !postgres.start()) {
        std::fprintf(stderr, "audit_ship_bench: PostgreSQL did not start\n");
        return 2;
    }
    int rc = 0;
    {
        SyncTestHub hub(QStringLiteral("audit_ship_bench"));
        SyncTerminal terminal;
        if (!hub.setUp() || !terminal.enrol(hub, QStringLiteral("W3"), hub.caFingerprintHex()) || !terminal.openVaultAndEngine()) {
            std::fprintf(stderr, "audit_ship_bench: hub or terminal setup failed\n");
            return 2;
        }
        terminal.client->setTimeoutMs(120000);
        BenchReport::info(pg ? "audit_ship_hub_on_postgresql" : "audit_ship_hub_on_sqlite", 1, "flag");
        QElapsedTimer t;
        t.start();
        const QList<AuditEntry> entries = chain(terminal.identity.terminalId, nEntries);
        BenchReport::info("audit_ship_chain_made_s", t.elapsed() / 1000.0, "s");

        const int batch = hub::TerminalAuditChains::kMaxEntriesPerRequest;
        // The request body of the entries after `after`, encoded as AuditShipment encodes it.
        const auto encode = [&](qint64 after) {
            QByteArray body = QByteArrayLiteral("{\"entries\":[");
            for (qint64 i = after; i < qMin<qint64>(after + batch, nEntries); ++i)
                body += (i > after ? "," : "") + entries.at(i).toJsonBytes();
            return body + "]}";
        };
        t.restart();
        qint64 acknowledged = 0;
        QList<double> roundTrips;
        QByteArray body = encode(0);
        while (acknowledged < nEntries) {
            const qint64 sent = qMin<qint64>(batch, nEntries - acknowledged);
            QElapsedTimer rt;
            rt.start();
            bool done = false;
            HubReply reply;
            QEventLoop answered;  // a terminal's event loop: the network thread takes the body from it part by part
            terminal.client->postEncodedJson(
                QStringLiteral("/api/v1/terminal/audit"), body,
                [&](const HubReply& r) {
                    reply = r;
                    done = true;
                    answered.quit();
                },
                // As AuditShipment does: the next batch is encoded while the hub checks and stores this one.
                [&, next = acknowledged + sent] { body = encode(next); });
            if (!done)
                answered.exec();
            roundTrips << rt.elapsed();
            const qint64 head = reply.json.value(QStringLiteral("head")).toInteger(-1);
            const AuditAcknowledgement ack = AuditAcknowledgement::fromJson(reply.json.value(QStringLiteral("ack")).toObject());
            if (!reply.ok() || head != acknowledged + sent
                || !ack.problem({terminal.client->hubCa()}, terminal.identity.terminalId, head, entries.at(head - 1).hash).isEmpty()) {
                std::fprintf(stderr, "audit_ship_bench: batch at %lld refused: %s\n", static_cast<long long>(acknowledged),
                             qPrintable(reply.error.message()));
                return 2;
            }
            acknowledged = head;
        }
        const double secs = t.elapsed() / 1000.0;
        BenchReport::info("audit_ship_entries", nEntries, "entries");
        BenchReport::info("audit_ship_seconds", secs, "s");
        BenchReport::info("audit_ship_batch_p95_ms", BenchReport::percentile(roundTrips, 0.95), "ms");
        report.figure(pg ? "audit_ship_postgresql" : "audit_ship_sqlite", nEntries / secs, "entries/s", BenchReport::Op::AtLeast, 20000);

        // `wardhub check` walks every stored entry again (hash, link, acknowledged heads).
        t.restart();
        QByteArray out;
        const bool checked = hub.cli({QStringLiteral("check")}, &out);
        BenchReport::info("audit_ship_check_s", t.elapsed() / 1000.0, "s");
        if (!checked || !out.contains(QByteArray::number(nEntries) + " terminal audit entries: OK")) {
            std::fprintf(stderr, "audit_ship_bench: check: %s\n", out.constData());
            rc = 2;
        } else {
            rc = report.exitCode();
        }
    }
    return rc;
}
