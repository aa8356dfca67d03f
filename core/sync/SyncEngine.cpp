#include "sync/SyncEngine.h"

#include "audit/AuditLog.h"
#include "crypto/Digest.h"
#include "crypto/TimestampToken.h"
#include "policy/SignedPolicy.h"
#include "records/Patient.h"
#include "sync/EmergencyLetters.h"
#include "sync/HubClient.h"
#include "sync/IncomingRecord.h"
#include "util/Clock.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <atomic>

namespace ward {

namespace {

class SyncEngineText
{
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)
};

QString key(const QString& id, int version)
{
    return id + QLatin1Char('#') + QString::number(version);
}

SyncError storageError(const std::exception& e)
{
    return SyncError(SyncError::Kind::Storage, SyncEngineText::tr("The vault could not store what the hub sent (%1); sync will retry.")
                                                   .arg(QString::fromUtf8(e.what())));
}

SyncError malformed(const QString& what)
{
    return SyncError(SyncError::Kind::MalformedResponse, SyncEngineText::tr("The hub's answer is malformed (%1); nothing from it was stored.").arg(what));
}

struct Rejection
{
    QString recordId;
    int version;
    QString patientId;
    QString reason;
};

} // namespace

// One page of the change feed on its way into the vault.
struct PulledPage
{
    qint64 cursor = 0;
    qint64 nextCursor = 0;
    bool hasMore = false;
    QList<QJsonObject> others; // patients, directory, policy
    QList<QJsonObject> recordItems; // as the feed sent them; decoded into `records` on the verifier threads
    QList<IncomingRecord> records;
    std::atomic<int> pending{0};
    bool verified = false; // decoded and checked; ready to be stored once the pages before it are
};

SyncEngine::SyncEngine(Vault& vault, HubClient& client, QObject* parent)
    : QObject(parent)
    , m_vault(vault)
    , m_client(client)
    , m_queue(vault.database())
    , m_replica(vault.database())
    , m_timer(new QTimer(this))
    , m_signatureVerifier(QList<Certificate>{client.hubCa()})
    , m_timestampVerifier(QList<Certificate>{client.hubCa()})
{
    qRegisterMetaType<ward::SyncStatus>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(&m_client, &HubClient::hubTimeObserved, &m_skew, &ClockSkewMonitor::observe);
    connect(&m_skew, &ClockSkewMonitor::skewChanged, this, [this] { updateStatus(); });
    connect(&m_skew, &ClockSkewMonitor::thresholdExceeded, this, [this](qint64 skewMs) {
        // AUD-3: once per crossing, so a terminal that stays wrong does not flood the trail.
        audit(QStringLiteral("clock.skew"), QString(), QStringLiteral("hub"), QStringLiteral("warning"),
              {{QStringLiteral("skewMs"), skewMs}, {QStringLiteral("thresholdSecs"), m_skew.thresholdSecs()}});
        updateStatus();
        emit clockSkewWarning(skewMs);
    });
    connect(&m_skew, &ClockSkewMonitor::backWithinThreshold, this, [this](qint64 skewMs) {
        audit(QStringLiteral("clock.skew"), QString(), QStringLiteral("hub"), QStringLiteral("success"),
              {{QStringLiteral("skewMs"), skewMs}, {QStringLiteral("thresholdSecs"), m_skew.thresholdSecs()}});
        updateStatus();
    });
    m_verifiers.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    try {
        if (const auto policy = m_replica.currentPolicy())
            applyPolicy(*policy);
        m_status.lastSuccessfulSync = m_replica.lastSuccessfulSync();
        m_status.queueLength = m_queue.pendingCount();
    } catch (const VaultError&) {
        // The first cycle reports the vault's problem through the status.
    }
    m_published = m_status;
}

SyncEngine::~SyncEngine()
{
    m_verifiers.waitForDone();
}

void SyncEngine::setBackoffRangeMs(int minMs, int maxMs)
{
    m_backoffMinMs = qMax(1, minMs);
    m_backoffMaxMs = qMax(m_backoffMinMs, maxMs);
}

void SyncEngine::start()
{
    m_running = true;
    scheduleNext(0);
}

