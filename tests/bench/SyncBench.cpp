// sync_bench: the sync client and wardhub together on loopback mutual TLS (DESIGN performance budget):
//   - hub ingest throughput (records/s, pushed in batches of 1,000 by one terminal),
//   - initial pull of N record versions into an empty SQLCipher vault (verification on arrival included),
//   - incremental pull of 100,
//   - T simulated terminals syncing concurrently (pull + occasional push) for S seconds: errors and p95 latency.
// Options: --records N (default 100000) --terminals T (default 200) --seconds S (default 60)
//          --pg (run the hub on a throw-away PostgreSQL 15 started with tests/integration/pg-fixture.sh)

#include "BenchReport.h"
#include "SyncTestHub.h"

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
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdio>

using namespace ward;
using namespace ward::bench;
using namespace synctest;

namespace {

QByteArray body(int i)
{
    return QStringLiteral("体温 36.%1 ℃ 測定、著変なし %2")
        .arg(i % 10)
        .arg(i)
        .toUtf8();
}

int intOption(const QStringList& args, const char* name, int fallback)
{
    const int i = args.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

QJsonObject pushJson(const RecordVersion& r)
{
    return {{QStringLiteral("recordId"), r.recordId}, {QStringLiteral("version"), r.version},
            {QStringLiteral("patientId"), r.patientId}, {QStringLiteral("type"), IncomingRecord::typeToHub(r.type)},
            {QStringLiteral("ward"), r.compartment}, {QStringLiteral("author"), r.author},
            {QStringLiteral("prevHash"), QString()}, {QStringLiteral("body"), QString::fromLatin1(r.body.toBase64())},
            {QStringLiteral("signature"), QString::fromLatin1(r.signature.toBase64())}};
}

// One simulated ward terminal: its own certificate and connection, a pull every `thinkMs`, a push of one
// new signed version every third cycle.
struct SimulatedTerminal
{
    std::unique_ptr<SyncTerminal> terminal;
    qint64 cursor = 0;
    QList<RecordVersion> toPush;
    int cycle = 0;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int nRecords = intOption(args, "--records", 100000);
    const int nTerminals = intOption(args, "--terminals", 200);
    const int seconds = intOption(args, "--seconds", 60);
    const bool pg = args.contains(QStringLiteral("--pg"));
    BenchReport report;

    QTemporaryDir pgDir;
    const QString pgPort = QStringLiteral("55491");
    if (pg) {
        const QString fixture = QStringLiteral(WARD_SOURCE_DIR "/tests/integration/pg-fixture.sh");
        if (QProcess::execute(fixture, {QStringLiteral("start"), pgDir.path(), pgPort}) != 0) {
            std::fprintf(stderr, "sync_bench: PostgreSQL did not start\n");
            return 2;
        }
        qputenv("WARD_HUB_TEST_PG", (pgDir.path() + QStringLiteral("/sock:") + pgPort).toLocal8Bit());
    }
    int rc = 0;
    {
        SyncTestHub hub(QStringLiteral("sync_bench"));
        // Each kept-alive connection holds one hub worker thread (cpp-httplib): room for every terminal.
        hub.setServerThreads(qMin(512, nTerminals + 16));
        if (!hub.setUp()) {
            std::fprintf(stderr, "sync_bench: hub setup failed\n");
            return 2;
        }
        BenchReport::info(pg ? "sync_hub_on_postgresql" : "sync_hub_on_sqlite", 1, "flag");

        // Signed versions, made as the chart would (signing is the author's cost, not measured as ingest).
        QElapsedTimer t;
        t.start();
        QList<RecordVersion> records;
        records.reserve(nRecords);
        for (int i = 0; i < nRecords; ++i)
            records << hub.makeRecord(i % 2 ? QStringLiteral("P0001") : QStringLiteral("P0002"), body(i));
        BenchReport::info("sync_sign_records_per_s", nRecords / (t.elapsed() / 1000.0), "records/s");

        // Initial pull into an empty vault.
        SyncTerminal main;
        if (!main.enrol(hub, QStringLiteral("W3"), hub.caFingerprintHex()) || !main.openVaultAndEngine()) {
            std::fprintf(stderr, "sync_bench: enrolment failed\n");
            return 2;
        }
        main.engine->setPageSize(1000);
        const int verifiers = intOption(args, "--verifiers", 0);
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
                    batch.append(pushJson(r));
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
        report.figure(pg ? "sync_hub_ingest_postgresql" : "sync_hub_ingest_sqlite", nRecords / ingestSecs, "records/s",
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
        report.figure("sync_initial_pull_s", pullSecs, "s", BenchReport::Op::AtMost, 60.0 * nRecords / 100000.0);
        BenchReport::info("sync_initial_pull_records", nRecords, "records");
        BenchReport::info("sync_initial_pull_rate", nRecords / pullSecs, "records/s");

        // Incremental pull of 100.
        QList<RecordVersion> more;
        for (int i = 0; i < 100; ++i)
            more << hub.makeRecord(QStringLiteral("P0001"), body(nRecords + i));
        if (!hub.pushFromOtherTerminal(more))
            return 2;
        t.restart();
        const bool incremental = main.syncOnce(&error);
        const double incSecs = t.elapsed() / 1000.0;
        if (!incremental || main.vault->records().count() != nRecords + 100)
            return 2;
        report.figure("sync_incremental_pull_100_s", incSecs, "s", BenchReport::Op::AtMost, 1.0);
        const qint64 startCursor = main.engine->replica().cursor();
        main.engine.reset();
        main.vault.reset();

        // Concurrent terminals.
        t.restart();
        QList<std::shared_ptr<SimulatedTerminal>> sims;
        for (int i = 0; i < nTerminals; ++i) {
            auto sim = std::make_shared<SimulatedTerminal>();
            sim->terminal = std::make_unique<SyncTerminal>();
            if (!sim->terminal->enrol(hub, QStringLiteral("W3"), hub.caFingerprintHex(), &error)) {
                std::fprintf(stderr, "sync_bench: enrolment %d failed: %s\n", i, qPrintable(error.message()));
                return 2;
            }
            sim->terminal->client = std::make_unique<ward::HubClient>(sim->terminal->identity.hubUrl, sim->terminal->identity.hubCa);
            sim->terminal->client->setClientIdentity(sim->terminal->identity.certificate, *sim->terminal->identity.key);
            sim->cursor = startCursor;
            for (int k = 0; k < seconds / 3 + 2; ++k)
                sim->toPush << hub.makeRecord(QStringLiteral("P0002"), body(1000000 + i * 1000 + k));
            sims << sim;
        }
        BenchReport::info("sync_concurrent_setup_s", t.elapsed() / 1000.0, "s");

        QList<double> latencies;
        qint64 errors = 0, requests = 0;
        QStringList errorKinds;
        bool stopping = false;
        const int thinkMs = 1000;
        std::function<void(std::shared_ptr<SimulatedTerminal>)> cycle;
        cycle = [&](std::shared_ptr<SimulatedTerminal> sim) {
            if (stopping)
                return;
            auto started = std::make_shared<QElapsedTimer>();
            started->start();
            auto done = [&, sim, started](const HubReply& r, bool more) {
                latencies << started->nsecsElapsed() / 1e6;
                ++requests;
                if (!r.ok()) {
                    ++errors;
                    if (errorKinds.size() < 5)
                        errorKinds << SyncError::kindName(r.error.kind()) + QLatin1Char(' ') + r.error.message();
                }
                const int jitter = static_cast<int>(Random::bytes(1).at(0) & 0x7f);
                QTimer::singleShot(more ? 0 : thinkMs + jitter, [&, sim] { cycle(sim); });
            };
            if (++sim->cycle % 3 == 0 && !sim->toPush.isEmpty()) {
                const RecordVersion r = sim->toPush.takeFirst();
                sim->terminal->client->postJson(QStringLiteral("/api/v1/records"),
                                                {{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), QJsonArray{pushJson(r)}}},
                                                [done](const HubReply& reply) { done(reply, false); });
            } else {
                sim->terminal->client->get(QStringLiteral("/api/v1/changes?cursor=%1&limit=500").arg(sim->cursor),
                                           [done, sim](const HubReply& reply) {
                                               if (reply.ok())
                                                   sim->cursor = static_cast<qint64>(reply.json.value(QStringLiteral("nextCursor")).toDouble());
                                               done(reply, reply.ok() && reply.json.value(QStringLiteral("hasMore")).toBool());
                                           });
            }
        };
        for (int i = 0; i < sims.size(); ++i)
            QTimer::singleShot(i * thinkMs / qMax(1, nTerminals), [&, sim = sims[i]] { cycle(sim); });
        QElapsedTimer run;
        run.start();
        QTest::qWait(seconds * 1000);
        stopping = true;
        QTest::qWait(3000); // let requests in flight finish
        const double runSecs = run.elapsed() / 1000.0 - 3.0;
        for (const QString& e : errorKinds)
            std::fprintf(stderr, "sync_bench: error: %s\n", qPrintable(e));
        BenchReport::info("sync_concurrent_terminals", nTerminals, "terminals");
        BenchReport::info("sync_concurrent_seconds", seconds, "s");
        BenchReport::info("sync_concurrent_requests_per_s", requests / runSecs, "req/s");
        BenchReport::info("sync_concurrent_p50_ms", BenchReport::percentile(latencies, 0.50), "ms");
        BenchReport::info("sync_concurrent_p95_ms", BenchReport::percentile(latencies, 0.95), "ms");
        BenchReport::info("sync_concurrent_max_ms", BenchReport::percentile(latencies, 1.0), "ms");
        report.figure("sync_concurrent_errors", static_cast<double>(errors), "errors", BenchReport::Op::AtMost, 0);
        sims.clear();
        rc = report.exitCode();
    }
    if (pg)
        QProcess::execute(QStringLiteral(WARD_SOURCE_DIR "/tests/integration/pg-fixture.sh"), {QStringLiteral("stop"), pgDir.path(), pgPort});
    return rc;
}
