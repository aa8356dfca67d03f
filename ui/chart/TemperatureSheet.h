#pragma once

#include "ui/chart/ChartContent.h"

#include <QDate>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QWidget>

namespace ward {

// The ward's 温度板 as it is drawn on paper: one column per day (six four-hour slots), temperature as a blue
// line with filled dots, pulse as a red line with open circles and blood pressure as a vertical bar from
// diastolic to systolic, on the usual shared grid (T 35–41 °C, P 40–160 /min, BP 0–240 mmHg on the same
// lines); below it SpO2 and respiratory rate at the time they were taken, and the nursing notes of each shift
// (深夜 0–8, 日勤 8–16, 準夜 16–24). Painted directly so a patient with hundreds of sets opens within budget
// (only the visible days are drawn). Times are shown in local time.
class TemperatureSheet : public QWidget
{
    Q_OBJECT

public:
    enum class Series { Temperature, Pulse, Systolic, Diastolic, SpO2, RespRate };
    enum class Shift { Night, Day, Evening };

    explicit TemperatureSheet(QWidget* parent = nullptr);

    // Vital-sign sets and notes oldest first (ChartContent's order); note authors already as display names.
    void setContent(const QList<ChartContent::Vitals>& vitals, const QList<ChartContent::Note>& notes);
    void setFirstDay(const QDate& day);
    // Drawn for paper (PrintedDocument): the light theme's colours whatever the screen's theme.
    void setPaper(bool paper) { m_paper = paper; }
    QDate firstDay() const { return m_firstDay; }
    int visibleDays() const;
    double dayWidth() const;
    // Local days that hold data (invalid when there is none).
    QDate dataFirstDay() const { return m_dataFirst; }
    QDate dataLastDay() const { return m_dataLast; }

    // For tests: where things are drawn, in widget coordinates.
    QRectF dayRect(const QDate& day) const;  // empty when the day is not visible
    QList<QPointF> plottedPoints(Series series) const;
    int sampleCount(Series series) const;
    QString shiftText(const QDate& day, Shift shift) const;
    QRectF graphRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr int kDayWidth = 168;  // at least six slots of 28 px: a value fits per slot
    static constexpr int kLeft = 156;

signals:
    void visibleDaysChanged(int days);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Layout
    {
        double header;
        double graphTop;
        double graphBottom;
        double spo2Top;
        double respTop;
        double shiftTop;
        double rowHeight;
        double shiftHeight;
    };
    Layout layout() const;
    double xFor(const QDateTime& utc) const;
    double yFor(Series series, double value) const;
    std::optional<double> value(const ChartContent::Vitals& v, Series series) const;
    // Indices of the sets within the visible days, plus one on each side so the lines reach the edge.
    std::pair<int, int> visibleRange() const;
    static Shift shiftOf(const QTime& local);
    bool m_paper = false;
    QString tooltipAt(const QPointF& pos) const;

    QList<ChartContent::Vitals> m_vitals;
    QList<ChartContent::Note> m_notes;
    QDate m_firstDay;
    QDate m_dataFirst;
    QDate m_dataLast;
    int m_lastVisibleDays = 0;
};

} // namespace ward