void SyncEngine::stop()
{
    m_running = false;
    m_timer->stop();
}

void SyncEngine::scheduleNext(int ms)
{
    if (m_running)
        m_timer->start(ms);
}

void SyncEngine::enqueue(const QString& recordId, int version)
{
    m_queue.enqueue(recordId, version);
    updateStatus();
    if (m_running && !m_busy && m_backoffMs == 0)
        scheduleNext(0);
}

void SyncEngine::syncNow()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    m_timer->stop();
    pushNext();
}

void SyncEngine::audit(const QString& action, const QString& patient, const QString& object, const QString& outcome,
                       const QJsonObject& detail)
{
    try {
        m_vault.audit().append(m_actor, action, patient, object, outcome, detail);
    } catch (const VaultError& e) {
        qWarning("sync: audit entry %s could not be written: %s", qPrintable(action), e.what());
    }
}

void SyncEngine::refusePolicy(int version, const SignedPolicy::Verdict& verdict)
{
    const QString code = SignedPolicy::refusalCode(verdict.refusal);
    const QJsonObject detail{{QStringLiteral("version"), version}, {QStringLiteral("code"), code},
                             {QStringLiteral("message"), verdict.message}};
    audit(QStringLiteral("policy.refused"), QString(), QStringLiteral("policy"), QStringLiteral("refused"), detail);
    // Reported to the hub for IT; if that fails the terminal's own audit entry still says it (pushed later).
    m_client.postJson(QStringLiteral("/api/v1/policy/refusal"), detail, [version](const HubReply& reply) {
        if (!reply.ok())
            qWarning("sync: the refusal of policy version %d was not reported to the hub", version);
    });
    emit policyRefused(version, code, verdict.message);
}

void SyncEngine::applyPolicy(const QJsonObject& policy)
{
    // AUD-3: the threshold is hospital policy; 60 s when the policy does not say.
    int secs = policy.value(QStringLiteral("clockSkewWarningSeconds")).toInt(0);
    if (secs <= 0)
        secs = policy.value(QStringLiteral("clock")).toObject().value(QStringLiteral("skewWarningSeconds")).toInt(0);
    m_skew.setThresholdSecs(secs > 0 ? secs : ClockSkewMonitor::kDefaultThresholdSecs);
}

// ---- push -------------------------------------------------------------------------------------------------

void SyncEngine::pushNext()
{
    QList<PushQueue::Entry> batch;
    QJsonArray records;
    QList<PushQueue::Entry> sent;
    QList<Rejection> missing;
    try {
        batch = m_queue.pending(m_pushBatch);
        for (const PushQueue::Entry& e : batch) {
            const auto r = m_vault.records().find(e.recordId, e.version);
            std::optional<RecordVersion> prev;
            if (r && r->version > 1)
                prev = m_vault.records().find(e.recordId, e.version - 1);
            if (!r || (r->version > 1 && !prev)) {
                missing.append({e.recordId, e.version, r ? r->patientId : QString(), QStringLiteral("not_in_vault")});
                continue;
            }
            // The hub chains versions by the hash of the previous body; the vault by its own version hash.
            records.append(QJsonObject{{QStringLiteral("recordId"), r->recordId},
                                       {QStringLiteral("version"), r->version},
                                       {QStringLiteral("patientId"), r->patientId},
                                       {QStringLiteral("type"), IncomingRecord::typeToHub(r->type)},
                                       {QStringLiteral("ward"), r->compartment},
                                       {QStringLiteral("author"), r->author},
                                       {QStringLiteral("prevHash"),
                                        prev ? QString::fromLatin1(Digest::sha256(prev->body).toHex()) : QString()},
                                       {QStringLiteral("body"), QString::fromLatin1(r->body.toBase64())},
                                       {QStringLiteral("signature"), QString::fromLatin1(r->signature.toBase64())}});
            sent.append(e);
        }
        if (!missing.isEmpty()) {
            SqlCipherDatabase::Transaction tx(m_vault.database());
            for (const Rejection& m : missing)
                m_queue.markDone(m.recordId, m.version, QStringLiteral("rejected"), m.reason);
            tx.commit();
        }
    } catch (const VaultError& e) {
        finishCycle(storageError(e));
        return;
    }
    for (const Rejection& m : missing)
        audit(QStringLiteral("sync.push"), m.patientId, key(m.recordId, m.version), QStringLiteral("failure"),
              {{QStringLiteral("reason"), m.reason}});
    if (batch.isEmpty()) {
        pullNext();
        return;
    }
    if (records.isEmpty()) {
        QTimer::singleShot(0, this, &SyncEngine::pushNext);
        return;
    }
    QPointer<SyncEngine> self(this);
    m_client.postJson(QStringLiteral("/api/v1/records"), {{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), records}},
                      [self, sent](const HubReply& r) {
                          if (self)
                              self->onPushed(r, sent);
                      });
}

