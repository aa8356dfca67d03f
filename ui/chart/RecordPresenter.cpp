#include "ui/chart/RecordPresenter.h"

#include "records/ChartService.h"
#include "records/RecordCodec.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ward {

namespace {

QJsonObject body(const RecordVersion& r)
{
    return RecordPresenter::fieldsOf(r);
}

QString num(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble())
        return QString::number(v.toDouble());
    return v.toString();
}

} // namespace

QJsonObject RecordPresenter::fieldsOf(const RecordVersion& r)
{
    // The codec's named fields, numbers as numbers (issue 9: record bodies are read only through RecordCodec).
    QJsonObject o;
    const std::optional<RecordContent> c = RecordCodec::decode(r);
    if (!c)
        return o;
    for (const auto& [key, value] : RecordCodec::fields(*c)) {
        bool isNumber = false;
        const double d = value.toDouble(&isNumber);
        const bool numeric = isNumber && key != QLatin1String("jlac10") && key != QLatin1String("loinc")
            && key != QLatin1String("yjCode") && key != QLatin1String("hotCode");
        o.insert(key, numeric ? QJsonValue(d) : QJsonValue(value));
    }
    o.insert(QStringLiteral("effective"), o.take(QStringLiteral("clinicalTime")));
    if (const ClinicalNote* n = c->note())
        o.insert(QStringLiteral("format"), n->format == ClinicalNote::Format::Soap ? QStringLiteral("soap") : QStringLiteral("text"));
    return o;
}

QString RecordPresenter::dateTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return QString();
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QDateTime RecordPresenter::effectiveTime(const RecordVersion& record)
{
    const QDateTime t =
        QDateTime::fromString(body(record).value(QStringLiteral("effective")).toString(), Qt::ISODateWithMs);
    return t.isValid() ? t : record.createdAt;
}

QString RecordPresenter::fieldLabel(const QString& key)
{
    static const QHash<QString, const char*> labels{
        {QStringLiteral("subjective"), QT_TR_NOOP("S (subjective)")},
        {QStringLiteral("objective"), QT_TR_NOOP("O (objective)")},
        {QStringLiteral("assessment"), QT_TR_NOOP("A (assessment)")},
        {QStringLiteral("plan"), QT_TR_NOOP("P (plan)")},
        {QStringLiteral("text"), QT_TR_NOOP("Text")},
        {QStringLiteral("format"), QT_TR_NOOP("Format")},
        {QStringLiteral("temperature"), QT_TR_NOOP("Temperature (°C)")},
        {QStringLiteral("pulse"), QT_TR_NOOP("Pulse (/min)")},
        {QStringLiteral("systolic"), QT_TR_NOOP("BP systolic (mmHg)")},
        {QStringLiteral("diastolic"), QT_TR_NOOP("BP diastolic (mmHg)")},
        {QStringLiteral("spo2"), QT_TR_NOOP("SpO2 (%)")},
        {QStringLiteral("respRate"), QT_TR_NOOP("Respiratory rate (/min)")},
        {QStringLiteral("effective"), QT_TR_NOOP("Measured at")},
        {QStringLiteral("substance"), QT_TR_NOOP("Substance")},
        {QStringLiteral("reaction"), QT_TR_NOOP("Reaction")},
        {QStringLiteral("severity"), QT_TR_NOOP("Severity")},
        {QStringLiteral("drug"), QT_TR_NOOP("Drug")},
        {QStringLiteral("dose"), QT_TR_NOOP("Dose")},
        {QStringLiteral("route"), QT_TR_NOOP("Route")},
        {QStringLiteral("frequency"), QT_TR_NOOP("Frequency")},
        {QStringLiteral("start"), QT_TR_NOOP("Start")},
        {QStringLiteral("value"), QT_TR_NOOP("Value")},
        {QStringLiteral("name"), QT_TR_NOOP("Test")},
        {QStringLiteral("reason"), QT_TR_NOOP("Reason")},
        {QStringLiteral("enteredInError"), QT_TR_NOOP("Entered in error")},
    };
    const auto it = labels.constFind(key);
    return it == labels.constEnd() ? key : tr(*it);
}

QString RecordPresenter::summary(const RecordVersion& r)
{
    const QJsonObject o = body(r);
    if (r.status == RecordVersion::Status::EnteredInError)
        return tr("Entered in error: %1").arg(o.value(QStringLiteral("reason")).toString());
    QString s;
    if (r.type == QLatin1String("vital-signs")) {
        QStringList parts;
        if (o.contains(QStringLiteral("temperature")))
            parts << tr("BT %1°C").arg(num(o, "temperature"));
        if (o.contains(QStringLiteral("pulse")))
            parts << tr("P %1").arg(num(o, "pulse"));
        if (o.contains(QStringLiteral("systolic")))
            parts << tr("BP %1/%2").arg(num(o, "systolic"), num(o, "diastolic"));
        if (o.contains(QStringLiteral("spo2")))
            parts << tr("SpO2 %1%").arg(num(o, "spo2"));
        if (o.contains(QStringLiteral("respRate")))
            parts << tr("RR %1").arg(num(o, "respRate"));
        s = parts.join(QStringLiteral("  "));
    } else if (r.type == QLatin1String("lab-result")) {
        s = QStringLiteral("%1 %2 %3").arg(o.value(QStringLiteral("name")).toString(), num(o, "value"),
                                           o.value(QStringLiteral("unit")).toString());
    } else if (r.type == QLatin1String("allergy")) {
        s = QStringLiteral("%1 (%2)").arg(o.value(QStringLiteral("substance")).toString(),
                                          o.value(QStringLiteral("reaction")).toString());
    } else if (r.type == QLatin1String("medication-order")) {
        s = QStringLiteral("%1 %2 %3").arg(o.value(QStringLiteral("drug")).toString(),
                                           o.value(QStringLiteral("dose")).toString(),
                                           o.value(QStringLiteral("frequency")).toString());
    } else if (o.value(QStringLiteral("format")).toString() == QLatin1String("soap")) {
        QStringList parts;
        for (const char* k : {"subjective", "objective", "assessment", "plan"}) {
            const QString v = o.value(QLatin1String(k)).toString();
            if (!v.isEmpty())
                parts << QStringLiteral("%1: %2").arg(QChar::fromLatin1(static_cast<char>(QChar::toUpper(k[0]))), v);
        }
        s = parts.join(QStringLiteral(" / "));
    } else {
        s = o.value(QStringLiteral("text")).toString();
    }
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.left(120);
}

