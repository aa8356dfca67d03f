#pragma once

#include <QDate>
#include <QString>

namespace ward {

// A medication order: one FHIR MedicationRequest (intent order). The drug is always given as text; a YJ or
// HOT code is added when known.
struct MedicationOrder
{
    QString drug;       // medicationCodeableConcept.text, always
    QString yjCode;     // 12-character YJ code, system RecordCodec::kYjSystem; empty when unknown
    QString hotCode;    // HOT9 code, system RecordCodec::kHot9System; empty when unknown
    QString dose;       // e.g. "1回1錠", "500 mg"
    QString route;      // e.g. "経口", "静注"
    QString frequency;  // e.g. "1日3回 毎食後"
    QDate start;        // first day; invalid = from the order time
};

} // namespace ward