void SyncEngine::onPushed(const HubReply& reply, const QList<PushQueue::Entry>& sent)
{
    if (!reply.ok()) {
        finishCycle(reply.error);
        return;
    }
    const QJsonArray results = reply.json.value(QStringLiteral("results")).toArray();
    if (results.size() != sent.size()) {
        finishCycle(malformed(QStringLiteral("push results do not match the batch")));
        return;
    }
    QList<Rejection> rejected;
    QList<Rejection> badTokens;
    QStringList changed;  // patients whose versions got a verdict or a token
    try {
        SqlCipherDatabase::Transaction tx(m_vault.database());
        for (int i = 0; i < sent.size(); ++i) {
            const QJsonObject res = results.at(i).toObject();
            const PushQueue::Entry& e = sent.at(i);
            if (res.value(QStringLiteral("recordId")).toString() != e.recordId || res.value(QStringLiteral("version")).toInt() != e.version)
                throw SyncError(SyncError::Kind::MalformedResponse, QStringLiteral("result order"));
            const QString status = res.value(QStringLiteral("status")).toString();
            const auto record = m_vault.records().find(e.recordId, e.version);
            if (record && !changed.contains(record->patientId))
                changed.append(record->patientId);
            if (status == QLatin1String("stored") || status == QLatin1String("duplicate")) {
                const QByteArray token = QByteArray::fromBase64(res.value(QStringLiteral("timestampToken")).toString().toLatin1());
                if (record && record->timestampToken.isEmpty() && !token.isEmpty()) {
                    const TimestampVerification v = m_timestampVerifier.verify(token, record->signature);
                    if (v.valid)
                        m_vault.records().setTimestampToken(e.recordId, e.version, token);
                    else
                        badTokens.append({e.recordId, e.version, record->patientId, v.error});
                }
                m_queue.markDone(e.recordId, e.version, status, QString());
            } else if (status == QLatin1String("held")) {
                // Issue 10: at the hub, not lost, waiting for a reviewer (signing time outside the offline grace
                // window, or a revoked signing certificate); it comes back through /changes once accepted.
                m_queue.markDone(e.recordId, e.version, status, res.value(QStringLiteral("reason")).toString());
            } else if (status == QLatin1String("rejected")) {
                const QString reason = res.value(QStringLiteral("reason")).toString();
                m_queue.markDone(e.recordId, e.version, status, reason);
                rejected.append({e.recordId, e.version, record ? record->patientId : QString(), reason});
            } else {
                throw SyncError(SyncError::Kind::MalformedResponse, QStringLiteral("unknown verdict"));
            }
        }
        tx.commit();
    } catch (const SyncError& e) {
        finishCycle(malformed(e.message()));
        return;
    } catch (const VaultError& e) {
        finishCycle(storageError(e));
        return;
    }
    for (const Rejection& r : rejected) {
        audit(QStringLiteral("sync.push"), r.patientId, key(r.recordId, r.version), QStringLiteral("denied"),
              {{QStringLiteral("reason"), r.reason}});
        emit recordRejected(r.recordId, r.version, r.reason);
    }
    for (const Rejection& r : badTokens)
        audit(QStringLiteral("sync.timestamp"), r.patientId, key(r.recordId, r.version), QStringLiteral("failure"),
              {{QStringLiteral("reason"), r.reason}});
    if (!changed.isEmpty())
        emit recordsChanged(changed);
    updateStatus();
    pushNext();
}

