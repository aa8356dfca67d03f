#pragma once

#include "records/RecordVersion.h"

#include <QList>
#include <optional>

namespace ward {

class SqlCipherDatabase;

// Health data: every version of every record, append-only (DATA-3). A new version must link to the
// hash of the version before it; confirmed versions can never be changed or deleted (the schema's
// triggers refuse it even if this class had a bug).
class RecordStore
{
public:
    explicit RecordStore(SqlCipherDatabase& db);

    // Throws VaultError InvalidInput for a broken link, a gap in versions or an existing version
    // with different content; AppendOnly never happens here.
    void append(const RecordVersion& record);
    // For sync: stores what is new, returns false for an identical copy already held.
    bool appendIfAbsent(const RecordVersion& record);
    void appendAll(const QList<RecordVersion>& records);

    std::optional<RecordVersion> find(const QString& recordId, int version) const;
    std::optional<RecordVersion> latest(const QString& recordId) const;
    QList<RecordVersion> versions(const QString& recordId) const;
    // Every version of the patient's records, newest first.
    QList<RecordVersion> forPatient(const QString& patientId, int limit = 1000) const;
    qint64 count() const;

    // The hub's RFC 3161 token for a version that had none (the only update allowed).
    void setTimestampToken(const QString& recordId, int version, const QByteArray& token);

private:
    void appendChecked(const RecordVersion& record);
    SqlCipherDatabase& m_db;
};

} // namespace ward
