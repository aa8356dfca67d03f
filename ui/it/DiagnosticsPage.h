#pragma once

#include "diagnostics/DiagnosticReport.h"
#include "diagnostics/TerminalDiagnostics.h"

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ward {

class WipeHandler;

// Issue 13: the terminal's diagnostics for IT, a page of an IT user's session (terminals.manage). The checks run
// off the UI thread (TerminalDiagnostics); one button copies the report — facts about the machine only, no patient
// data — for a support ticket; another starts the wipe (WipeDialog, DATA-5).
// Object names for tests: "diagnosticsTable", "diagnosticsStatus", "refreshDiagnosticsButton", "copyReportButton",
// "wipeTerminalButton".
class DiagnosticsPage : public QWidget
{
    Q_OBJECT

public:
    // setup: what to check, asked at each run (the session's vault key, the terminal's client). wipe may be null
    // (no wipe offered).
    DiagnosticsPage(TerminalDiagnostics& diagnostics, std::function<TerminalDiagnostics::Setup()> setup, WipeHandler* wipe,
                    QWidget* parent = nullptr);

    const DiagnosticReport& report() const { return m_report; }
    bool hasReport() const { return m_hasReport; }

public slots:
    void refresh();
    void copyReport();
    void openWipe();

signals:
    void reportReady();

private:
    void showReport(const DiagnosticReport& report);

    TerminalDiagnostics& m_diagnostics;
    std::function<TerminalDiagnostics::Setup()> m_setup;
    WipeHandler* m_wipe;
    DiagnosticReport m_report;
    bool m_hasReport = false;
    QTableWidget* m_table;
    QLabel* m_status;
    QPushButton* m_refresh;
    QPushButton* m_copy;
    QPushButton* m_wipeButton;
};

} // namespace ward