// ---- pull -------------------------------------------------------------------------------------------------

void SyncEngine::pullNext()
{
    qint64 cursor = 0;
    try {
        cursor = m_replica.cursor();
    } catch (const VaultError& e) {
        finishCycle(storageError(e));
        return;
    }
    ++m_pullEpoch;
    m_pages.clear();
    m_fetchError.reset();
    fetchPage(cursor);
}

void SyncEngine::fetchPage(qint64 cursor)
{
    m_fetching = true;
    QPointer<SyncEngine> self(this);
    m_client.get(QStringLiteral("/api/v1/changes?cursor=%1&limit=%2").arg(cursor).arg(m_pageSize),
                 [self, cursor, epoch = m_pullEpoch](const HubReply& r) {
                     if (self && epoch == self->m_pullEpoch)
                         self->onPulled(r, cursor);
                 });
}

void SyncEngine::failPull(SyncError error)
{
    // Pages fetched or being checked after the failing one are dropped; the next cycle starts from the stored cursor.
    // (`error` is taken by value: it may be the stored fetch error that is reset below.)
    ++m_pullEpoch;
    m_pages.clear();
    m_fetching = false;
    m_fetchError.reset();
    finishCycle(error);
}

void SyncEngine::onPulled(const HubReply& reply, qint64 cursor)
{
    m_fetching = false;
    if (!reply.ok()) {
        // The pages already in hand are still stored (their cursor moves); the cycle then ends with this error.
        if (m_pages.isEmpty())
            failPull(reply.error);
        else
            m_fetchError = reply.error;
        return;
    }
    const QJsonValue items = reply.json.value(QStringLiteral("items"));
    const QJsonValue next = reply.json.value(QStringLiteral("nextCursor"));
    const QJsonValue more = reply.json.value(QStringLiteral("hasMore"));
    if (!items.isArray() || !next.isDouble() || !more.isBool() || next.toDouble() < static_cast<double>(cursor)
        || items.toArray().size() > m_pageSize) {
        failPull(malformed(QStringLiteral("change page")));
        return;
    }
    auto page = std::make_shared<PulledPage>();
    page->cursor = cursor;
    page->nextCursor = static_cast<qint64>(next.toDouble());
    page->hasMore = more.toBool();
    for (const QJsonValue& v : items.toArray()) {
        const QJsonObject item = v.toObject();
        if (item.value(QStringLiteral("kind")).toString() == QLatin1String("record"))
            page->recordItems.append(item);
        else
            page->others.append(item);
    }
    if (page->hasMore && page->nextCursor == cursor) {
        failPull(malformed(QStringLiteral("the cursor does not advance")));
        return;
    }
    m_pages.append(page);
    // One page ahead: the hub serves the next page while this one is checked and stored (pull budget ≤ 60 s).
    if (page->hasMore && m_pages.size() < kPagesAhead)
        fetchPage(page->nextCursor);
    if (page->recordItems.isEmpty()) {
        page->verified = true;
        applyReadyPages();
        return;
    }
    // Decoding (envelope, FHIR codec) and the signature and token checks are the expensive part of a pull:
    // spread them over the cores, off the UI thread, then store on this thread (the vault connection belongs to it).
    const qsizetype n = page->recordItems.size();
    page->records.resize(n);
    const int chunks = qMin(static_cast<int>(n), qMax(1, m_verifiers.maxThreadCount()));
    page->pending = chunks;
    for (int c = 0; c < chunks; ++c) {
        const qsizetype begin = n * c / chunks, end = n * (c + 1) / chunks;
        m_verifiers.start([this, page, begin, end, epoch = m_pullEpoch] {
            for (qsizetype i = begin; i < end; ++i) {
                page->records[i] = IncomingRecord::fromChange(page->recordItems.at(i));
                page->records[i].verify(m_signatureVerifier, m_timestampVerifier);
            }
            if (--page->pending == 0)
                QMetaObject::invokeMethod(
                    this,
                    [this, page, epoch] {
                        if (epoch != m_pullEpoch)
                            return;
                        page->verified = true;
                        applyReadyPages();
                    },
                    Qt::QueuedConnection);
        });
    }
}

