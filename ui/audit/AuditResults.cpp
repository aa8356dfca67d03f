#include "ui/audit/AuditResults.h"

#include "exports/ExportPurpose.h"
#include "exports/ExportRequest.h"
#include "ui/reception/AccountReportView.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/theme/TypeScale.h"

#include <QDateTime>
#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QPrinter>
#include <QSaveFile>
#include <QTableWidget>
#include <QTextDocument>

namespace ward {

QList<QPair<QString, QString>> AuditResults::searchableActions()
{
    return {
        {QStringLiteral("patient.view"), tr("Chart viewed")},
        {QStringLiteral("patient.break-glass"), tr("Break-the-glass access")},
        {QStringLiteral("record.open"), tr("Record opened")},
        {QStringLiteral("record.confirm"), tr("Record confirmed")},
        {QStringLiteral("record.approve"), tr("Record approved")},
        {QStringLiteral("record.signature-invalid"), tr("Invalid signature")},
        {QStringLiteral("login"), tr("Login")},
        {QStringLiteral("login.fallback"), tr("Login without card")},
        {QStringLiteral("vault.unwrap"), tr("Terminal unlock")},
        {QStringLiteral("session"), tr("Session (start, lock, logout)")},
        {QStringLiteral("user"), tr("Staff account changes (hub)")},
        {QStringLiteral("card"), tr("IC card changes (hub)")},
        {QStringLiteral("audit"), tr("Audit review and export (hub)")},
        // DATA-4: the export ledger (ExportLedger) — prints, PDFs and files, and the attempts refused.
        {QStringLiteral("export"), tr("Print and export ledger")},
    };
}

QString AuditResults::actionText(const QString& action)
{
    for (const auto& a : searchableActions())
        if (a.first == action)
            return a.second;
    if (action == QLatin1String("session.start"))
        return tr("Session started");
    if (action == QLatin1String("session.lock"))
        return tr("Screen locked");
    if (action == QLatin1String("session.unlock"))
        return tr("Screen unlocked");
    if (action == QLatin1String("session.logout"))
        return tr("Logged out");
    if (action == QLatin1String("login.fallback.flag"))
        return tr("Login without card (flagged)");
    if (action == QLatin1String("session.fallback"))
        return tr("Login with one-time code (hub)");
    if (action == QLatin1String("user.fallback-code.issue"))
        return tr("One-time code issued (hub)");
    if (action == QLatin1String("user.unlock"))
        return tr("Account unlocked (hub)");
    if (action == QLatin1String("record.review.hold"))
        return tr("Record held for review (hub)");
    if (action == QLatin1String("sync.record.reject"))
        return tr("Record refused on sync");
    if (action == QLatin1String("audit.export"))
        return tr("Audit export (hub)");
    if (action == QLatin1String("audit.break-glass.review"))
        return tr("Break-the-glass reviewed (hub)");
    return action;
}

QString AuditResults::outcomeText(const QString& outcome)
{
    if (outcome == QLatin1String("success"))
        return tr("success");
    if (outcome == QLatin1String("failure"))
        return tr("failure");
    if (outcome == QLatin1String("denied"))
        return tr("denied");
    if (outcome == QLatin1String("issued"))
        return tr("ledger number issued");
    if (outcome == QLatin1String("done"))
        return tr("printed or written");
    if (outcome == QLatin1String("refused"))
        return tr("refused");
    if (outcome == QLatin1String("failed"))
        return tr("failed");
    return outcome;
}

QString AuditResults::findingText(const QJsonObject& row)
{
    QStringList words;
    for (const QString& f : row.value(QStringLiteral("finding")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (f == QLatin1String("outside-wards"))
            words << tr("outside the user's wards (%1)").arg(row.value(QStringLiteral("patientWard")).toString());
        else if (f == QLatin1String("after-hours"))
            words << tr("after hours");
        else if (f == QLatin1String("failed-login-burst"))
            words << tr("%n failed logins until %1", nullptr, row.value(QStringLiteral("count")).toInt())
                         .arg(timeText(row.value(QStringLiteral("until")).toString()));
        else
            words << f;
    }
    if (words.isEmpty()) {
        const QJsonObject detail = row.value(QStringLiteral("detail")).toObject();
        if (detail.contains(QStringLiteral("purpose"))) {
            // An export ledger entry: why, what and where to.
            ExportKind kind = ExportKind::PatientSummary;
            ExportRequest::kindFromName(detail.value(QStringLiteral("kind")).toString(), &kind);
            QString purpose = ExportPurpose::label(detail.value(QStringLiteral("purpose")).toString());
            if (detail.contains(QStringLiteral("purposeText")))
                purpose += QStringLiteral(" (%1)").arg(detail.value(QStringLiteral("purposeText")).toString());
            words << tr("%1 for: %2; to %3").arg(ExportRequest::kindLabel(kind), purpose, detail.value(QStringLiteral("target")).toString());
        }
        if (detail.contains(QStringLiteral("reason")))
            words << detail.value(QStringLiteral("reason")).toString();
        if (detail.value(QStringLiteral("emergency")).toBool())
            words << tr("emergency");
    }
    return words.join(QStringLiteral("; "));
}

QString AuditResults::timeText(const QString& iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QStringList AuditResults::headers(Kind kind)
{
    if (kind == Kind::BreakGlass)
        return {tr("Time"), tr("Staff"), tr("Patient"), tr("Ward"), tr("Terminal"), tr("Stated reason"), tr("Review")};
    return {tr("Time"), tr("Staff"), tr("Event"), tr("Patient"), tr("Record / object"), tr("Terminal"), tr("Ward"),
            tr("Result"), tr("Finding / note")};
}

QStringList AuditResults::cells(Kind kind, const QJsonObject& row)
{
    const QString time = timeText(row.value(QStringLiteral("time")).toString());
    const QString user = row.value(QStringLiteral("user")).toString();
    const QString patient = row.value(QStringLiteral("patient")).toString();
    const QString terminal = row.value(QStringLiteral("terminal")).toString();
    const QString patientWard = row.value(QStringLiteral("patientWard")).toString();
    if (kind == Kind::BreakGlass) {
        const QString review = row.value(QStringLiteral("reviewed")).toBool()
                                   ? tr("Reviewed by %1 on %2: %3")
                                         .arg(row.value(QStringLiteral("reviewedBy")).toString(),
                                              timeText(row.value(QStringLiteral("reviewedAt")).toString()),
                                              row.value(QStringLiteral("comment")).toString())
                                   : tr("Not reviewed");
        return {time, user, patient, patientWard, terminal, row.value(QStringLiteral("reason")).toString(), review};
    }
    QString ward = row.value(QStringLiteral("ward")).toString();
    if (!patientWard.isEmpty() && patientWard != ward)
        ward = ward.isEmpty() ? patientWard : tr("%1 (patient: %2)").arg(ward, patientWard);
    return {time, user, actionText(row.value(QStringLiteral("action")).toString()), patient,
            row.value(QStringLiteral("object")).toString(), terminal, ward,
            outcomeText(row.value(QStringLiteral("outcome")).toString()), findingText(row)};
}

void AuditResults::fill(QTableWidget* table, Kind kind, const QJsonArray& rows)
{
    const QStringList head = headers(kind);
    table->clear();
    table->setColumnCount(head.size());
    table->setHorizontalHeaderLabels(head);
    table->setRowCount(rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList c = cells(kind, rows.at(r).toObject());
        for (int col = 0; col < c.size(); ++col)
            table->setItem(r, col, new QTableWidgetItem(c.at(col)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
}

void AuditResults::askForCsvFile(QWidget* parent, const QString& title, std::function<void(const QString&)> chosen)
{
    auto* dialog = new QFileDialog(parent, title, QString(), tr("CSV files (*.csv)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, std::move(chosen));
    dialog->open();
}

bool AuditResults::writeCsv(const QString& path, Kind kind, const QJsonArray& rows, QString* error)
{
    const auto line = [](const QStringList& fields) {
        QStringList out;
        for (const QString& f : fields)
            out << AccountReportView::csvField(f);
        return out.join(QLatin1Char(','));
    };
    QStringList lines{line(headers(kind))};
    for (const QJsonValue& v : rows)
        lines << line(cells(kind, v.toObject()));
    QSaveFile file(path);
    // UTF-8 with a byte-order mark: the spreadsheet programs used in Japanese hospitals read kanji correctly then.
    if (!file.open(QIODevice::WriteOnly) || file.write("\xEF\xBB\xBF") < 0
        || file.write((lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8()) < 0 || !file.commit()) {
        *error = tr("The CSV file could not be written (%1). Choose another folder.").arg(file.errorString());
        return false;
    }
    return true;
}

bool AuditResults::print(QPrinter* printer, const QString& title, Kind kind, const QJsonArray& rows, QString* error)
{
    if (!printer || !printer->isValid()) {
        *error = tr("No printer is set up at this terminal. Export the result as CSV instead, or ask IT.");
        return false;
    }
    QString html = QStringLiteral("<h1>%1</h1><p>%2</p><table border=\"1\" cellpadding=\"3\"><tr>")
                       .arg(title.toHtmlEscaped(), QLocale().toString(QDateTime::currentDateTime(), QLocale::LongFormat).toHtmlEscaped());
    for (const QString& h : headers(kind))
        html += QStringLiteral("<th>%1</th>").arg(h.toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (const QJsonValue& v : rows) {
        html += QStringLiteral("<tr>");
        for (const QString& c : cells(kind, v.toObject()))
            html += QStringLiteral("<td>%1</td>").arg(c.toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    // Nine columns of IDs and times: landscape and a small face keep each ID on one line.
    printer->setPageOrientation(QPageLayout::Landscape);
    QFont font = TypeScale::paperFont();
    font.setPointSizeF(7);
    QTextDocument document;
    document.setDefaultFont(font);
    document.setPageSize(printer->pageRect(QPrinter::Point).size());
    document.setHtml(html);
    document.print(printer);
    if (printer->printerState() == QPrinter::Error) {
        *error = tr("The printer failed while printing the result.");
        return false;
    }
    return true;
}

void AuditResults::exportCsv(ReceptionClient& client, const QUrlQuery& query, Kind kind, const QString& path, Done done)
{
    client.get(QStringLiteral("audit/export"), query, [kind, path, done](const HubReply& reply) {
        if (!reply.ok()) {
            done(false, ReceptionClient::explain(reply));
            return;
        }
        const QJsonArray rows = reply.json.value(QStringLiteral("rows")).toArray();
        QString error;
        if (!writeCsv(path, kind, rows, &error)) {
            done(false, error);
            return;
        }
        done(true, tr("%n rows exported to %1.", nullptr, rows.size()).arg(path));
    });
}

void AuditResults::printAll(ReceptionClient& client, const QUrlQuery& query, Kind kind, const QString& title,
                            const PrinterFactory& printers, Done done)
{
    // The printer first: a terminal that cannot print does not ask the hub for (and audit) an export.
    std::shared_ptr<QPrinter> printer(printers ? printers(title).release() : nullptr);
    if (!printer || !printer->isValid()) {
        done(false, tr("No printer is set up at this terminal. Export the result as CSV instead, or ask IT."));
        return;
    }
    client.get(QStringLiteral("audit/export"), query, [kind, title, printer, done](const HubReply& reply) {
        if (!reply.ok()) {
            done(false, ReceptionClient::explain(reply));
            return;
        }
        const QJsonArray rows = reply.json.value(QStringLiteral("rows")).toArray();
        QString error;
        if (!print(printer.get(), title, kind, rows, &error)) {
            done(false, error);
            return;
        }
        done(true, tr("%n rows printed.", nullptr, rows.size()));
    });
}

} // namespace ward
