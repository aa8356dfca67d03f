#include "ui/chart/ChartContent.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ward {

namespace {

template <typename T>
void byTime(QList<T>& list, bool newestFirst)
{
    std::stable_sort(list.begin(), list.end(), [newestFirst](const T& a, const T& b) {
        return newestFirst ? a.at > b.at : a.at < b.at;
    });
}

} // namespace

// Bridge until the records branch's RecordCodec implementation is merged: reads the record shape used before
// issue 9 into the codec's typed content. Replaced by `return RecordCodec::decode(record);` at that merge.
std::optional<RecordContent> ChartContent::decode(const RecordVersion& record)
{
    const QJsonObject o = QJsonDocument::fromJson(record.body).object();
    if (o.isEmpty())
        return std::nullopt;
    auto number = [&o](const char* key) -> std::optional<double> {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    };
    auto text = [&o](const char* key) { return o.value(QLatin1String(key)).toString(); };
    RecordContent c;
    c.type = record.type;
    c.patientId = record.patientId;
    c.author = record.author;
    c.clinicalTime = QDateTime::fromString(text("effective"), Qt::ISODate);
    if (!c.clinicalTime.isValid())
        c.clinicalTime = record.createdAt;
    c.status = record.status == RecordVersion::Status::EnteredInError ? RecordContent::Status::EnteredInError
               : record.status == RecordVersion::Status::PendingApproval ? RecordContent::Status::Preliminary
                                                                         : RecordContent::Status::Final;
    c.errorReason = text("reason");
    if (record.type == QLatin1String("vital-signs")) {
        c.data = VitalSigns{number("temperature"), number("pulse"), number("systolic"),
                            number("diastolic"), number("spo2"), number("respRate")};
    } else if (record.type == QLatin1String("lab-result")) {
        LabResult lab;
        lab.jlac10 = text("code");
        lab.name = text("name");
        lab.value = o.value(QStringLiteral("value")).toDouble();
        lab.unit = text("unit");
        lab.low = number("low");
        lab.high = number("high");
        lab.flag = lab.high && lab.value > *lab.high ? LabResult::Flag::High
                   : lab.low && lab.value < *lab.low ? LabResult::Flag::Low
                                                     : LabResult::Flag::Normal;
        c.data = lab;
    } else if (record.type == QLatin1String("allergy")) {
        AllergyRecord a;
        a.substance = text("substance");
        a.reaction = text("reaction");
        const QString severity = text("severity");
        a.severity = severity == QLatin1String("severe")     ? AllergyRecord::Severity::Severe
                     : severity == QLatin1String("moderate") ? AllergyRecord::Severity::Moderate
                     : severity == QLatin1String("mild")     ? AllergyRecord::Severity::Mild
                                                             : AllergyRecord::Severity::Unknown;
        c.data = a;
    } else if (record.type == QLatin1String("medication-order")) {
        MedicationOrder m;
        m.drug = text("drug");
        m.dose = text("dose");
        m.route = text("route");
        m.frequency = text("frequency");
        m.start = QDate::fromString(text("start"), Qt::ISODate);
        c.data = m;
    } else if (record.type == QLatin1String("progress-note") || record.type == QLatin1String("nursing-note")) {
        ClinicalNote n;
        n.format = text("format") == QLatin1String("soap") ? ClinicalNote::Format::Soap : ClinicalNote::Format::Text;
        n.subjective = text("subjective");
        n.objective = text("objective");
        n.assessment = text("assessment");
        n.plan = text("plan");
        n.text = text("text");
        c.data = n;
    } else {
        return std::nullopt;
    }
    return c;
}

QString ChartContent::noteText(const ClinicalNote& note)
{
    if (note.format == ClinicalNote::Format::Text)
        return note.text;
    QStringList lines;
    const std::pair<char, const QString*> sections[] = {
        {'S', &note.subjective}, {'O', &note.objective}, {'A', &note.assessment}, {'P', &note.plan}};
    for (const auto& [letter, text] : sections) {
        if (!text->isEmpty())
            lines << QStringLiteral("%1: %2").arg(QString(QLatin1Char(letter)), *text);
    }
    return lines.join(QLatin1Char('\n'));
}

ChartContent ChartContent::fromRecords(const QList<RecordVersion>& records)
{
    ChartContent c;
    for (const RecordVersion& r : records) {
        const std::optional<RecordContent> content = decode(r);
        if (!content) {
            ++c.undecodable;
            continue;
        }
        c.decoded.insert(r.recordId, *content);
        if (r.status == RecordVersion::Status::EnteredInError)
            continue;
        const QDateTime at = content->clinicalTime;
        if (const VitalSigns* v = content->vitals()) {
            c.vitals.append({r.recordId, at, r.author, *v});
        } else if (const ClinicalNote* n = content->note()) {
            c.notes.append({r.recordId, at, r.author, r.type, noteText(*n)});
        } else if (const LabResult* lab = content->lab()) {
            if (r.status == RecordVersion::Status::Confirmed)
                c.labs.append({r.recordId, at, *lab});
        } else if (const AllergyRecord* a = content->allergy()) {
            if (r.status == RecordVersion::Status::Confirmed)
                c.allergies.append({r.recordId, at, *a});
        } else if (const MedicationOrder* m = content->medication()) {
            c.medications.append({r.recordId, at, r.author, *m, r.status});
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
