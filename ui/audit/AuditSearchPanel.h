#pragma once

#include "ui/audit/AuditResults.h"
#include "ui/theme/ThemeIcon.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ward {

class ReceptionClient;
class StatusBadge;

// 監査: the search over every terminal's audit entries and the hub's (issue 14), and the reports on the same form:
// who accessed a patient (disclosure request), one user's activity, access outside the user's wards or after hours,
// fallback and emergency logins, failed-login bursts, records with invalid signatures. Paged results; the whole
// result exported as CSV or printed through the hub's audited export.
class AuditSearchPanel : public QWidget
{
    Q_OBJECT

public:
    AuditSearchPanel(ReceptionClient& client, AuditResults::PrinterFactory printers, QWidget* parent = nullptr);

    // The report picker's choices by hub name: "" (search), patient, user, outside, fallback, failed-logins,
    // invalid-signatures.
    void chooseReport(const QString& kind);
    void run();
    void nextPage();
    void previousPage();
    // The QFileDialog-free path of "Export CSV…".
    void exportTo(const QString& path);
    void printAll();

    QComboBox* reportChoice() const { return m_report; }
    QLineEdit* patientField() const { return m_patient; }
    QLineEdit* userField() const { return m_user; }
    QLineEdit* terminalField() const { return m_terminal; }
    QLineEdit* wardField() const { return m_ward; }
    QComboBox* actionChoice() const { return m_action; }
    QCheckBox* periodBox() const { return m_period; }
    QDateEdit* fromDate() const { return m_from; }
    QDateEdit* toDate() const { return m_to; }
    QTableWidget* table() const { return m_table; }
    StatusBadge* message() const { return m_message; }
    QLabel* pageLabel() const { return m_pageLabel; }
    const QJsonArray& rows() const { return m_rows; }

signals:
    void searched(bool ok);
    void exported(bool ok);
    void printed(bool ok);

private:
    QUrlQuery query() const;
    QUrlQuery exportQuery() const;
    QString reportKind() const;
    QString title() const;
    void fetch(int offset);
    void chooseCsvFile();
    void updateFields();

    ReceptionClient& m_client;
    AuditResults::PrinterFactory m_printers;
    QComboBox* m_report;
    QLineEdit* m_patient;
    QLineEdit* m_user;
    QLineEdit* m_terminal;
    QLineEdit* m_ward;
    QComboBox* m_action;
    QCheckBox* m_period;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QPushButton* m_search;
    QTableWidget* m_table;
    QPushButton* m_previous;
    QPushButton* m_next;
    QLabel* m_pageLabel;
    QPushButton* m_export;
    QPushButton* m_print;
    StatusBadge* m_message;
    QJsonArray m_rows;
    int m_offset = 0;
    int m_nextOffset = -1;
    static constexpr int kPageSize = 100;
};

} // namespace ward
