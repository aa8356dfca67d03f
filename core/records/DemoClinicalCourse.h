#pragma once

#include "records/RecordContent.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ward {

// The clinical content of the demo data, shared by the hub's demo hospital (hub/demo/DemoSeed) and the
// terminal's demo ward (DemoWard): one model, one generator, written through RecordCodec's typed content.
// Deterministic for (patient index, seed, now). Each patient follows one course:
//   pneumonia      fever episode on admission (39 °C, tachycardia, SpO2 92–94 %), WBC/CRP high, antibiotics
//   hypertension   systolic 170–180 falling to ~135 under amlodipine, creatinine high, low-salt notes
//   post-operative hip fracture surgery on day 2: post-operative fever, Hb low, CRP high, cefazolin, analgesic
//   stable         normal values throughout
// Vital signs three times a day at shift times (with the minutes a real round takes), a nursing note per day,
// a progress note (SOAP) every other day, lab panels on admission and weekly, allergies for about a third of
// the patients, medication orders, and alert flags (fall risk, infection precautions, 絶食) where the course
// or the age calls for them.
class DemoClinicalCourse
{
public:
    enum class Course { Pneumonia, Hypertension, PostOperative, Stable };

    struct Identity
    {
        QString name;  // 姓　名 (full-width space)
        QString kana;
        QString sex;   // "F" or "M": the given name agrees with it
        QDate birthDate;
    };

    struct Entry
    {
        RecordContent content;  // author, patient, clinical time and status set
        int classification = 2;
    };

    static Identity identity(int index, quint32 seed);
    static Course courseFor(int index);

    // Every record of one patient, admitted `days` days before `now` (clinical times all before `now`), in
    // clinical-time order. Nurses take turns by shift; progress notes, labs and orders are the doctor's.
    static QList<Entry> records(const QString& patientId, int index, const Identity& identity, const QString& doctor,
                                const QStringList& nurses, const QDateTime& now, int days, quint32 seed);
};

} // namespace ward
