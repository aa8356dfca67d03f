#include "exports/ExportRequest.h"

namespace ward {

QList<ExportKind> ExportRequest::allKinds()
{
    return {ExportKind::PatientSummary, ExportKind::NotesOfPeriod, ExportKind::TemperatureSheet,
            ExportKind::LabTable,       ExportKind::FhirBundle,    ExportKind::LabCsv};
}

QStringList ExportRequest::recordTypes(ExportKind kind)
{
    switch (kind) {
    case ExportKind::PatientSummary:
        return {QStringLiteral("allergy"), QStringLiteral("vital-signs"), QStringLiteral("medication-order")};
    case ExportKind::NotesOfPeriod:
        return {QStringLiteral("progress-note"), QStringLiteral("nursing-note")};
    case ExportKind::TemperatureSheet:
        return {QStringLiteral("vital-signs")};
    case ExportKind::LabTable:
    case ExportKind::LabCsv:
        return {QStringLiteral("lab-result")};
    case ExportKind::FhirBundle:
        return {QStringLiteral("*")};  // every type the patient has (ExportService checks each)
    }
    return {};
}

bool ExportRequest::hasPeriod(ExportKind kind)
{
    return kind == ExportKind::NotesOfPeriod || kind == ExportKind::TemperatureSheet || kind == ExportKind::LabTable
        || kind == ExportKind::LabCsv;
}

bool ExportRequest::isPrinted(ExportKind kind)
{
    return kind != ExportKind::FhirBundle && kind != ExportKind::LabCsv;
}

QString ExportRequest::kindName(ExportKind kind)
{
    switch (kind) {
    case ExportKind::PatientSummary:
        return QStringLiteral("patient-summary");
    case ExportKind::NotesOfPeriod:
        return QStringLiteral("notes");
    case ExportKind::TemperatureSheet:
        return QStringLiteral("temperature-sheet");
    case ExportKind::LabTable:
        return QStringLiteral("lab-table");
    case ExportKind::FhirBundle:
        return QStringLiteral("fhir-bundle");
    case ExportKind::LabCsv:
        return QStringLiteral("lab-csv");
    }
    return QString();
}

bool ExportRequest::kindFromName(const QString& name, ExportKind* out)
{
    for (ExportKind k : allKinds())
        if (kindName(k) == name) {
            *out = k;
            return true;
        }
    return false;
}

QString ExportRequest::kindLabel(ExportKind kind)
{
    switch (kind) {
    case ExportKind::PatientSummary:
        return tr("Patient summary");
    case ExportKind::NotesOfPeriod:
        return tr("Notes of a period");
    case ExportKind::TemperatureSheet:
        return tr("Temperature sheet");
    case ExportKind::LabTable:
        return tr("Lab results table");
    case ExportKind::FhirBundle:
        return tr("All records (FHIR file)");
    case ExportKind::LabCsv:
        return tr("Lab results (CSV file)");
    }
    return QString();
}

QString ExportRequest::destinationName(ExportDestination d)
{
    switch (d) {
    case ExportDestination::Printer:
        return QStringLiteral("printer");
    case ExportDestination::Folder:
        return QStringLiteral("folder");
    case ExportDestination::RemovableMedia:
        return QStringLiteral("media");
    }
    return QString();
}

bool ExportRequest::destinationFromName(const QString& name, ExportDestination* out)
{
    for (ExportDestination d : {ExportDestination::Printer, ExportDestination::Folder, ExportDestination::RemovableMedia})
        if (destinationName(d) == name) {
            *out = d;
            return true;
        }
    return false;
}

QString ExportRequest::destinationLabel(ExportDestination d)
{
    switch (d) {
    case ExportDestination::Printer:
        return tr("Printer");
    case ExportDestination::Folder:
        return tr("Hospital export folder");
    case ExportDestination::RemovableMedia:
        return tr("Removable media (encrypted)");
    }
    return QString();
}

} // namespace ward
