// sync_bench: the sync client and wardhub together on loopback mutual TLS (DESIGN performance budget):
//   - hub ingest throughput (records/s, pushed in batches of 1,000 by one terminal),
//   - initial pull of N record versions into an empty SQLCipher vault (verification on arrival included),
//   - incremental pull of 100,
//   - T simulated terminals syncing concurrently (pull + occasional push) for S seconds: errors and p95 latency.
// Options: --records N (default 100000) --terminals T (default 200) --seconds S (default 60)
//          --interval-ms I (each terminal syncs every I ms, default 1000)
//          --wards W (the concurrent terminals spread over W wards, each with a patient they write for; default 1:
//          all in W3. A hospital's terminals serve their own wards and pull only those wards' records.)
//          --pg (run the hub on a throw-away PostgreSQL 15 started with tests/integration/pg-fixture.sh)
//          --haproxy (with --pg; issue 16: a second `wardhub serve` on the same database and HAProxy in TCP mode in
//          front of both, as docs/DEPLOYMENT.md configures it; every terminal goes through HAProxy; the concurrent
//          run's p95 then has the budget of 200 ms)
//          --asio (the concurrent terminals from AsioTerminalLoad: the same requests from one thread instead of one Qt
//          client thread each; the way to simulate thousands of terminals on the bench machine, docs/PERFORMANCE.md)
//          --processes K (the concurrent terminals' Qt clients in K load processes)

#include "BenchPostgres.h"
#include "BenchReport.h"
#include "HaproxyFront.h"
#include "SyncTestHub.h"
#include "TerminalLoad.h"

#include "crypto/CmsSignature.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"
#include "sync/Enrolment.h"
#include "sync/IncomingRecord.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QTest>
#include <QTimer>
#include <cstdio>

using namespace ward;
using namespace ward::bench;
using namespace synctest;

