#include "ui/chart/TemperatureSheet.h"

#include "ui/theme/Appearance.h"
#include "util/Clock.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ward {

namespace {

// The usual 温度板 grid: seven lines shared by the three scales.
constexpr int kLines = 7;
constexpr double kTempLow = 35, kTempStep = 1;
constexpr double kPulseLow = 40, kPulseStep = 20;
constexpr double kBpLow = 0, kBpStep = 40;
constexpr int kSlotsPerDay = 6;
constexpr double kMinGraph = 150;  // 35–41 °C on seven lines, 21 px a degree: a 0.2 °C step is still 4 px
constexpr double kMinShift = 36;   // two lines of a nursing note


QString number(double v, int decimals)
{
    return QLocale::c().toString(v, 'f', decimals);
}

} // namespace

TemperatureSheet::TemperatureSheet(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("temperatureSheet"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    m_firstDay = Clock::instance().nowUtc().toLocalTime().date();
}

QSize TemperatureSheet::sizeHint() const
{
    return QSize(kLeft + 7 * kDayWidth, 720);
}

QSize TemperatureSheet::minimumSizeHint() const
{
    // Everything drawn in full at the smallest graph and shift rows layout() allows (398 px): with the chart's
    // header band, tabs and the status bar, the whole sheet fits a 1366×768 screen, touch-sized controls included.
    constexpr int kHeader = 52 + 14, kRows = 10 + 2 * 30 + 4;
    return QSize(kLeft + kDayWidth, kHeader + static_cast<int>(kMinGraph) + kRows + 3 * static_cast<int>(kMinShift));
}

void TemperatureSheet::setContent(const QList<ChartContent::Vitals>& vitals, const QList<ChartContent::Note>& notes)
{
    m_vitals = vitals;
    m_notes.clear();
    for (const ChartContent::Note& n : notes) {
        if (n.type == QLatin1String("nursing-note"))
            m_notes.append(n);
    }
    m_dataFirst = QDate();
    m_dataLast = QDate();
    auto extend = [this](const QDateTime& at) {
        const QDate d = at.toLocalTime().date();
        if (!m_dataFirst.isValid() || d < m_dataFirst)
            m_dataFirst = d;
        if (!m_dataLast.isValid() || d > m_dataLast)
            m_dataLast = d;
    };
    for (const auto& v : m_vitals)
        extend(v.at);
    for (const auto& n : m_notes)
        extend(n.at);
    update();
}

void TemperatureSheet::setFirstDay(const QDate& day)
{
    if (!day.isValid() || day == m_firstDay)
        return;
    m_firstDay = day;
    update();
}

double TemperatureSheet::dayWidth() const
{
    // Whole days fill the width: no half-empty column at the right edge.
    return std::max<double>(kDayWidth, double(width() - kLeft) / visibleDays());
}

int TemperatureSheet::visibleDays() const
{
    return std::max(1, (width() - kLeft) / kDayWidth);
}

void TemperatureSheet::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (visibleDays() != m_lastVisibleDays) {
        m_lastVisibleDays = visibleDays();
        emit visibleDaysChanged(m_lastVisibleDays);
    }
}

TemperatureSheet::Layout TemperatureSheet::layout() const
{
    Layout l{};
    l.header = 52;
    l.rowHeight = 30;
    l.graphTop = l.header + 14;
    // The graph keeps at least kMinGraph px; the three shift rows share what is left (kMinShift–62 px each), so
    // all of the sheet stays on screen on a short window.
    const double available = height() - l.graphTop - 10 - 2 * l.rowHeight - 4;
    const double graph = std::max(kMinGraph, available - 3 * 62.0);
    l.shiftHeight = std::clamp((available - graph) / 3, kMinShift, 62.0);
    l.graphBottom = l.graphTop + std::max(graph, available - 3 * l.shiftHeight);
    l.spo2Top = l.graphBottom + 10;
    l.respTop = l.spo2Top + l.rowHeight;
    l.shiftTop = l.respTop + l.rowHeight;
    return l;
}

QRectF TemperatureSheet::graphRect() const
{
    const Layout l = layout();
    return QRectF(kLeft, l.graphTop, visibleDays() * dayWidth(), l.graphBottom - l.graphTop);
}

