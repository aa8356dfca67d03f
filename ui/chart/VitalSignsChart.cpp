#include "ui/chart/VitalSignsChart.h"

#include "ui/chart/RecordPresenter.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace ward {

VitalSignsChart::VitalSignsChart(QWidget* parent) : QChartView(parent)
{
    setObjectName(QStringLiteral("vitalSignsChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(320);
    auto* chart = new QChart();
    chart->setTitle(tr("Vital signs"));
    chart->legend()->setAlignment(Qt::AlignBottom);

    auto* time = new QDateTimeAxis();
    time->setFormat(QStringLiteral("MM/dd HH:mm"));
    time->setTitleText(tr("Time"));
    auto* celsius = new QValueAxis();
    celsius->setRange(34, 42);
    celsius->setTitleText(tr("°C"));
    auto* other = new QValueAxis();
    other->setRange(0, 220);
    other->setTitleText(tr("/min, mmHg, %"));
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(celsius, Qt::AlignLeft);
    chart->addAxis(other, Qt::AlignRight);

    const struct
    {
        const char* key;
        const char* label;
        QColor color;
    } series[] = {
        {"temperature", QT_TR_NOOP("Temperature"), QColor(0xd3, 0x2f, 0x2f)},
        {"pulse", QT_TR_NOOP("Pulse"), QColor(0x19, 0x76, 0xd2)},
        {"systolic", QT_TR_NOOP("BP systolic"), QColor(0x38, 0x8e, 0x3c)},
        {"diastolic", QT_TR_NOOP("BP diastolic"), QColor(0x81, 0xc7, 0x84)},
        {"spo2", QT_TR_NOOP("SpO2"), QColor(0x7b, 0x1f, 0xa2)},
    };
    for (const auto& s : series) {
        auto* line = new QLineSeries();
        line->setName(tr(s.label));
        line->setObjectName(QLatin1String(s.key));
        line->setColor(s.color);
        line->setPointsVisible(true);
        chart->addSeries(line);
        line->attachAxis(time);
        line->attachAxis(QLatin1String(s.key) == QLatin1String("temperature") ? celsius : other);
        m_series.insert(QLatin1String(s.key), line);
    }
    setChart(chart);
}

void VitalSignsChart::setRecords(const QList<RecordVersion>& records)
{
    QHash<QString, QList<QPointF>> points;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (const RecordVersion& r : records) {
        if (r.type != QLatin1String("vital-signs") || r.status == RecordVersion::Status::EnteredInError)
            continue;
        const QJsonObject o = RecordPresenter::fieldsOf(r);
        const qint64 t = RecordPresenter::effectiveTime(r).toMSecsSinceEpoch();
        first = std::min(first, t);
        last = std::max(last, t);
        for (auto it = m_series.constBegin(); it != m_series.constEnd(); ++it) {
            const QJsonValue v = o.value(it.key());
            if (v.isDouble())
                points[it.key()].append(QPointF(static_cast<double>(t), v.toDouble()));
        }
    }
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        QList<QPointF> p = points.value(it.key());
        std::sort(p.begin(), p.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
        it.value()->replace(p);
    }
    auto* axis = qobject_cast<QDateTimeAxis*>(chart()->axes(Qt::Horizontal).value(0));
    if (axis && first <= last) {
        const qint64 pad = std::max<qint64>(3600 * 1000, (last - first) / 40);
        axis->setRange(QDateTime::fromMSecsSinceEpoch(first - pad), QDateTime::fromMSecsSinceEpoch(last + pad));
    }
}

int VitalSignsChart::pointCount(const QString& series) const
{
    const QLineSeries* s = m_series.value(series);
    return s ? s->count() : 0;
}

} // namespace ward
