#include "hub/records/ReviewQueue.h"

#include "crypto/Digest.h"
#include "hub/HubError.h"
#include "hub/directory/UserDirectory.h"
#include "hub/pki/HubPki.h"
#include "hub/records/RecordIngest.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "policy/PolicyRules.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ReviewQueue", text);
}

// Every column but the body, in fromRow's order.
const QString kColumns = QStringLiteral("record_id, version, patient_id, type, ward, author, prev_hash, body_mac, signature, terminal_id,"
                                        " received_at, signed_at, reason, status");
constexpr int kColumnCount = 14;

ReviewQueue::Held fromRow(const QSqlQuery& q)
{
    ReviewQueue::Held h;
    h.recordId = q.value(0).toString();
    h.version = q.value(1).toInt();
    h.patientId = q.value(2).toString();
    h.type = q.value(3).toString();
    h.ward = q.value(4).toString();
    h.author = q.value(5).toString();
    h.prevHash = q.value(6).toString();
    h.bodyMac = q.value(7).toByteArray();
    h.signature = q.value(8).toByteArray();
    h.terminalId = q.value(9).toString();
    h.receivedAt = q.value(10).toLongLong();
    h.signedAt = q.value(11).toLongLong();
    h.reason = q.value(12).toString();
    h.status = q.value(13).toString();
    return h;
}

QString hours(qint64 ms)
{
    return QString::number(double(ms) / 3600000.0, 'f', 1);
}

} // namespace

ReviewQueue::ReviewQueue(HubDatabase& db, const DataKeys& keys, HubPki& pki, UserDirectory& users)
    : m_db(db)
    , m_keys(keys)
    , m_pki(pki)
    , m_users(users)
{
}

QByteArray ReviewQueue::bodyAad(const QString& recordId, int version)
{
    return QByteArrayLiteral("records_review/") + recordId.toUtf8() + '/' + QByteArray::number(version) + QByteArrayLiteral("/body");
}

int ReviewQueue::graceHours()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT json FROM policy ORDER BY version DESC LIMIT 1"));
    if (!q.next())
        return kDefaultGraceHours;
    // Stored policies were validated by HospitalPolicy::save; a damaged one falls back to the default.
    return PolicyRules::offlineGraceHours(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
}

ReviewQueue::Verdict ReviewQueue::judge(const QDateTime& signedAt, const QDateTime& receivedAt, int graceHours,
                                        std::optional<qint64> certificateRevokedAtMs)
{
    const qint64 signedMs = signedAt.toMSecsSinceEpoch();
    if (certificateRevokedAtMs && signedMs >= *certificateRevokedAtMs)
        return {Action::Refuse, QStringLiteral("signer_revoked: signed after the signing certificate was revoked")};
    const qint64 distance = qAbs(receivedAt.toMSecsSinceEpoch() - signedMs);
    if (distance > qint64(graceHours) * 3600000)
        return {Action::Hold, QStringLiteral("held_for_review: signing time %1 h from the hub's receipt time (window %2 h)")
                                  .arg(hours(distance))
                                  .arg(graceHours)};
    if (certificateRevokedAtMs)
        return {Action::Hold, QStringLiteral("held_for_review: the signing certificate was revoked before the record arrived")};
    return {};
}

bool ReviewQueue::hold(const Held& r)
{
    return m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT body_mac, signature FROM records_review WHERE record_id = ? AND version = ?"),
                                {r.recordId, r.version});
        if (q.next())
            return q.value(0).toByteArray() == r.bodyMac && q.value(1).toByteArray() == r.signature;
        m_db.exec(QStringLiteral("INSERT INTO records_review (record_id, version, patient_id, type, ward, author, prev_hash, body,"
                                 " body_mac, signature, terminal_id, received_at, signed_at, reason, status)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')"),
                  {r.recordId, r.version, r.patientId, r.type, r.ward, r.author, r.prevHash,
                   m_keys.sealHealth(r.body, bodyAad(r.recordId, r.version)), r.bodyMac, r.signature, r.terminalId,
                   r.receivedAt, r.signedAt, r.reason});
        // Ids only in the audit chain (no health data).
        HubAuditLog(m_db).append(QStringLiteral("hub"), QStringLiteral("record.review.hold"),
                                 {{QStringLiteral("record"), r.recordId}, {QStringLiteral("version"), r.version},
                                  {QStringLiteral("author"), r.author}, {QStringLiteral("terminal"), r.terminalId},
                                  {QStringLiteral("reason"), r.reason}});
        return true;
    });
}

