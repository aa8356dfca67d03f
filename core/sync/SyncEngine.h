#pragma once

#include "crypto/CmsVerifier.h"
#include "crypto/TimestampVerifier.h"
#include "policy/SignedPolicy.h"
#include "sync/ClockSkewMonitor.h"
#include "sync/HubReplica.h"
#include "sync/HubReply.h"
#include "sync/PushQueue.h"
#include "sync/SyncStatus.h"

#include <QObject>
#include <QThreadPool>
#include <memory>
#include <optional>

class QTimer;

namespace ward {

class HubClient;
class Vault;
struct PulledPage;

// Keeps the vault and the hub in step, in the background (issue 3):
//  - push: the PushQueue (confirmed versions owed to the hub), in batches; the hub's per-record verdicts are
//    kept, its RFC 3161 tokens checked and stored on the versions; rejected versions are audited;
//  - pull: the hub's change feed from the stored cursor, page by page: patients, record versions (each
//    verified on arrival — signature, author, timestamp token, version chain — before it is stored; invalid
//    ones are rejected and audited, never stored), directory and policy (CFG-2: only a version the hub signed,
//    valid and newer than the one in force; a refusal is audited and reported to the hub);
//  - offline: exponential backoff, nothing lost (the queue and the cursor live in the vault);
//  - clock: the skew against the hub's X-Ward-Time, warned about once per crossing of the policy threshold
//    (AUD-3), with an audit entry.
//
// Threading: the engine does its vault work on the thread it lives in, and waits for the network only
// through callbacks; signature checks run on its own worker pool. Give it its own Vault connection
// (Vault::openWithKey) and move it, with its HubClient, to a sync thread so the UI never waits on a page
// being stored.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultPageSize = 500;
    static constexpr int kDefaultPushBatch = 200; // the hub takes at most 1,000 per request
    static constexpr int kDefaultPollMs = 30000;
    static constexpr int kDefaultBackoffMinMs = 1000;
    static constexpr int kDefaultBackoffMaxMs = 5 * 60 * 1000;

    SyncEngine(Vault& vault, HubClient& client, QObject* parent = nullptr);
    ~SyncEngine() override;

    void setPageSize(int items) { m_pageSize = items; }
    void setPushBatchSize(int records) { m_pushBatch = records; }
    void setPollIntervalMs(int ms) { m_pollMs = ms; }
    void setBackoffRangeMs(int minMs, int maxMs);
    // Who sync's audit entries name as the user (a system actor, not a person).
    void setActor(const QString& actor) { m_actor = actor; }
    // Threads for signature and token checks of pulled pages (default: one per core).
    void setVerifierThreads(int threads) { m_verifiers.setMaxThreadCount(qMax(1, threads)); }

    // Runs a cycle now and then keeps syncing: every poll interval while online, with backoff while not.
    void start();
    void stop();
    // One cycle (push everything queued, then pull until the feed is exhausted); coalesces with a running one.
    void syncNow();
    // A version confirmed on this terminal, owed to the hub. Durable once this returns.
    void enqueue(const QString& recordId, int version);

    SyncStatus status() const { return m_status; }
    bool isBusy() const { return m_busy; }
    int currentBackoffMs() const { return m_backoffMs; }
    ClockSkewMonitor& clockSkew() { return m_skew; }
    PushQueue& queue() { return m_queue; }
    HubReplica& replica() { return m_replica; }
    // Versions stored by pulls since construction (for the status line and benchmarks).
    qint64 pulledRecords() const { return m_pulledRecords; }

signals:
    void statusChanged(const ward::SyncStatus& status);
    void cycleFinished(bool ok);
    void syncFailed(const ward::SyncError& error);
    void clockSkewWarning(qint64 skewMs);
    void recordRejected(const QString& recordId, int version, const QString& reason);
    // Versions or timestamp tokens of these patients' records were stored (a push was answered, a pull brought
    // newer versions): what a chart on screen shows of them may have changed (sync state, badge, content).
    void recordsChanged(const QStringList& patientIds);
    // CFG-2: a policy version from the hub was refused (code: SignedPolicy::refusalCode); the last good one stays.
    void policyRefused(int version, const QString& code, const QString& message);

private:
    void pushNext();
    void onPushed(const HubReply& reply, const QList<PushQueue::Entry>& sent);
    void pullNext();
    void fetchPage(qint64 cursor);
    void onPulled(const HubReply& reply, qint64 cursor);
    void applyReadyPages();
    bool applyPage(const std::shared_ptr<PulledPage>& page);
    void failPull(SyncError error);
    void finishCycle(const SyncError& error);
    void scheduleNext(int ms);
    void updateStatus();
    void audit(const QString& action, const QString& patient, const QString& object, const QString& outcome,
               const QJsonObject& detail);
    void applyPolicy(const QJsonObject& policy);
    void refusePolicy(int version, const SignedPolicy::Verdict& verdict);

    Vault& m_vault;
    HubClient& m_client;
    PushQueue m_queue;
    HubReplica m_replica;
    ClockSkewMonitor m_skew;
    SyncStatus m_status;    // being updated by the running cycle
    SyncStatus m_published; // as last sent with statusChanged
    QTimer* m_timer;
    QString m_actor = QStringLiteral("sync");
    int m_pageSize = kDefaultPageSize;
    int m_pushBatch = kDefaultPushBatch;
    int m_pollMs = kDefaultPollMs;
    int m_backoffMinMs = kDefaultBackoffMinMs;
    int m_backoffMaxMs = kDefaultBackoffMaxMs;
    int m_backoffMs = 0;
    bool m_running = false;
    bool m_busy = false;
    bool m_again = false;
    qint64 m_pulledRecords = 0;
    // The pull in progress: pages fetched and not yet stored, in feed order, at most kPagesAhead of them.
    static constexpr int kPagesAhead = 2;
    QList<std::shared_ptr<PulledPage>> m_pages;
    bool m_fetching = false;
    std::optional<SyncError> m_fetchError; // a later page could not be fetched: stored so far, then the cycle fails
    quint64 m_pullEpoch = 0; // bumped when a pull starts or fails: answers and checks of an older one are dropped
    SyncError::Kind m_lastAuditedError = SyncError::Kind::None;
    // Last member: destroyed first, so its destructor waits for running signature checks.
    // Built once from the hub CA (fixed for the client's lifetime) and shared by the worker threads: each staff
    // and TSA certificate is decoded and chain-checked once per engine, not once per record (pull budget ≤ 60 s).
    CmsVerifier m_signatureVerifier;
    TimestampVerifier m_timestampVerifier;
    QThreadPool m_verifiers;
};

} // namespace ward