QRectF TemperatureSheet::dayRect(const QDate& day) const
{
    const qint64 index = m_firstDay.daysTo(day);
    if (index < 0 || index >= visibleDays())
        return QRectF();
    return QRectF(kLeft + index * dayWidth(), 0, dayWidth(), height());
}

double TemperatureSheet::xFor(const QDateTime& utc) const
{
    const QDateTime local = utc.toLocalTime();
    const double day = static_cast<double>(m_firstDay.daysTo(local.date()));
    const double fraction = local.time().msecsSinceStartOfDay() / 86400000.0;
    return kLeft + (day + fraction) * dayWidth();
}

double TemperatureSheet::yFor(Series series, double v) const
{
    double low = kTempLow, step = kTempStep;
    if (series == Series::Pulse) {
        low = kPulseLow;
        step = kPulseStep;
    } else if (series == Series::Systolic || series == Series::Diastolic) {
        low = kBpLow;
        step = kBpStep;
    }
    const Layout l = layout();
    const double units = std::clamp((v - low) / step, 0.0, static_cast<double>(kLines - 1));
    return l.graphBottom - units * (l.graphBottom - l.graphTop) / (kLines - 1);
}

std::optional<double> TemperatureSheet::value(const ChartContent::Vitals& v, Series series) const
{
    switch (series) {
    case Series::Temperature:
        return v.values.temperature;
    case Series::Pulse:
        return v.values.pulse;
    case Series::Systolic:
        return v.values.systolic;
    case Series::Diastolic:
        return v.values.diastolic;
    case Series::SpO2:
        return v.values.spo2;
    case Series::RespRate:
        return v.values.respRate;
    }
    return std::nullopt;
}

std::pair<int, int> TemperatureSheet::visibleRange() const
{
    const QDateTime from = m_firstDay.startOfDay().toUTC();
    const QDateTime to = m_firstDay.addDays(visibleDays()).startOfDay().toUTC();
    auto lo = std::lower_bound(m_vitals.cbegin(), m_vitals.cend(), from,
                               [](const ChartContent::Vitals& v, const QDateTime& t) { return v.at < t; });
    auto hi = std::lower_bound(m_vitals.cbegin(), m_vitals.cend(), to,
                               [](const ChartContent::Vitals& v, const QDateTime& t) { return v.at < t; });
    int first = static_cast<int>(lo - m_vitals.cbegin());
    int last = static_cast<int>(hi - m_vitals.cbegin());  // exclusive
    return {std::max(0, first - 1), std::min(static_cast<int>(m_vitals.size()), last + 1)};
}

QList<QPointF> TemperatureSheet::plottedPoints(Series series) const
{
    QList<QPointF> out;
    const QDateTime from = m_firstDay.startOfDay().toUTC();
    const QDateTime to = m_firstDay.addDays(visibleDays()).startOfDay().toUTC();
    for (const auto& v : m_vitals) {
        const auto x = value(v, series);
        if (x && v.at >= from && v.at < to)
            out.append(QPointF(xFor(v.at), yFor(series, *x)));
    }
    return out;
}

int TemperatureSheet::sampleCount(Series series) const
{
    return static_cast<int>(std::count_if(m_vitals.cbegin(), m_vitals.cend(),
                                          [&](const ChartContent::Vitals& v) { return value(v, series).has_value(); }));
}

TemperatureSheet::Shift TemperatureSheet::shiftOf(const QTime& local)
{
    if (local.hour() < 8)
        return Shift::Night;
    if (local.hour() < 16)
        return Shift::Day;
    return Shift::Evening;
}

QString TemperatureSheet::shiftText(const QDate& day, Shift shift) const
{
    QStringList parts;
    for (const auto& n : m_notes) {
        const QDateTime local = n.at.toLocalTime();
        if (local.date() == day && shiftOf(local.time()) == shift)
            parts << QStringLiteral("%1 %2 %3").arg(local.toString(QStringLiteral("HH:mm")), n.author, n.text);
    }
    return parts.join(QLatin1Char('\n'));
}

