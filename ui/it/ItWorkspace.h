#pragma once

#include "ui/theme/ThemeIcon.h"

#include <QStringList>
#include <QWidget>

class QTabWidget;

namespace ward {

class HubClient;
class ReceptionClient;
class StatusBadge;
class NoticesPanel;
class PolicyEditor;
class PolicyRequestsPanel;
class TerminalsPanel;

// 情報システム: the IT console inside the session (issue 13). Shown only to a user whose admin session at the hub
// grants terminals.manage or policy.manage; lives inside the session's workspace, so a lock deletes it with the
// enrolment code it may show (SES-3). Its hub calls go through the same administration client as the reception
// desk's (ReceptionClient: the session's token, answers on the UI thread).
class ItWorkspace : public QWidget
{
    Q_OBJECT

public:
    // `thisTerminalId`: the terminal the console runs on (marked in the list; revoking it ends this session's hub use).
    ItWorkspace(HubClient& hub, const QString& sessionToken, const QStringList& permissions, const QString& thisTerminalId,
                QWidget* parent = nullptr);

    // One tab per task. terminals.manage: the terminals (TerminalsPanel). policy.manage: the hospital's policy
    // (PolicyEditor, CFG-2), after the terminals.
    int addPage(QWidget* page, IconName icon, const QString& title);

    TerminalsPanel* terminals() const { return m_terminals; }
    NoticesPanel* notices() const { return m_notices; }
    PolicyEditor* policy() const { return m_policy; }
    PolicyRequestsPanel* policyRequests() const { return m_policyRequests; }
    QTabWidget* tabs() const { return m_tabs; }
    StatusBadge* sessionBanner() const { return m_sessionBanner; }
    ReceptionClient* client() const { return m_client; }

signals:
    // AUTH-10: the hub ended the admin session (as ReceptionWorkspace::adminSessionEnded); the console has stopped.
    void adminSessionEnded(const QString& code);

private:
    ReceptionClient* m_client;
    StatusBadge* m_sessionBanner;
    QTabWidget* m_tabs;
    TerminalsPanel* m_terminals = nullptr;
    NoticesPanel* m_notices = nullptr;
    PolicyEditor* m_policy = nullptr;
    PolicyRequestsPanel* m_policyRequests = nullptr;
};

} // namespace ward
