#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

namespace ward {

// What survives a lock: identifiers only, never names or clinical text. The workspace is destroyed
// on lock and a new one is built from this on unlock (SES-3: patient data must not merely be hidden).
struct WorkspaceState
{
    QString patientId;        // the chart that was open, if any
    QString openDraftId;      // the draft being edited, if any
    QString view;             // which tab/view was active (e.g. "notes", "vitals")
};

// The part of the main window that shows patient data (ward view, chart, editors). The session
// shell (ui/SessionShell) owns it: before a lock it asks it to save drafts and report its state,
// then deletes it; after unlock it creates a fresh one and restores the state.
class Workspace : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // Saves every open draft encrypted to the vault (SES-4). Must not show dialogs or block on the
    // network; throws on failure (the shell then ends the session: fail closed).
    virtual void saveDrafts() = 0;
    virtual WorkspaceState state() const = 0;
    virtual void restore(const WorkspaceState& state) = 0;

signals:
    // Any user activity inside the workspace (for the idle timer, besides app-wide input events).
    void activity();
};

} // namespace ward
