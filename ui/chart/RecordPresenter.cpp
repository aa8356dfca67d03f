#include "ui/chart/RecordPresenter.h"

#include "records/ChartService.h"
#include "ui/chart/ChartContent.h"

namespace ward {

QString RecordPresenter::dateTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return QString();
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString RecordPresenter::number(double value, int maxDecimals)
{
    QString s = QString::number(value, 'f', maxDecimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s;
}

QDateTime RecordPresenter::effectiveTime(const RecordVersion& record, const std::optional<RecordContent>& content)
{
    return content && content->clinicalTime.isValid() ? content->clinicalTime : record.createdAt;
}

QDateTime RecordPresenter::effectiveTime(const RecordVersion& record)
{
    return effectiveTime(record, ChartContent::decode(record));
}

QString RecordPresenter::severityLabel(AllergyRecord::Severity severity)
{
    switch (severity) {
    case AllergyRecord::Severity::Mild:
        return tr("mild");
    case AllergyRecord::Severity::Moderate:
        return tr("moderate");
    case AllergyRecord::Severity::Severe:
        return tr("severe");
    case AllergyRecord::Severity::Unknown:
        break;
    }
    return QString();
}

QString RecordPresenter::flagLabel(LabResult::Flag flag)
{
    switch (flag) {
    case LabResult::Flag::High:
        return tr("H");
    case LabResult::Flag::Low:
        return tr("L");
    case LabResult::Flag::Normal:
        break;
    }
    return QString();
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
        {QStringLiteral("reference"), QT_TR_NOOP("Reference range")},
        {QStringLiteral("code"), QT_TR_NOOP("Code (JLAC10)")},
        {QStringLiteral("reason"), QT_TR_NOOP("Reason")},
        {QStringLiteral("enteredInError"), QT_TR_NOOP("Entered in error")},
    };
    const auto it = labels.constFind(key);
    return it == labels.constEnd() ? key : tr(*it);
}

QString RecordPresenter::summary(const RecordVersion& r)
{
    return summary(r, ChartContent::decode(r));
}

QString RecordPresenter::summary(const RecordVersion& r, const std::optional<RecordContent>& c)
{
    if (!c)
        return tr("(cannot be read: not a record this program writes)");
    if (r.status == RecordVersion::Status::EnteredInError || c->status == RecordContent::Status::EnteredInError)
        return tr("Entered in error: %1").arg(c->errorReason);
    QString s;
    if (const VitalSigns* v = c->vitals()) {
        QStringList parts;
        if (v->temperature)
            parts << tr("BT %1°C").arg(number(*v->temperature, 1));
        if (v->pulse)
            parts << tr("P %1").arg(number(*v->pulse));
        if (v->systolic && v->diastolic)
            parts << tr("BP %1/%2").arg(number(*v->systolic), number(*v->diastolic));
        if (v->spo2)
            parts << tr("SpO2 %1%").arg(number(*v->spo2));
        if (v->respRate)
            parts << tr("RR %1").arg(number(*v->respRate));
        s = parts.join(QStringLiteral("  "));
    } else if (const LabResult* lab = c->lab()) {
        s = QStringLiteral("%1 %2 %3 %4").arg(lab->name, number(lab->value, 3), lab->unit, flagLabel(lab->flag)).trimmed();
    } else if (const AllergyRecord* a = c->allergy()) {
        s = a->reaction.isEmpty() ? a->substance : QStringLiteral("%1 (%2)").arg(a->substance, a->reaction);
    } else if (const MedicationOrder* m = c->medication()) {
        s = QStringLiteral("%1 %2 %3").arg(m->drug, m->dose, m->frequency);
    } else if (const ClinicalNote* n = c->note()) {
        s = ChartContent::noteText(*n);
        s.replace(QLatin1Char('\n'), QStringLiteral(" / "));
    }
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.left(120);
}

QString RecordPresenter::bodyHtml(const RecordVersion& r)
{
    const std::optional<RecordContent> c = ChartContent::decode(r);
    if (!c)
        return tr("This record cannot be read: its body is not a record this program writes. The terminal must be "
                  "re-seeded from the hub.")
            .toHtmlEscaped();
    QList<std::pair<QString, QString>> rows;
    auto add = [&rows](const QString& key, const QString& value) {
        if (!value.isEmpty())
            rows.append({fieldLabel(key), value});
    };
    auto addNumber = [&add](const QString& key, const std::optional<double>& v, int decimals = 2) {
        if (v)
            add(key, number(*v, decimals));
    };
    add(QStringLiteral("effective"), dateTime(c->clinicalTime));
    if (const VitalSigns* v = c->vitals()) {
        addNumber(QStringLiteral("temperature"), v->temperature, 1);
        addNumber(QStringLiteral("pulse"), v->pulse);
        addNumber(QStringLiteral("systolic"), v->systolic);
        addNumber(QStringLiteral("diastolic"), v->diastolic);
        addNumber(QStringLiteral("spo2"), v->spo2);
        addNumber(QStringLiteral("respRate"), v->respRate);
    } else if (const LabResult* lab = c->lab()) {
        add(QStringLiteral("name"), lab->name);
        add(QStringLiteral("value"), QStringLiteral("%1 %2 %3").arg(number(lab->value, 3), lab->unit,
                                                                    flagLabel(lab->flag)).trimmed());
        if (lab->low || lab->high)
            add(QStringLiteral("reference"), QStringLiteral("%1–%2").arg(lab->low ? number(*lab->low, 3) : QString(),
                                                                         lab->high ? number(*lab->high, 3) : QString()));
        add(QStringLiteral("code"), lab->jlac10);
    } else if (const AllergyRecord* a = c->allergy()) {
        add(QStringLiteral("substance"), a->substance);
        add(QStringLiteral("reaction"), a->reaction);
        add(QStringLiteral("severity"), severityLabel(a->severity));
    } else if (const MedicationOrder* m = c->medication()) {
        add(QStringLiteral("drug"), m->drug);
        add(QStringLiteral("dose"), m->dose);
        add(QStringLiteral("route"), m->route);
        add(QStringLiteral("frequency"), m->frequency);
        if (m->start.isValid())
            add(QStringLiteral("start"), m->start.toString(Qt::ISODate));
    } else if (const ClinicalNote* n = c->note()) {
        if (n->format == ClinicalNote::Format::Text) {
            add(QStringLiteral("text"), n->text);
        } else {
            add(QStringLiteral("subjective"), n->subjective);
            add(QStringLiteral("objective"), n->objective);
            add(QStringLiteral("assessment"), n->assessment);
            add(QStringLiteral("plan"), n->plan);
        }
    }
    if (c->status == RecordContent::Status::EnteredInError)
        add(QStringLiteral("reason"), c->errorReason);
    QString html = QStringLiteral("<table cellpadding='4'>");
    for (const auto& [label, value] : rows)
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
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

StatusTone RecordPresenter::signatureTone(SignatureStatus::State state)
{
    switch (state) {
    case SignatureStatus::State::Valid:
        return StatusTone::Ok;
    case SignatureStatus::State::NotTimestamped:
        return StatusTone::Pending;
    case SignatureStatus::State::Invalid:
    case SignatureStatus::State::Unsigned:
        return StatusTone::Danger;
    }
    return StatusTone::Neutral;
}

IconName RecordPresenter::signatureIcon(SignatureStatus::State state)
{
    switch (state) {
    case SignatureStatus::State::Valid:
        return IconName::Timestamped;
    case SignatureStatus::State::NotTimestamped:
        return IconName::Pending;
    case SignatureStatus::State::Invalid:
    case SignatureStatus::State::Unsigned:
        return IconName::Error;
    }
    return IconName::Info;
}

StatusTone RecordPresenter::syncTone(SyncOutbox::State state, RecordVersion::Status status)
{
    switch (state) {
    case SyncOutbox::State::NotQueued:
        return status == RecordVersion::Status::PendingApproval ? StatusTone::Warning : StatusTone::Neutral;
    case SyncOutbox::State::Queued:
        return StatusTone::Pending;
    case SyncOutbox::State::Sent:
        return StatusTone::Ok;
    }
    return StatusTone::Neutral;
}

IconName RecordPresenter::syncIcon(SyncOutbox::State state, RecordVersion::Status status)
{
    switch (state) {
    case SyncOutbox::State::NotQueued:
        return status == RecordVersion::Status::PendingApproval ? IconName::Warning : IconName::HubOnline;
    case SyncOutbox::State::Queued:
        return IconName::Send;
    case SyncOutbox::State::Sent:
        return IconName::Ok;
    }
    return IconName::Info;
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
            what = tr("added: <span class='added'>%1</span>").arg(c.after.toHtmlEscaped());
            break;
        case FieldChange::Kind::Removed:
            what = tr("removed: <span class='removed'>%1</span>")
                       .arg(c.before.toHtmlEscaped());
            break;
        case FieldChange::Kind::Changed:
            what = tr("<span class='removed'>%1</span> → <span class='added'>%2</span>")
                       .arg(c.before.toHtmlEscaped(), c.after.toHtmlEscaped());
            break;
        }
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>")
                    .arg(fieldLabel(c.field).toHtmlEscaped(), what);
    }
    return html + QStringLiteral("</table>");
}

} // namespace ward