bool ReviewQueue::isHeld(const QString& recordId, int version)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM records_review WHERE record_id = ? AND version = ? AND status <> 'accepted'"),
                            {recordId, version});
    return q.next();
}

QList<ReviewQueue::Held> ReviewQueue::list(const QString& status)
{
    QList<Held> out;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM records_review WHERE status = ?"
                                                                                 " ORDER BY received_at, record_id, version"),
                            {status});
    while (q.next())
        out << fromRow(q);
    return out;
}

ReviewQueue::Held ReviewQueue::load(const QString& recordId, int version)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(", body FROM records_review WHERE record_id = ? AND version = ?")
                                + m_db.forUpdate(),
                            {recordId, version});
    if (!q.next())
        throw HubError(QStringLiteral("not_found"), tr("No held record %1 version %2.").arg(recordId).arg(version), 404);
    Held h = fromRow(q);
    if (!m_keys.openHealth(q.value(kColumnCount).toByteArray(), bodyAad(recordId, version), &h.body))
        throw HubError(QStringLiteral("keys"), QStringLiteral("held record body %1/%2 does not open").arg(recordId).arg(version));
    if (h.status != QLatin1String("pending"))
        throw HubError(QStringLiteral("conflict"), tr("Record %1 version %2 was already reviewed (%3).").arg(recordId).arg(version).arg(h.status), 409);
    return h;
}

void ReviewQueue::accept(const QString& recordId, int version, const QString& reviewerId, const QJsonObject& auditContext)
{
    const QDateTime now = Clock::instance().nowUtc();
    m_db.transaction([&] {
        m_users.authorise(reviewerId, QStringLiteral("records.review"));
        const Held h = load(recordId, version);
        QSqlQuery existing = m_db.exec(QStringLiteral("SELECT 1 FROM records WHERE record_id = ? AND version = ?"), {recordId, version});
        if (existing.next())
            throw HubError(QStringLiteral("conflict"), tr("Record %1 version %2 is stored already.").arg(recordId).arg(version), 409);
        if (version > 1) {
            // The chain must hold among stored records: the previous version is accepted first.
            QSqlQuery prev = m_db.exec(QStringLiteral("SELECT body FROM records WHERE record_id = ? AND version = ?"), {recordId, version - 1});
            QByteArray prevBody;
            if (!prev.next() || !m_keys.openHealth(prev.value(0).toByteArray(), RecordIngest::bodyAad(recordId, version - 1), &prevBody)
                || QString::fromLatin1(Digest::sha256(prevBody).toHex()) != h.prevHash)
                throw HubError(QStringLiteral("conflict"),
                               tr("Version %1 of record %2 must be stored (accepted) first.").arg(version - 1).arg(recordId), 409);
        }
        m_db.exec(QStringLiteral("INSERT INTO records (record_id, version, patient_id, type, ward, author, prev_hash, body, body_mac,"
                                 " signature, ts_token, terminal_id, received_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {recordId, version, h.patientId, h.type, h.ward, h.author, h.prevHash,
                   m_keys.sealHealth(h.body, RecordIngest::bodyAad(recordId, version)), h.bodyMac, h.signature,
                   m_pki.timestamp(h.signature, now), h.terminalId, h.receivedAt, m_db.takeSequence()});
        m_db.exec(QStringLiteral("UPDATE records_review SET status = 'accepted', reviewed_by = ?, reviewed_at = ? WHERE record_id = ? AND version = ?"),
                  {reviewerId, now.toMSecsSinceEpoch(), recordId, version});
        QJsonObject detail = auditContext;
        detail[QStringLiteral("record")] = recordId;
        detail[QStringLiteral("version")] = version;
        detail[QStringLiteral("author")] = h.author;
        HubAuditLog(m_db).append(reviewerId, QStringLiteral("record.review.accept"), detail);
    });
}

void ReviewQueue::refuse(const QString& recordId, int version, const QString& reviewerId, const QJsonObject& auditContext)
{
    m_db.transaction([&] {
        m_users.authorise(reviewerId, QStringLiteral("records.review"));
        const Held h = load(recordId, version);
        m_db.exec(QStringLiteral("UPDATE records_review SET status = 'refused', reviewed_by = ?, reviewed_at = ? WHERE record_id = ? AND version = ?"),
                  {reviewerId, Clock::instance().nowUtc().toMSecsSinceEpoch(), recordId, version});
        QJsonObject detail = auditContext;
        detail[QStringLiteral("record")] = recordId;
        detail[QStringLiteral("version")] = version;
        detail[QStringLiteral("author")] = h.author;
        HubAuditLog(m_db).append(reviewerId, QStringLiteral("record.review.refuse"), detail);
    });
}

} // namespace ward::hub
