#include "TerminalLoad.h"

#include "AsioTerminalLoad.h"

#include "crypto/KeyPair.h"
#include "crypto/Random.h"
#include "sync/HubClient.h"
#include "sync/IncomingRecord.h"
#include "sync/TerminalIdentity.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <QJsonArray>
#include <QTest>
#include <QTimer>

namespace ward::bench {

struct TerminalLoad::Terminal
{
    std::unique_ptr<synctest::SyncTerminal> terminal; // enrolled here (its directory holds the identity)
    std::unique_ptr<HubClient> client;
    WardPatient ward;
    qint64 cursor = 0;
    QList<RecordVersion> toPush;
    QList<QJsonObject> pushJson; // in a load worker: the same versions as the parent made them
    int cycle = 0;
};

TerminalLoad::TerminalLoad() = default;
TerminalLoad::~TerminalLoad() = default;

void TerminalLoad::fitLoopbackTerminals(synctest::SyncTestHub& hub, int count)
{
    hub.configureServer([count](ward::hub::HubConfig& c) { c.maxConnectionsPerAddress = qMax(c.maxConnectionsPerAddress, 2 * count + 16); });
}

QByteArray TerminalLoad::noteText(int i)
{
    return QStringLiteral("体温 36.%1 ℃ 測定、著変なし %2")
        .arg(i % 10)
        .arg(i)
        .toUtf8();
}

QJsonObject TerminalLoad::pushJson(const RecordVersion& r)
{
    return {{QStringLiteral("recordId"), r.recordId}, {QStringLiteral("version"), r.version},
            {QStringLiteral("patientId"), r.patientId}, {QStringLiteral("type"), IncomingRecord::typeToHub(r.type)},
            {QStringLiteral("ward"), r.compartment}, {QStringLiteral("author"), r.author},
            {QStringLiteral("prevHash"), QString()}, {QStringLiteral("body"), QString::fromLatin1(r.body.toBase64())},
            {QStringLiteral("signature"), QString::fromLatin1(r.signature.toBase64())}};
}

bool TerminalLoad::enrol(synctest::SyncTestHub& hub, int count, qint64 startCursor, SyncError* error, const QList<WardPatient>& wards)
{
    for (int i = 0; i < count; ++i) {
        auto t = std::make_shared<Terminal>();
        t->ward = wards.at(i % wards.size());
        t->terminal = std::make_unique<synctest::SyncTerminal>();
        if (!t->terminal->enrol(hub, t->ward.ward, hub.caFingerprintHex(), error))
            return false;
        t->client = std::make_unique<HubClient>(t->terminal->identity.hubUrl, t->terminal->identity.hubCa);
        t->client->setClientIdentity(t->terminal->identity.certificate, *t->terminal->identity.key);
        t->cursor = startCursor;
        m_terminals << t;
    }
    return true;
}

void TerminalLoad::addRecordsToPush(const synctest::SyncTestHub& hub, int perTerminal)
{
    for (auto& t : m_terminals)
        for (int k = 0; k < perTerminal; ++k)
            t->toPush << hub.makeRecord(t->ward.patient, noteText(1000000 + m_recordsMade++), nullptr, t->ward.ward);
}

// Shared with every pending callback: after `draining` no new request starts; after `closed` (run() returned)
// a late reply or timer touches nothing else.
struct TerminalLoad::RunState
{
    Result result;
    int intervalMs = 1000;
    bool draining = false;
    bool closed = false;
};

void TerminalLoad::cycle(const std::shared_ptr<RunState>& state, const std::shared_ptr<Terminal>& t)
{
    if (state->draining)
        return;
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    auto done = [state, t, started](const HubReply& r, bool more, bool push) {
        if (state->closed)
            return;
        Result& result = state->result;
        const double ms = started->nsecsElapsed() / 1e6;
        result.latenciesMs << ms;
        (push ? result.pushMs : result.pullMs) << ms;
        ++result.requests;
        if (!r.ok()) {
            ++result.errors;
            if (result.errorSamples.size() < 5)
                result.errorSamples << SyncError::kindName(r.error.kind()) + QLatin1Char(' ') + r.error.message();
        }
        const int jitter = static_cast<int>(Random::bytes(1).at(0) & 0x7f);
        QTimer::singleShot(more ? 0 : state->intervalMs + jitter, [state, t] { cycle(state, t); });
    };
    if (++t->cycle % 3 == 0 && (!t->toPush.isEmpty() || !t->pushJson.isEmpty())) {
        const QJsonObject r = t->pushJson.isEmpty() ? pushJson(t->toPush.takeFirst()) : t->pushJson.takeFirst();
        t->client->postJson(QStringLiteral("/api/v1/records"), {{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), QJsonArray{r}}},
                                      [done](const HubReply& reply) { done(reply, false, true); });
    } else {
        t->client->get(QStringLiteral("/api/v1/changes?cursor=%1&limit=500").arg(t->cursor), [done, t](const HubReply& reply) {
            if (reply.ok())
                t->cursor = static_cast<qint64>(reply.json.value(QStringLiteral("nextCursor")).toDouble());
            done(reply, reply.ok() && reply.json.value(QStringLiteral("hasMore")).toBool(), false);
        });
    }
}

