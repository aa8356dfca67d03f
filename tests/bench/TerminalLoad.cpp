#include "TerminalLoad.h"

#include "crypto/Random.h"
#include "sync/HubClient.h"
#include "sync/IncomingRecord.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>
#include <QTimer>

namespace ward::bench {

struct TerminalLoad::Terminal
{
    std::unique_ptr<synctest::SyncTerminal> terminal;
    WardPatient ward;
    qint64 cursor = 0;
    QList<RecordVersion> toPush;
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
        t->terminal->client = std::make_unique<HubClient>(t->terminal->identity.hubUrl, t->terminal->identity.hubCa);
        t->terminal->client->setClientIdentity(t->terminal->identity.certificate, *t->terminal->identity.key);
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
    auto done = [state, t, started](const HubReply& r, bool more) {
        if (state->closed)
            return;
        Result& result = state->result;
        result.latenciesMs << started->nsecsElapsed() / 1e6;
        ++result.requests;
        if (!r.ok()) {
            ++result.errors;
            if (result.errorSamples.size() < 5)
                result.errorSamples << SyncError::kindName(r.error.kind()) + QLatin1Char(' ') + r.error.message();
        }
        const int jitter = static_cast<int>(Random::bytes(1).at(0) & 0x7f);
        QTimer::singleShot(more ? 0 : state->intervalMs + jitter, [state, t] { cycle(state, t); });
    };
    if (++t->cycle % 3 == 0 && !t->toPush.isEmpty()) {
        const RecordVersion r = t->toPush.takeFirst();
        t->terminal->client->postJson(QStringLiteral("/api/v1/records"),
                                      {{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), QJsonArray{pushJson(r)}}},
                                      [done](const HubReply& reply) { done(reply, false); });
    } else {
        t->terminal->client->get(QStringLiteral("/api/v1/changes?cursor=%1&limit=500").arg(t->cursor), [done, t](const HubReply& reply) {
            if (reply.ok())
                t->cursor = static_cast<qint64>(reply.json.value(QStringLiteral("nextCursor")).toDouble());
            done(reply, reply.ok() && reply.json.value(QStringLiteral("hasMore")).toBool());
        });
    }
}

TerminalLoad::Result TerminalLoad::run(int seconds, int intervalMs)
{
    auto state = std::make_shared<RunState>();
    state->intervalMs = intervalMs;
    for (int i = 0; i < m_terminals.size(); ++i)
        QTimer::singleShot(static_cast<int>(qint64(i) * intervalMs / qMax(1, static_cast<int>(m_terminals.size()))),
                           [state, t = m_terminals[i]] { cycle(state, t); });
    QElapsedTimer run;
    run.start();
    QTest::qWait(seconds * 1000);
    state->draining = true;
    state->result.seconds = run.elapsed() / 1000.0;
    QTest::qWait(3000); // requests in flight finish (and count)
    state->closed = true;
    return state->result;
}

} // namespace ward::bench
