#include "ui/exports/PrintedDocument.h"

#include "records/ChartService.h"
#include "ui/chart/RecordPresenter.h"
#include "ui/chart/TemperatureSheet.h"
#include "ui/theme/ThemePalette.h"
#include "ui/theme/TypeScale.h"

#include <QAbstractTextDocumentLayout>
#include <QImage>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPrinter>
#include <QTextDocument>

namespace ward {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

bool inPeriod(const QDateTime& utc, const QDate& from, const QDate& to)
{
    const QDate day = utc.toLocalTime().date();
    return (!from.isValid() || day >= from) && (!to.isValid() || day <= to);
}

QString value(const std::optional<double>& v)
{
    return v ? RecordPresenter::number(*v, 1) : QStringLiteral("—");
}

} // namespace

QString PrintedDocument::title(ExportKind kind, const Patient& patient)
{
    return tr("%1 — %2 (%3)").arg(ExportRequest::kindLabel(kind), patient.name, patient.patientId);
}

QString PrintedDocument::html(ExportKind kind, const Patient& patient, const ChartContent& content, const QDate& from, const QDate& to)
{
    QString h = QStringLiteral("<h2>%1</h2>").arg(esc(title(kind, patient)));
    h += QStringLiteral("<p>%1: %2 (%3)　%4: %5　%6: %7　%8: %9</p>")
             .arg(esc(tr("Name")), esc(patient.name), esc(patient.kana), esc(tr("Patient ID")), esc(patient.patientId), esc(tr("Born")),
                  patient.birthDate.toString(Qt::ISODate), esc(tr("Ward")), esc(patient.ward));
    if (ExportRequest::hasPeriod(kind))
        h += QStringLiteral("<p>%1: %2 – %3</p>").arg(esc(tr("Period")), from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    auto table = [](const QStringList& header, const QList<QStringList>& rows) {
        QString t = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>");
        for (const QString& c : header)
            t += QStringLiteral("<th>%1</th>").arg(esc(c));
        t += QStringLiteral("</tr>");
        for (const QStringList& row : rows) {
            t += QStringLiteral("<tr>");
            for (const QString& c : row)
                t += QStringLiteral("<td>%1</td>").arg(esc(c).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
            t += QStringLiteral("</tr>");
        }
        return t + QStringLiteral("</table>");
    };
    QList<QStringList> rows;
    switch (kind) {
    case ExportKind::PatientSummary: {
        h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Allergies")));
        for (const ChartContent::Allergy& a : content.allergies)
            rows << QStringList{a.allergy.substance, RecordPresenter::severityLabel(a.allergy.severity), a.allergy.reaction};
        h += rows.isEmpty() ? QStringLiteral("<p>%1</p>").arg(esc(tr("None recorded")))
                            : table({tr("Substance"), tr("Severity"), tr("Reaction")}, rows);
        h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Latest vital signs")));
        if (content.vitals.isEmpty())
            h += QStringLiteral("<p>%1</p>").arg(esc(tr("None recorded")));
        else
            h += QStringLiteral("<p>%1　%2</p>")
                     .arg(RecordPresenter::dateTime(content.vitals.last().at), esc(RecordPresenter::vitalsSummary(content.vitals.last().values)));
        rows.clear();
        h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Medication orders")));
        for (const ChartContent::Medication& m : content.medications)
            rows << QStringList{RecordPresenter::dateTime(m.at), m.order.drug, m.order.dose, m.order.route, m.order.frequency};
        h += rows.isEmpty() ? QStringLiteral("<p>%1</p>").arg(esc(tr("None recorded")))
                            : table({tr("Ordered"), tr("Drug"), tr("Dose"), tr("Route"), tr("Frequency")}, rows);
        break;
    }
    case ExportKind::NotesOfPeriod:
        for (const ChartContent::Note& n : content.notes)
            if (inPeriod(n.at, from, to))
                rows << QStringList{RecordPresenter::dateTime(n.at), ChartService::typeLabel(n.type), n.author, n.text};
        h += table({tr("Time"), tr("Kind"), tr("Author"), tr("Note")}, rows);
        break;
    case ExportKind::TemperatureSheet:
        for (const ChartContent::Vitals& v : content.vitals)
            if (inPeriod(v.at, from, to))
                rows << QStringList{RecordPresenter::dateTime(v.at), value(v.values.temperature), value(v.values.pulse),
                                    value(v.values.systolic) + QStringLiteral("/") + value(v.values.diastolic), value(v.values.spo2),
                                    value(v.values.respRate)};
        h += table({tr("Time"), tr("Temperature ℃"), tr("Pulse /min"), tr("Blood pressure mmHg"), tr("SpO₂ %"), tr("Respiration /min")}, rows);
        break;
    case ExportKind::LabTable:
        for (const ChartContent::Lab& l : content.labs)
            if (inPeriod(l.at, from, to))
                rows << QStringList{RecordPresenter::dateTime(l.at), l.result.name, RecordPresenter::number(l.result.value),
                                    LabResult::displayUnit(l.result.unit),
                                    (l.result.low ? RecordPresenter::number(*l.result.low) : QString()) + QStringLiteral("–")
                                        + (l.result.high ? RecordPresenter::number(*l.result.high) : QString()),
                                    RecordPresenter::flagLabel(l.result.flag)};
        h += table({tr("Time"), tr("Test"), tr("Value"), tr("Unit"), tr("Reference range"), tr("Flag")}, rows);
        break;
    case ExportKind::FhirBundle:
    case ExportKind::LabCsv:
        break;
    }
    if (ExportRequest::hasPeriod(kind) && rows.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("Nothing was recorded in this period.")));
    return h;
}

QString PrintedDocument::watermark(const Stamp& s)
{
    // The ledger number on a line of its own: a terminal's id is long, and the number must never be cut or split.
    return tr("Ledger %1").arg(s.ledger) + QLatin1Char('\n')
        + tr("Printed by %1 %2 · %3 · %4").arg(s.userId, s.userName, s.terminal, s.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

QString PrintedDocument::footer(int page, int pages)
{
    return tr("Contains personal health information. Do not copy or leave unattended; return or shred after use.  Page %1 of %2")
        .arg(page)
        .arg(pages);
}

bool PrintedDocument::begin(QPagedPaintDevice* device, const QString& title, QPainter& painter, QString* error)
{
    auto* printer = dynamic_cast<QPrinter*>(device);
    if (printer && !printer->isValid()) {
        *error = tr("The printer \"%1\" is not available at this terminal.").arg(printer->printerName());
        return false;
    }
    if (printer)
        printer->setDocName(title);
    if (!painter.begin(device)) {
        *error = printer ? tr("The printer \"%1\" did not accept the job.").arg(printer->printerName()) : tr("The document could not be started.");
        return false;
    }
    return true;
}

bool PrintedDocument::end(QPagedPaintDevice* device, QPainter& painter, QString* error)
{
    painter.end();
    auto* printer = dynamic_cast<QPrinter*>(device);
    if (printer && printer->printerState() == QPrinter::Error) {
        *error = tr("The printer reported an error while printing.");
        return false;
    }
    return true;
}

void PrintedDocument::stampPage(QPainter& painter, const QRectF& page, qreal stampHeight, const QFont& text, const QString& mark,
                                int number, int pages)
{
    // The stamp: once legibly at the top, and across the page in light grey so a cut-off header still shows it.
    QFont small = text;
    small.setPointSizeF(8);
    painter.setFont(small);
    painter.setPen(ThemePalette::paperInk());
    painter.drawText(QRectF(0, 0, page.width(), stampHeight), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, mark);
    painter.drawText(QRectF(0, page.height() - stampHeight, page.width(), stampHeight), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                      footer(number, pages));
    painter.save();
    painter.translate(page.width() / 2, page.height() / 2);
    painter.rotate(-35);
    QFont big = text;
    big.setPointSizeF(14);
    painter.setFont(big);
    painter.setPen(ThemePalette::paperWatermark());
    painter.drawText(QRectF(-page.width(), -page.height() / 8, 2 * page.width(), page.height() / 4), Qt::AlignCenter, mark);
    painter.restore();
}

int PrintedDocument::paintTemperatureSheet(QPagedPaintDevice* device, const Patient& patient, const ChartContent& content,
                                           const QDate& from, const QDate& to, const Stamp& stamp, QString* error)
{
    QList<ChartContent::Vitals> vitals;
    for (const ChartContent::Vitals& v : content.vitals)
        if (inPeriod(v.at, from, to))
            vitals << v;
    QList<ChartContent::Note> notes;
    for (const ChartContent::Note& n : content.notes)
        if (inPeriod(n.at, from, to))
            notes << n;
    QDate first = from;
    QDate last = to;
    if (!first.isValid())
        first = vitals.isEmpty() ? QDate::currentDate() : vitals.first().at.toLocalTime().date();
    if (!last.isValid() || last < first)
        last = vitals.isEmpty() ? first : vitals.last().at.toLocalTime().date();
    const int days = int(first.daysTo(last)) + 1;
    const int sheetPages = (days + kSheetDaysPerPage - 1) / kSheetDaysPerPage;

    // A week of the sheet is wide: the pages are landscape, like the ward's paper form.
    device->setPageOrientation(QPageLayout::Landscape);
    const QString title = PrintedDocument::title(ExportKind::TemperatureSheet, patient);
    QPainter painter;
    if (!begin(device, title, painter, error))
        return 0;
    const QRectF page = device->pageLayout().paintRectPixels(device->logicalDpiX());
    const qreal stampHeight = device->logicalDpiY() * 0.45;
    const QRectF body(0, stampHeight, page.width(), page.height() - 2 * stampHeight);
    const QFont text = TypeScale::paperFont();
    const QString mark = watermark(stamp);

    // The values as text after the graphs, laid out like the other printed kinds.
    QTextDocument listing;
    listing.documentLayout()->setPaintDevice(device);
    listing.setDefaultFont(text);
    listing.setHtml(html(ExportKind::TemperatureSheet, patient, content, from, to));
    listing.setPageSize(body.size());
    const int listingPages = qMax(1, listing.pageCount());
    const int pages = sheetPages + listingPages;

    TemperatureSheet sheet;
    sheet.setAttribute(Qt::WA_DontShowOnScreen);
    sheet.setPaper(true);
    sheet.setContent(vitals, notes);
    QFont heading = text;
    heading.setPointSizeF(11);
    heading.setBold(true);
    const qreal headingHeight = device->logicalDpiY() * 0.55;
    for (int p = 0; p < pages; ++p) {
        if (p > 0 && !device->newPage()) {
            *error = tr("The printer failed at page %1.").arg(p + 1);
            painter.end();
            return 0;
        }
        if (p < sheetPages) {
            const QDate pageFirst = first.addDays(qint64(p) * kSheetDaysPerPage);
            const int pageDays = qMin(kSheetDaysPerPage, int(pageFirst.daysTo(last)) + 1);
            painter.setFont(heading);
            painter.setPen(ThemePalette::paperInk());
            painter.drawText(QRectF(body.left(), body.top(), body.width(), headingHeight), Qt::AlignLeft | Qt::AlignVCenter,
                             tr("%1   %2 – %3").arg(title, QLocale().toString(pageFirst, QLocale::ShortFormat),
                                                   QLocale().toString(pageFirst.addDays(pageDays - 1), QLocale::ShortFormat)));
            // The sheet as the chart draws it, for exactly this page's days, drawn at twice its screen size (its
            // fonts are sized for the screen, so it is drawn as an image, not scaled onto the printer's resolution).
            sheet.resize(TemperatureSheet::kLeft + pageDays * TemperatureSheet::kDayWidth, sheet.sizeHint().height());
            sheet.setFirstDay(pageFirst);
            QImage image(sheet.size() * 2, QImage::Format_RGB32);
            image.fill(ThemePalette::paper());
            {
                QPainter imagePainter(&image);
                imagePainter.scale(2, 2);
                sheet.render(&imagePainter, QPoint(), QRegion(), QWidget::DrawChildren);
            }
            const QRectF area(body.left(), body.top() + headingHeight, body.width(), body.height() - headingHeight);
            const qreal scale = qMin(area.width() / (TemperatureSheet::kLeft + kSheetDaysPerPage * TemperatureSheet::kDayWidth),
                                     area.height() / sheet.height());
            painter.drawImage(QRectF(area.topLeft(), QSizeF(sheet.size()) * scale), image);
        } else {
            const int lp = p - sheetPages;
            painter.save();
            painter.translate(body.topLeft());
            painter.translate(0, -lp * body.height());
            listing.drawContents(&painter, QRectF(0, lp * body.height(), body.width(), body.height()));
            painter.restore();
        }
        stampPage(painter, page, stampHeight, text, mark, p + 1, pages);
    }
    return end(device, painter, error) ? pages : 0;
}

int PrintedDocument::paint(QPagedPaintDevice* device, const QString& title, const QString& html, const Stamp& stamp, QString* error)
{
    QPainter painter;
    if (!begin(device, title, painter, error))
        return 0;
    const QRectF page = device->pageLayout().paintRectPixels(device->logicalDpiX());
    const qreal stampHeight = device->logicalDpiY() * 0.45;  // watermark line above, footer below the body
    const QRectF body(0, stampHeight, page.width(), page.height() - 2 * stampHeight);

    QTextDocument document;
    document.documentLayout()->setPaintDevice(device);
    // The paper face: the screen's proportional CJK face loses its digits in Qt's PDF writer (TypeScale).
    QFont text = TypeScale::paperFont();
    document.setDefaultFont(text);
    document.setHtml(html);
    document.setPageSize(body.size());
    const int pages = qMax(1, document.pageCount());
    const QString mark = watermark(stamp);
    for (int p = 0; p < pages; ++p) {
        if (p > 0 && !device->newPage()) {
            *error = tr("The printer failed at page %1.").arg(p + 1);
            painter.end();
            return 0;
        }
        painter.save();
        painter.translate(body.topLeft());
        painter.translate(0, -p * body.height());
        document.drawContents(&painter, QRectF(0, p * body.height(), body.width(), body.height()));
        painter.restore();
        stampPage(painter, page, stampHeight, text, mark, p + 1, pages);
    }
    return end(device, painter, error) ? pages : 0;
}

} // namespace ward
