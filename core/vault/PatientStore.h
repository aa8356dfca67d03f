#pragma once

#include "records/Patient.h"

#include <QList>
#include <optional>

namespace ward {

class SqlCipherDatabase;

// Identity data of the terminal's wards (a replica of the hub), with search that works the way
// Japanese names are typed: patient ID prefix, kanji, hiragana, katakana, half-width katakana.
class PatientStore
{
public:
    explicit PatientStore(SqlCipherDatabase& db);

    void upsert(const Patient& patient);
    // One transaction for a batch (initial sync): 10^4 patients in well under a second.
    void upsertAll(const QList<Patient>& patients);
    std::optional<Patient> find(const QString& patientId) const;
    QList<Patient> census(const QString& ward) const;
    qint64 count() const;

    // Ranked: exact ID, ID prefix, exact name/kana, name/kana prefix, then containing the text;
    // ties by kana. At most `limit` results.
    QList<Patient> search(const QString& query, int limit = 50) const;

private:
    void upsertOne(const Patient& patient);
    SqlCipherDatabase& m_db;
};

} // namespace ward