void SyncEngine::applyReadyPages()
{
    // In feed order: a page is stored only after every page before it.
    while (!m_pages.isEmpty() && m_pages.first()->verified) {
        const std::shared_ptr<PulledPage> page = m_pages.takeFirst();
        if (!applyPage(page))
            return;
        if (!page->hasMore) {
            finishCycle(SyncError());
            return;
        }
        if (m_fetchError) {
            if (m_pages.isEmpty())
                failPull(*m_fetchError);
            continue;
        }
        if (!m_fetching && m_pages.isEmpty())
            fetchPage(page->nextCursor);
        else if (!m_fetching && m_pages.size() < kPagesAhead && m_pages.last()->hasMore)
            fetchPage(m_pages.last()->nextCursor);
    }
}

bool SyncEngine::applyPage(const std::shared_ptr<PulledPage>& page)
{
    QList<Rejection> rejections;
    qint64 stored = 0;
    QSet<QString> changedPatients;  // whose records this page stored or stamped
    try {
        // Identity data and the directory first, so a record never arrives before its patient.
        QList<Patient> patients;
        QList<SignedPolicy> refusedPolicies;
        QList<SignedPolicy::Verdict> policyVerdicts;
        QList<EmergencyLetters::Letter> letters;
        {
            SqlCipherDatabase::Transaction tx(m_vault.database());
            for (const QJsonObject& item : page->others) {
                const QString kind = item.value(QStringLiteral("kind")).toString();
                const qint64 seq = static_cast<qint64>(item.value(QStringLiteral("seq")).toDouble());
                if (kind == QLatin1String("patient")) {
                    const QJsonObject identity = item.value(QStringLiteral("identity")).toObject();
                    Patient p;
                    p.patientId = item.value(QStringLiteral("id")).toString();
                    p.ward = item.value(QStringLiteral("ward")).toString();
                    p.name = identity.value(QStringLiteral("name")).toString();
                    p.kana = identity.value(QStringLiteral("kana")).toString();
                    p.birthDate = QDate::fromString(identity.value(QStringLiteral("birthDate")).toString(), Qt::ISODate);
                    // The hub speaks FHIR's administrative gender; the chart keeps the one-letter code.
                    const QString sex = identity.value(QStringLiteral("sex")).toString();
                    p.sex = sex == QLatin1String("female") ? QStringLiteral("F")
                            : sex == QLatin1String("male") ? QStringLiteral("M")
                            : sex == QLatin1String("other") ? QStringLiteral("O")
                            : sex == QLatin1String("unknown") ? QStringLiteral("U")
                                                              : sex;
                    p.address = identity.value(QStringLiteral("address")).toString();
                    p.bed = identity.value(QStringLiteral("bed")).toString();
                    if (p.patientId.isEmpty() || p.ward.isEmpty() || p.name.isEmpty())
                        throw SyncError(SyncError::Kind::MalformedResponse, QStringLiteral("patient without id, ward or name"));
                    patients.append(p);
                } else if (kind == QLatin1String("policy")) {
                    // CFG-2: applied only when the hub signed it, it passes the rules and it is newer than the one
                    // in force; otherwise the last good one stays and the refusal goes to the audit and the hub.
                    const SignedPolicy incoming = SignedPolicy::fromFeedItem(item);
                    const SignedPolicy::Verdict verdict = incoming.check({m_client.hubCa()}, m_replica.currentPolicyVersion());
                    if (verdict.accepted()) {
                        m_replica.storePolicy(incoming.version, seq, incoming.policy);
                    } else {
                        refusedPolicies.append(incoming);
                        policyVerdicts.append(verdict);
                    }
                } else if (kind == QLatin1String("role") && item.value(QStringLiteral("removed")).toBool()) {
                    m_replica.removeDirectoryItem(kind, item.value(QStringLiteral("id")).toString());
                } else if (kind == QLatin1String("ward") || kind == QLatin1String("role") || kind == QLatin1String("user")) {
                    m_replica.storeDirectoryItem(kind, item.value(QStringLiteral("id")).toString(), seq, item);
                } else if (kind == QLatin1String("staffCert")) {
                    m_replica.storeDirectoryItem(kind, item.value(QStringLiteral("serial")).toString(), seq, item);
                } else if (kind == QLatin1String(EmergencyLetters::kKind)) {
                    // BCP-1 offline: a malformed letter is skipped like an unknown kind; the slot waits for a good one.
                    if (const auto letter = EmergencyLetters::fromFeedItem(item)) {
                        m_replica.storeDirectoryItem(kind, letter->accountId, seq, item);
                        letters.append(*letter);
                    }
                }
                // Unknown kinds come from a newer hub: skipped, so an old terminal keeps working (protocol rule).
            }
            tx.commit();
        }
        if (!letters.isEmpty())
            EmergencyLetters::applyToSlots(m_vault, letters, m_actor);
        if (!patients.isEmpty())
            m_vault.patients().upsertAll(patients);
        for (int i = 0; i < refusedPolicies.size(); ++i)
            refusePolicy(refusedPolicies.at(i).version, policyVerdicts.at(i));
        if (const auto policy = m_replica.currentPolicy())
            applyPolicy(*policy);

        QHash<QString, RecordVersion> inPage;
        QList<RecordVersion> fresh;
        QList<RecordVersion> tokensToAdd;
        for (IncomingRecord& in : page->records) {
            RecordVersion& r = in.record;
            auto reject = [&](const QString& reason) { rejections.append({r.recordId, r.version, r.patientId, reason}); };
            if (!in.rejection.isEmpty()) {
                reject(in.rejection);
                continue;
            }
            if (const auto existing = m_vault.records().find(r.recordId, r.version)) {
                // Our own pushes come back through the feed: same signed bytes means the same version.
                if (existing->body == r.body && existing->signature == r.signature) {
                    if (existing->timestampToken.isEmpty())
                        tokensToAdd.append(r);
                } else {
                    reject(QStringLiteral("conflict: differs from the version held on this terminal"));
                }
                continue;
            }
            if (inPage.contains(key(r.recordId, r.version))) {
                continue;
            }
            if (r.version > 1) {
                std::optional<RecordVersion> prev;
                if (inPage.contains(key(r.recordId, r.version - 1)))
                    prev = inPage.value(key(r.recordId, r.version - 1));
                else
                    prev = m_vault.records().find(r.recordId, r.version - 1);
                if (!prev) {
                    reject(QStringLiteral("missing_previous_version"));
                    continue;
                }
                if (QString::fromLatin1(Digest::sha256(prev->body).toHex()) != in.hubPrevHash) {
                    reject(QStringLiteral("prev_hash_mismatch"));
                    continue;
                }
                if (prev->patientId != r.patientId) {
                    reject(QStringLiteral("patient_changed"));
                    continue;
                }
                // The hub's link (body hash) is checked above; the vault links by its own version hash.
                r.prevHash = prev->versionHash();
            }
            fresh.append(r);
            inPage.insert(key(r.recordId, r.version), r);
        }
        try {
            m_vault.records().appendAll(fresh);
            stored = fresh.size();
        } catch (const VaultError&) {
            // Something in the page does not fit the vault: store what does, one by one, and reject the rest.
            for (const RecordVersion& r : fresh) {
                try {
                    stored += m_vault.records().appendIfAbsent(r) ? 1 : 0;
                } catch (const VaultError& e) {
                    rejections.append({r.recordId, r.version, r.patientId, QStringLiteral("vault: ") + QString::fromUtf8(e.what())});
                }
            }
        }
        // Audited before the cursor moves: a crash in between re-pulls the page and audits a rejection twice,
        // never zero times.
        for (const Rejection& r : rejections)
            audit(QStringLiteral("sync.record.reject"), r.patientId, key(r.recordId, r.version), QStringLiteral("denied"),
                  {{QStringLiteral("reason"), r.reason}});
        {
            SqlCipherDatabase::Transaction tx(m_vault.database());
            for (const RecordVersion& r : tokensToAdd)
                m_vault.records().setTimestampToken(r.recordId, r.version, r.timestampToken);
            // The cursor moves only after the page is stored: a crash in between re-pulls it, harmlessly.
            m_replica.setCursor(page->nextCursor);
            tx.commit();
        }
        for (const QList<RecordVersion>* list : {&fresh, &tokensToAdd}) {
            for (const RecordVersion& r : *list)
                changedPatients.insert(r.patientId);
        }
    } catch (const SyncError& e) {
        failPull(malformed(e.message()));
        return false;
    } catch (const VaultError& e) {
        failPull(storageError(e));
        return false;
    }
    m_pulledRecords += stored;
    for (const Rejection& r : rejections)
        emit recordRejected(r.recordId, r.version, r.reason);
    if (!changedPatients.isEmpty())
        emit recordsChanged(QStringList(changedPatients.cbegin(), changedPatients.cend()));
    return true;
}

