// hub_flood_bench (issue 10 item 5): T terminals syncing (TerminalLoad) first on a quiet hub, then while an
// attacker holds 1,000 idle + 100 slow connections (ConnectionFlood, reopening whatever the hub closes, as a
// persistent attacker would). A probe on its own thread measures GET /healthz over a fresh TLS connection every
// 500 ms. Budgets: /healthz ≤ 1 s, terminal p95 under the flood ≤ 2× the quiet p95, 0 errors. Quiet and attacked
// phases alternate (R rounds) so drifting load from elsewhere on a shared machine falls on both alike.
// Options: --terminals T (200) --seconds S (20 per phase) --rounds R (2) --records N (0: history pushed beforehand)

#include "BenchReport.h"
#include "ConnectionFlood.h"
#include "SyncTestHub.h"
#include "TerminalLoad.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace ward;
using namespace ward::bench;
using namespace synctest;

namespace {

// /healthz every 500 ms until stopped; latencies (ms) and failures.
class HealthProbe
{
public:
    explicit HealthProbe(quint16 port)
        : m_thread([this, port] {
            while (!m_stop) {
                const double ms = ConnectionFlood::probeHealthz(port, 5000);
                {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    if (ms < 0)
                        ++m_failures;
                    else
                        m_latencies << ms;
                }
                for (int i = 0; i < 25 && !m_stop; ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        })
    {
    }
    ~HealthProbe() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    QList<double> latencies() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_latencies;
    }
    int failures() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_failures;
    }

private:
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    QList<double> m_latencies;
    int m_failures = 0;
    std::thread m_thread;
};

void reportPhase(const char* phase, const TerminalLoad::Result& r)
{
    const auto name = [phase](const char* what) { return QByteArray("hub_flood_") + phase + what; };
    BenchReport::info(name("_requests_per_s").constData(), r.requests / qMax(1.0, r.seconds), "req/s");
    BenchReport::info(name("_p50_ms").constData(), BenchReport::percentile(r.latenciesMs, 0.50), "ms");
    BenchReport::info(name("_p95_ms").constData(), BenchReport::percentile(r.latenciesMs, 0.95), "ms");
    BenchReport::info(name("_max_ms").constData(), BenchReport::percentile(r.latenciesMs, 1.0), "ms");
    BenchReport::info(name("_errors").constData(), static_cast<double>(r.errors), "errors");
    for (const QString& e : r.errorSamples)
        std::fprintf(stderr, "hub_flood_bench: %s error: %s\n", phase, qPrintable(e));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int nTerminals = BenchReport::intOption(args, "--terminals", 200);
    const int seconds = BenchReport::intOption(args, "--seconds", 20);
    const int rounds = BenchReport::intOption(args, "--rounds", 2);
    const int nRecords = BenchReport::intOption(args, "--records", 0);
    BenchReport report;

    SyncTestHub hub(QStringLiteral("hub_flood_bench"));
    // The attacker's addresses keep the default cap; the terminals all share 127.0.0.1.
    TerminalLoad::fitLoopbackTerminals(hub, nTerminals);
    if (!hub.setUp()) {
        std::fprintf(stderr, "hub_flood_bench: hub setup failed\n");
        return 2;
    }
    const auto port = static_cast<quint16>(hub.process().port());
    // Something to pull: the ward's history, pushed by another terminal.
    QList<RecordVersion> history;
    for (int i = 0; i < nRecords; ++i)
        history << hub.makeRecord(i % 2 ? QStringLiteral("P0001") : QStringLiteral("P0002"), TerminalLoad::noteText(i));
    for (qsizetype i = 0; i < history.size(); i += 1000)
        if (!hub.pushFromOtherTerminal(history.mid(i, 1000))) {
            std::fprintf(stderr, "hub_flood_bench: seeding failed\n");
            return 2;
        }

    TerminalLoad load;
    SyncError error;
    if (!load.enrol(hub, nTerminals, 0, &error)) {
        std::fprintf(stderr, "hub_flood_bench: enrolment failed: %s\n", qPrintable(error.message()));
        return 2;
    }
    load.addRecordsToPush(hub, (10 + 2 * rounds * seconds) / 3 + 4);
    BenchReport::info("hub_flood_terminals", nTerminals, "terminals");
    BenchReport::info("hub_flood_seconds_per_phase", seconds, "s");
    BenchReport::info("hub_flood_rounds", rounds, "rounds");

    // Warm-up: every terminal catches up with what the hub holds, so the measured phases are steady-state syncing.
    load.run(10);

    TerminalLoad::Result quiet, attacked;
    QList<double> quietHealth, health;
    int healthFailures = 0, heldAtEnd = 0, closedByHub = 0;
    const auto merge = [](TerminalLoad::Result& into, const TerminalLoad::Result& r) {
        into.latenciesMs << r.latenciesMs;
        into.requests += r.requests;
        into.errors += r.errors;
        into.errorSamples << r.errorSamples;
        into.seconds += r.seconds;
    };
    for (int round = 0; round < rounds; ++round) {
        {
            HealthProbe probe(port);
            merge(quiet, load.run(seconds));
            probe.stop();
            quietHealth << probe.latencies();
        }
        ConnectionFlood flood(port, {1000, 50, 50, 50, true, 0});
        if (!flood.start()) {
            std::fprintf(stderr, "hub_flood_bench: the flood could not connect\n");
            return 2;
        }
        HealthProbe probe(port);
        merge(attacked, load.run(seconds));
        probe.stop();
        health << probe.latencies();
        healthFailures += probe.failures();
        heldAtEnd = flood.open();
        flood.stop();
        closedByHub += flood.closedByServer();
    }
    reportPhase("quiet", quiet);
    BenchReport::info("hub_flood_quiet_healthz_max_ms", BenchReport::percentile(quietHealth, 1.0), "ms");
    reportPhase("attacked", attacked);
    BenchReport::info("hub_flood_attacker_connections_open_at_end", heldAtEnd, "connections");
    BenchReport::info("hub_flood_attacker_connections_closed_by_hub", closedByHub, "connections");
    BenchReport::info("hub_flood_attacked_healthz_p50_ms", BenchReport::percentile(health, 0.5), "ms");
    BenchReport::info("hub_flood_attacked_healthz_probes", health.size(), "probes");

    const double quietP95 = BenchReport::percentile(quiet.latenciesMs, 0.95);
    const double attackedP95 = BenchReport::percentile(attacked.latenciesMs, 0.95);
    report.figure("hub_flood_healthz_max_ms", BenchReport::percentile(health, 1.0), "ms", BenchReport::Op::AtMost, 1000);
    report.figure("hub_flood_healthz_failures", healthFailures, "failures", BenchReport::Op::AtMost, 0);
    report.figure("hub_flood_terminal_p95_ratio", quietP95 > 0 ? attackedP95 / quietP95 : 0, "x", BenchReport::Op::AtMost, 2.0);
    report.figure("hub_flood_terminal_errors", static_cast<double>(attacked.errors), "errors", BenchReport::Op::AtMost, 0);
    return report.exitCode();
}
