#include "ui/chart/ChartContent.h"

#include "records/RecordCodec.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace ward {

namespace {

template <typename T>
void byTime(QList<T>& list, bool newestFirst)
{
    std::stable_sort(list.begin(), list.end(), [newestFirst](const T& a, const T& b) {
        return newestFirst ? a.at > b.at : a.at < b.at;
    });
}

} // namespace

std::optional<RecordContent> ChartContent::decode(const RecordVersion& record)
{
    return RecordCodec::readStored(record);
}

QString ChartContent::noteText(const ClinicalNote& note)
{
    if (note.format == ClinicalNote::Format::Text)
        return note.text;
    QStringList lines;
    const std::pair<char, const QString*> sections[] = {
        {'S', &note.subjective}, {'O', &note.objective}, {'A', &note.assessment}, {'P', &note.plan}};
    for (const auto& [letter, text] : sections) {
        if (!text->isEmpty())
            lines << QStringLiteral("%1: %2").arg(QString(QLatin1Char(letter)), *text);
    }
    return lines.join(QLatin1Char('\n'));
}

ChartContent ChartContent::fromRecords(const QList<RecordVersion>& records)
{
    ChartContent c;
    // The codec reads every body (envelope, resource, DATA-7 ranges, agreement with the version), about a tenth
    // of a millisecond each: a long chart decodes on all cores so it still opens within its budget. decode() is
    // a pure function of the version.
    QList<std::optional<RecordContent>> all;
    if (records.size() >= 64)
        all = QtConcurrent::blockingMapped<QList<std::optional<RecordContent>>>(records, &ChartContent::decode);
    else
        for (const RecordVersion& r : records)
            all.append(decode(r));
    for (qsizetype i = 0; i < records.size(); ++i) {
        const RecordVersion& r = records.at(i);
        const std::optional<RecordContent>& content = all.at(i);
        if (!content) {
            ++c.undecodable;
            continue;
        }
        c.decoded.insert(r.recordId, *content);
        if (r.status == RecordVersion::Status::EnteredInError)
            continue;
        const QDateTime at = content->clinicalTime;
        if (const VitalSigns* v = content->vitals()) {
            c.vitals.append({r.recordId, at, r.author, *v});
        } else if (const ClinicalNote* n = content->note()) {
            c.notes.append({r.recordId, at, r.author, r.type, noteText(*n)});
        } else if (const LabResult* lab = content->lab()) {
            if (r.status == RecordVersion::Status::Confirmed)
                c.labs.append({r.recordId, at, *lab});
        } else if (const AllergyRecord* a = content->allergy()) {
            if (r.status == RecordVersion::Status::Confirmed)
                c.allergies.append({r.recordId, at, *a});
        } else if (const MedicationOrder* m = content->medication()) {
            c.medications.append({r.recordId, at, r.author, *m, r.status});
        } else if (const PatientFlag* f = content->flag()) {
            if (r.status == RecordVersion::Status::Confirmed && f->active)
                c.flags.append({r.recordId, at, *f});
        }
    }
    byTime(c.vitals, false);
    byTime(c.notes, false);
    byTime(c.labs, false);
    byTime(c.allergies, true);
    byTime(c.medications, true);
    byTime(c.flags, true);
    return c;
}

} // namespace ward
