#pragma once

#include "records/RecordVersion.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace ward {

// What the chart shows of one patient's records, as typed values decoded once per refresh: the vital-sign
// sets for the 温度板, notes for its shift rows, lab values, allergies and medication orders. The widgets take
// these, never record bodies; fromRecords() is the only place the chart reads a body, and it reads it through
// the record codec (one codec rule). Entered-in-error records are left out: they are withdrawn.
class ChartContent
{
public:
    struct Vitals
    {
        QString recordId;
        QDateTime at;  // clinical time (UTC)
        QString author;
        std::optional<double> temperature;  // °C
        std::optional<double> pulse;        // /min
        std::optional<double> systolic;     // mmHg
        std::optional<double> diastolic;    // mmHg
        std::optional<double> spo2;         // %
        std::optional<double> respRate;     // /min
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
        QString code;  // what groups one test's values (JLAC10 where known)
        QString name;
        double value = 0;
        QString unit;
        std::optional<double> low;
        std::optional<double> high;
        QString interpretation;  // "H", "L" or empty
    };
    struct Allergy
    {
        QString recordId;
        QDateTime at;
        QString substance;
        QString reaction;
        QString severity;
    };
    struct Medication
    {
        QString recordId;
        QDateTime at;
        QString drug;
        QString dose;
        QString route;
        QString frequency;
        QString start;
        RecordVersion::Status status = RecordVersion::Status::Confirmed;
    };

    QList<Vitals> vitals;           // oldest first
    QList<Note> notes;              // oldest first
    QList<Lab> labs;                // oldest first
    QList<Allergy> allergies;       // newest first
    QList<Medication> medications;  // newest first

    // Latest versions of one patient's records, any order.
    static ChartContent fromRecords(const QList<RecordVersion>& records);
    // "H" or "L" from the value and its reference range when the record carries no interpretation.
    static QString flagFor(double value, const std::optional<double>& low, const std::optional<double>& high);
};

} // namespace ward
