#include "vault/PatientStore.h"

#include "records/KanaFolding.h"
#include "util/Clock.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/SqlStatement.h"

#include <QHash>
#include <algorithm>

namespace ward {

namespace {

Patient readPatient(const SqlStatement& q)
{
    Patient p;
    p.patientId = q.text(0);
    p.name = q.text(1);
    p.kana = q.text(2);
    p.birthDate = QDate::fromString(q.text(3), Qt::ISODate);
    p.sex = q.text(4);
    p.address = q.text(5);
    p.ward = q.text(6);
    p.bed = q.text(7);
    return p;
}

// FTS4's simple tokenizer splits on ASCII punctuation; the query keeps only what can be a token
// character so user input can never inject FTS syntax.
QString ftsSafe(const QString& folded)
{
    QString out;
    for (QChar c : folded) {
        if (c.unicode() >= 0x80 || c.isLetterOrNumber())
            out.append(c);
    }
    return out;
}

} // namespace

PatientStore::PatientStore(SqlCipherDatabase& db)
    : m_db(db)
{
}

void PatientStore::upsert(const Patient& patient)
{
    SqlCipherDatabase::Transaction tx(m_db);
    upsertOne(patient);
    tx.commit();
}

void PatientStore::upsertAll(const QList<Patient>& patients)
{
    SqlCipherDatabase::Transaction tx(m_db);
    for (const Patient& p : patients)
        upsertOne(p);
    tx.commit();
}

void PatientStore::upsertOne(const Patient& p)
{
    const QString folded = KanaFolding::fold(p.name) + QLatin1Char(' ') + KanaFolding::fold(p.kana);
    SqlStatement old = m_db.prepare("SELECT rowid FROM patients WHERE patient_id = ?");
    old.bind(1, p.patientId);
    const bool exists = old.step();
    const qint64 rowid = exists ? old.integer(0) : 0;
    if (exists) {
        m_db.prepare("UPDATE patients SET name=?, kana=?, folded=?, birth_date=?, sex=?, address=?, ward=?, bed=?, "
                     "updated_at=? WHERE rowid=?")
            .bind(1, p.name)
            .bind(2, p.kana)
            .bind(3, folded)
            .bind(4, p.birthDate.toString(Qt::ISODate))
            .bind(5, p.sex)
            .bind(6, p.address)
            .bind(7, p.ward)
            .bind(8, p.bed)
            .bind(9, Clock::instance().nowUtc().toString(Qt::ISODate))
            .bind(10, rowid)
            .run();
        m_db.prepare("DELETE FROM patient_search WHERE docid = ?").bind(1, rowid).run();
    } else {
        m_db.prepare("INSERT INTO patients (patient_id, name, kana, folded, birth_date, sex, address, ward, bed, "
                     "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
            .bind(1, p.patientId)
            .bind(2, p.name)
            .bind(3, p.kana)
            .bind(4, folded)
            .bind(5, p.birthDate.toString(Qt::ISODate))
            .bind(6, p.sex)
            .bind(7, p.address)
            .bind(8, p.ward)
            .bind(9, p.bed)
            .bind(10, Clock::instance().nowUtc().toString(Qt::ISODate))
            .run();
    }
    const qint64 id = exists ? rowid : m_db.lastInsertRowId();
    const QString tokens = KanaFolding::bigrams(KanaFolding::fold(p.name)) + QLatin1Char(' ')
                           + KanaFolding::bigrams(KanaFolding::fold(p.kana));
    m_db.prepare("INSERT INTO patient_search (docid, tokens) VALUES (?, ?)").bind(1, id).bind(2, tokens).run();
}

std::optional<Patient> PatientStore::find(const QString& patientId) const
{
    SqlStatement q = m_db.prepare("SELECT patient_id, name, kana, birth_date, sex, address, ward, bed FROM patients "
                                  "WHERE patient_id = ?");
    q.bind(1, patientId);
    if (!q.step())
        return std::nullopt;
    return readPatient(q);
}

QList<Patient> PatientStore::census(const QString& ward) const
{
    SqlStatement q = m_db.prepare("SELECT patient_id, name, kana, birth_date, sex, address, ward, bed FROM patients "
                                  "WHERE ward = ? ORDER BY bed, kana");
    q.bind(1, ward);
    QList<Patient> out;
    while (q.step())
        out.append(readPatient(q));
    return out;
}

qint64 PatientStore::count() const
{
    SqlStatement q = m_db.prepare("SELECT count(*) FROM patients");
    q.step();
    return q.integer(0);
}

QList<Patient> PatientStore::search(const QString& query, int limit) const
{
    const QString trimmed = query.trimmed().normalized(QString::NormalizationForm_KC);
    const QString folded = ftsSafe(KanaFolding::fold(trimmed));
    if (folded.isEmpty() || limit <= 0)
        return {};

    struct Hit
    {
        Patient patient;
        int rank;
    };
    QHash<QString, Hit> hits;
    const auto consider = [&](const Patient& p, int rank) {
        auto it = hits.find(p.patientId);
        if (it == hits.end())
            hits.insert(p.patientId, Hit{p, rank});
        else if (rank < it->rank)
            it->rank = rank;
    };

    // Patient IDs: a range scan on the primary key, so a prefix costs an index seek.
    const QString idQuery = trimmed.toUpper();
    if (!idQuery.contains(QLatin1Char(' '))) {
        SqlStatement q = m_db.prepare("SELECT patient_id, name, kana, birth_date, sex, address, ward, bed FROM "
                                      "patients WHERE patient_id >= ? AND patient_id < ? ORDER BY patient_id LIMIT ?");
        q.bind(1, idQuery).bind(2, idQuery + QChar(0xFFFF)).bind(3, limit);
        while (q.step()) {
            const Patient p = readPatient(q);
            consider(p, p.patientId == idQuery ? 0 : 1);
        }
    }

    const QStringList chars = KanaFolding::characters(folded);
    QString match;
    if (chars.size() == 1) {
        match = chars.first() + QLatin1Char('*');
    } else {
        QStringList grams;
        for (int i = 0; i + 1 < chars.size(); ++i)
            grams << chars.at(i) + chars.at(i + 1);
        match = QLatin1Char('"') + grams.join(QLatin1Char(' ')) + QLatin1Char('"');
    }
    SqlStatement q = m_db.prepare(
        "SELECT p.patient_id, p.name, p.kana, p.birth_date, p.sex, p.address, p.ward, p.bed, p.folded "
        "FROM patient_search s JOIN patients p ON p.rowid = s.docid WHERE s.tokens MATCH ? LIMIT 500");
    q.bind(1, match);
    while (q.step()) {
        const Patient p = readPatient(q);
        const QStringList parts = q.text(8).split(QLatin1Char(' '));
        int rank = 4;
        for (const QString& part : parts) {
            if (part == folded)
                rank = std::min(rank, 2);
            else if (part.startsWith(folded))
                rank = std::min(rank, 3);
        }
        // The bigram phrase can match across the boundary of name and kana; keep only real matches.
        if (rank == 4 && std::none_of(parts.begin(), parts.end(), [&](const QString& s) { return s.contains(folded); }))
            continue;
        consider(p, rank);
    }

    QList<Hit> ordered = hits.values();
    std::sort(ordered.begin(), ordered.end(), [](const Hit& a, const Hit& b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.rank <= 1)  // ID matches read best in ID order
            return a.patient.patientId < b.patient.patientId;
        const QString ka = KanaFolding::fold(a.patient.kana);
        const QString kb = KanaFolding::fold(b.patient.kana);
        if (ka != kb)
            return ka < kb;
        return a.patient.patientId < b.patient.patientId;
    });
    QList<Patient> out;
    for (int i = 0; i < ordered.size() && i < limit; ++i)
        out.append(ordered.at(i).patient);
    return out;
}

} // namespace ward
