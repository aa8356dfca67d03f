#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QPrinter;
class QTableWidget;
class QWidget;

namespace ward {

class ReceptionClient;

// How the auditor's results read (issue 14): the columns of an entry list and of the break-the-glass queue, event
// types and findings in words, and the two ways a result leaves the screen — a CSV file (UTF-8 with BOM, RFC 4180,
// formula cells defused, as the desk's reports) and paper. Both take the whole result from the hub's export route,
// which records the export in the hub's audit chain before the rows leave it.
class AuditResults
{
    Q_DECLARE_TR_FUNCTIONS(AuditResults)

public:
    enum class Kind { Entries, BreakGlass };
    using PrinterFactory = std::function<std::unique_ptr<QPrinter>(const QString& documentName)>;
    using Done = std::function<void(bool ok, const QString& message)>;

    static QStringList headers(Kind kind);
    static QStringList cells(Kind kind, const QJsonObject& row);
    static void fill(QTableWidget* table, Kind kind, const QJsonArray& rows);

    // Event types, outcomes and findings as the auditor reads them (unknown codes as they are).
    static QString actionText(const QString& action);
    static QString outcomeText(const QString& outcome);
    static QString findingText(const QJsonObject& row);
    static QString timeText(const QString& iso);
    // The event types the search offers (code, words).
    static QList<QPair<QString, QString>> searchableActions();

    // "Export CSV…": a save dialog (window-modal, never blocking the UI thread) that hands the chosen path on.
    static void askForCsvFile(QWidget* parent, const QString& title, std::function<void(const QString&)> chosen);
    static bool writeCsv(const QString& path, Kind kind, const QJsonArray& rows, QString* error);
    static bool print(QPrinter* printer, const QString& title, Kind kind, const QJsonArray& rows, QString* error);

    // GET admin/audit/export with `query` (view and filters), then the file at `path` / the printer.
    static void exportCsv(ReceptionClient& client, const QUrlQuery& query, Kind kind, const QString& path, Done done);
    static void printAll(ReceptionClient& client, const QUrlQuery& query, Kind kind, const QString& title,
                         const PrinterFactory& printers, Done done);
};

} // namespace ward
