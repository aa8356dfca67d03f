#pragma once

// T simulated ward terminals syncing against a SyncTestHub hub (used by sync_bench and hub_flood_bench): each has
// its own certificate and connection, pulls /changes every interval (plus jitter; at once again while hasMore) and
// pushes one new signed version every third cycle. Latency is per request, as the terminal sees it.

#include "SyncTestHub.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <memory>

namespace ward::bench {

class TerminalLoad
{
public:
    struct Result
    {
        QList<double> latenciesMs;
        QList<double> pullMs, pushMs; // the same latencies by kind
        // How late a 10-ms timer of this process fires during the run: the load generator's own queueing, which
        // every latency above includes.
        QList<double> loopLagMs;
        qint64 requests = 0;
        qint64 errors = 0;
        QStringList errorSamples; // the first few errors, for the report
        double seconds = 0;
    };

    TerminalLoad();
    ~TerminalLoad();

    // A ward and the patient its terminals write for.
    struct WardPatient
    {
        QString ward;
        QString patient;
    };
    // Enrols `count` terminals, terminal i in wards[i % wards.size()] (default: all in W3, writing for P0002), each
    // pulling from `startCursor`; false (and *error) on failure.
    bool enrol(synctest::SyncTestHub& hub, int count, qint64 startCursor, SyncError* error,
               const QList<WardPatient>& wards = {{QStringLiteral("W3"), QStringLiteral("P0002")}});
    // Gives every terminal `perTerminal` more signed versions (its ward's patient) to push.
    void addRecordsToPush(const synctest::SyncTestHub& hub, int perTerminal);
    // Runs the load for `seconds` on this thread's event loop, each terminal syncing every `intervalMs` (plus up to
    // 127 ms of jitter; the starts spread over the first interval), then lets requests in flight finish.
    Result run(int seconds, int intervalMs = 1000);
    // The same load from `processes` child processes (`program --load-worker JOB RESULT`, see runWorker), terminal
    // i in process i % processes, with the same start times; the results merged (a failed child counts as an
    // error). Tells the load generator's own queueing (thousands of Qt clients, each with its own thread, in one
    // process) apart from the hub's: docs/PERFORMANCE.md.
    Result runInProcesses(int processes, const QString& program, int seconds, int intervalMs);
    // The same load from AsioTerminalLoad: the same requests over each terminal's own mutual-TLS connection, all from
    // one thread instead of one Qt client thread per terminal, so that thousands of them measure the hub.
    Result runOverAsio(int seconds, int intervalMs);
    // The child's side: reads JOB (terminal directories, cursors, records to push, start times), runs the load,
    // writes RESULT; the exit code says whether it could.
    static int runWorker(const QString& jobPath, const QString& resultPath);

    // Every simulated terminal connects from 127.0.0.1, where a ward has one address per terminal: raises the
    // hub's per-address connection cap to fit `count` of them (call before hub.setUp()).
    static void fitLoopbackTerminals(synctest::SyncTestHub& hub, int count);
    // A small FHIR-like observation body, distinct for each i.
    static QByteArray noteText(int i);
    // One version as POST /api/v1/records carries it.
    static QJsonObject pushJson(const RecordVersion& r);

private:
    struct Terminal;
    struct RunState;
    static QJsonObject toJson(const Result& r);
    static Result fromJson(const QJsonObject& o);
    Result runStarts(int seconds, int intervalMs, const QList<int>& startMs);
    static void cycle(const std::shared_ptr<RunState>& state, const std::shared_ptr<Terminal>& t);
    QList<std::shared_ptr<Terminal>> m_terminals;
    int m_recordsMade = 0;
};

} // namespace ward::bench
