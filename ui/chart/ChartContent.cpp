#include "ui/chart/ChartContent.h"

#include "ui/chart/RecordPresenter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ward {

namespace {

std::optional<double> number(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

QString noteText(const QJsonObject& o)
{
    if (o.value(QStringLiteral("format")).toString() != QLatin1String("soap"))
        return o.value(QStringLiteral("text")).toString();
    QStringList lines;
    for (const char* k : {"subjective", "objective", "assessment", "plan"}) {
        const QString v = o.value(QLatin1String(k)).toString();
        if (!v.isEmpty())
            lines << QStringLiteral("%1: %2").arg(QChar::fromLatin1(static_cast<char>(QChar::toUpper(k[0]))), v);
    }
    return lines.join(QLatin1Char('\n'));
}

template <typename T>
void byTime(QList<T>& list, bool newestFirst)
{
    std::stable_sort(list.begin(), list.end(), [newestFirst](const T& a, const T& b) {
        return newestFirst ? a.at > b.at : a.at < b.at;
    });
}

} // namespace

QString ChartContent::flagFor(double value, const std::optional<double>& low, const std::optional<double>& high)
{
    if (high && value > *high)
        return QStringLiteral("H");
    if (low && value < *low)
        return QStringLiteral("L");
    return QString();
}

ChartContent ChartContent::fromRecords(const QList<RecordVersion>& records)
{
    ChartContent c;
    for (const RecordVersion& r : records) {
        if (r.status == RecordVersion::Status::EnteredInError)
            continue;
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const QDateTime at = RecordPresenter::effectiveTime(r);
        if (r.type == QLatin1String("vital-signs")) {
            c.vitals.append({r.recordId, at, r.author, number(o, "temperature"), number(o, "pulse"),
                             number(o, "systolic"), number(o, "diastolic"), number(o, "spo2"),
                             number(o, "respRate")});
        } else if (r.type == QLatin1String("progress-note") || r.type == QLatin1String("nursing-note")) {
            c.notes.append({r.recordId, at, r.author, r.type, noteText(o)});
        } else if (r.type == QLatin1String("lab-result")) {
            if (r.status != RecordVersion::Status::Confirmed)
                continue;
            Lab lab{r.recordId, at, o.value(QStringLiteral("code")).toString(),
                    o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("value")).toDouble(),
                    o.value(QStringLiteral("unit")).toString(), number(o, "low"), number(o, "high"), QString()};
            if (lab.code.isEmpty())
                lab.code = lab.name;
            lab.interpretation = flagFor(lab.value, lab.low, lab.high);
            c.labs.append(lab);
        } else if (r.type == QLatin1String("allergy")) {
            if (r.status != RecordVersion::Status::Confirmed)
                continue;
            c.allergies.append({r.recordId, at, o.value(QStringLiteral("substance")).toString(),
                                o.value(QStringLiteral("reaction")).toString(),
                                o.value(QStringLiteral("severity")).toString()});
        } else if (r.type == QLatin1String("medication-order")) {
            c.medications.append({r.recordId, at, o.value(QStringLiteral("drug")).toString(),
                                  o.value(QStringLiteral("dose")).toString(), o.value(QStringLiteral("route")).toString(),
                                  o.value(QStringLiteral("frequency")).toString(),
                                  o.value(QStringLiteral("start")).toString(), r.status});
        }
    }
    byTime(c.vitals, false);
    byTime(c.notes, false);
    byTime(c.labs, false);
    byTime(c.allergies, true);
    byTime(c.medications, true);
    return c;
}

} // namespace ward
