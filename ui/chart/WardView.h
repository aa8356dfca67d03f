#pragma once

#include "records/ChartService.h"
#include "records/Patient.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace ward {

class AlertBadges;
class ChartService;

// The ward census and, while a search is active, the search results (issue 11): bed (narrow), patient — name,
// kana and ID (the wide column) —, age/sex, the alerts as icon + word (allergy, infection precautions, fall risk,
// 絶食), the latest vital signs with their time, and the time since the last nursing note. Rows are at least a
// touch target high; arrow keys and Enter, or a tap, open the chart. The elapsed times follow the clock.
class WardView : public QWidget
{
    Q_OBJECT

public:
    enum Column { ColBed, ColPatient, ColAgeSex, ColAlerts, ColVitals, ColLastNote, ColCount };

    WardView(ChartService& service, QWidget* parent = nullptr);

    // `reader`: Sync when a finished sync cycle refreshes what is on screen (not audited, AUD-1).
    void showCensus(ChartService::CensusReader reader = ChartService::CensusReader::Person);
    void showSearchResults(const QString& query);
    int rowCount() const;
    QString patientIdAt(int row) const;
    QTableWidget* table() const { return m_table; }
    AlertBadges* alertsAt(int row) const;
    // Re-reads the clock for the "since the last nursing note" column (every minute by itself).
    void updateElapsed();

signals:
    void patientActivated(const QString& patientId);

private:
    void fill(const QList<Patient>& patients);

    ChartService& m_service;
    QLabel* m_title;
    QTableWidget* m_table;
    QTimer m_elapsedTimer;
};

} // namespace ward
