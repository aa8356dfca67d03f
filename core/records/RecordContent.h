#pragma once

#include "records/AllergyRecord.h"
#include "records/ClinicalNote.h"
#include "records/LabResult.h"
#include "records/MedicationOrder.h"
#include "records/PatientFlag.h"
#include "records/VitalSigns.h"

#include <QDateTime>
#include <QString>
#include <variant>

namespace ward {

// The clinical content of one record version, typed: what RecordCodec encodes to and decodes from FHIR R4.
// Every resource names its patient, its author, its clinical time and its status.
struct RecordContent
{
    // FHIR status of the resource. Preliminary = a proxy entry waiting for the doctor's approval (AC-5);
    // EnteredInError = the version that withdraws a record (its content stays, with the reason).
    enum class Status { Final, Preliminary, EnteredInError };

    QString type;            // record type: progress-note, nursing-note, vital-signs, lab-result, allergy,
                             // medication-order, flag (RecordCodec::knownTypes())
    QString patientId;       // subject / patient: Patient/<id>
    QString author;          // staff user ID: Practitioner/<id>
    QDateTime clinicalTime;  // UTC: when observed / recorded / ordered / written (effectiveDateTime,
                             // recordedDate, authoredOn, date)
    Status status = Status::Final;
    QString errorReason;     // EnteredInError only: why the record was withdrawn

    std::variant<VitalSigns, LabResult, AllergyRecord, MedicationOrder, ClinicalNote, PatientFlag> data;

    const VitalSigns* vitals() const { return std::get_if<VitalSigns>(&data); }
    const LabResult* lab() const { return std::get_if<LabResult>(&data); }
    const AllergyRecord* allergy() const { return std::get_if<AllergyRecord>(&data); }
    const MedicationOrder* medication() const { return std::get_if<MedicationOrder>(&data); }
    const ClinicalNote* note() const { return std::get_if<ClinicalNote>(&data); }
    const PatientFlag* flag() const { return std::get_if<PatientFlag>(&data); }
};

} // namespace ward
