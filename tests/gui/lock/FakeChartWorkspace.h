#pragma once

#include "session/UserSession.h"
#include "ui/Workspace.h"

#include <QAction>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextEdit>
#include <atomic>

// A stand-in for the chart (the real ChartWorkspace is built on branch `chart`): it holds patient data
// the way a chart does — name and kana in labels and a tooltip, record text in an item model shown in a
// table, a patient-named action, and a draft editor saved into the real vault's DraftStore. It reads
// everything from the real vault, so the lock has real data to destroy.
class FakeChartWorkspace : public ward::Workspace
{
    Q_OBJECT

public:
    // Fault injection: saveDrafts() throws while this is set.
    static std::atomic<bool> s_failSaves;
    // Fault injection: state() throws (a failure later on the lock path than the draft save).
    static std::atomic<bool> s_failState;
    static std::atomic<int> s_alive;

    explicit FakeChartWorkspace(const ward::UserSession& session, QWidget* parent = nullptr);
    ~FakeChartWorkspace() override;

    void openPatient(const QString& patientId);
    QTextEdit* draftEditor() const { return m_editor; }
    QStandardItemModel* recordModel() const { return m_model; }

    void saveDrafts() override;
    ward::WorkspaceState state() const override;
    void restore(const ward::WorkspaceState& state) override;

private:
    ward::UserSession m_session;
    QString m_patientId;
    QString m_draftId;
    QLabel* m_name;
    QLabel* m_kana;
    QStandardItemModel* m_model;
    QTableView* m_table;
    QTextEdit* m_editor;
    QAction* m_printAction;
};