void TemperatureSheet::paintEvent(QPaintEvent*)
{
    // The sheet's colours are the theme's, read on every paint: a theme switch repaints it in the new one. Paper is
    // light whatever the screen shows.
    const Theme paperTheme(Theme::Kind::Light);
    const Theme& theme = m_paper ? paperTheme : Appearance::theme();
    const QColor kTempColor = theme.color(ColorRole::ChartTemperature);
    const QColor kPulseColor = theme.color(ColorRole::ChartPulse);
    const QColor kBpColor = theme.color(ColorRole::ChartPressure);
    const QColor kGrid = theme.color(ColorRole::ChartGrid);
    const QColor kDayLine = theme.color(ColorRole::ChartDayLine);
    const QColor kAlert = theme.color(ColorRole::DangerText);
    const QColor kInk = theme.color(ColorRole::ChartText);
    const QColor kPaper = theme.color(ColorRole::ChartBackground);
    QPainter p(this);
    p.fillRect(rect(), kPaper);
    const Layout l = layout();
    const int days = visibleDays();
    const double right = kLeft + days * dayWidth();
    const QDate today = Clock::instance().nowUtc().toLocalTime().date();
    QFont base = font();
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.85);
    QFont bold = base;
    bold.setBold(true);

    // Today's column, so the eye lands on it first.
    if (const QRectF r = dayRect(today); !r.isEmpty())
        p.fillRect(r, theme.color(ColorRole::ChartHighlight));

    // Header: date and weekday, then the slot hours.
    const QLocale locale;
    for (int d = 0; d < days; ++d) {
        const QDate day = m_firstDay.addDays(d);
        const double x = kLeft + d * dayWidth();
        p.setFont(bold);
        const int dow = day.dayOfWeek();
        p.setPen(dow == 7 ? kAlert : dow == 6 ? kTempColor : kInk);
        p.drawText(QRectF(x, 2, dayWidth(), 26), Qt::AlignCenter,
                   QStringLiteral("%1 (%2)").arg(day.toString(QStringLiteral("M/d")),
                                                 locale.dayName(dow, QLocale::ShortFormat)));
        p.setFont(small);
        p.setPen(theme.color(ColorRole::TextMuted));
        for (int s = 0; s < kSlotsPerDay; ++s)
            p.drawText(QRectF(x + s * dayWidth() / double(kSlotsPerDay), 28, dayWidth() / double(kSlotsPerDay), 22),
                       Qt::AlignLeft | Qt::AlignVCenter, QString::number(s * 4));
    }

    // Scales on the left, in the colour of their series.
    const double step = (l.graphBottom - l.graphTop) / (kLines - 1);
    p.setFont(bold);
    p.setPen(kPulseColor);
    p.drawText(QRectF(0, 28, 48, 22), Qt::AlignCenter, tr("P"));
    p.setPen(kTempColor);
    p.drawText(QRectF(48, 28, 48, 22), Qt::AlignCenter, tr("T"));
    p.setPen(kBpColor);
    p.drawText(QRectF(96, 28, 58, 22), Qt::AlignCenter, tr("BP"));
    p.setFont(base);
    for (int i = 0; i < kLines; ++i) {
        const double y = l.graphBottom - i * step;
        p.setPen(kPulseColor);
        p.drawText(QRectF(0, y - 10, 44, 20), Qt::AlignRight | Qt::AlignVCenter, number(kPulseLow + i * kPulseStep, 0));
        p.setPen(kTempColor);
        p.drawText(QRectF(48, y - 10, 44, 20), Qt::AlignRight | Qt::AlignVCenter, number(kTempLow + i * kTempStep, 0));
        p.setPen(kBpColor);
        p.drawText(QRectF(96, y - 10, 54, 20), Qt::AlignRight | Qt::AlignVCenter, number(kBpLow + i * kBpStep, 0));
    }

    // Grid: 0.2 °C steps faint, the whole degrees stronger, 37 °C in red as on the paper sheet.
    for (int i = 0; i < (kLines - 1) * 5; ++i) {
        const double y = l.graphBottom - i * step / 5;
        p.setPen(QPen(i % 5 == 0 ? ThemePalette::mix(kGrid, kInk, 0.2) : ThemePalette::mix(kGrid, kPaper, 0.3), 1));
        p.drawLine(QPointF(kLeft, y), QPointF(right, y));
    }
    p.setPen(QPen(kAlert, 1.5, Qt::DashLine));
    p.drawLine(QPointF(kLeft, yFor(Series::Temperature, 37)), QPointF(right, yFor(Series::Temperature, 37)));
    p.setPen(QPen(kGrid, 1));
    p.drawLine(QPointF(kLeft, l.graphTop), QPointF(right, l.graphTop));
    for (int d = 0; d < days; ++d) {
        for (int s = 1; s < kSlotsPerDay; ++s) {
            const double x = kLeft + d * dayWidth() + s * dayWidth() / double(kSlotsPerDay);
            p.setPen(QPen(kGrid, 1));
            p.drawLine(QPointF(x, l.header - 24), QPointF(x, l.respTop + l.rowHeight));
        }
    }

    // Rows below the graph: titles on the left, lines across.
    const struct
    {
        double top;
        double height;
        QString title;
    } rows[] = {
        {l.spo2Top, l.rowHeight, tr("SpO2 (%)")},
        {l.respTop, l.rowHeight, tr("Resp. (/min)")},
        {l.shiftTop, l.shiftHeight, tr("Night 0–8")},
        {l.shiftTop + l.shiftHeight, l.shiftHeight, tr("Day 8–16")},
        {l.shiftTop + 2 * l.shiftHeight, l.shiftHeight, tr("Evening 16–24")},
    };
    for (const auto& row : rows) {
        p.setPen(QPen(kDayLine, 1));
        p.drawLine(QPointF(0, row.top), QPointF(right, row.top));
        p.setPen(kInk);
        p.setFont(bold);
        p.drawText(QRectF(6, row.top, kLeft - 10, row.height), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                   row.title);
    }
    const double bottom = l.shiftTop + 3 * l.shiftHeight;
    p.setPen(QPen(kDayLine, 1));
    p.drawLine(QPointF(0, bottom), QPointF(right, bottom));
    for (int d = 0; d <= days; ++d) {
        const double x = kLeft + d * dayWidth();
        p.setPen(QPen(kDayLine, d == 0 ? 1.5 : 1.2));
        p.drawLine(QPointF(x, 0), QPointF(x, bottom));
    }

    // Now, in today's column: what is due is to the right of this line.
    if (const QRectF r = dayRect(today); !r.isEmpty()) {
        const double x = xFor(Clock::instance().nowUtc());
        p.setPen(QPen(theme.color(ColorRole::ChartNow), 2, Qt::DotLine));
        p.drawLine(QPointF(x, l.header - 24), QPointF(x, l.shiftTop));
    }

    // The measurements of the visible days (one set beyond each edge so the lines run to it).
    p.save();
    p.setClipRect(QRectF(kLeft, 0, days * dayWidth(), height()));
    p.setRenderHint(QPainter::Antialiasing);
    const auto [first, last] = visibleRange();
    for (const Series s : {Series::Pulse, Series::Temperature}) {
        const QColor c = s == Series::Pulse ? kPulseColor : kTempColor;
        QPainterPath path;
        bool started = false;
        for (int i = first; i < last; ++i) {
            const auto v = value(m_vitals.at(i), s);
            if (!v)
                continue;
            const QPointF pt(xFor(m_vitals.at(i).at), yFor(s, *v));
            if (started)
                path.lineTo(pt);
            else
                path.moveTo(pt);
            started = true;
        }
        p.setPen(QPen(c, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
    for (int i = first; i < last; ++i) {
        const ChartContent::Vitals& v = m_vitals.at(i);
        const double x = xFor(v.at);
        if (v.values.systolic && v.values.diastolic) {
            const double top = yFor(Series::Systolic, *v.values.systolic);
            const double low = yFor(Series::Diastolic, *v.values.diastolic);
            p.setPen(QPen(kBpColor, 2.5));
            p.drawLine(QPointF(x, top), QPointF(x, low));
            p.drawLine(QPointF(x - 5, top), QPointF(x + 5, top));
            p.drawLine(QPointF(x - 5, low), QPointF(x + 5, low));
        }
        if (v.values.pulse) {
            p.setPen(QPen(kPulseColor, 2));
            p.setBrush(kPaper);
            p.drawEllipse(QPointF(x, yFor(Series::Pulse, *v.values.pulse)), 5, 5);
        }
        if (v.values.temperature) {
            p.setPen(QPen(kTempColor, 1));
            p.setBrush(kTempColor);
            const double r = *v.values.temperature >= 38.0 ? 6 : 4.5;  // fever stands out
            p.drawEllipse(QPointF(x, yFor(Series::Temperature, *v.values.temperature)), r, r);
            if (*v.values.temperature >= 38.0) {
                // A fever carries its value, so nobody has to read it off the grid.
                p.setFont(bold);
                p.setPen(kAlert);
                p.drawText(QRectF(x - 24, yFor(Series::Temperature, *v.values.temperature) - 28, 48, 18), Qt::AlignCenter,
                           number(*v.values.temperature, 1));
            }
        }
        // SpO2 and respiratory rate as numbers at the time they were taken; low SpO2 / fast breathing in red.
        p.setFont(base);
        if (v.values.spo2) {
            const bool low = *v.values.spo2 < 93;
            QFont f = low ? bold : base;
            p.setFont(f);
            p.setPen(low ? kAlert : kInk);
            p.drawText(QRectF(x - 16, l.spo2Top, 32, l.rowHeight), Qt::AlignCenter, number(*v.values.spo2, 0));
        }
        if (v.values.respRate) {
            const bool fast = *v.values.respRate >= 25 || *v.values.respRate < 10;
            p.setFont(fast ? bold : base);
            p.setPen(fast ? kAlert : kInk);
            p.drawText(QRectF(x - 16, l.respTop, 32, l.rowHeight), Qt::AlignCenter, number(*v.values.respRate, 0));
        }
    }
    p.restore();

    // The shift's nursing notes, as much as fits; the tooltip has the whole text.
    p.setFont(small);
    p.setPen(kInk);
    for (int d = 0; d < days; ++d) {
        const QDate day = m_firstDay.addDays(d);
        for (int s = 0; s < 3; ++s) {
            const QString text = shiftText(day, static_cast<Shift>(s));
            if (text.isEmpty())
                continue;
            const QRectF cell(kLeft + d * dayWidth() + 4, l.shiftTop + s * l.shiftHeight + 2, dayWidth() - 8,
                              l.shiftHeight - 4);
            const QFontMetricsF fm(small);
            const int lines = std::max(1, static_cast<int>(cell.height() / fm.lineSpacing()));
            QString shown = text;
            shown.replace(QLatin1Char('\n'), QLatin1Char(' '));
            const QString elided = fm.elidedText(shown, Qt::ElideRight, cell.width() * lines - fm.averageCharWidth() * 4);
            p.drawText(cell, Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere, elided);
        }
    }

    if (m_vitals.isEmpty() && m_notes.isEmpty()) {
        p.setFont(bold);
        p.setPen(theme.color(ColorRole::TextMuted));
        p.drawText(graphRect(), Qt::AlignCenter, tr("No vital signs recorded"));
    }
}

QString TemperatureSheet::tooltipAt(const QPointF& pos) const
{
    const Layout l = layout();
    if (pos.x() < kLeft)
        return QString();
    const QDate day = m_firstDay.addDays(static_cast<int>((pos.x() - kLeft) / dayWidth()));
    if (pos.y() >= l.shiftTop) {
        const int s = static_cast<int>((pos.y() - l.shiftTop) / l.shiftHeight);
        return s < 3 ? shiftText(day, static_cast<Shift>(s)) : QString();
    }
    // The nearest set in time, within half a slot.
    const ChartContent::Vitals* best = nullptr;
    double bestDx = dayWidth() / double(kSlotsPerDay) / 2;
    const auto [first, last] = visibleRange();
    for (int i = first; i < last; ++i) {
        const double dx = std::abs(xFor(m_vitals.at(i).at) - pos.x());
        if (dx <= bestDx) {
            bestDx = dx;
            best = &m_vitals.at(i);
        }
    }
    if (!best)
        return QString();
    QStringList parts{best->at.toLocalTime().toString(QStringLiteral("M/d HH:mm"))};
    if (best->values.temperature)
        parts << tr("BT %1°C").arg(number(*best->values.temperature, 1));
    if (best->values.pulse)
        parts << tr("P %1").arg(number(*best->values.pulse, 0));
    if (best->values.systolic && best->values.diastolic)
        parts << tr("BP %1/%2").arg(number(*best->values.systolic, 0), number(*best->values.diastolic, 0));
    if (best->values.spo2)
        parts << tr("SpO2 %1%").arg(number(*best->values.spo2, 0));
    if (best->values.respRate)
        parts << tr("RR %1").arg(number(*best->values.respRate, 0));
    if (!best->author.isEmpty())
        parts << best->author;
    return parts.join(QStringLiteral("  "));
}

bool TemperatureSheet::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = tooltipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace ward
