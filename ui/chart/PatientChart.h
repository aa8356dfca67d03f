#pragma once

#include "records/Patient.h"
#include "records/RecordVersion.h"
#include "ui/chart/ChartContent.h"
#include "ui/chart/DraftEditor.h"
#include "ui/theme/StatusBadge.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace ward {

class AlertBadges;
class ChartService;
class RecordDetail;
class StaffDirectory;
class VitalSignsChart;

// One patient's chart: a header band (patient, and beside it the alert banner with allergies and flags), the tab
// row with the entry actions and their shortcuts at its right end, then the timeline by clinical time (filterable
// by type and date) with the record detail, the 温度板, labs per test with flags and the last values by date, allergies,
// medication orders, and the entry forms. Authors appear by name (StaffDirectory), their ID in the tooltip.
// The caller has already passed the access check (ChartService::viewPatient).
class ExportService;
class ExportDialog;

class PatientChart : public QWidget
{
    Q_OBJECT

public:
    // staff may be null: authors are then shown by ID.
    PatientChart(ChartService& service, const Patient& patient, const StaffDirectory* staff = nullptr,
                 QWidget* parent = nullptr);

    const Patient& patient() const { return m_patient; }
    // View names: timeline, vitals, labs, allergies, medications, editor.
    QString currentView() const;
    void setView(const QString& view);
    void selectRecord(const QString& recordId);
    void refresh();
    // Sync stored versions or tokens for this patient: re-read the records and update rows, badges, sync states
    // and the open detail in place (selection kept; the detail is re-opened only for a newer version).
    void recordsChanged();

    // Editing.
    DraftEditor* editor() const { return m_editor; }
    QString openDraftId() const;
    bool openDraft(const QString& draftId);
    void newEntry(const QString& type);
    void saveDrafts();

    // For tests and the benchmark.
    VitalSignsChart* vitalsChart() const { return m_vitals; }
    RecordDetail* detail() const { return m_detail; }
    QTableWidget* timeline() const { return m_timeline; }
    QTableWidget* labs() const { return m_labs; }
    QTableWidget* medications() const { return m_meds; }
    QTableWidget* allergies() const { return m_allergies; }
    // The allergy line of the alert banner ("No known allergies" when none; property alert = true when some).
    QLabel* allergyBanner() const;
    AlertBadges* alertBanner() const { return m_alerts; }
    // The entry actions by record type (progress-note, nursing-note, vital-signs), null when not allowed.
    QAction* entryAction(const QString& type) const { return m_entryActions.value(type); }
    const ChartContent& content() const { return m_content; }
    int pendingSignatureChecks() const { return static_cast<int>(m_verifyQueue.size()); }
    // Verifies every queued timeline badge now instead of in idle slices.
    void verifyAllNow();

    // DATA-4: a "Print / export" button in the entry row when the user may produce anything; it opens an
    // ExportDialog on this patient (a child of the chart: it goes with the chart at lock, SES-3).
    void enableExport(ExportService* service);
    ExportDialog* openExportDialog();

signals:
    void activity();

private:
    void buildHeader(QLayout* layout);
    void fillTimeline();
    void fillHeader();
    void fillLabs();
    void fillAllergiesAndMedications();
    QString authorText(const RecordVersion& r) const;
    QString staffLabel(const QString& userId) const;
    std::optional<RecordContent> content(const RecordVersion& r) const;
    void verifySome(int count);
    void startCorrection(const QString& recordId);
    void showEditor(DraftEditor* editor);
    void closeEditor();
    QStringList proxyDoctors(const QList<RecordVersion>& records) const;

    ChartService& m_service;
    const StaffDirectory* m_staff;
    Patient m_patient;
    QList<RecordVersion> m_records;  // latest versions
    ChartContent m_content;          // m_records decoded
    QLabel* m_header = nullptr;
    AlertBadges* m_alerts = nullptr;
    QHash<QString, QAction*> m_entryActions;
    QWidget* m_entryBar = nullptr;  // the entry buttons, in the tab row
    ExportService* m_export = nullptr;
    StatusBadge* m_unreadable = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTabWidget* m_tabs = nullptr;
    QComboBox* m_typeFilter = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QTableWidget* m_timeline = nullptr;
    RecordDetail* m_detail = nullptr;
    VitalSignsChart* m_vitals = nullptr;
    QTableWidget* m_labs = nullptr;
    QTableWidget* m_allergies = nullptr;
    QTableWidget* m_meds = nullptr;
    QWidget* m_editorPage = nullptr;
    QPointer<DraftEditor> m_editor;
    QTimer m_verifyTimer;
    QList<int> m_verifyQueue;  // timeline rows whose badge is not computed yet
};

} // namespace ward
