#include "exports/ExportService.h"

#include "audit/AuditLog.h"
#include "crypto/CmsEnvelope.h"
#include "exports/ExportPurpose.h"
#include "records/ChartService.h"
#include "records/RecordCodec.h"
#include "records/RecordEnvelope.h"
#include "util/Clock.h"

#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QStorageInfo>
#include <algorithm>

namespace ward {

ExportService::ExportService(ChartService& chart, AuditLog& audit, ExportPolicy policy)
    : m_chart(chart)
    , m_audit(audit)
    , m_ledger(audit)
    , m_policy(std::move(policy))
{
}

QString ExportService::userId() const
{
    return m_chart.user().userId;
}

QString ExportService::terminalId() const
{
    return m_audit.terminalId();
}

bool ExportService::mayExport(ExportKind kind) const
{
    const QStringList types = kind == ExportKind::FhirBundle ? m_chart.policy().recordTypes() : ExportRequest::recordTypes(kind);
    return std::all_of(types.begin(), types.end(), [&](const QString& t) {
        return m_chart.policy().canExport(m_chart.user(), t, m_chart.policy().defaultClassification(t));
    });
}

QString ExportService::check(const ExportRequest& r)
{
    QString reason;
    if (!mayExport(r.kind))
        reason = tr("Your role may not print or export %1.").arg(ExportRequest::kindLabel(r.kind));
    if (reason.isEmpty())
        reason = ExportPurpose::problem(r.purpose, r.purposeText);
    if (reason.isEmpty() && ExportRequest::hasPeriod(r.kind) && (!r.from.isValid() || !r.to.isValid() || r.from > r.to))
        reason = tr("Choose the first and last day of the period.");
    if (reason.isEmpty() && !ExportRequest::isPrinted(r.kind) && r.destination == ExportDestination::Printer)
        reason = tr("A data file cannot be printed: save it to the export folder or to removable media.");
    if (reason.isEmpty())
        reason = m_policy.refusal(r.destination, r.target);
    if (!reason.isEmpty())
        m_ledger.refused(m_chart.user().userId, r, reason);
    return reason;
}

QString ExportService::issue(const ExportRequest& r)
{
    return m_ledger.issue(m_chart.user().userId, r);
}

void ExportService::done(const QString& ledgerNumber, const ExportRequest& r, const QJsonObject& produced)
{
    m_ledger.done(m_chart.user().userId, ledgerNumber, r, produced);
}

void ExportService::failed(const QString& ledgerNumber, const ExportRequest& r, const QString& reason)
{
    m_ledger.failed(m_chart.user().userId, ledgerNumber, r, reason);
}

QByteArray ExportService::fhirBundle(const Patient& patient, int* records, QString* error)
{
    QList<QPair<QString, QByteArray>> resources;
    for (const RecordVersion& r : m_chart.listRecords(patient.patientId)) {
        QString problem;
        const std::optional<RecordEnvelope> envelope = RecordEnvelope::parse(r.body, &problem);
        if (!envelope || envelope->patientId != patient.patientId) {
            *error = tr("Record %1 does not read (%2); nothing was exported.").arg(r.recordId, problem);
            return {};
        }
        if (envelope->status == RecordVersion::Status::EnteredInError)
            continue;
        resources.append({r.recordId, envelope->resource});
    }
    *records = static_cast<int>(resources.size());
    return RecordCodec::collectionBundle(patient, resources, Clock::instance().nowUtc());
}

QByteArray ExportService::labCsv(const Patient& patient, const QDate& from, const QDate& to, int* rows)
{
    struct Row
    {
        QDateTime at;
        LabResult lab;
    };
    QList<Row> found;
    for (const RecordVersion& r : m_chart.listRecords(patient.patientId, RecordFilter{{QStringLiteral("lab-result")}, {}, {}})) {
        const std::optional<RecordContent> c = RecordCodec::decode(r);
        if (!c || !c->lab() || r.status == RecordVersion::Status::EnteredInError)
            continue;
        const QDate day = c->clinicalTime.toLocalTime().date();
        if (day < from || day > to)
            continue;
        found.append({c->clinicalTime, *c->lab()});
    }
    std::sort(found.begin(), found.end(), [](const Row& a, const Row& b) { return a.at < b.at; });
    auto cell = [](QString s) {
        // RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
        if (!s.isEmpty() && QStringLiteral("=+-@").contains(s.at(0)) && !(s.at(0) == QLatin1Char('-') && s.size() > 1 && s.at(1).isDigit()))
            s.prepend(QLatin1Char('\''));
        return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    };
    auto number = [](const std::optional<double>& v) { return v ? QString::number(*v) : QString(); };
    QString out = QStringLiteral("\ufeff");
    const QStringList header{tr("Patient ID"), tr("Date and time"), QStringLiteral("JLAC10"), QStringLiteral("LOINC"), tr("Test"),
                             tr("Value"), tr("Unit"), tr("Lower limit"), tr("Upper limit"), tr("Flag")};
    QStringList quoted;
    for (const QString& h : header)
        quoted << cell(h);
    out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const Row& row : found) {
        const LabResult& l = row.lab;
        const QString flag = l.flag == LabResult::Flag::High ? QStringLiteral("H") : l.flag == LabResult::Flag::Low ? QStringLiteral("L") : QString();
        const QStringList fields{patient.patientId, row.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), l.jlac10, l.loinc, l.name,
                                 QString::number(l.value), l.unit, number(l.low), number(l.high), flag};
        QStringList cells;
        for (const QString& f : fields)
            cells << cell(f);
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    *rows = static_cast<int>(found.size());
    return out.toUtf8();
}

QString ExportService::writeFile(const ExportRequest& r, const QByteArray& bytes, const QString& password, const Certificate* recipient)
{
    QByteArray data = bytes;
    if (r.destination == ExportDestination::RemovableMedia) {
        QString error;
        data = recipient ? CmsEnvelope::sealForCertificate(bytes, *recipient, &error) : CmsEnvelope::sealWithPassword(bytes, password, &error);
        if (data.isEmpty())
            return error;
    }
    const QStorageInfo volume(QFileInfo(r.target).absolutePath());
    if (volume.isValid() && volume.bytesAvailable() >= 0 && volume.bytesAvailable() < data.size() + 64 * 1024)
        return tr("The medium is full: %1 needs %2 KB, %3 KB are free. Nothing was written.")
            .arg(r.target)
            .arg((data.size() + 1023) / 1024)
            .arg(volume.bytesAvailable() / 1024);
    QSaveFile file(r.target);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return tr("%1 could not be written (%2). Nothing was left there.").arg(r.target, file.errorString());
    if (r.destination == ExportDestination::RemovableMedia && !recipient) {
        // Read back what the medium holds: an export that does not open is no export.
        QFile back(r.target);
        if (!back.open(QIODevice::ReadOnly) || CmsEnvelope::openWithPassword(back.readAll(), password) != bytes) {
            QFile::remove(r.target);
            return tr("The file on the medium did not read back correctly and was removed. Try another medium.");
        }
    }
    return QString();
}

} // namespace ward
