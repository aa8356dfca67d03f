#pragma once

#include "records/ChartService.h"
#include "records/Patient.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ward {

class ChartService;

// The ward census (bed, patient, age/sex, allergy alert) and, while a search is active, the search
// results. Large rows for touch; Enter or a tap opens the chart.
class WardView : public QWidget
{
    Q_OBJECT

public:
    WardView(ChartService& service, QWidget* parent = nullptr);

    // `reader`: Sync when a finished sync cycle refreshes what is on screen (not audited, AUD-1).
    void showCensus(ChartService::CensusReader reader = ChartService::CensusReader::Person);
    void showSearchResults(const QString& query);
    int rowCount() const;
    QString patientIdAt(int row) const;

signals:
    void patientActivated(const QString& patientId);

private:
    void fill(const QList<Patient>& patients, bool withAlerts);

    ChartService& m_service;
    QLabel* m_title;
    QTableWidget* m_table;
};

} // namespace ward
