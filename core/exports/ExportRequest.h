#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

namespace ward {

// What leaves the chart on paper or media (DATA-4, DATA-6).
enum class ExportKind {
    PatientSummary,    // printed: identity, alerts, latest vital signs, current medication orders
    NotesOfPeriod,     // printed: progress and nursing notes of a period
    TemperatureSheet,  // printed: 温度板, vital signs of a period
    LabTable,          // printed: lab results of a period
    FhirBundle,        // file: the patient's current records as a FHIR R4 Bundle (RecordCodec::collectionBundle)
    LabCsv,            // file: the lab table as CSV
};

enum class ExportDestination {
    Printer,         // a printer the terminal has
    Folder,          // the hospital's export folder (policy export.folder), as a file
    RemovableMedia,  // a USB stick or disc under a mount root the policy allows; always encrypted (CmsEnvelope)
};

// One print or export a person asked for: checked by ExportService, numbered and recorded by ExportLedger.
struct ExportRequest
{
    Q_DECLARE_TR_FUNCTIONS(ward::ExportRequest)

public:
    ExportKind kind = ExportKind::PatientSummary;
    QString patientId;
    QDate from;  // first and last clinical day of the period (NotesOfPeriod, TemperatureSheet, LabTable, LabCsv)
    QDate to;
    QString purpose;      // an ExportPurpose code
    QString purposeText;  // the person's own words (required for "other")
    ExportDestination destination = ExportDestination::Printer;
    QString target;       // the printer's name, or the file's path

    // The record types the output shows: the person needs the export permission on each (AccessPolicy).
    static QStringList recordTypes(ExportKind kind);
    static bool hasPeriod(ExportKind kind);
    // Printed (or PDF) kinds, as opposed to data files.
    static bool isPrinted(ExportKind kind);
    static QString kindName(ExportKind kind);  // "patient-summary", … as the ledger writes it
    static bool kindFromName(const QString& name, ExportKind* out);
    static QString kindLabel(ExportKind kind);  // what the person reads
    static QString destinationName(ExportDestination d);  // "printer", "folder", "media"
    static bool destinationFromName(const QString& name, ExportDestination* out);
    static QString destinationLabel(ExportDestination d);
    static QList<ExportKind> allKinds();
};

} // namespace ward
