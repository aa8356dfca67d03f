#pragma once

#include "records/Patient.h"
#include "records/RecordVersion.h"
#include "ui/chart/DraftEditor.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace ward {

class ChartService;
class RecordDetail;
class VitalSignsChart;

// One patient's chart: header, timeline (filterable by type and date) with the record detail,
// vital-signs chart, labs with abnormal flags and trends, allergies, medication orders, and the
// entry forms. The caller has already passed the access check (ChartService::viewPatient).
class PatientChart : public QWidget
{
    Q_OBJECT

public:
    PatientChart(ChartService& service, const Patient& patient, QWidget* parent = nullptr);

    const Patient& patient() const { return m_patient; }
    // View names: timeline, vitals, labs, allergies, medications, editor.
    QString currentView() const;
    void setView(const QString& view);
    void selectRecord(const QString& recordId);
    void refresh();

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
    int pendingSignatureChecks() const { return static_cast<int>(m_verifyQueue.size()); }
    // Verifies every queued timeline badge now instead of in idle slices.
    void verifyAllNow();

signals:
    void activity();

private:
    void buildHeader(QLayout* layout);
    void fillTimeline();
    void fillTables(const QList<RecordVersion>& all);
    void verifySome(int count);
    void startCorrection(const QString& recordId);
    void showEditor(DraftEditor* editor);
    void closeEditor();
    QStringList proxyDoctors(const QList<RecordVersion>& records) const;

    ChartService& m_service;
    Patient m_patient;
    QList<RecordVersion> m_records;  // latest versions, newest first
    QLabel* m_header = nullptr;
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
