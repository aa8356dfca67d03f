#pragma once

#include "records/RecordVersion.h"

#include <QChartView>
#include <QHash>
#include <QList>

class QLineSeries;

namespace ward {

// Temperature, pulse, blood pressure and SpO2 over time (Qt Charts). Temperature has its own axis
// (°C, left); the others share the right axis. Entered-in-error versions are not plotted.
class VitalSignsChart : public QChartView
{
    Q_OBJECT

public:
    explicit VitalSignsChart(QWidget* parent = nullptr);

    // Latest versions of vital-sign records, any order.
    void setRecords(const QList<RecordVersion>& records);
    // Points in a series: "temperature", "pulse", "systolic", "diastolic", "spo2".
    int pointCount(const QString& series) const;

private:
    QHash<QString, QLineSeries*> m_series;
};

} // namespace ward
