#pragma once

#include "exports/ExportLedger.h"
#include "exports/ExportPolicy.h"
#include "exports/ExportRequest.h"
#include "records/Patient.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ward {

class ChartService;
class Certificate;

// DATA-4 / DATA-6 at the terminal: decides whether a print or export may happen, numbers it in the ledger, builds
// the data files and writes them where the policy allows. The printed kinds are laid out by ui/exports; what they
// show comes from the same ChartService reads as the chart (the user's own read permissions apply).
class ExportService
{
    Q_DECLARE_TR_FUNCTIONS(ward::ExportService)

public:
    ExportService(ChartService& chart, AuditLog& audit, ExportPolicy policy);

    const ExportPolicy& policy() const { return m_policy; }
    // A newer hospital policy (sync): open dialogs keep this service and are checked against the new rules.
    void setPolicy(ExportPolicy policy) { m_policy = std::move(policy); }
    QString userId() const;
    QString terminalId() const;
    // Kinds the user may produce at all (the export permission on every type the kind shows).
    bool mayExport(ExportKind kind) const;

    // Empty when the request may go ahead; otherwise the reason the person reads, and the refusal is in the
    // ledger: no permission, no or bad purpose, no period, a destination or path the policy forbids.
    QString check(const ExportRequest& request);
    // The ledger number for a checked request (written before any output).
    QString issue(const ExportRequest& request);
    void done(const QString& ledgerNumber, const ExportRequest& request, const QJsonObject& produced);
    void failed(const QString& ledgerNumber, const ExportRequest& request, const QString& reason);

    // The patient's current records as a FHIR R4 Bundle (RecordCodec::collectionBundle: one codec with the hub's
    // `wardhub export patient`); withdrawn records are left out. *records gets the count.
    QByteArray fhirBundle(const Patient& patient, int* records, QString* error);
    // The lab results of the period as CSV (UTF-8 with BOM, so spreadsheet programs read the Japanese names).
    QByteArray labCsv(const Patient& patient, const QDate& from, const QDate& to, int* rows);

    // Writes `bytes` to request.target: to removable media encrypted (CmsEnvelope, password or certificate) and
    // read back; to the export folder as they are. Empty on success, else the reason (a full medium, a write
    // error); nothing is left half-written (QSaveFile).
    QString writeFile(const ExportRequest& request, const QByteArray& bytes, const QString& password, const Certificate* recipient);

private:
    ChartService& m_chart;
    AuditLog& m_audit;
    ExportLedger m_ledger;
    ExportPolicy m_policy;
};

} // namespace ward
