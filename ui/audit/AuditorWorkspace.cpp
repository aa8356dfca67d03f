#include "ui/audit/AuditorWorkspace.h"

#include "ui/audit/AuditSearchPanel.h"
#include "ui/audit/BreakGlassQueue.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/theme/StatusBadge.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace ward {

AuditorWorkspace::AuditorWorkspace(HubClient& hub, const QString& sessionToken, AuditResults::PrinterFactory printers,
                                   QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("auditorWorkspace"));
    m_client = new ReceptionClient(hub, sessionToken, this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sessionBanner = new StatusBadge(StatusBadge::Shape::Banner, this);
    m_sessionBanner->setObjectName(QStringLiteral("auditSessionBanner"));
    m_sessionBanner->hide();
    layout->addWidget(m_sessionBanner);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("auditTabs"));
    m_search = new AuditSearchPanel(*m_client, printers, m_tabs);
    m_tabs->addTab(m_search, ThemeIcon::icon(IconName::Search), tr("Search and reports"));
    m_breakGlass = new BreakGlassQueue(*m_client, printers, m_tabs);
    m_tabs->addTab(m_breakGlass, ThemeIcon::icon(IconName::BreakGlass), tr("Break-the-glass review"));
    layout->addWidget(m_tabs, 1);
    m_breakGlass->refresh();
    // AUTH-10: an admin session that ended stops the workspace; what to do is said once, at the top.
    connect(m_client, &ReceptionClient::adminSessionEnded, this, [this](const QString& code, const QString& message) {
        m_sessionBanner->setStatus(StatusTone::Danger, IconName::Lock, message);
        m_sessionBanner->show();
        m_tabs->setEnabled(false);
        emit adminSessionEnded(code);
    });
}

} // namespace ward
