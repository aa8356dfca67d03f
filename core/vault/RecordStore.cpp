#include "vault/RecordStore.h"

#include "vault/SqlCipherDatabase.h"
#include "vault/SqlStatement.h"
#include "vault/VaultError.h"
#include "vault/VaultText.h"

#include <QCoreApplication>

namespace ward {

namespace {

const char kSelect[] = "SELECT record_id, version, patient_id, type, classification, compartment, author, "
                       "proxy_author, approver, created_at, confirmed_at, prev_hash, body, signature, "
                       "timestamp_token, status FROM record_versions ";

RecordVersion readRecord(const SqlStatement& q)
{
    RecordVersion r;
    r.recordId = q.text(0);
    r.version = static_cast<int>(q.integer(1));
    r.patientId = q.text(2);
    r.type = q.text(3);
    r.classification = static_cast<int>(q.integer(4));
    r.compartment = q.text(5);
    r.author = q.text(6);
    r.proxyAuthor = q.text(7);
    r.approver = q.text(8);
    r.createdAt = QDateTime::fromString(q.text(9), Qt::ISODateWithMs);
    r.confirmedAt = QDateTime::fromString(q.text(10), Qt::ISODateWithMs);
    r.prevHash = q.blob(11);
    r.body = q.blob(12);
    r.signature = q.blob(13);
    r.timestampToken = q.blob(14);
    RecordVersion::statusFromName(q.text(15), &r.status);
    return r;
}

VaultError invalid(const QString& message)
{
    return VaultError(VaultError::Code::InvalidInput, message);
}


} // namespace

RecordStore::RecordStore(SqlCipherDatabase& db)
    : m_db(db)
{
}

void RecordStore::append(const RecordVersion& record)
{
    SqlCipherDatabase::Transaction tx(m_db);
    appendChecked(record);
    tx.commit();
}

void RecordStore::appendAll(const QList<RecordVersion>& records)
{
    SqlCipherDatabase::Transaction tx(m_db);
    for (const RecordVersion& r : records)
        appendChecked(r);
    tx.commit();
}

bool RecordStore::appendIfAbsent(const RecordVersion& record)
{
    SqlCipherDatabase::Transaction tx(m_db);
    if (const auto existing = find(record.recordId, record.version)) {
        if (existing->versionHash() != record.versionHash())
            throw invalid(VaultText::tr("Record %1 version %2 already exists with different content; nothing was stored.")
                              .arg(record.recordId)
                              .arg(record.version));
        return false;
    }
    appendChecked(record);
    tx.commit();
    return true;
}

void RecordStore::appendChecked(const RecordVersion& r)
{
    if (r.recordId.isEmpty() || r.patientId.isEmpty() || r.type.isEmpty() || r.author.isEmpty())
        throw invalid(VaultText::tr("A record needs an ID, a patient, a type and an author."));
    if (r.classification < 1 || r.classification > 4)
        throw invalid(VaultText::tr("Classification must be I to IV."));
    if (r.version < 1)
        throw invalid(VaultText::tr("Record versions start at 1."));
    if (r.version == 1) {
        if (!r.prevHash.isEmpty())
            throw invalid(VaultText::tr("Version 1 of a record cannot link to a previous version."));
    } else {
        const auto prev = find(r.recordId, r.version - 1);
        if (!prev)
            throw invalid(VaultText::tr("Record %1 version %2 has no version %3 before it.")
                              .arg(r.recordId)
                              .arg(r.version)
                              .arg(r.version - 1));
        if (prev->patientId != r.patientId)
            throw invalid(VaultText::tr("A correction must stay with the same patient."));
        if (prev->versionHash() != r.prevHash)
            throw invalid(VaultText::tr("Record %1 version %2 does not link to the stored version %3 (hash mismatch).")
                              .arg(r.recordId)
                              .arg(r.version)
                              .arg(r.version - 1));
    }
    if (find(r.recordId, r.version))
        throw invalid(VaultText::tr("Record %1 version %2 already exists; corrections are new versions.")
                          .arg(r.recordId)
                          .arg(r.version));
    m_db.prepare("INSERT INTO record_versions (record_id, version, patient_id, type, classification, compartment, "
                 "author, proxy_author, approver, created_at, confirmed_at, prev_hash, body, signature, "
                 "timestamp_token, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, r.recordId)
        .bind(2, r.version)
        .bind(3, r.patientId)
        .bind(4, r.type)
        .bind(5, r.classification)
        .bind(6, r.compartment)
        .bind(7, r.author)
        .bind(8, r.proxyAuthor)
        .bind(9, r.approver)
        .bind(10, r.createdAt.toUTC().toString(Qt::ISODateWithMs))
        .bind(11, r.confirmedAt.isValid() ? r.confirmedAt.toUTC().toString(Qt::ISODateWithMs) : QString())
        .bind(12, r.prevHash.isEmpty() ? QByteArray() : r.prevHash)
        .bind(13, r.body.isNull() ? QByteArray("") : r.body)
        .bind(14, r.signature.isEmpty() ? QByteArray() : r.signature)
        .bind(15, r.timestampToken.isEmpty() ? QByteArray() : r.timestampToken)
        .bind(16, RecordVersion::statusName(r.status))
        .run();
}

std::optional<RecordVersion> RecordStore::find(const QString& recordId, int version) const
{
    SqlStatement q = m_db.prepare((QByteArray(kSelect) + "WHERE record_id = ? AND version = ?").constData());
    q.bind(1, recordId).bind(2, version);
    if (!q.step())
        return std::nullopt;
    return readRecord(q);
}

std::optional<RecordVersion> RecordStore::latest(const QString& recordId) const
{
    SqlStatement q = m_db.prepare((QByteArray(kSelect) + "WHERE record_id = ? ORDER BY version DESC LIMIT 1").constData());
    q.bind(1, recordId);
    if (!q.step())
        return std::nullopt;
    return readRecord(q);
}

QList<RecordVersion> RecordStore::versions(const QString& recordId) const
{
    SqlStatement q = m_db.prepare((QByteArray(kSelect) + "WHERE record_id = ? ORDER BY version").constData());
    q.bind(1, recordId);
    QList<RecordVersion> out;
    while (q.step())
        out.append(readRecord(q));
    return out;
}

QList<RecordVersion> RecordStore::forPatient(const QString& patientId, int limit) const
{
    SqlStatement q = m_db.prepare(
        (QByteArray(kSelect) + "WHERE patient_id = ? ORDER BY created_at DESC, record_id, version DESC LIMIT ?")
            .constData());
    q.bind(1, patientId).bind(2, limit);
    QList<RecordVersion> out;
    while (q.step())
        out.append(readRecord(q));
    return out;
}

qint64 RecordStore::count() const
{
    SqlStatement q = m_db.prepare("SELECT count(*) FROM record_versions");
    q.step();
    return q.integer(0);
}

void RecordStore::setTimestampToken(const QString& recordId, int version, const QByteArray& token)
{
    if (token.isEmpty())
        throw invalid(VaultText::tr("An empty timestamp token cannot be stored."));
    m_db.prepare("UPDATE record_versions SET timestamp_token = ? WHERE record_id = ? AND version = ?")
        .bind(1, token)
        .bind(2, recordId)
        .bind(3, version)
        .run();
    if (m_db.changes() != 1)
        throw invalid(VaultText::tr("Record %1 version %2 is not in the vault.").arg(recordId).arg(version));
}

} // namespace ward
