#pragma once

#include "ui/audit/AuditResults.h"
#include "ui/theme/ThemeIcon.h"

#include <QWidget>

class QTabWidget;

namespace ward {

class BreakGlassQueue;
class AuditSearchPanel;
class HubClient;
class ReceptionClient;
class StatusBadge;

// 監査: the auditor's workspace inside the session (issue 14; JAHIS 09-001 §6, AC-3). Shown only to a user whose
// admin session at the hub (card + password, privileged limits, AUTH-10) grants audit.read; read-only apart from
// the review mark on a break-the-glass access. Its hub calls go through the same administration client as the
// reception desk's and the IT console's (ReceptionClient: the session's token, answers on the UI thread); it lives
// in the session's workspace, so a lock deletes it with every patient ID it showed (SES-3).
class AuditorWorkspace : public QWidget
{
    Q_OBJECT

public:
    AuditorWorkspace(HubClient& hub, const QString& sessionToken, AuditResults::PrinterFactory printers,
                     QWidget* parent = nullptr);

    AuditSearchPanel* search() const { return m_search; }
    BreakGlassQueue* breakGlass() const { return m_breakGlass; }
    QTabWidget* tabs() const { return m_tabs; }
    StatusBadge* sessionBanner() const { return m_sessionBanner; }

signals:
    // AUTH-10: the hub ended the admin session (as ReceptionWorkspace::adminSessionEnded); the workspace has stopped.
    void adminSessionEnded(const QString& code);

private:
    ReceptionClient* m_client;
    StatusBadge* m_sessionBanner;
    QTabWidget* m_tabs;
    AuditSearchPanel* m_search;
    BreakGlassQueue* m_breakGlass;
};

} // namespace ward