QString RecordPresenter::bodyHtml(const RecordVersion& r)
{
    const QJsonObject o = body(r);
    QString html = QStringLiteral("<table cellpadding='4'>");
    const QStringList order{QStringLiteral("subjective"), QStringLiteral("objective"), QStringLiteral("assessment"),
                            QStringLiteral("plan"),       QStringLiteral("text"),      QStringLiteral("effective"),
                            QStringLiteral("temperature"), QStringLiteral("pulse"),    QStringLiteral("systolic"),
                            QStringLiteral("diastolic"),  QStringLiteral("spo2"),      QStringLiteral("respRate")};
    QStringList keys;
    for (const QString& k : order) {
        if (o.contains(k))
            keys << k;
    }
    for (const QString& k : o.keys()) {
        if (!keys.contains(k) && k != QLatin1String("format"))
            keys << k;
    }
    for (const QString& k : keys) {
        const QJsonValue v = o.value(k);
        QString text = v.isDouble() ? QString::number(v.toDouble()) : v.isBool() ? (v.toBool() ? tr("yes") : tr("no"))
                                                                                        : v.toString();
        if (k == QLatin1String("effective"))
            text = dateTime(QDateTime::fromString(text, Qt::ISODate));
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>")
                    .arg(fieldLabel(k).toHtmlEscaped(),
                         text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    return html + QStringLiteral("</table>");
}

QString RecordPresenter::statusLabel(RecordVersion::Status status)
{
    switch (status) {
    case RecordVersion::Status::Confirmed:
        return tr("Confirmed");
    case RecordVersion::Status::PendingApproval:
        return tr("Awaiting approval");
    case RecordVersion::Status::EnteredInError:
        return tr("Entered in error");
    }
    return QString();
}

QString RecordPresenter::badgeShort(SignatureStatus::State state)
{
    switch (state) {
    case SignatureStatus::State::Valid:
        return tr("✓ valid");
    case SignatureStatus::State::NotTimestamped:
        return tr("✓ no timestamp yet");
    case SignatureStatus::State::Invalid:
        return tr("✗ INVALID");
    case SignatureStatus::State::Unsigned:
        return tr("✗ not signed");
    }
    return QString();
}

QString RecordPresenter::syncLabel(SyncOutbox::State state, RecordVersion::Status status)
{
    switch (state) {
    case SyncOutbox::State::NotQueued:
        return status == RecordVersion::Status::PendingApproval ? tr("Not sent (awaiting approval)")
                                                                : tr("From hub");
    case SyncOutbox::State::Queued:
        return tr("Queued for sync");
    case SyncOutbox::State::Sent:
        return tr("Sent to hub");
    }
    return QString();
}

QString RecordPresenter::badgeStyle(SignatureStatus::State state)
{
    switch (state) {
    case SignatureStatus::State::Valid:
        return QStringLiteral("background:#1b7f3b;color:white;padding:4px;border-radius:4px;");
    case SignatureStatus::State::NotTimestamped:
        return QStringLiteral("background:#b8860b;color:white;padding:4px;border-radius:4px;");
    case SignatureStatus::State::Invalid:
    case SignatureStatus::State::Unsigned:
        return QStringLiteral("background:#b00020;color:white;padding:4px;border-radius:4px;font-weight:bold;");
    }
    return QString();
}

QString RecordPresenter::diffHtml(const QList<FieldChange>& changes)
{
    if (changes.isEmpty())
        return tr("No differences.");
    QString html = QStringLiteral("<table cellpadding='4'>");
    for (const FieldChange& c : changes) {
        QString what;
        switch (c.kind) {
        case FieldChange::Kind::Added:
            what = tr("added: <span style='background:#d4f7d4'>%1</span>").arg(c.after.toHtmlEscaped());
            break;
        case FieldChange::Kind::Removed:
            what = tr("removed: <span style='background:#f7d4d4;text-decoration:line-through'>%1</span>")
                       .arg(c.before.toHtmlEscaped());
            break;
        case FieldChange::Kind::Changed:
            what = tr("<span style='background:#f7d4d4;text-decoration:line-through'>%1</span> → "
                      "<span style='background:#d4f7d4'>%2</span>")
                       .arg(c.before.toHtmlEscaped(), c.after.toHtmlEscaped());
            break;
        }
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>")
                    .arg(fieldLabel(c.field).toHtmlEscaped(), what);
    }
    return html + QStringLiteral("</table>");
}

} // namespace ward