TerminalLoad::Result TerminalLoad::run(int seconds, int intervalMs)
{
    QList<int> starts;
    for (int i = 0; i < m_terminals.size(); ++i)
        starts << static_cast<int>(qint64(i) * intervalMs / qMax(1, static_cast<int>(m_terminals.size())));
    return runStarts(seconds, intervalMs, starts);
}

TerminalLoad::Result TerminalLoad::runStarts(int seconds, int intervalMs, const QList<int>& startMs)
{
    auto state = std::make_shared<RunState>();
    state->intervalMs = intervalMs;
    for (int i = 0; i < m_terminals.size(); ++i)
        QTimer::singleShot(startMs.value(i), [state, t = m_terminals[i]] { cycle(state, t); });
    QElapsedTimer run;
    run.start();
    QTimer lag;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QObject::connect(&lag, &QTimer::timeout, [&] {
        state->result.loopLagMs << qMax(0.0, sinceTick.nsecsElapsed() / 1e6 - 10.0);
        sinceTick.restart();
    });
    lag.setTimerType(Qt::PreciseTimer);
    lag.start(10);
    QTest::qWait(seconds * 1000);
    lag.stop();
    state->draining = true;
    state->result.seconds = run.elapsed() / 1000.0;
    QTest::qWait(3000); // requests in flight finish (and count)
    state->closed = true;
    return state->result;
}

TerminalLoad::Result TerminalLoad::runOverAsio(int seconds, int intervalMs)
{
    if (m_terminals.isEmpty())
        return {};
    const TerminalIdentity& first = m_terminals.first()->terminal->identity;
    QList<AsioTerminalLoad::Terminal> terminals;
    const int n = static_cast<int>(m_terminals.size());
    for (int i = 0; i < n; ++i) {
        const Terminal& t = *m_terminals.at(i);
        AsioTerminalLoad::Terminal a;
        a.certificatePem = t.terminal->identity.certificate.toPem();
        a.keyPem = t.terminal->identity.key->privatePem().toQByteArrayUnsafe();
        a.cursor = t.cursor;
        for (const RecordVersion& r : t.toPush)
            a.pushBodies << QJsonDocument(QJsonObject{{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), QJsonArray{pushJson(r)}}})
                                .toJson(QJsonDocument::Compact);
        a.startMs = static_cast<int>(qint64(i) * intervalMs / n);
        terminals << a;
    }
    return AsioTerminalLoad::run(first.hubUrl.host(), first.hubUrl.port(), first.hubCa.toPem(), std::move(terminals), seconds, intervalMs);
}

namespace {

QJsonArray numbers(const QList<double>& values)
{
    QJsonArray out;
    for (double v : values)
        out.append(v);
    return out;
}

QList<double> numbers(const QJsonValue& v)
{
    QList<double> out;
    for (const QJsonValue& x : v.toArray())
        out << x.toDouble();
    return out;
}

bool writeJson(const QString& path, const QJsonObject& o)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) > 0;
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

} // namespace

QJsonObject TerminalLoad::toJson(const Result& r)
{
    return {{QStringLiteral("latencies"), numbers(r.latenciesMs)}, {QStringLiteral("pull"), numbers(r.pullMs)},
            {QStringLiteral("push"), numbers(r.pushMs)}, {QStringLiteral("lag"), numbers(r.loopLagMs)}, {QStringLiteral("requests"), r.requests},
            {QStringLiteral("errors"), r.errors}, {QStringLiteral("errorSamples"), QJsonArray::fromStringList(r.errorSamples)},
            {QStringLiteral("seconds"), r.seconds}};
}

TerminalLoad::Result TerminalLoad::fromJson(const QJsonObject& o)
{
    Result r;
    r.latenciesMs = numbers(o.value(QStringLiteral("latencies")));
    r.pullMs = numbers(o.value(QStringLiteral("pull")));
    r.pushMs = numbers(o.value(QStringLiteral("push")));
    r.loopLagMs = numbers(o.value(QStringLiteral("lag")));
    r.requests = o.value(QStringLiteral("requests")).toInteger();
    r.errors = o.value(QStringLiteral("errors")).toInteger();
    for (const QJsonValue& e : o.value(QStringLiteral("errorSamples")).toArray())
        r.errorSamples << e.toString();
    r.seconds = o.value(QStringLiteral("seconds")).toDouble();
    return r;
}

