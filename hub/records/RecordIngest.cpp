#include "hub/records/RecordIngest.h"

#include "crypto/CmsVerifier.h"
#include "crypto/Digest.h"
#include "hub/HubError.h"
#include "hub/directory/StaffCertificates.h"
#include "hub/pki/HubPki.h"
#include "hub/records/ReviewQueue.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubDatabase.h"
#include "records/RecordEnvelope.h"
#include "util/Clock.h"
#include "util/ParallelFor.h"

#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>

#include <optional>

namespace ward::hub {

namespace {

// A submitted record and what ingest decided about it.
struct Candidate : RecordSubmission
{
    QByteArray bodyMac;
    std::optional<CmsVerification> verification; // checked ahead, in parallel, for versions not yet at the hub
    QByteArray sealed;                          // the body as stored, sealed ahead of the transaction
    // Outcome
    QString status; // stored | duplicate | rejected
    QString reason;
    QByteArray token;
    qint64 signedAt = 0;
};

QString key(const QString& id, int version)
{
    return id + QLatin1Char('#') + QString::number(version);
}

struct StoredVersion
{
    QByteArray bodyMac;
    QByteArray signature;
    QByteArray token;
};

using VersionKey = QPair<QString, int>;

// These versions as stored, in a few round trips (one per 100) instead of one per record. Each version is asked
// for by its whole primary key: a list of bare record ids makes PostgreSQL scan the table while its statistics
// lag behind a fast-growing table (each `record_id = ?` is guessed at 0.5 % of the rows until ANALYZE runs).
QHash<QString, StoredVersion> loadStored(HubDatabase& db, const QList<VersionKey>& versions)
{
    QHash<QString, StoredVersion> out;
    constexpr int kChunk = 100;
    for (qsizetype from = 0; from < versions.size(); from += kChunk) {
        const QList<VersionKey> chunk = versions.mid(from, kChunk);
        QStringList terms;
        QVariantList values;
        for (const VersionKey& v : chunk) {
            terms << QStringLiteral("(record_id = ? AND version = ?)");
            values << v.first << v.second;
        }
        QSqlQuery q = db.exec(QStringLiteral("SELECT record_id, version, body_mac, signature, ts_token FROM records WHERE ")
                                  + terms.join(QStringLiteral(" OR ")),
                              values);
        while (q.next())
            out.insert(key(q.value(0).toString(), q.value(1).toInt()),
                       {q.value(2).toByteArray(), q.value(3).toByteArray(), q.value(4).toByteArray()});
    }
    return out;
}

} // namespace

RecordIngest::RecordIngest(HubDatabase& db, const DataKeys& keys, HubPki& pki, StaffCertificates& certs, ReviewQueue& review)
    : m_db(db)
    , m_keys(keys)
    , m_pki(pki)
    , m_certs(certs)
    , m_review(review)
{
}

QByteArray RecordIngest::bodyAad(const QString& recordId, int version)
{
    return QByteArrayLiteral("records/") + recordId.toUtf8() + '/' + QByteArray::number(version) + QByteArrayLiteral("/body");
}

void RecordIngest::requireCurrentFormat(HubDatabase& db, const DataKeys& keys)
{
    QSqlQuery q = db.exec(QStringLiteral("SELECT record_id, version, body FROM records ORDER BY seq LIMIT 1"));
    if (!q.next())
        return;
    QByteArray body;
    // A body that does not open is damage for `wardhub check` to report, not a question of format.
    if (!keys.openHealth(q.value(2).toByteArray(), bodyAad(q.value(0).toString(), q.value(1).toInt()), &body))
        return;
    if (!RecordEnvelope::looksLikeEnvelope(body))
        throw HubError(QStringLiteral("storage"),
                       QStringLiteral("this hub holds records in the format of an earlier wardhub (before signed FHIR "
                                      "envelopes), which this version cannot serve: re-seed it into a fresh hub "
                                      "directory and database (wardhub init, then demo-seed), and re-enrol the terminals"));
}

QJsonObject RecordIngest::ingest(const TerminalRegistry::Terminal& terminal, const QJsonObject& request)
{
    const QJsonArray records = RecordSubmission::batch(request);

    QList<Candidate> batch(records.size());
    QHash<QString, QList<Certificate>> authorCerts;
    QHash<QString, QHash<QString, qint64>> authorRevocations;
    const QDateTime receivedAt = Clock::instance().nowUtc();
    const int graceHours = m_review.graceHours();
    QHash<QString, bool> patientKnown;
    QHash<QString, int> firstInBatch; // key → index of the first accepted candidate with that key
    const CmsVerifier verifier({m_pki.caCertificate()}); // one batch: each author's certificate decoded once

    // The CPU-bound steps (decoding, MACs, signature checks, stamps, sealing) run over the cores, so one terminal's
    // batch is not limited to one of them (ingest ≥ 2,000 records/s); the decisions that read the database or depend
    // on the records before them stay in the sequential loop below, in batch order.
    Candidate* const candidates = batch.data(); // detached once here: the threads write distinct elements
    parallelFor(allIndices(records.size()), [&](int i) {
        Candidate& c = candidates[i];
        const QString malformed = RecordSubmission::parse(records.at(i), &c);
        if (!malformed.isEmpty()) {
            c.status = QStringLiteral("rejected");
            c.reason = malformed;
        } else {
            c.bodyMac = m_keys.healthMac(c.body);
        }
    });
    QList<VersionKey> versions;
    for (const Candidate& c : batch)
        if (c.status != QLatin1String("rejected"))
            versions << VersionKey(c.recordId, c.version);
    const QHash<QString, StoredVersion> atHub = loadStored(m_db, versions);
    QList<int> toVerify;
    for (int i = 0; i < batch.size(); ++i)
        if (batch[i].status != QLatin1String("rejected") && !atHub.contains(key(batch[i].recordId, batch[i].version)))
            toVerify << i;
    parallelFor(toVerify, [&](int i) { candidates[i].verification = verifier.verify(candidates[i].body, candidates[i].signature); });

    for (int i = 0; i < records.size(); ++i) {
        Candidate& c = batch[i];
        auto reject = [&](const QString& reason) {
            c.status = QStringLiteral("rejected");
            c.reason = reason;
        };
        if (c.status == QLatin1String("rejected"))
            continue;
        // Same key earlier in this batch: identical → duplicate of it, otherwise a conflict.
        if (firstInBatch.contains(key(c.recordId, c.version))) {
            const Candidate& first = batch[firstInBatch.value(key(c.recordId, c.version))];
            if (first.bodyMac == c.bodyMac && first.signature == c.signature && first.status != QLatin1String("rejected"))
                c.status = QStringLiteral("duplicate");
            else
                reject(QStringLiteral("conflict: another version %1 of this record is in the batch").arg(c.version));
            continue;
        }
        // Already at the hub?
        const auto existing = atHub.constFind(key(c.recordId, c.version));
        if (existing != atHub.constEnd()) {
            if (existing->bodyMac == c.bodyMac && existing->signature == c.signature) {
                c.status = QStringLiteral("duplicate");
                c.token = existing->token;
            } else {
                reject(QStringLiteral("conflict: version %1 of this record exists at the hub with different content").arg(c.version));
            }
            continue;
        }
        if (c.ward != terminal.ward) {
            reject(QStringLiteral("ward_not_allowed: this terminal serves ward %1").arg(terminal.ward));
            continue;
        }
        if (!patientKnown.contains(c.patientId)) {
            QSqlQuery p = m_db.exec(QStringLiteral("SELECT 1 FROM patients WHERE id = ?"), {c.patientId});
            patientKnown.insert(c.patientId, p.next());
        }
        if (!patientKnown.value(c.patientId)) {
            reject(QStringLiteral("unknown_patient"));
            continue;
        }
        if (!authorCerts.contains(c.signer))
            authorCerts.insert(c.signer, m_certs.certificatesOf(c.signer));
        const QList<Certificate>& certs = authorCerts[c.signer];
        if (certs.isEmpty()) {
            reject(QStringLiteral("unknown_author: no signing certificate for %1").arg(c.signer));
            continue;
        }
        const CmsVerification v = c.verification ? *c.verification : verifier.verify(c.body, c.signature);
        if (!v.valid) {
            reject(QStringLiteral("bad_signature: ") + v.error);
            continue;
        }
        if (!certs.contains(v.signer)) {
            reject(QStringLiteral("signer_not_author: the signature was not made with a certificate of %1").arg(c.signer));
            continue;
        }
        // Issue 10: the signing time is the signer's claim; revocation and the offline grace window decide.
        if (!authorRevocations.contains(c.signer))
            authorRevocations.insert(c.signer, m_certs.revocationsOf(c.signer));
        const QHash<QString, qint64>& revoked = authorRevocations[c.signer];
        const auto revokedAt = revoked.contains(v.signer.serialHex()) ? std::optional<qint64>(revoked.value(v.signer.serialHex())) : std::nullopt;
        ReviewQueue::Verdict trust = ReviewQueue::judge(v.signingTime, receivedAt, graceHours, revokedAt);
        if (trust.action == ReviewQueue::Action::Refuse) {
            reject(trust.reason);
            continue;
        }
        c.signedAt = v.signingTime.toMSecsSinceEpoch();
        if (c.version > 1) {
            QByteArray prevBody;
            const QString prevKey = key(c.recordId, c.version - 1);
            if (firstInBatch.contains(prevKey)) {
                prevBody = batch[firstInBatch.value(prevKey)].body;
                if (batch[firstInBatch.value(prevKey)].status == QLatin1String("held") && trust.action == ReviewQueue::Action::Store)
                    trust = {ReviewQueue::Action::Hold, QStringLiteral("held_for_review: the previous version is held for review")};
            } else if (m_review.isHeld(c.recordId, c.version - 1)) {
                // It links to a held version: it waits for that review (the prevHash is checked when accepted).
                trust = {ReviewQueue::Action::Hold, QStringLiteral("held_for_review: the previous version is held for review")};
                prevBody.clear();
            } else {
                QSqlQuery prev = m_db.exec(QStringLiteral("SELECT body FROM records WHERE record_id = ? AND version = ?"),
                                           {c.recordId, c.version - 1});
                if (!prev.next()) {
                    reject(QStringLiteral("missing_previous_version: version %1 is not at the hub").arg(c.version - 1));
                    continue;
                }
                if (!m_keys.openHealth(prev.value(0).toByteArray(), bodyAad(c.recordId, c.version - 1), &prevBody))
                    throw HubError(QStringLiteral("keys"), QStringLiteral("stored record body does not open"));
            }
            if (!(prevBody.isEmpty() && trust.action == ReviewQueue::Action::Hold)
                && QString::fromLatin1(Digest::sha256(prevBody).toHex()) != c.prevHash) {
                reject(QStringLiteral("prev_hash_mismatch: prevHash does not match version %1").arg(c.version - 1));
                continue;
            }
        }
        firstInBatch.insert(key(c.recordId, c.version), i);
        if (trust.action == ReviewQueue::Action::Hold) {
            c.status = QStringLiteral("held");
            c.reason = trust.reason;
            if (!m_review.hold({c.recordId, c.version, c.patientId, c.type, c.ward, c.author, c.prevHash, c.body, c.bodyMac,
                                c.signature, terminal.id, receivedAt.toMSecsSinceEpoch(), c.signedAt, trust.reason, QString()}))
                reject(QStringLiteral("conflict: a different version %1 of this record is held for review").arg(c.version));
            continue;
        }
        c.status = QStringLiteral("stored");
    }

    // Stamp outside the transaction (CPU only), then store everything accepted in one transaction.
    const QDateTime now = Clock::instance().nowUtc();
    QList<int> toStore;
    for (int i = 0; i < batch.size(); ++i)
        if (batch[i].status == QLatin1String("stored"))
            toStore << i;
    // A failed stamp throws its HubError here, before the transaction: nothing of the batch is stored then.
    parallelFor(toStore, [&](int i) {
        Candidate& c = candidates[i];
        c.token = m_pki.timestamp(c.signature, now);
        c.sealed = m_keys.sealHealth(c.body, bodyAad(c.recordId, c.version));
    });
    if (!toStore.isEmpty()) {
        m_db.transaction([&] {
            // The counter lock serialises concurrent pushes; re-check under it what another push may have stored.
            qint64 seq = m_db.takeSequence(static_cast<int>(toStore.size()));
            QList<VersionKey> storeVersions;
            for (int i : toStore)
                storeVersions << VersionKey(batch[i].recordId, batch[i].version);
            const QHash<QString, StoredVersion> storedMeanwhile = loadStored(m_db, storeVersions);
            QList<int> rows;
            for (int i : toStore) {
                Candidate& c = batch[i];
                const auto again = storedMeanwhile.constFind(key(c.recordId, c.version));
                if (again != storedMeanwhile.constEnd()) {
                    const bool same = again->bodyMac == c.bodyMac && again->signature == c.signature;
                    c.status = same ? QStringLiteral("duplicate") : QStringLiteral("rejected");
                    c.reason = same ? QString() : QStringLiteral("conflict: stored concurrently with different content");
                    c.token = same ? again->token : QByteArray();
                    continue;
                }
                rows << i;
            }
            // Multi-row INSERTs: QPSQL costs a round trip per statement (PLATFORM-NOTES), so ~50 rows per statement.
            constexpr int kRowsPerInsert = 50;
            const QString rowMarks = QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            for (int from = 0; from < rows.size(); from += kRowsPerInsert) {
                const QList<int> chunk = rows.mid(from, kRowsPerInsert);
                QStringList marks;
                QVariantList values;
                for (int i : chunk) {
                    const Candidate& c = batch[i];
                    marks << rowMarks;
                    values << c.recordId << c.version << c.patientId << c.type << c.ward << c.author << c.prevHash
                           << c.sealed << c.bodyMac << c.signature << c.token
                           << terminal.id << now.toMSecsSinceEpoch() << seq++;
                }
                m_db.exec(QStringLiteral("INSERT INTO records (record_id, version, patient_id, type, ward, author, prev_hash, body,"
                                         " body_mac, signature, ts_token, terminal_id, received_at, seq) VALUES ")
                              + marks.join(QLatin1Char(',')),
                          values);
            }
        });
    }

    QJsonArray results;
    int stored = 0, duplicates = 0, rejected = 0, held = 0;
    for (Candidate& c : batch) {
        if (c.status == QLatin1String("duplicate") && c.token.isEmpty() && firstInBatch.contains(key(c.recordId, c.version)))
            c.token = batch[firstInBatch.value(key(c.recordId, c.version))].token;
        QJsonObject r{{QStringLiteral("recordId"), c.recordId}, {QStringLiteral("version"), c.version},
                      {QStringLiteral("status"), c.status}};
        if (!c.reason.isEmpty())
            r[QStringLiteral("reason")] = c.reason;
        if (!c.token.isEmpty())
            r[QStringLiteral("timestampToken")] = QString::fromLatin1(c.token.toBase64());
        results.append(r);
        stored += c.status == QLatin1String("stored");
        duplicates += c.status == QLatin1String("duplicate");
        rejected += c.status == QLatin1String("rejected");
        held += c.status == QLatin1String("held");
    }
    return {{QStringLiteral("results"), results}, {QStringLiteral("stored"), stored},
            {QStringLiteral("duplicates"), duplicates}, {QStringLiteral("rejected"), rejected}, {QStringLiteral("held"), held}};
}

} // namespace ward::hub
