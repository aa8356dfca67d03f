#include "ui/it/ItWorkspace.h"

#include "ui/it/NoticesPanel.h"
#include "ui/it/PolicyEditor.h"
#include "ui/it/PolicyRequestsPanel.h"
#include "ui/it/TerminalsPanel.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/theme/StatusBadge.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace ward {

ItWorkspace::ItWorkspace(HubClient& hub, const QString& sessionToken, const QStringList& permissions,
                         const QString& thisTerminalId, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("itWorkspace"));
    m_client = new ReceptionClient(hub, sessionToken, this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sessionBanner = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_sessionBanner->setObjectName(QStringLiteral("itSessionBanner"));
    m_sessionBanner->hide();
    layout->addWidget(m_sessionBanner);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("itTabs"));

    if (permissions.contains(QStringLiteral("terminals.manage"))) {
        m_terminals = new TerminalsPanel(*m_client, thisTerminalId, m_tabs);
        addPage(m_terminals, IconName::HubOnline, tr("Terminals"));
        m_terminals->refresh();
    }
    if (permissions.contains(QStringLiteral("policy.manage"))) {
        m_policy = new PolicyEditor(*m_client, m_tabs);
        addPage(m_policy, IconName::Edit, tr("Policy"));
        // AC-4: privileged grants wait for a second IT person; an approval changes the version in force.
        m_policyRequests = new PolicyRequestsPanel(*m_client, m_tabs);
        addPage(m_policyRequests, IconName::Ok, tr("Policy approvals"));
        m_policyRequests->refresh();
        connect(m_policy, &PolicyEditor::filed, m_policyRequests, &PolicyRequestsPanel::refresh);
        connect(m_policyRequests, &PolicyRequestsPanel::decided, m_policy, [this](bool ok) {
            if (ok)
                m_policy->reload();
        });
    }
    // BCP-1: an emergency account in use reaches IT here at once (the list is read every minute): the tab turns red
    // and says how many uses the last day saw.
    m_notices = new NoticesPanel(*m_client, m_tabs);
    const int noticesTab = addPage(m_notices, IconName::Info, tr("Notices"));
    connect(m_notices, &NoticesPanel::recentUsesChanged, this, [this, noticesTab](int uses) {
        m_tabs->setTabText(noticesTab, uses > 0 ? tr("Notices (%1)").arg(uses) : tr("Notices"));
        m_tabs->setTabIcon(noticesTab, ThemeIcon::icon(uses > 0 ? IconName::BreakGlass : IconName::Info));
    });
    m_notices->refresh();
    layout->addWidget(m_tabs, 1);
    // AUTH-10: an admin session that ended stops the console; what to do is said once, at the top.
    connect(m_client, &ReceptionClient::adminSessionEnded, this, [this](const QString& code, const QString& message) {
        m_sessionBanner->setStatus(StatusTone::Danger, IconName::Lock, message);
        m_sessionBanner->show();
        m_tabs->setEnabled(false);
        emit adminSessionEnded(code);
    });
}

int ItWorkspace::addPage(QWidget* page, IconName icon, const QString& title)
{
    return m_tabs->addTab(page, ThemeIcon::icon(icon), title);
}

} // namespace ward