TerminalLoad::Result TerminalLoad::runInProcesses(int processes, const QString& program, int seconds, int intervalMs)
{
    Result merged;
    QTemporaryDir dir;
    QList<std::shared_ptr<QProcess>> children;
    const int n = static_cast<int>(m_terminals.size());
    for (int p = 0; p < processes; ++p) {
        QJsonArray terminals;
        for (int i = p; i < n; i += processes) {
            const Terminal& t = *m_terminals.at(i);
            QJsonArray push;
            for (const RecordVersion& r : t.toPush)
                push.append(pushJson(r));
            terminals.append(QJsonObject{{QStringLiteral("dir"), t.terminal->dataDir()}, {QStringLiteral("cursor"), t.cursor},
                                         {QStringLiteral("startMs"), static_cast<qint64>(qint64(i) * intervalMs / qMax(1, n))},
                                         {QStringLiteral("push"), push}});
        }
        const QString job = dir.filePath(QStringLiteral("job-%1.json").arg(p));
        writeJson(job, {{QStringLiteral("seconds"), seconds}, {QStringLiteral("intervalMs"), intervalMs}, {QStringLiteral("terminals"), terminals}});
        auto child = std::make_shared<QProcess>();
        child->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child->start(program, {QStringLiteral("--load-worker"), job, dir.filePath(QStringLiteral("result-%1.json").arg(p))});
        children << child;
    }
    // Waits on the event loop, not in waitForFinished: the hub processes' logs (read by this process's
    // QProcess objects) must keep flowing, or a full pipe stalls the hub.
    QElapsedTimer waited;
    waited.start();
    auto running = [&] {
        return std::any_of(children.begin(), children.end(), [](const auto& c) { return c->state() != QProcess::NotRunning; });
    };
    while (running() && waited.elapsed() < (seconds + 120) * 1000LL)
        QTest::qWait(100);
    for (int p = 0; p < processes; ++p) {
        QProcess& child = *children.at(p);
        const bool finished = child.state() == QProcess::NotRunning;
        const QJsonObject o = readJson(dir.filePath(QStringLiteral("result-%1.json").arg(p)));
        if (!finished || child.exitCode() != 0 || o.isEmpty()) {
            child.kill();
            ++merged.errors;
            merged.errorSamples << QStringLiteral("load process %1 failed").arg(p);
            continue;
        }
        const Result r = fromJson(o);
        merged.latenciesMs += r.latenciesMs;
        merged.pullMs += r.pullMs;
        merged.pushMs += r.pushMs;
        merged.loopLagMs += r.loopLagMs;
        merged.requests += r.requests;
        merged.errors += r.errors;
        merged.errorSamples += r.errorSamples.mid(0, qMax(0, 5 - static_cast<int>(merged.errorSamples.size())));
        merged.seconds = qMax(merged.seconds, r.seconds);
    }
    return merged;
}

int TerminalLoad::runWorker(const QString& jobPath, const QString& resultPath)
{
    const QJsonObject job = readJson(jobPath);
    TerminalLoad load;
    QList<int> starts;
    for (const QJsonValue& v : job.value(QStringLiteral("terminals")).toArray()) {
        const QJsonObject o = v.toObject();
        QString error;
        const std::optional<TerminalIdentity> identity = TerminalIdentity::load(o.value(QStringLiteral("dir")).toString(), &error);
        if (!identity) {
            std::fprintf(stderr, "load worker: %s\n", qPrintable(error));
            return 2;
        }
        auto t = std::make_shared<Terminal>();
        t->client = std::make_unique<HubClient>(identity->hubUrl, identity->hubCa);
        t->client->setClientIdentity(identity->certificate, *identity->key);
        t->cursor = o.value(QStringLiteral("cursor")).toInteger();
        for (const QJsonValue& r : o.value(QStringLiteral("push")).toArray())
            t->pushJson << r.toObject();
        starts << o.value(QStringLiteral("startMs")).toInt();
        load.m_terminals << t;
    }
    const Result r = load.runStarts(job.value(QStringLiteral("seconds")).toInt(), job.value(QStringLiteral("intervalMs")).toInt(), starts);
    return writeJson(resultPath, toJson(r)) ? 0 : 2;
}

} // namespace ward::bench
