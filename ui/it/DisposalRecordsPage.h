#pragma once

#include <QJsonArray>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ward {

class StatusBadge;

// Issue 13, DATA-5: the disposal records the hub holds (GET /api/v1/admin/terminals/disposals), for one terminal or
// for all: when, which terminal, which IT person (name and id), why, how many unsent records and audit entries were
// lost and whether that loss was confirmed. Read-only; TerminalsPanel asks the hub and fills it.
class DisposalRecordsPage : public QWidget
{
    Q_OBJECT

public:
    enum Column { Time, Terminal, Operator, Reason, LostRecords, LostAudit, Loss, ColumnCount };

    explicit DisposalRecordsPage(QWidget* parent = nullptr);

    // Before the hub answers: the title names the terminal (its name, or every terminal when empty).
    void loading(const QString& terminalName);
    // `terminals`: the panel's list, to name a terminal the hub still knows.
    void showRecords(const QJsonArray& disposals, const QJsonArray& terminals);
    void showFailure(const QString& message);

    QTableWidget* table() const { return m_table; }
    QLabel* title() const { return m_title; }
    StatusBadge* message() const { return m_message; }
    QPushButton* backButton() const { return m_back; }

signals:
    void closed();

private:
    QLabel* m_title;
    StatusBadge* m_message;
    QTableWidget* m_table;
    QPushButton* m_back;
};

} // namespace ward
