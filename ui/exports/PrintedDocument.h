#pragma once

#include "exports/ExportRequest.h"
#include "records/Patient.h"
#include "ui/chart/ChartContent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QFont;
class QPagedPaintDevice;
class QPainter;
class QRectF;

namespace ward {

// DATA-4 / DATA-6: the chart on paper or in a PDF. Every page carries a watermark naming who printed it, on which
// terminal, when, and its ledger number, and a footer saying it holds personal health information — so a page found
// on a copier says whose it was and where to look it up.
class PrintedDocument
{
    Q_DECLARE_TR_FUNCTIONS(ward::PrintedDocument)

public:
    struct Stamp
    {
        QString userId;
        QString userName;
        QString terminal;
        QDateTime at;  // UTC
        QString ledger;
    };

    static QString title(ExportKind kind, const Patient& patient);
    // The body as rich text: identity block, then what the kind shows (the period's rows for period kinds).
    static QString html(ExportKind kind, const Patient& patient, const ChartContent& content, const QDate& from, const QDate& to);
    static QString watermark(const Stamp& stamp);
    static QString footer(int page, int pages);

    // Lays the body out on the device's pages and stamps each; the number of pages, or 0 with *error when the
    // device cannot be painted on or the printer failed.
    static int paint(QPagedPaintDevice* device, const QString& title, const QString& html, const Stamp& stamp, QString* error);
    // The 温度板 on paper as the ward reads it: the chart's TemperatureSheet drawn (vector) for up to a week per page,
    // landscape, under the identity block, with the same stamp, watermark and footer on every page. The period's
    // values are also listed as text after the graphs (for a reader who cannot see colours, and for search).
    static int paintTemperatureSheet(QPagedPaintDevice* device, const Patient& patient, const ChartContent& content,
                                     const QDate& from, const QDate& to, const Stamp& stamp, QString* error);
    static constexpr int kSheetDaysPerPage = 7;

private:
    // Starts the job (a printer that is missing or refuses it: false with *error) / ends it (false when the
    // printer reported an error while printing).
    static bool begin(QPagedPaintDevice* device, const QString& title, QPainter& painter, QString* error);
    static bool end(QPagedPaintDevice* device, QPainter& painter, QString* error);
    static void stampPage(QPainter& painter, const QRectF& page, qreal stampHeight, const QFont& text, const QString& mark,
                          int number, int pages);
};

} // namespace ward