// The hub's own time for the simulated terminals' syncs, from its access log ("wardhub: GET /api/v1/changes 200
// TERMINAL N bytes M ms", first byte of the request to the response ready): requests of `skipTerminal` (the
// initial pull's) are left out.
static QList<double> hubRequestMs(const QByteArray& log, const QByteArray& skipTerminal)
{
    QList<double> out;
    for (const QByteArray& line : log.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() != 9 || f.at(0) != "wardhub:" || f.at(8) != "ms" || f.at(4) == skipTerminal)
            continue;
        if ((f.at(1) == "GET" && f.at(2) == "/api/v1/changes") || (f.at(1) == "POST" && f.at(2) == "/api/v1/records"))
            out << f.at(7).toDouble();
    }
    return out;
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == QLatin1String("--load-worker"))
        return TerminalLoad::runWorker(args.at(2), args.at(3));
    const int nRecords = BenchReport::intOption(args, "--records", 100000);
    const int nTerminals = BenchReport::intOption(args, "--terminals", 200);
    const int seconds = BenchReport::intOption(args, "--seconds", 60);
    const int intervalMs = BenchReport::intOption(args, "--interval-ms", 1000);
    const int nWards = qMax(1, BenchReport::intOption(args, "--wards", 1));
    // --processes K: the simulated terminals in K load processes (TerminalLoad::runInProcesses).
    const int processes = qMax(1, BenchReport::intOption(args, "--processes", 1));
    const bool pg = args.contains(QStringLiteral("--pg"));
    const bool haproxy = args.contains(QStringLiteral("--haproxy"));
    const bool asio = args.contains(QStringLiteral("--asio"));
    if (asio && processes > 1) {
        std::fprintf(stderr, "sync_bench: --asio runs every terminal on one thread; --processes is for the Qt clients\n");
        return 2;
    }
    if (haproxy && !pg) {
        std::fprintf(stderr, "sync_bench: --haproxy needs --pg (several hub processes share one PostgreSQL)\n");
        return 2;
    }
    BenchReport report;
    // With --haproxy the run is about the terminals; its ingest and pulls of --records are a short warm-up (10^4
    // records take ~5 s), printed without their budgets, which belong to the default run of 10^5.
    const auto figure = [&](const char* name, double value, const char* unit, BenchReport::Op op, double limit) {
        if (haproxy)
            BenchReport::info(name, value, unit);
        else
            report.figure(name, value, unit, op, limit);
    };

    BenchPostgres postgres(QStringLiteral("55491"));
    if (pg && !postgres.start()) {
        std::fprintf(stderr, "sync_bench: PostgreSQL did not start\n");
        return 2;
    }
    int rc = 0;
    {
        SyncTestHub hub(QStringLiteral("sync_bench"));
        TerminalLoad::fitLoopbackTerminals(hub, nTerminals);
        if (!hub.setUp()) {
            std::fprintf(stderr, "sync_bench: hub setup failed\n");
            return 2;
        }
        BenchReport::info(pg ? "sync_hub_on_postgresql" : "sync_hub_on_sqlite", 1, "flag");
        std::unique_ptr<QProcess> secondHub;
        std::unique_ptr<HaproxyFront> front;
        if (haproxy) {
            int secondPort = 0;
            secondHub = hub.process().serveAnother(&secondPort);
            front = std::make_unique<HaproxyFront>(QList<int>{hub.process().port(), secondPort});
            if (!secondHub || !front->start()) {
                std::fprintf(stderr, "sync_bench: the second hub process or HAProxy did not start\n");
                return 2;
            }
            hub.setUrl(QUrl(front->baseUrl()));
            BenchReport::info("sync_hub_processes_behind_haproxy", 2, "processes");
        }

        // Signed versions, made as the chart would (signing is the author's cost, not measured as ingest).
        QElapsedTimer t;
        t.start();
        QList<RecordVersion> records;
        records.reserve(nRecords);
        for (int i = 0; i < nRecords; ++i)
            records << hub.makeRecord(i % 2 ? QStringLiteral("P0001") : QStringLiteral("P0002"), TerminalLoad::noteText(i));
        BenchReport::info("sync_sign_records_per_s", nRecords / (t.elapsed() / 1000.0), "records/s");

        // Initial pull into an empty vault.
        SyncTerminal main;
        if (!main.enrol(hub, QStringLiteral("W3"), hub.caFingerprintHex()) || !main.openVaultAndEngine()) {
            std::fprintf(stderr, "sync_bench: enrolment failed\n");
            return 2;
        }
        main.engine->setPageSize(1000);
        const int verifiers = BenchReport::intOption(args, "--verifiers", 0);
        if (verifiers > 0)
            main.engine->setVerifierThreads(verifiers);

        // Hub ingest: verify + timestamp + store, batches of 1,000, two requests in flight (one per hub core),
        // through the terminal's own client.
        t.restart();
        {
            int inFlight = 0, failed = 0;
            qsizetype next = 0;
            std::function<void()> send = [&] {
                if (next >= records.size())
                    return;
                QJsonArray batch;
                for (const RecordVersion& r : records.mid(next, 1000))
                    batch.append(TerminalLoad::pushJson(r));
                next += 1000;
                ++inFlight;
                main.client->postJson(QStringLiteral("/api/v1/records"), {{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), batch}},
                                      [&, n = batch.size()](const HubReply& r) {
                                          --inFlight;
                                          if (!r.ok() || r.json.value(QStringLiteral("stored")).toInt() != n) {
                                              ++failed;
                                              std::fprintf(stderr, "sync_bench: ingest batch: %s\n", qPrintable(r.error.message()));
                                          }
                                          send();
                                      });
            };
            send();
            send();
            while (inFlight > 0)
                QTest::qWait(2);
            if (failed)
                return 2;
        }
        const double ingestSecs = t.elapsed() / 1000.0;
        figure(pg ? "sync_hub_ingest_postgresql" : "sync_hub_ingest_sqlite", nRecords / ingestSecs, "records/s",
                      BenchReport::Op::AtLeast, 2000);
        main.client->setTimeoutMs(120000);

        t.restart();
        SyncError error;
        const bool pulled = main.syncOnce(&error, 600000);
        const double pullSecs = t.elapsed() / 1000.0;
        if (!pulled || main.vault->records().count() != nRecords) {
            std::fprintf(stderr, "sync_bench: initial pull failed (%s), %lld records\n", qPrintable(error.message()),
                         static_cast<long long>(main.vault->records().count()));
            return 2;
        }
        figure("sync_initial_pull_s", pullSecs, "s", BenchReport::Op::AtMost, 60.0 * nRecords / 100000.0);
        BenchReport::info("sync_initial_pull_records", nRecords, "records");
        BenchReport::info("sync_initial_pull_rate", nRecords / pullSecs, "records/s");

        // Incremental pull of 100.
        QList<RecordVersion> more;
        for (int i = 0; i < 100; ++i)
            more << hub.makeRecord(QStringLiteral("P0001"), TerminalLoad::noteText(nRecords + i));
        if (!hub.pushFromOtherTerminal(more))
            return 2;
        t.restart();
        const bool incremental = main.syncOnce(&error);
        const double incSecs = t.elapsed() / 1000.0;
        if (!incremental || main.vault->records().count() != nRecords + 100)
            return 2;
        figure("sync_incremental_pull_100_s", incSecs, "s", BenchReport::Op::AtMost, 1.0);
        const qint64 startCursor = main.engine->replica().cursor();
        main.engine.reset();
        main.vault.reset();

        // Concurrent terminals.
        t.restart();
        QList<TerminalLoad::WardPatient> wards{{QStringLiteral("W3"), QStringLiteral("P0002")}};
        for (int w = 1; w < nWards; ++w) {
            const TerminalLoad::WardPatient more{QStringLiteral("L%1").arg(w, 3, 10, QLatin1Char('0')), QStringLiteral("PL%1").arg(w, 4, 10, QLatin1Char('0'))};
            if (!hub.cli({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), more.ward})
                || !hub.cli({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--id"), more.patient, QStringLiteral("--ward"),
                             more.ward, QStringLiteral("--name"), QStringLiteral("病棟 %1").arg(w), QStringLiteral("--kana"),
                             QStringLiteral("びょうとう"), QStringLiteral("--birth"), QStringLiteral("1950-01-01")})) {
                std::fprintf(stderr, "sync_bench: ward %s not made\n", qPrintable(more.ward));
                return 2;
            }
            wards << more;
        }
        TerminalLoad load;
        if (!load.enrol(hub, nTerminals, startCursor, &error, wards)) {
            std::fprintf(stderr, "sync_bench: enrolment failed: %s\n", qPrintable(error.message()));
            return 2;
        }
        load.addRecordsToPush(hub, seconds / 3 + 2);
        BenchReport::info("sync_concurrent_setup_s", t.elapsed() / 1000.0, "s");
        auto backendConnections = [&] { return front ? front->sessions(1).total + front->sessions(2).total : 0; };
        const int connectionsBefore = backendConnections();
        const TerminalLoad::Result result = asio            ? load.runOverAsio(seconds, intervalMs)
                                            : processes > 1 ? load.runInProcesses(processes, app.applicationFilePath(), seconds, intervalMs)
                                                            : load.run(seconds, intervalMs);
        if (front)
            BenchReport::info("sync_concurrent_new_connections", backendConnections() - connectionsBefore, "connections");
        for (const QString& e : result.errorSamples)
            std::fprintf(stderr, "sync_bench: error: %s\n", qPrintable(e));
        const qint64 errors = result.errors;
        BenchReport::info("sync_concurrent_terminals", nTerminals, "terminals");
        BenchReport::info("sync_concurrent_load_processes", processes, "processes");
        BenchReport::info("sync_concurrent_load_on_one_asio_thread", asio ? 1 : 0, "flag");
        BenchReport::info("sync_concurrent_seconds", seconds, "s");
        BenchReport::info("sync_concurrent_requests_per_s", result.requests / result.seconds, "req/s");
        BenchReport::info("sync_concurrent_p50_ms", BenchReport::percentile(result.latenciesMs, 0.50), "ms");
        BenchReport::info("sync_concurrent_interval_ms", intervalMs, "ms");
        BenchReport::info("sync_concurrent_wards", nWards, "wards");
        if (haproxy)
            report.figure("sync_concurrent_p95_ms", BenchReport::percentile(result.latenciesMs, 0.95), "ms", BenchReport::Op::AtMost, 200);
        else
            BenchReport::info("sync_concurrent_p95_ms", BenchReport::percentile(result.latenciesMs, 0.95), "ms");
        BenchReport::info("sync_concurrent_max_ms", BenchReport::percentile(result.latenciesMs, 1.0), "ms");
        BenchReport::info("sync_concurrent_pull_p95_ms", BenchReport::percentile(result.pullMs, 0.95), "ms");
        BenchReport::info("sync_concurrent_push_p95_ms", BenchReport::percentile(result.pushMs, 0.95), "ms");
        BenchReport::info("sync_load_generator_lag_p50_ms", BenchReport::percentile(result.loopLagMs, 0.50), "ms");
        BenchReport::info("sync_load_generator_lag_p95_ms", BenchReport::percentile(result.loopLagMs, 0.95), "ms");
        {
            QByteArray log = hub.process().readLog();
            if (secondHub)
                log += secondHub->readAllStandardError();
            const QList<double> hubMs = hubRequestMs(log, main.identity.terminalId.toUtf8());
            BenchReport::info("sync_concurrent_hub_requests", hubMs.size(), "requests");
            BenchReport::info("sync_concurrent_hub_p50_ms", BenchReport::percentile(hubMs, 0.50), "ms");
            BenchReport::info("sync_concurrent_hub_p95_ms", BenchReport::percentile(hubMs, 0.95), "ms");
        }
        report.figure("sync_concurrent_errors", static_cast<double>(errors), "errors", BenchReport::Op::AtMost, 0);
        rc = report.exitCode();
        if (secondHub) {
            secondHub->terminate();
            secondHub->waitForFinished(15000);
        }
    }
    return rc;
}
