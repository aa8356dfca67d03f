#pragma once

#include "ui/reception/ReceptionSetup.h"

#include <QJsonArray>
#include <QWidget>

class QComboBox;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ward {

class StatusBadge;

// The desk's account reports (AUTH-11, AUTH-6): locked accounts, passwords near or past expiry, IDs unused for
// N days, privileged accounts, temporary passwords never used, cards not collected. Each as a table, exported
// as CSV and printed.
class AccountReportView : public QWidget
{
    Q_OBJECT

public:
    enum Column { IdColumn, SinceColumn, DaysColumn, PrivilegedColumn, DetailColumn, ColumnCount };

    AccountReportView(const ReceptionSetup& setup, QWidget* parent = nullptr);

    // Selects a report by its hub name (locked, password-expiry, unused, privileged, temporary-expired,
    // cards-uncollected) and runs it.
    void run(const QString& kind, int days = 0);
    void run();
    bool exportCsv(const QString& path, QString* error) const;
    bool print(QString* error);
    QTableWidget* table() const { return m_table; }
    StatusBadge* outcome() const { return m_outcome; }

    // RFC 4180 field; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula.
    static QString csvField(const QString& text);

signals:
    void reportShown(int rows);

private:
    void showRows(const QString& kind, const QJsonArray& rows);
    void chooseCsvFile();
    void printNow();
    QString title() const;

    ReceptionSetup m_setup;
    QComboBox* m_kind;
    QSpinBox* m_days;
    QTableWidget* m_table;
    StatusBadge* m_outcome;
    QPushButton* m_export;
    QPushButton* m_print;
};

} // namespace ward
