#pragma once

#include "ui/chart/ChartContent.h"
#include "ui/chart/TemperatureSheet.h"

#include <QWidget>

class QLabel;
class QAction;
class QHBoxLayout;
class QPushButton;
class QScrollBar;

namespace ward {

// The vital-signs view: the 温度板 (TemperatureSheet) with its legend, a day scroll bar and large
// previous-day / next-day / latest buttons. It opens on the latest days (today at the right edge).
class VitalSignsChart : public QWidget
{
    Q_OBJECT

public:
    explicit VitalSignsChart(QWidget* parent = nullptr);

    // The patient's decoded vital-sign sets and notes (ChartContent order); keeps the scroll position when the
    // same patient is refreshed and the shown days still exist.
    void setContent(const QList<ChartContent::Vitals>& vitals, const QList<ChartContent::Note>& notes);
    // A button for the chart's "enter vital signs" action beside the sheet it adds to (issue 11: entry buttons near
    // what they act on). Without it (a role that may not enter vitals) there is none.
    void setEntryAction(QAction* action);
    // Sets with a value in a series: "temperature", "pulse", "systolic", "diastolic", "spo2", "respRate".
    int pointCount(const QString& series) const;
    TemperatureSheet* sheet() const { return m_sheet; }
    QScrollBar* dayScroll() const { return m_scroll; }
    void showLatest();
    void scrollByDays(int days);

private:
    void updateRange();
    QDate rangeStart() const;
    QDate rangeEnd() const;

    TemperatureSheet* m_sheet;
    QScrollBar* m_scroll;
    QLabel* m_range;
    QHBoxLayout* m_bar;
    QPushButton* m_previous;
    QPushButton* m_next;
    QPushButton* m_latest;
    bool m_hasContent = false;  // the first content opens on the latest days
};

} // namespace ward
