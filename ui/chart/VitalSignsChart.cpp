#include "ui/chart/VitalSignsChart.h"

#include "ui/theme/Appearance.h"
#include "util/Clock.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace ward {

VitalSignsChart::VitalSignsChart(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("vitalSignsChart"));
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout();
    auto* legend = new QLabel(this);
    legend->setObjectName(QStringLiteral("sheetLegend"));
    legend->setTextFormat(Qt::RichText);
    // The legend wears the sheet's series colours (from the theme) and its marks, so it reads in black
    // and white too.
    auto showLegend = [this, legend](const Theme& theme) {
        legend->setText(QStringLiteral("<font color='%4'><b>● %1</b></font>&nbsp;&nbsp;&nbsp;"
                                       "<font color='%5'><b>○ %2</b></font>&nbsp;&nbsp;&nbsp;"
                                       "<font color='%6'><b>┃ %3</b></font>")
                            .arg(tr("Temperature (°C)").toHtmlEscaped(), tr("Pulse (/min)").toHtmlEscaped(),
                                 tr("Blood pressure (mmHg)").toHtmlEscaped(),
                                 theme.color(ColorRole::ChartTemperature).name(),
                                 theme.color(ColorRole::ChartPulse).name(), theme.color(ColorRole::ChartPressure).name()));
    };
    showLegend(Appearance::theme());
    connect(Appearance::instance(), &Appearance::changed, legend, showLegend);
    m_range = new QLabel(this);
    m_range->setObjectName(QStringLiteral("sheetRange"));
    m_range->setProperty("textStyle", QStringLiteral("title"));
    m_previous = new QPushButton(tr("◀ Previous day"), this);
    m_previous->setObjectName(QStringLiteral("previousDay"));
    m_next = new QPushButton(tr("Next day ▶"), this);
    m_next->setObjectName(QStringLiteral("nextDay"));
    m_latest = new QPushButton(tr("Latest"), this);
    m_latest->setObjectName(QStringLiteral("latestDay"));
    for (QPushButton* b : {m_previous, m_next, m_latest})
        b->setAccessibleName(b->text());
    bar->addWidget(legend);
    bar->addStretch();
    bar->addWidget(m_range);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_latest);
    layout->addLayout(bar);
    m_sheet = new TemperatureSheet(this);
    layout->addWidget(m_sheet, 1);
    m_scroll = new QScrollBar(Qt::Horizontal, this);
    m_scroll->setObjectName(QStringLiteral("dayScroll"));
    m_scroll->setMinimumHeight(24);
    layout->addWidget(m_scroll);

    connect(m_scroll, &QScrollBar::valueChanged, this, [this](int v) {
        m_sheet->setFirstDay(rangeStart().addDays(v));
        const QDate last = m_sheet->firstDay().addDays(m_sheet->visibleDays() - 1);
        m_range->setText(tr("%1 – %2").arg(QLocale().toString(m_sheet->firstDay(), QStringLiteral("M/d")),
                                           QLocale().toString(last, QStringLiteral("M/d"))));
    });
    connect(m_sheet, &TemperatureSheet::visibleDaysChanged, this, [this] {
        const bool atEnd = m_scroll->value() == m_scroll->maximum();
        updateRange();
        if (atEnd)
            showLatest();
    });
    connect(m_previous, &QPushButton::clicked, this, [this] { scrollByDays(-1); });
    connect(m_next, &QPushButton::clicked, this, [this] { scrollByDays(1); });
    connect(m_latest, &QPushButton::clicked, this, &VitalSignsChart::showLatest);
    updateRange();
    emit m_scroll->valueChanged(m_scroll->value());
}

QDate VitalSignsChart::rangeStart() const
{
    // Never later than a full sheet before the last day: a short stay still ends at today's column, with
    // the days before it empty rather than days to come.
    const QDate fullSheet = rangeEnd().addDays(1 - m_sheet->visibleDays());
    const QDate first = m_sheet->dataFirstDay();
    return first.isValid() ? std::min(first, fullSheet) : fullSheet;
}

QDate VitalSignsChart::rangeEnd() const
{
    // Today is always reachable, so the nurse sees what has (not) been measured this shift.
    const QDate today = Clock::instance().nowUtc().toLocalTime().date();
    const QDate last = m_sheet->dataLastDay();
    return last.isValid() ? std::max(last, today) : today;
}

void VitalSignsChart::updateRange()
{
    const int total = static_cast<int>(rangeStart().daysTo(rangeEnd())) + 1;
    const int shown = m_sheet->visibleDays();
    const QSignalBlocker block(m_scroll);
    m_scroll->setRange(0, std::max(0, total - shown));
    m_scroll->setPageStep(shown);
    m_scroll->setSingleStep(1);
    m_scroll->setValue(static_cast<int>(rangeStart().daysTo(m_sheet->firstDay())));
}

void VitalSignsChart::setContent(const QList<ChartContent::Vitals>& vitals, const QList<ChartContent::Note>& notes)
{
    const QDate shown = m_sheet->firstDay();
    m_sheet->setContent(vitals, notes);
    updateRange();
    if (!m_hasContent) {
        m_hasContent = true;
        showLatest();
        return;
    }
    const int v = static_cast<int>(rangeStart().daysTo(shown));
    m_scroll->setValue(std::clamp(v, 0, m_scroll->maximum()));
    emit m_scroll->valueChanged(m_scroll->value());
}

void VitalSignsChart::showLatest()
{
    m_scroll->setValue(m_scroll->maximum());
    emit m_scroll->valueChanged(m_scroll->value());
}

void VitalSignsChart::scrollByDays(int days)
{
    m_scroll->setValue(m_scroll->value() + days);
}

int VitalSignsChart::pointCount(const QString& series) const
{
    static const QHash<QString, TemperatureSheet::Series> names{
        {QStringLiteral("temperature"), TemperatureSheet::Series::Temperature},
        {QStringLiteral("pulse"), TemperatureSheet::Series::Pulse},
        {QStringLiteral("systolic"), TemperatureSheet::Series::Systolic},
        {QStringLiteral("diastolic"), TemperatureSheet::Series::Diastolic},
        {QStringLiteral("spo2"), TemperatureSheet::Series::SpO2},
        {QStringLiteral("respRate"), TemperatureSheet::Series::RespRate},
    };
    const auto it = names.constFind(series);
    return it == names.constEnd() ? 0 : m_sheet->sampleCount(*it);
}

} // namespace ward
