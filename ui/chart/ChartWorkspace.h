#pragma once

#include "crypto/Certificate.h"
#include "policy/AccessPolicy.h"
#include "records/SignatureVerifier.h"
#include "records/SigningIdentity.h"
#include "records/StaffDirectory.h"
#include "session/UserSession.h"
#include "ui/Workspace.h"
#include "ui/theme/ThemeIcon.h"

#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

class QAction;
class QHBoxLayout;
class QKeySequence;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace ward {

class ApprovalList;
class BreakGlassPanel;
class ChartService;
class PatientChart;
class Vault;
class WardView;

// The chart workspace the session shell shows while unlocked: ward census and search, the patient
// chart, entry forms, proxy approvals. Self-contained (no globals): everything it shows comes from
// the ChartService it owns, so deleting it on lock leaves no patient data in any widget (SES-3), and
// a new one restored from WorkspaceState reopens the same patient and draft (SES-4).
class ExportService;
class ExportPolicy;

class ChartWorkspace : public Workspace
{
    Q_OBJECT

public:
    ChartWorkspace(const UserSession& user, Vault& vault, const AccessPolicy& policy,
                   std::optional<SigningIdentity> signer, const QList<Certificate>& trustedCas,
                   SignatureVerifier::TimestampCheck timestampCheck = {}, QWidget* parent = nullptr);
    ~ChartWorkspace() override;

    void saveDrafts() override;
    WorkspaceState state() const override;
    void restore(const WorkspaceState& state) override;

    // Opens a patient's chart, asking for a reason first when outside the user's compartments.
    void openPatient(const QString& patientId);
    void showWard();

    // Sync stored record versions or timestamp tokens for these patients (SyncEngine::recordsChanged): the open
    // chart, if it is one of them, updates its rows, badges and sync states in place.
    void recordsChanged(const QStringList& patientIds);

    // Another page of the session beside the census (the reception desk, issue 12): a button in the workspace
    // bar and a window shortcut open it; it is deleted with the workspace at lock like every chart page (SES-3).
    QAction* addPage(QWidget* page, const QString& title, IconName icon, const QKeySequence& shortcut);
    QWidget* currentPage() const;
    // Shows a page added with addPage (an office session's own workspace as its first screen).
    void showPage(QWidget* page);

    ChartService& service() const { return *m_service; }
    // DATA-4: where prints and exports may go; read from the hospital policy the vault holds, replaced when sync
    // brings a newer one (and by tests).
    void setExportPolicy(const ExportPolicy& policy);
    ExportService& exports() const { return *m_exports; }
    PatientChart* chart() const { return m_chart; }
    WardView* wardView() const { return m_wardView; }
    BreakGlassPanel* breakGlassPanel() const { return m_breakGlass; }

private:
    void runSearch();
    // The red line under the search bar: why a chart did not open, or a draft could not be saved.
    void setNotice(const QString& text);
    // Saves the open chart's draft and closes it; false (chart kept) when the draft cannot be saved.
    bool closeChart();
    void showChart(const QString& patientId, const QString& reason);
    void applyPending();

    std::unique_ptr<ChartService> m_service;
    std::unique_ptr<ExportService> m_exports;
    StaffDirectory m_staff;
    QLineEdit* m_search;
    QHBoxLayout* m_bar;
    QTimer m_searchDelay;
    QStackedWidget* m_pages;
    QWidget* m_wardPage;
    WardView* m_wardView;
    ApprovalList* m_approvals = nullptr;
    BreakGlassPanel* m_breakGlass;
    QLabel* m_notice;
    QPointer<PatientChart> m_chart;
    WorkspaceState m_pending;  // what restore() still has to reopen after a break-the-glass reason
};

} // namespace ward
