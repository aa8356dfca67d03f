#pragma once

#include "records/RecordContent.h"
#include "records/RecordVersion.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace ward {

// What the chart shows of one patient's records, decoded once per refresh into the codec's typed content: the
// vital-sign sets for the 温度板, notes for its shift rows, lab results, allergies, active flags and medication
// orders. The widgets take these, never record bodies; decode() is the only place the chart reads a body (one codec rule).
// Entered-in-error records are left out: they are withdrawn. A body that does not decode is left out too and
// counted (undecodable), so the chart can say so instead of showing half a record.
class ChartContent
{
public:
    struct Vitals
    {
        QString recordId;
        QDateTime at;  // clinical time (UTC)
        QString author;
        VitalSigns values;
    };
    struct Note
    {
        QString recordId;
        QDateTime at;
        QString author;
        QString type;  // progress-note | nursing-note
        QString text;  // the whole text, SOAP sections as "S: …" lines
    };
    struct Lab
    {
        QString recordId;
        QDateTime at;
        LabResult result;
        QString key() const { return result.jlac10.isEmpty() ? result.name : result.jlac10; }
    };
    struct Allergy
    {
        QString recordId;
        QDateTime at;
        AllergyRecord allergy;
    };
    struct Flag
    {
        QString recordId;
        QDateTime at;
        PatientFlag flag;
    };
    struct Medication
    {
        QString recordId;
        QDateTime at;
        QString author;
        MedicationOrder order;
        RecordVersion::Status status = RecordVersion::Status::Confirmed;
    };

    QList<Vitals> vitals;           // oldest first
    QList<Note> notes;              // oldest first
    QList<Lab> labs;                // oldest first
    QList<Allergy> allergies;       // newest first
    QList<Medication> medications;  // newest first
    QList<Flag> flags;              // active flags (confirmed, not lifted), newest first
    QHash<QString, RecordContent> decoded;  // every record that decoded, by record ID (for the timeline)
    int undecodable = 0;

    // Latest versions of one patient's records, any order.
    static ChartContent fromRecords(const QList<RecordVersion>& records);
    // The version's typed content through the record codec; nullopt when its body is not a record it reads.
    static std::optional<RecordContent> decode(const RecordVersion& record);
    static QString noteText(const ClinicalNote& note);
};

} // namespace ward
