#pragma once

#include "ui/audit/AuditResults.h"
#include "ui/theme/ThemeIcon.h"

#include <QJsonArray>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ward {

class ReceptionClient;
class StatusBadge;

// ブレークグラス確認 (AC-3, issue 14): every break-the-glass access with the reason the person stated, oldest first.
// The auditor chooses one, writes a comment and marks it 確認済み; the hub records the review in its own audit
// chain and the entry leaves the queue ("show reviewed" lists them with who reviewed, when and the comment).
class BreakGlassQueue : public QWidget
{
    Q_OBJECT

public:
    BreakGlassQueue(ReceptionClient& client, AuditResults::PrinterFactory printers, QWidget* parent = nullptr);

    void refresh();
    // Marks the selected entry reviewed with the comment typed.
    void markReviewed();
    void exportTo(const QString& path);
    void printAll();

    QTableWidget* table() const { return m_table; }
    QCheckBox* showReviewed() const { return m_showReviewed; }
    QLineEdit* commentField() const { return m_comment; }
    QPushButton* reviewedButton() const { return m_reviewed; }
    StatusBadge* message() const { return m_message; }
    const QJsonArray& rows() const { return m_rows; }

signals:
    void refreshed(bool ok);
    void reviewDone(bool ok);
    void exported(bool ok);
    void printed(bool ok);

private:
    QUrlQuery exportQuery() const;
    void updateButtons();
    void chooseCsvFile();
    void say(bool ok, IconName icon, const QString& message);

    ReceptionClient& m_client;
    AuditResults::PrinterFactory m_printers;
    QCheckBox* m_showReviewed;
    QTableWidget* m_table;
    QLineEdit* m_comment;
    QPushButton* m_reviewed;
    QPushButton* m_export;
    QPushButton* m_print;
    StatusBadge* m_message;
    QJsonArray m_rows;
};

} // namespace ward
