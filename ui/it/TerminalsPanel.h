#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace ward {

class DisposalRecordsPage;
class EnrolCodePage;
class ReceptionClient;
class RevokeTerminalPage;
class StatusBadge;
struct HubReply;

// The hub's terminals (issue 13): ward, name, status, program version, last contact and sync, clock against the
// hub, audit-chain head acknowledged — what the hub knows, and "not reported" where it knows nothing. From here IT
// issues an enrolment code for a ward (EnrolCodePage) and revokes a terminal with a reason (RevokeTerminalPage);
// both pages open inline, so a lock closes them with the panel. The hub's disposal records (DATA-5) of the selected
// terminal, or of every terminal, open inline too (DisposalRecordsPage).
class TerminalsPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { Ward, Name, Status, Version, LastContact, LastSync, Clock, AuditHead, Note, ColumnCount };

    TerminalsPanel(ReceptionClient& client, QString thisTerminalId, QWidget* parent = nullptr);

    // GET /api/v1/admin/terminals; the table is replaced when the answer comes.
    void refresh();

    QTableWidget* table() const { return m_table; }
    QStackedWidget* pages() const { return m_pages; }
    EnrolCodePage* enrolCodePage() const { return m_enrolPage; }
    RevokeTerminalPage* revokePage() const { return m_revokePage; }
    DisposalRecordsPage* disposalsPage() const { return m_disposalsPage; }
    StatusBadge* message() const { return m_message; }
    QJsonObject terminalAt(int row) const;
    int rowOf(const QString& terminalId) const;

    // How the hub's clock comparison reads: "not reported", "in step", "12 s ahead", "10 min behind".
    static QString clockText(const QJsonValue& skewMs);

signals:
    // The list was read from the hub (ok) or the hub refused or could not be reached.
    void refreshed(bool ok);
    void revoked(const QString& terminalId);

private:
    void showTerminals(const QJsonArray& terminals, const QJsonArray& wards);
    void showFailure(const HubReply& reply);
    void selectionChanged();
    void askEnrolCode();
    void askRevoke();
    // GET /api/v1/admin/terminals/disposals for the selected terminal (all when none is selected).
    void showDisposals();
    void issueCode(const QString& ward, int validMinutes);
    void revoke(const QString& terminalId, const QString& reason);

    ReceptionClient& m_client;
    QString m_thisTerminal;
    QJsonArray m_terminals;
    QJsonArray m_wards;
    QStackedWidget* m_pages;
    StatusBadge* m_message;
    QTableWidget* m_table;
    QPushButton* m_refresh;
    QPushButton* m_issue;
    QPushButton* m_revoke;
    QPushButton* m_disposals;
    EnrolCodePage* m_enrolPage;
    RevokeTerminalPage* m_revokePage;
    DisposalRecordsPage* m_disposalsPage;
};

} // namespace ward
