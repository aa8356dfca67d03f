#pragma once

#include "records/Patient.h"
#include "records/RecordContent.h"
#include "records/RecordEnvelope.h"
#include "records/RecordVersion.h"
#include "records/ValidationProblem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>
#include <optional>

namespace ward {

// The one reader and writer of record bodies (issue 9): typed RecordContent ⇄ FHIR R4 JSON in the JP Core /
// JP-CLINS shapes, and the DATA-7 validation of both. The terminal's editors and chart, the hub's ingest, the
// demo generators and the tests all go through it; nothing else builds or reads record JSON.
//
//   vital-signs       Observation, category vital-signs, LOINC 8310-5 / 8867-4 / 85354-9 (8480-6, 8462-4) /
//                     59408-5 / 9279-1, UCUM units. One measurement: coded as itself with valueQuantity; blood
//                     pressure alone: 85354-9 with its two components; several: the panel 85353-1 with components
//   lab-result        Observation, category laboratory, code JLAC10 (+ LOINC), valueQuantity (UCUM),
//                     referenceRange, interpretation H/L/N
//   allergy           AllergyIntolerance
//   medication-order  MedicationRequest (intent order), YJ / HOT code when known, text always
//   progress-note     Composition, type LOINC 11506-3; nursing-note: 34746-8; S/O/A/P or one free-text section
//   flag              Flag: infection precautions / fall risk (category safety), NPO 絶食 (category diet); code in
//                     kWardFlagSystem with the text always; period.start = clinical time; status active/inactive
// Every resource: subject/patient Patient/<id>, author Practitioner/<id>, clinical time, status.
class RecordCodec
{
    Q_DECLARE_TR_FUNCTIONS(ward::RecordCodec)

public:
    static constexpr const char* kLoincSystem = "http://loinc.org";
    static constexpr const char* kUcumSystem = "http://unitsofmeasure.org";
    static constexpr const char* kJlac10System = "urn:oid:1.2.392.200119.4.504";
    static constexpr const char* kYjSystem = "urn:oid:1.2.392.100495.20.1.73";
    static constexpr const char* kHot9System = "urn:oid:1.2.392.200119.4.403.1";
    // The ward alerts a Flag carries (PatientFlag::Kind): infection-precautions, fall-risk, npo. No national code
    // list covers them (JP Core has no Flag profile), so the system is WardStation's own and the text says it all.
    // JP Core: the hospital's patient number (医療機関の患者ID, 1 + the demo hospital's 10-digit code).
    static constexpr const char* kPatientIdSystem = "urn:oid:1.2.392.100495.20.3.51.11318814790";
    static constexpr const char* kWardFlagSystem = "http://wardstation.jp/fhir/CodeSystem/ward-flag";

    // DATA-7 ranges.
    struct Range
    {
        double low;
        double high;
    };
    static constexpr Range kTemperature{30.0, 45.0};
    static constexpr Range kPulse{20, 250};
    static constexpr Range kSystolic{40, 300};
    static constexpr Range kDiastolic{20, 200};
    static constexpr Range kSpo2{50, 100};
    static constexpr Range kRespRate{4, 80};
    static constexpr int kMaxTextLength = 20000;   // one note section / free text
    static constexpr int kMaxShortText = 200;      // names, codes, units, doses
    static constexpr int kMaxBodyBytes = 256 * 1024;

    static QStringList knownTypes();
    static QString resourceTypeFor(const QString& recordType);  // "Observation", "Composition", …

    // Problems with typed content (DATA-7): required fields, ranges, text rules, codes with their system.
    // Each problem names the field to fix.
    static QList<ValidationProblem> validate(const RecordContent& content);

    // FHIR R4 JSON, compact and deterministic (the same content gives the same bytes). The content must be valid.
    static QByteArray encode(const RecordContent& content);

    // The body of a version being created: the content takes the version's patient, author and status, is
    // validated, encoded, and wrapped in the envelope (RecordEnvelope) that the signature will cover. Sets
    // record->body and returns no problems, or returns the problems and leaves record->body alone.
    static QList<ValidationProblem> writeBody(RecordVersion* record, RecordContent content, const QByteArray& previousBody);

    // FHIR bytes → typed content. nullopt and *problems when the bytes are not a resource this codec writes
    // (not JSON, unknown resource type, missing subject, a code without a system, out-of-range values, …),
    // or when the content does not validate.
    static std::optional<RecordContent> decode(const QByteArray& fhir, QList<ValidationProblem>* problems = nullptr);

    // What an editor restores from a draft: the content as far as it can be read, valid or not (SES-4: a draft
    // is kept as typed). Never use it for anything that is signed or shown as a record.
    static std::optional<RecordContent> decodeDraft(const QByteArray& fhir);

    // An envelope's resource, checked to agree with the envelope (type, patient, author, clinical time, status).
    static std::optional<RecordContent> decode(const RecordEnvelope& envelope, QList<ValidationProblem>* problems = nullptr);
    static QList<ValidationProblem> agreement(const RecordContent& content, const RecordEnvelope& envelope);

    // A stored version: its envelope, then its resource. Also checks that the resource agrees with the envelope
    // (patient, type, author, clinical time, status) and the envelope with the version's metadata.
    static std::optional<RecordContent> decode(const RecordVersion& record, QList<ValidationProblem>* problems = nullptr);

    // What the chart shows from the vault: the same checks as decode(record) except the canonical re-encode.
    // Every way into the vault (a confirm at this terminal, IncomingRecord on pull, the demo seed) has already
    // decoded the bytes strictly, and SQLCipher authenticates every page, so proving the layout again on each
    // open only costs time (about half of a record's decode). Metadata, envelope, field and agreement checks stay.
    static std::optional<RecordContent> readStored(const RecordVersion& record);

    // Export (DATA-4, DATA-6): the patient as a JP Core Patient resource (hospital patient ID, kanji and kana
    // names, sex, birth date) and a FHIR Bundle of type collection holding it and the records' resources
    // (each exactly as signed). The references "Patient/<id>" resolve against kFhirBase.
    static constexpr const char* kFhirBase = "http://wardstation.jp/fhir/";
    static QJsonObject patientResource(const Patient& patient);
    static QByteArray collectionBundle(const Patient& patient, const QList<QPair<QString, QByteArray>>& recordResources,
                                       const QDateTime& timestamp);

    // The content as named fields in a fixed order (the field names validate() uses), values as plain text; what
    // is absent is left out. For showing what changed between versions (RecordDiff).
    static QList<QPair<QString, QString>> fields(const RecordContent& content);

    // Text check for one typed string: empty when fine. Newline and tab only where multiLine; other controls,
    // lone surrogates and non-characters are refused.
    static QString textProblem(const QString& text, bool multiLine, int maxLength = kMaxTextLength);

    // Status mapping between the chart's version status and the resource's FHIR status.
    static RecordContent::Status contentStatusFor(RecordVersion::Status status);
};

} // namespace ward
