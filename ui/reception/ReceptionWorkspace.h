#pragma once

#include "ui/reception/ReceptionSetup.h"

#include <QStringList>
#include <QWidget>

class QTabWidget;

namespace ward {

class AccountReportView;
class CardPanel;
class HubClient;
class EmergencyAccountsPanel;
class PendingRequests;
class ReceptionClient;
class RegistrationForm;
class StaffFinder;
class StatusBadge;

// 受付: the reception desk inside the session (issue 12). Shown only to a user whose admin session at the hub
// grants users.manage or cards.manage (ReceptionAccess decides); lives inside the session's workspace, so a lock
// deletes it with every name it showed (SES-3). All hub calls are asynchronous (ReceptionClient).
class ReceptionWorkspace : public QWidget
{
    Q_OBJECT

public:
    // `setup.client` is ignored: the desk makes its own client on `hub` with the session's token.
    ReceptionWorkspace(HubClient& hub, const QString& sessionToken, const QStringList& permissions, ReceptionSetup setup,
                       QWidget* parent = nullptr);

    StaffFinder* finder() const { return m_finder; }
    RegistrationForm* registration() const { return m_registration; }
    PendingRequests* requests() const { return m_requests; }
    EmergencyAccountsPanel* emergencyAccounts() const { return m_emergency; }
    AccountReportView* reports() const { return m_reports; }
    CardPanel* cards() const { return m_cards; }
    QTabWidget* tabs() const { return m_tabs; }
    StatusBadge* sessionBanner() const { return m_sessionBanner; }

signals:
    // AUTH-10: the hub ended the admin session (`code` as ReceptionClient::adminSessionEnded); only a new login
    // helps. The desk has already stopped offering changes; the composed terminal decides what the session does.
    void adminSessionEnded(const QString& code);

private:
    ReceptionClient* m_client;
    StatusBadge* m_sessionBanner;
    QTabWidget* m_tabs;
    StaffFinder* m_finder;
    RegistrationForm* m_registration = nullptr;
    PendingRequests* m_requests = nullptr;
    EmergencyAccountsPanel* m_emergency = nullptr;
    AccountReportView* m_reports = nullptr;
    CardPanel* m_cards = nullptr;
};

} // namespace ward