// ---- cycle end and status ---------------------------------------------------------------------------------

void SyncEngine::finishCycle(const SyncError& error)
{
    m_busy = false;
    const bool ok = error.kind() == SyncError::Kind::None;
    if (ok) {
        m_backoffMs = 0;
        m_status.online = true;
        m_status.lastSuccessfulSync = Clock::instance().nowUtc();
        try {
            m_replica.setLastSuccessfulSync(m_status.lastSuccessfulSync);
        } catch (const VaultError&) {
        }
        m_lastAuditedError = SyncError::Kind::None;
        m_status.lastErrorKind = SyncError::Kind::None;
        m_status.lastError.clear();
        m_status.hubStorageFull = false;
        scheduleNext(m_pollMs);
    } else {
        const SyncError::Kind k = error.kind();
        m_status.online = !(k == SyncError::Kind::NetworkDown || k == SyncError::Kind::Timeout || k == SyncError::Kind::TlsFailure);
        m_status.lastErrorKind = k;
        m_status.lastError = error.message();
        m_status.hubStorageFull = error.httpStatus() == 507;
        // Exponential backoff with jitter, so a ward's terminals do not all return at the same instant.
        m_backoffMs = m_backoffMs == 0 ? m_backoffMinMs : qMin(m_backoffMs * 2, m_backoffMaxMs);
        const int jitter = static_cast<int>(QRandomGenerator::global()->bounded(m_backoffMs / 4 + 1));
        scheduleNext(error.isTransient() ? m_backoffMs + jitter : m_backoffMaxMs);
        // Security-relevant refusals are audited once per change, not on every retry.
        const bool security = k == SyncError::Kind::TerminalRevoked || k == SyncError::Kind::UnknownTerminal
            || k == SyncError::Kind::TlsFailure || k == SyncError::Kind::MalformedResponse;
        if (security && k != m_lastAuditedError) {
            m_lastAuditedError = k;
            audit(QStringLiteral("sync.refused"), QString(), QStringLiteral("hub"), QStringLiteral("failure"),
                  {{QStringLiteral("kind"), SyncError::kindName(k)}, {QStringLiteral("http"), error.httpStatus()},
                   {QStringLiteral("code"), error.hubCode()}});
        }
    }
    updateStatus();
    if (!ok)
        emit syncFailed(error);
    emit cycleFinished(ok);
    if (m_again) {
        m_again = false;
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
    }
}

void SyncEngine::updateStatus()
{
    SyncStatus s = m_status;
    try {
        s.queueLength = m_queue.pendingCount();
    } catch (const VaultError&) {
        s.queueLength = m_published.queueLength;
    }
    s.clockSkewMs = m_skew.skewMs();
    s.clockSkewWarning = m_skew.isOverThreshold();
    m_status.queueLength = s.queueLength;
    m_status.clockSkewMs = s.clockSkewMs;
    m_status.clockSkewWarning = s.clockSkewWarning;
    // Compared with what was last published: the cycle edits m_status directly (online, last success, error).
    if (s != m_published) {
        m_published = s;
        emit statusChanged(m_published);
    }
}

} // namespace ward
