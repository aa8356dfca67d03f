#include "records/RecordCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

#include <cmath>

namespace ward {

namespace {

const QString kObservation = QStringLiteral("Observation");
const QString kAllergy = QStringLiteral("AllergyIntolerance");
const QString kMedication = QStringLiteral("MedicationRequest");
const QString kComposition = QStringLiteral("Composition");
const QString kFlag = QStringLiteral("Flag");

const QString kCategorySystem = QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category");
const QString kInterpretationSystem = QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation");
const QString kAllergyClinical = QStringLiteral("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical");
const QString kAllergyVerification = QStringLiteral("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification");
const QString kFlagCategorySystem = QStringLiteral("http://terminology.hl7.org/CodeSystem/flag-category");
const QString kJpCore = QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/");
// The reason a record was withdrawn travels with the resource that withdraws it.
const QString kErrorReasonUrl = QStringLiteral("http://wardstation.jp/fhir/StructureDefinition/entered-in-error-reason");
const QString kXhtmlOpen = QStringLiteral("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
const QString kXhtmlClose = QStringLiteral("</div>");

const QString kVitalPanel = QStringLiteral("85353-1");
const QString kBloodPressurePanel = QStringLiteral("85354-9");
const QString kProgressNote = QStringLiteral("11506-3");
const QString kNursingNote = QStringLiteral("34746-8");

struct VitalCode
{
    const char* field;
    const char* loinc;
    const char* display;
    const char* unit;
    std::optional<double> VitalSigns::*member;
};

const VitalCode kVitalCodes[] = {
    {"temperature", "8310-5", "Body temperature", "Cel", &VitalSigns::temperature},
    {"pulse", "8867-4", "Heart rate", "/min", &VitalSigns::pulse},
    {"systolic", "8480-6", "Systolic blood pressure", "mm[Hg]", &VitalSigns::systolic},
    {"diastolic", "8462-4", "Diastolic blood pressure", "mm[Hg]", &VitalSigns::diastolic},
    {"spo2", "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", &VitalSigns::spo2},
    {"respRate", "9279-1", "Respiratory rate", "/min", &VitalSigns::respRate},
};

struct FlagCode
{
    PatientFlag::Kind kind;
    const char* code;      // in RecordCodec::kWardFlagSystem
    const char* display;
    const char* category;  // flag-category
    const char* categoryDisplay;
};

const FlagCode kFlagCodes[] = {
    {PatientFlag::Kind::Infection, "infection-precautions", "Infection precautions", "safety", "Safety"},
    {PatientFlag::Kind::FallRisk, "fall-risk", "Fall risk", "safety", "Safety"},
    {PatientFlag::Kind::Npo, "npo", "Nothing by mouth", "diet", "Diet"},
};

const FlagCode& flagCode(PatientFlag::Kind kind)
{
    for (const FlagCode& f : kFlagCodes)
        if (f.kind == kind)
            return f;
    return kFlagCodes[0];
}

struct SectionCode
{
    const char* loinc;
    const char* title;
    QString ClinicalNote::*member;
};

const SectionCode kSoapSections[] = {
    {"61150-9", "S", &ClinicalNote::subjective},
    {"61149-1", "O", &ClinicalNote::objective},
    {"51848-0", "A", &ClinicalNote::assessment},
    {"18776-5", "P", &ClinicalNote::plan},
};

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject coding(const QString& system, const QString& code, const QString& display = QString())
{
    QJsonObject o{{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
    if (!display.isEmpty())
        o.insert(QStringLiteral("display"), display);
    return o;
}

QJsonObject concept(const QJsonArray& codings, const QString& text = QString())
{
    QJsonObject o;
    if (!codings.isEmpty())
        o.insert(QStringLiteral("coding"), codings);
    if (!text.isEmpty())
        o.insert(QStringLiteral("text"), text);
    return o;
}

QJsonObject reference(const char* kind, const QString& id)
{
    return {{QStringLiteral("reference"), QLatin1String(kind) + QLatin1Char('/') + id}};
}

QJsonObject quantity(double value, const QString& unit)
{
    QJsonObject o{{QStringLiteral("value"), value}};
    if (!unit.isEmpty()) {
        o.insert(QStringLiteral("unit"), unit);
        o.insert(QStringLiteral("system"), QLatin1String(RecordCodec::kUcumSystem));
        o.insert(QStringLiteral("code"), unit);
    }
    return o;
}

QJsonObject meta(const char* profile)
{
    return {{QStringLiteral("profile"), QJsonArray{kJpCore + QLatin1String(profile)}}};
}

QString statusCode(const QString& resourceType, RecordContent::Status s)
{
    switch (s) {
    case RecordContent::Status::EnteredInError:
        return QStringLiteral("entered-in-error");
    case RecordContent::Status::Preliminary:
        // FHIR Flag has no preliminary status: validate() refuses a flag awaiting approval.
        return resourceType == kMedication ? QStringLiteral("draft")
               : resourceType == kFlag     ? QString()
               : resourceType == kAllergy  ? QStringLiteral("unconfirmed")
                                           : QStringLiteral("preliminary");
    case RecordContent::Status::Final:
        return resourceType == kMedication || resourceType == kFlag ? QStringLiteral("active")
               : resourceType == kAllergy                            ? QStringLiteral("confirmed")
                                           : QStringLiteral("final");
    }
    return QString();
}

QString escapeXhtml(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('&'), QStringLiteral("&amp;"));
    out.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    out.replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    return kXhtmlOpen + out + kXhtmlClose;
}

// Only what escapeXhtml writes: a div holding escaped text. Anything else (markup) is not ours to read.
std::optional<QString> unescapeXhtml(const QString& div)
{
    if (!div.startsWith(kXhtmlOpen) || !div.endsWith(kXhtmlClose))
        return std::nullopt;
    QString inner = div.mid(kXhtmlOpen.size(), div.size() - kXhtmlOpen.size() - kXhtmlClose.size());
    if (inner.contains(QLatin1Char('<')) || inner.contains(QLatin1Char('>')))
        return std::nullopt;
    inner.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    inner.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    inner.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return inner;
}

QJsonObject encodeVitals(const VitalSigns& v, QJsonObject o)
{
    auto component = [&](const VitalCode& c) {
        return QJsonObject{{QStringLiteral("code"), concept({coding(QLatin1String(RecordCodec::kLoincSystem), QLatin1String(c.loinc),
                                                                    QLatin1String(c.display))})},
                           {QStringLiteral("valueQuantity"), quantity(*(v.*c.member), QLatin1String(c.unit))}};
    };
    const bool bp = v.systolic || v.diastolic;
    int measures = bp ? 1 : 0;
    for (const VitalCode& c : kVitalCodes)
        measures += (v.*c.member).has_value() && c.member != &VitalSigns::systolic && c.member != &VitalSigns::diastolic;
    const QString loinc = QLatin1String(RecordCodec::kLoincSystem);
    if (measures == 1 && !bp) {
        // One measurement: the FHIR vital-signs profile for it (code = the measurement, valueQuantity).
        for (const VitalCode& c : kVitalCodes) {
            if ((v.*c.member).has_value()) {
                o.insert(QStringLiteral("code"), concept({coding(loinc, QLatin1String(c.loinc), QLatin1String(c.display))}));
                o.insert(QStringLiteral("valueQuantity"), quantity(*(v.*c.member), QLatin1String(c.unit)));
            }
        }
        return o;
    }
    QJsonArray components;
    for (const VitalCode& c : kVitalCodes)
        if ((v.*c.member).has_value())
            components.append(component(c));
    if (measures == 1)  // blood pressure alone: the FHIR blood-pressure profile
        o.insert(QStringLiteral("code"), concept({coding(loinc, kBloodPressurePanel, QStringLiteral("Blood pressure panel with all children optional"))}));
    else
        o.insert(QStringLiteral("code"), concept({coding(loinc, kVitalPanel, QStringLiteral("Vital signs panel"))}));
    if (!components.isEmpty())
        o.insert(QStringLiteral("component"), components);
    return o;
}

QJsonObject encodeLab(const LabResult& l, QJsonObject o)
{
    QJsonArray codings{coding(QLatin1String(RecordCodec::kJlac10System), l.jlac10)};
    if (!l.loinc.isEmpty())
        codings.append(coding(QLatin1String(RecordCodec::kLoincSystem), l.loinc));
    o.insert(QStringLiteral("code"), concept(codings, l.name));
    o.insert(QStringLiteral("valueQuantity"), quantity(l.value, l.unit));
    const char* flag = l.flag == LabResult::Flag::High ? "H" : l.flag == LabResult::Flag::Low ? "L" : "N";
    o.insert(QStringLiteral("interpretation"), QJsonArray{concept({coding(kInterpretationSystem, QLatin1String(flag))})});
    if (l.low || l.high) {
        QJsonObject range;
        if (l.low)
            range.insert(QStringLiteral("low"), quantity(*l.low, l.unit));
        if (l.high)
            range.insert(QStringLiteral("high"), quantity(*l.high, l.unit));
        o.insert(QStringLiteral("referenceRange"), QJsonArray{range});
    }
    return o;
}

const char* categoryName(AllergyRecord::Category c)
{
    switch (c) {
    case AllergyRecord::Category::Food:
        return "food";
    case AllergyRecord::Category::Environment:
        return "environment";
    case AllergyRecord::Category::Medication:
        break;
    }
    return "medication";
}

const char* severityName(AllergyRecord::Severity s)
{
    switch (s) {
    case AllergyRecord::Severity::Mild:
        return "mild";
    case AllergyRecord::Severity::Moderate:
        return "moderate";
    case AllergyRecord::Severity::Severe:
        return "severe";
    case AllergyRecord::Severity::Unknown:
        break;
    }
    return "";
}

} // namespace

// ---- text ------------------------------------------------------------------------------------------------

QString RecordCodec::textProblem(const QString& text, bool multiLine, int maxLength)
{
    if (text.size() > maxLength)
        return tr("The text is longer than %1 characters.").arg(maxLength);
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const ushort u = c.unicode();
        if (multiLine && (u == '\n' || u == '\t'))
            continue;
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f))
            return tr("The text contains a control character (U+%1) at position %2; remove it.")
                .arg(u, 4, 16, QLatin1Char('0'))
                .arg(i + 1);
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return tr("The text contains a broken character at position %1.").arg(i + 1);
            ++i;
            continue;
        }
        if (c.isLowSurrogate() || c.isNonCharacter())
            return tr("The text contains a broken character at position %1.").arg(i + 1);
    }
    return QString();
}

// ---- types -----------------------------------------------------------------------------------------------

QStringList RecordCodec::knownTypes()
{
    return {QStringLiteral("progress-note"), QStringLiteral("nursing-note"),  QStringLiteral("vital-signs"),
            QStringLiteral("lab-result"),    QStringLiteral("allergy"),       QStringLiteral("medication-order"),
            QStringLiteral("flag")};
}

QString RecordCodec::resourceTypeFor(const QString& recordType)
{
    if (recordType == QLatin1String("vital-signs") || recordType == QLatin1String("lab-result"))
        return kObservation;
    if (recordType == QLatin1String("allergy"))
        return kAllergy;
    if (recordType == QLatin1String("medication-order"))
        return kMedication;
    if (recordType == QLatin1String("progress-note") || recordType == QLatin1String("nursing-note"))
        return kComposition;
    if (recordType == QLatin1String("flag"))
        return kFlag;
    return QString();
}

RecordContent::Status RecordCodec::contentStatusFor(RecordVersion::Status status)
{
    switch (status) {
    case RecordVersion::Status::PendingApproval:
        return RecordContent::Status::Preliminary;
    case RecordVersion::Status::EnteredInError:
        return RecordContent::Status::EnteredInError;
    case RecordVersion::Status::Confirmed:
        break;
    }
    return RecordContent::Status::Final;
}

QJsonObject RecordCodec::patientResource(const Patient& p)
{
    // JP Core Patient: the hospital's patient number under the JP OID arc for 医療機関の患者ID (1 + the demo
    // hospital's 10-digit code), the kanji name (IDE) and its kana reading (SYL).
    static const QString kRepresentation = QStringLiteral("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation");
    auto name = [&](const QString& full, const char* representation) {
        const QString normalised = QString(full).replace(QChar(0x3000), QLatin1Char(' ')).simplified();
        const QStringList parts = normalised.split(QLatin1Char(' '));
        QJsonObject n{{QStringLiteral("extension"),
                       QJsonArray{QJsonObject{{QStringLiteral("url"), kRepresentation}, {QStringLiteral("valueCode"), QLatin1String(representation)}}}},
                      {QStringLiteral("use"), QStringLiteral("official")},
                      {QStringLiteral("text"), normalised}};
        if (parts.size() == 2) {
            n.insert(QStringLiteral("family"), parts.first());
            n.insert(QStringLiteral("given"), QJsonArray{parts.last()});
        }
        return n;
    };
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Patient")},
                  {QStringLiteral("id"), p.patientId},
                  {QStringLiteral("meta"), meta("JP_Patient")},
                  {QStringLiteral("identifier"), QJsonArray{QJsonObject{{QStringLiteral("system"), kPatientIdSystem}, {QStringLiteral("value"), p.patientId}}}}};
    QJsonArray names;
    if (!p.name.isEmpty())
        names.append(name(p.name, "IDE"));
    if (!p.kana.isEmpty())
        names.append(name(p.kana, "SYL"));
    if (!names.isEmpty())
        o.insert(QStringLiteral("name"), names);
    const QString sex = p.sex == QLatin1String("F") ? QStringLiteral("female")
                        : p.sex == QLatin1String("M") ? QStringLiteral("male")
                        : p.sex == QLatin1String("O") ? QStringLiteral("other")
                                                      : QStringLiteral("unknown");
    o.insert(QStringLiteral("gender"), sex);
    if (p.birthDate.isValid())
        o.insert(QStringLiteral("birthDate"), p.birthDate.toString(Qt::ISODate));
    return o;
}

QByteArray RecordCodec::collectionBundle(const Patient& patient, const QList<QPair<QString, QByteArray>>& recordResources,
                                         const QDateTime& timestamp)
{
    QJsonArray entries{QJsonObject{{QStringLiteral("fullUrl"), QLatin1String(kFhirBase) + QStringLiteral("Patient/") + patient.patientId},
                                   {QStringLiteral("resource"), patientResource(patient)}}};
    for (const auto& [recordId, resource] : recordResources)
        entries.append(QJsonObject{{QStringLiteral("fullUrl"), QStringLiteral("urn:uuid:") + recordId},
                                   {QStringLiteral("resource"), QJsonDocument::fromJson(resource).object()}});
    const QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                             {QStringLiteral("type"), QStringLiteral("collection")},
                             {QStringLiteral("timestamp"), iso(timestamp)},
                             {QStringLiteral("entry"), entries}};
    return QJsonDocument(bundle).toJson(QJsonDocument::Indented);
}

QList<QPair<QString, QString>> RecordCodec::fields(const RecordContent& c)
{
    QList<QPair<QString, QString>> out;
    auto add = [&out](const char* field, const QString& value) {
        if (!value.isEmpty())
            out.append({QLatin1String(field), value});
    };
    auto number = [](const std::optional<double>& v) { return v ? QString::number(*v) : QString(); };
    add("clinicalTime", iso(c.clinicalTime));
    if (const VitalSigns* v = c.vitals()) {
        for (const VitalCode& vc : kVitalCodes)
            add(vc.field, number(v->*vc.member));
    } else if (const LabResult* l = c.lab()) {
        add("name", l->name);
        add("jlac10", l->jlac10);
        add("loinc", l->loinc);
        add("value", QString::number(l->value));
        add("unit", l->unit);
        add("low", number(l->low));
        add("high", number(l->high));
        add("interpretation", l->flag == LabResult::Flag::High ? QStringLiteral("H") : l->flag == LabResult::Flag::Low ? QStringLiteral("L") : QString());
    } else if (const AllergyRecord* a = c.allergy()) {
        add("substance", a->substance);
        add("substanceCode", a->substanceCode);
        add("category", QLatin1String(categoryName(a->category)));
        add("reaction", a->reaction);
        add("severity", QLatin1String(severityName(a->severity)));
    } else if (const MedicationOrder* m = c.medication()) {
        add("drug", m->drug);
        add("yjCode", m->yjCode);
        add("hotCode", m->hotCode);
        add("dose", m->dose);
        add("route", m->route);
        add("frequency", m->frequency);
        add("start", m->start.isValid() ? m->start.toString(Qt::ISODate) : QString());
    } else if (const ClinicalNote* n = c.note()) {
        add("subjective", n->subjective);
        add("objective", n->objective);
        add("assessment", n->assessment);
        add("plan", n->plan);
        add("text", n->text);
    } else if (const PatientFlag* f = c.flag()) {
        add("kind", QLatin1String(flagCode(f->kind).code));
        add("text", f->text);
        add("active", f->active ? QStringLiteral("active") : QStringLiteral("inactive"));
    }
    add("reason", c.errorReason);
    return out;
}

// ---- validation ------------------------------------------------------------------------------------------

QList<ValidationProblem> RecordCodec::validate(const RecordContent& c)
{
    QList<ValidationProblem> problems;
    auto problem = [&problems](const QString& field, const QString& message) { problems.append({field, message}); };
    static const QRegularExpression kIdent(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));

    const qsizetype expectedIndex = c.type == QLatin1String("vital-signs")        ? 0
                                    : c.type == QLatin1String("lab-result")       ? 1
                                    : c.type == QLatin1String("allergy")          ? 2
                                    : c.type == QLatin1String("medication-order") ? 3
                                    : c.type == QLatin1String("flag")             ? 5
                                    : knownTypes().contains(c.type)               ? 4
                                                                                  : -1;
    if (expectedIndex < 0) {
        problem(QStringLiteral("type"), tr("Unknown record type \"%1\".").arg(c.type));
        return problems;
    }
    if (static_cast<qsizetype>(c.data.index()) != expectedIndex) {
        problem(QStringLiteral("type"), tr("The content does not belong to a %1 record.").arg(c.type));
        return problems;
    }
    if (!kIdent.match(c.patientId).hasMatch())
        problem(QStringLiteral("subject"), tr("The record must name its patient."));
    if (!kIdent.match(c.author).hasMatch())
        problem(QStringLiteral("author"), tr("The record must name its author."));
    if (!c.clinicalTime.isValid())
        problem(QStringLiteral("clinicalTime"), tr("The clinical time is missing or not a date and time."));

    auto text = [&](const QString& field, const QString& value, bool required, bool multiLine, int max,
                    const QString& label) {
        if (value.trimmed().isEmpty()) {
            if (required)
                problem(field, tr("%1 is required.").arg(label));
            return;
        }
        const QString p = textProblem(value, multiLine, max);
        if (!p.isEmpty())
            problem(field, label + QStringLiteral(": ") + p);
    };
    if (c.status == RecordContent::Status::EnteredInError)
        text(QStringLiteral("reason"), c.errorReason, true, true, kMaxShortText * 5, tr("The reason the record was entered in error"));
    else if (!c.errorReason.isEmpty())
        problem(QStringLiteral("reason"), tr("Only a record entered in error carries a reason."));

    if (const VitalSigns* v = c.vitals()) {
        int measured = 0;
        auto number = [&](const std::optional<double>& value, const char* field, const QString& label, Range range,
                          const QString& unit) {
            if (!value)
                return;
            ++measured;
            if (!std::isfinite(*value) || *value < range.low || *value > range.high)
                problem(QLatin1String(field),
                        tr("%1 must be between %2 and %3 %4.").arg(label).arg(range.low).arg(range.high).arg(unit));
        };
        number(v->temperature, "temperature", tr("Body temperature"), kTemperature, QStringLiteral("°C"));
        number(v->pulse, "pulse", tr("Pulse"), kPulse, QStringLiteral("/min"));
        number(v->systolic, "systolic", tr("Systolic pressure"), kSystolic, QStringLiteral("mmHg"));
        number(v->diastolic, "diastolic", tr("Diastolic pressure"), kDiastolic, QStringLiteral("mmHg"));
        number(v->spo2, "spo2", tr("SpO2"), kSpo2, QStringLiteral("%"));
        number(v->respRate, "respRate", tr("Respiratory rate"), kRespRate, QStringLiteral("/min"));
        if (v->systolic.has_value() != v->diastolic.has_value())
            problem(QStringLiteral("diastolic"), tr("Enter blood pressure as systolic and diastolic together."));
        else if (v->systolic && *v->systolic <= *v->diastolic)
            problem(QStringLiteral("systolic"), tr("Systolic pressure must be higher than diastolic."));
        if (measured == 0)
            problem(QString(), tr("Enter at least one measurement."));
    } else if (const LabResult* l = c.lab()) {
        static const QRegularExpression kJlac10(QStringLiteral("^[0-9A-Z]{17}$"));
        static const QRegularExpression kLoinc(QStringLiteral("^[0-9]{1,7}-[0-9]$"));
        if (!kJlac10.match(l->jlac10).hasMatch())
            problem(QStringLiteral("jlac10"), tr("A lab result needs its 17-character JLAC10 code."));
        if (!l->loinc.isEmpty() && !kLoinc.match(l->loinc).hasMatch())
            problem(QStringLiteral("loinc"), tr("\"%1\" is not a LOINC code.").arg(l->loinc));
        text(QStringLiteral("name"), l->name, true, false, kMaxShortText, tr("The test name"));
        text(QStringLiteral("unit"), l->unit, false, false, 40, tr("The unit"));
        if (!std::isfinite(l->value))
            problem(QStringLiteral("value"), tr("A lab result needs a numeric value."));
        if ((l->low && !std::isfinite(*l->low)) || (l->high && !std::isfinite(*l->high)))
            problem(QStringLiteral("referenceRange"), tr("Reference limits must be numbers."));
        else if (l->low && l->high && *l->low > *l->high)
            problem(QStringLiteral("referenceRange"), tr("The lower reference limit is above the upper one."));
    } else if (const AllergyRecord* a = c.allergy()) {
        text(QStringLiteral("substance"), a->substance, true, false, kMaxShortText, tr("The substance"));
        text(QStringLiteral("reaction"), a->reaction, false, false, kMaxShortText, tr("The reaction"));
        if (!a->substanceCode.isEmpty() && !a->substanceSystem.contains(QLatin1Char(':')))
            problem(QStringLiteral("substanceSystem"), tr("A substance code needs the URI of its code system."));
        else if (a->substanceCode.isEmpty() && !a->substanceSystem.isEmpty())
            problem(QStringLiteral("substanceCode"), tr("A code system is given without a code."));
        text(QStringLiteral("substanceCode"), a->substanceCode, false, false, 64, tr("The substance code"));
        text(QStringLiteral("substanceSystem"), a->substanceSystem, false, false, kMaxShortText, tr("The code system"));
        if (a->severity != AllergyRecord::Severity::Unknown && a->reaction.trimmed().isEmpty())
            problem(QStringLiteral("reaction"), tr("Describe the reaction whose severity is given."));
    } else if (const MedicationOrder* m = c.medication()) {
        static const QRegularExpression kYj(QStringLiteral("^[0-9A-Z]{12}$"));
        static const QRegularExpression kHot(QStringLiteral("^[0-9]{9}$"));
        text(QStringLiteral("drug"), m->drug, true, false, kMaxShortText, tr("The drug"));
        text(QStringLiteral("dose"), m->dose, true, false, kMaxShortText, tr("The dose"));
        text(QStringLiteral("route"), m->route, false, false, kMaxShortText, tr("The route"));
        text(QStringLiteral("frequency"), m->frequency, false, false, kMaxShortText, tr("The frequency"));
        if (!m->yjCode.isEmpty() && !kYj.match(m->yjCode).hasMatch())
            problem(QStringLiteral("yjCode"), tr("A YJ code has 12 letters and digits."));
        if (!m->hotCode.isEmpty() && !kHot.match(m->hotCode).hasMatch())
            problem(QStringLiteral("hotCode"), tr("A HOT9 code has 9 digits."));
    } else if (const ClinicalNote* n = c.note()) {
        if (n->format == ClinicalNote::Format::Soap) {
            bool any = false;
            const std::pair<const char*, const QString*> parts[] = {
                {"subjective", &n->subjective}, {"objective", &n->objective}, {"assessment", &n->assessment}, {"plan", &n->plan}};
            for (const auto& [field, value] : parts) {
                any = any || !value->trimmed().isEmpty();
                text(QLatin1String(field), *value, false, true, kMaxTextLength, tr("The note"));
            }
            if (!any)
                problem(QString(), tr("Write at least one of S, O, A or P."));
            if (!n->text.isEmpty())
                problem(QStringLiteral("text"), tr("A SOAP note has no free-text field."));
        } else {
            text(QStringLiteral("text"), n->text, true, true, kMaxTextLength, tr("The note"));
            if (!n->subjective.isEmpty() || !n->objective.isEmpty() || !n->assessment.isEmpty() || !n->plan.isEmpty())
                problem(QStringLiteral("format"), tr("A free-text note has no S, O, A or P fields."));
        }
    } else if (const PatientFlag* f = c.flag()) {
        // The census shows the words, not only an icon: an alert without text cannot be acted on.
        text(QStringLiteral("text"), f->text, true, false, kMaxShortText, tr("The alert text"));
        if (c.status == RecordContent::Status::Preliminary)
            problem(QStringLiteral("status"), tr("An alert flag is set by the person responsible; it cannot wait for approval."));
    }
    return problems;
}

// ---- encoding --------------------------------------------------------------------------------------------

QByteArray RecordCodec::encode(const RecordContent& c)
{
    const QString resourceType = resourceTypeFor(c.type);
    QJsonObject o{{QStringLiteral("resourceType"), resourceType}};
    if (c.status == RecordContent::Status::EnteredInError)
        o.insert(QStringLiteral("extension"),
                 QJsonArray{QJsonObject{{QStringLiteral("url"), kErrorReasonUrl}, {QStringLiteral("valueString"), c.errorReason}}});
    const QString status = statusCode(resourceType, c.status);
    if (const VitalSigns* v = c.vitals()) {
        o.insert(QStringLiteral("meta"), meta("JP_Observation_VitalSigns"));
        o.insert(QStringLiteral("status"), status);
        o.insert(QStringLiteral("category"), QJsonArray{concept({coding(kCategorySystem, QStringLiteral("vital-signs"), QStringLiteral("Vital Signs"))})});
        o.insert(QStringLiteral("subject"), reference("Patient", c.patientId));
        o.insert(QStringLiteral("effectiveDateTime"), iso(c.clinicalTime));
        o.insert(QStringLiteral("performer"), QJsonArray{reference("Practitioner", c.author)});
        o = encodeVitals(*v, o);
    } else if (const LabResult* l = c.lab()) {
        o.insert(QStringLiteral("meta"), meta("JP_Observation_LabResult"));
        o.insert(QStringLiteral("status"), status);
        o.insert(QStringLiteral("category"), QJsonArray{concept({coding(kCategorySystem, QStringLiteral("laboratory"), QStringLiteral("Laboratory"))})});
        o.insert(QStringLiteral("subject"), reference("Patient", c.patientId));
        o.insert(QStringLiteral("effectiveDateTime"), iso(c.clinicalTime));
        o.insert(QStringLiteral("performer"), QJsonArray{reference("Practitioner", c.author)});
        o = encodeLab(*l, o);
    } else if (const AllergyRecord* a = c.allergy()) {
        o.insert(QStringLiteral("meta"), meta("JP_AllergyIntolerance"));
        // FHIR ait-2: an entry in error carries no clinical status.
        if (c.status != RecordContent::Status::EnteredInError)
            o.insert(QStringLiteral("clinicalStatus"), concept({coding(kAllergyClinical, QStringLiteral("active"))}));
        o.insert(QStringLiteral("verificationStatus"), concept({coding(kAllergyVerification, status)}));
        o.insert(QStringLiteral("category"), QJsonArray{QLatin1String(categoryName(a->category))});
        QJsonArray codings;
        if (!a->substanceCode.isEmpty())
            codings.append(coding(a->substanceSystem, a->substanceCode));
        o.insert(QStringLiteral("code"), concept(codings, a->substance));
        o.insert(QStringLiteral("patient"), reference("Patient", c.patientId));
        o.insert(QStringLiteral("recordedDate"), iso(c.clinicalTime));
        o.insert(QStringLiteral("recorder"), reference("Practitioner", c.author));
        if (!a->reaction.isEmpty()) {
            QJsonObject reaction{{QStringLiteral("manifestation"), QJsonArray{QJsonObject{{QStringLiteral("text"), a->reaction}}}}};
            if (a->severity != AllergyRecord::Severity::Unknown)
                reaction.insert(QStringLiteral("severity"), QLatin1String(severityName(a->severity)));
            o.insert(QStringLiteral("reaction"), QJsonArray{reaction});
        }
    } else if (const MedicationOrder* m = c.medication()) {
        o.insert(QStringLiteral("meta"), meta("JP_MedicationRequest"));
        o.insert(QStringLiteral("status"), status);
        o.insert(QStringLiteral("intent"), QStringLiteral("order"));
        QJsonArray codings;
        if (!m->yjCode.isEmpty())
            codings.append(coding(QLatin1String(kYjSystem), m->yjCode));
        if (!m->hotCode.isEmpty())
            codings.append(coding(QLatin1String(kHot9System), m->hotCode));
        o.insert(QStringLiteral("medicationCodeableConcept"), concept(codings, m->drug));
        o.insert(QStringLiteral("subject"), reference("Patient", c.patientId));
        o.insert(QStringLiteral("authoredOn"), iso(c.clinicalTime));
        o.insert(QStringLiteral("requester"), reference("Practitioner", c.author));
        QJsonObject dosage{{QStringLiteral("text"), m->dose}};
        if (!m->route.isEmpty())
            dosage.insert(QStringLiteral("route"), concept({}, m->route));
        QJsonObject timing;
        if (!m->frequency.isEmpty())
            timing.insert(QStringLiteral("code"), concept({}, m->frequency));
        if (m->start.isValid())
            timing.insert(QStringLiteral("repeat"),
                          QJsonObject{{QStringLiteral("boundsPeriod"), QJsonObject{{QStringLiteral("start"), m->start.toString(Qt::ISODate)}}}});
        if (!timing.isEmpty())
            dosage.insert(QStringLiteral("timing"), timing);
        o.insert(QStringLiteral("dosageInstruction"), QJsonArray{dosage});
    } else if (const ClinicalNote* n = c.note()) {
        const bool nursing = c.type == QLatin1String("nursing-note");
        o.insert(QStringLiteral("status"), status);
        o.insert(QStringLiteral("type"),
                 concept({coding(QLatin1String(kLoincSystem), nursing ? kNursingNote : kProgressNote,
                                 nursing ? QStringLiteral("Nursing note") : QStringLiteral("Progress note"))},
                         nursing ? QStringLiteral("看護記録") : QStringLiteral("経過記録")));
        o.insert(QStringLiteral("subject"), reference("Patient", c.patientId));
        o.insert(QStringLiteral("date"), iso(c.clinicalTime));
        o.insert(QStringLiteral("author"), QJsonArray{reference("Practitioner", c.author)});
        o.insert(QStringLiteral("title"), nursing ? QStringLiteral("看護記録") : QStringLiteral("経過記録"));
        QJsonArray sections;
        auto narrative = [](const QString& t) {
            return QJsonObject{{QStringLiteral("status"), QStringLiteral("additional")}, {QStringLiteral("div"), escapeXhtml(t)}};
        };
        if (n->format == ClinicalNote::Format::Soap) {
            for (const SectionCode& s : kSoapSections) {
                const QString& t = n->*s.member;
                if (t.isEmpty())
                    continue;
                sections.append(QJsonObject{{QStringLiteral("title"), QLatin1String(s.title)},
                                            {QStringLiteral("code"), concept({coding(QLatin1String(kLoincSystem), QLatin1String(s.loinc))})},
                                            {QStringLiteral("text"), narrative(t)}});
            }
        } else {
            sections.append(QJsonObject{{QStringLiteral("title"), QStringLiteral("記録")}, {QStringLiteral("text"), narrative(n->text)}});
        }
        if (!sections.isEmpty())
            o.insert(QStringLiteral("section"), sections);
    } else if (const PatientFlag* f = c.flag()) {
        const FlagCode& fc = flagCode(f->kind);
        o.insert(QStringLiteral("status"), c.status == RecordContent::Status::Final && !f->active ? QStringLiteral("inactive") : status);
        o.insert(QStringLiteral("category"),
                 QJsonArray{concept({coding(kFlagCategorySystem, QLatin1String(fc.category), QLatin1String(fc.categoryDisplay))})});
        o.insert(QStringLiteral("code"), concept({coding(QLatin1String(kWardFlagSystem), QLatin1String(fc.code), QLatin1String(fc.display))}, f->text));
        o.insert(QStringLiteral("subject"), reference("Patient", c.patientId));
        o.insert(QStringLiteral("period"), QJsonObject{{QStringLiteral("start"), iso(c.clinicalTime)}});
        o.insert(QStringLiteral("author"), reference("Practitioner", c.author));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QList<ValidationProblem> RecordCodec::writeBody(RecordVersion* record, RecordContent content, const QByteArray& previousBody)
{
    content.type = record->type;
    content.patientId = record->patientId;
    content.author = record->author;
    content.status = contentStatusFor(record->status);
    if (content.status != RecordContent::Status::EnteredInError)
        content.errorReason.clear();
    const QList<ValidationProblem> problems = validate(content);
    if (problems.isEmpty())
        record->body = RecordEnvelope::forVersion(*record, previousBody, content.clinicalTime, encode(content)).encode();
    return problems;
}

// ---- decoding --------------------------------------------------------------------------------------------

namespace {

class ResourceReader
{
    Q_DECLARE_TR_FUNCTIONS(ward::RecordCodec)

public:
    explicit ResourceReader(QList<ValidationProblem>& problems) : m_problems(problems) {}

    void problem(const QString& field, const QString& message) { m_problems.append({field, message}); }

    // Where a value sits in the resource ("component[0].code.coding[1]"), spelled out only when a problem is
    // reported: most resources have none, and building every path cost more than the checks themselves.
    struct Path
    {
        const Path* parent = nullptr;
        QString key;     // an object member, or
        int index = -1;  // an array item

        QString text() const
        {
            if (!parent)
                return key;
            const QString above = parent->text();
            if (index >= 0)
                return above + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
            return above.isEmpty() ? key : above + QLatin1Char('.') + key;
        }
        // The member this value (or the array it is an item of) belongs to.
        const QString& member() const { return index >= 0 && parent ? parent->member() : key; }
    };

    // Every coding carries its system and code; every string passes the text rules (DATA-7).
    void walk(const QJsonValue& v, const Path& path)
    {
        if (v.isString()) {
            const QString p = RecordCodec::textProblem(v.toString(), true, RecordCodec::kMaxTextLength * 6);
            if (!p.isEmpty())
                problem(path.text(), p);
        } else if (v.isArray()) {
            const QJsonArray a = v.toArray();
            const bool codings = path.member().endsWith(QLatin1String("coding"));
            for (int i = 0; i < a.size(); ++i) {
                const Path item{&path, QString(), i};
                if (codings) {
                    const QJsonObject c = a.at(i).toObject();
                    if (c.value(QStringLiteral("system")).toString().isEmpty())
                        problem(item.text(), tr("The code \"%1\" has no system; a code must name its code system.")
                                                 .arg(c.value(QStringLiteral("code")).toString()));
                    else if (c.value(QStringLiteral("code")).toString().isEmpty())
                        problem(item.text(), tr("A coding has a system but no code."));
                }
                walk(a.at(i), item);
            }
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                walk(it.value(), Path{&path, it.key(), -1});
        }
    }

    QString reference(const QJsonValue& v, const char* kind, const QString& field, const QString& missing)
    {
        const QString ref = v.toObject().value(QStringLiteral("reference")).toString();
        const QString prefix = QLatin1String(kind) + QLatin1Char('/');
        if (!ref.startsWith(prefix) || ref.size() == prefix.size()) {
            problem(field, missing);
            return QString();
        }
        return ref.mid(prefix.size());
    }

    QDateTime time(const QJsonObject& o, const char* key)
    {
        const QDateTime t = QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
        if (!t.isValid())
            problem(QLatin1String(key), tr("The clinical time (%1) is missing or not a date and time.").arg(QLatin1String(key)));
        return t.toUTC();
    }

    RecordContent::Status status(const QString& resourceType, const QString& code, const QString& field)
    {
        for (RecordContent::Status s : {RecordContent::Status::Final, RecordContent::Status::Preliminary,
                                        RecordContent::Status::EnteredInError}) {
            if (statusCode(resourceType, s) == code)
                return s;
        }
        problem(field, RecordCodec::tr("The status \"%1\" is not one this program writes.").arg(code));
        return RecordContent::Status::Final;
    }

    static QJsonObject codingIn(const QJsonValue& concept, const QString& system, int index = -1)
    {
        const QJsonArray codings = concept.toObject().value(QStringLiteral("coding")).toArray();
        for (int i = 0; i < codings.size(); ++i) {
            const QJsonObject c = codings.at(i).toObject();
            if ((index < 0 || i == index) && (system.isEmpty() || c.value(QStringLiteral("system")).toString() == system))
                return c;
        }
        return {};
    }

    std::optional<double> number(const QJsonValue& quantity, const QString& field, bool required)
    {
        const QJsonValue v = quantity.toObject().value(QStringLiteral("value"));
        if (v.isDouble())
            return v.toDouble();
        if (required || !v.isUndefined())
            problem(field, tr("%1 must be a number.").arg(field));
        return std::nullopt;
    }

private:
    QList<ValidationProblem>& m_problems;
};

std::optional<RecordContent> readResource(const QByteArray& fhir, QList<ValidationProblem>& problems)
{
    ResourceReader r(problems);
    if (fhir.size() > RecordCodec::kMaxBodyBytes) {
        r.problem(QString(), ResourceReader::tr("The record is larger than %1 bytes.").arg(RecordCodec::kMaxBodyBytes));
        return std::nullopt;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8.decode(fhir);
    Q_UNUSED(decoded);
    if (utf8.hasError()) {
        r.problem(QString(), ResourceReader::tr("The record is not valid UTF-8 text."));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(fhir, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        r.problem(QString(), ResourceReader::tr("The record is not a FHIR resource (not a JSON object)."));
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const QString rt = o.value(QStringLiteral("resourceType")).toString();
    if (rt != kObservation && rt != kAllergy && rt != kMedication && rt != kComposition && rt != kFlag) {
        r.problem(QStringLiteral("resourceType"),
                  ResourceReader::tr("The resource type \"%1\" is not a record type (Observation, AllergyIntolerance, "
                                     "MedicationRequest, Composition or Flag).")
                      .arg(rt));
        return std::nullopt;
    }
    const int before = static_cast<int>(problems.size());
    r.walk(o, ResourceReader::Path());
    const QString noSubject = ResourceReader::tr("The resource names no patient (Patient/<id>).");
    const QString noAuthor = ResourceReader::tr("The resource names no author (Practitioner/<id>).");

    RecordContent c;
    const QJsonArray extensions = o.value(QStringLiteral("extension")).toArray();
    for (const QJsonValue& e : extensions) {
        if (e.toObject().value(QStringLiteral("url")).toString() == kErrorReasonUrl)
            c.errorReason = e.toObject().value(QStringLiteral("valueString")).toString();
    }
    if (rt == kObservation) {
        const QString category = ResourceReader::codingIn(o.value(QStringLiteral("category")).toArray().at(0), kCategorySystem)
                                     .value(QStringLiteral("code"))
                                     .toString();
        c.status = r.status(rt, o.value(QStringLiteral("status")).toString(), QStringLiteral("status"));
        c.patientId = r.reference(o.value(QStringLiteral("subject")), "Patient", QStringLiteral("subject"), noSubject);
        c.author = r.reference(o.value(QStringLiteral("performer")).toArray().at(0), "Practitioner", QStringLiteral("author"), noAuthor);
        c.clinicalTime = r.time(o, "effectiveDateTime");
        const QJsonValue code = o.value(QStringLiteral("code"));
        if (category == QLatin1String("vital-signs")) {
            c.type = QStringLiteral("vital-signs");
            VitalSigns v;
            const QString loinc = ResourceReader::codingIn(code, QLatin1String(RecordCodec::kLoincSystem)).value(QStringLiteral("code")).toString();
            auto byCode = [](const QString& loincCode) -> const VitalCode* {
                for (const VitalCode& vc : kVitalCodes)
                    if (loincCode == QLatin1String(vc.loinc))
                        return &vc;
                return nullptr;
            };
            if (loinc == kVitalPanel || loinc == kBloodPressurePanel) {
                const QJsonArray components = o.value(QStringLiteral("component")).toArray();
                for (int i = 0; i < components.size(); ++i) {
                    const QJsonObject comp = components.at(i).toObject();
                    const VitalCode* vc = byCode(
                        ResourceReader::codingIn(comp.value(QStringLiteral("code")), QLatin1String(RecordCodec::kLoincSystem))
                            .value(QStringLiteral("code"))
                            .toString());
                    if (!vc) {
                        r.problem(QStringLiteral("component[%1].code").arg(i), ResourceReader::tr("Not a vital sign this program records."));
                        continue;
                    }
                    v.*vc->member = r.number(comp.value(QStringLiteral("valueQuantity")), QLatin1String(vc->field), true);
                }
            } else if (const VitalCode* vc = byCode(loinc)) {
                v.*vc->member = r.number(o.value(QStringLiteral("valueQuantity")), QLatin1String(vc->field), true);
            } else {
                r.problem(QStringLiteral("code"), ResourceReader::tr("\"%1\" is not a LOINC vital-sign code.").arg(loinc));
            }
            c.data = v;
        } else if (category == QLatin1String("laboratory")) {
            c.type = QStringLiteral("lab-result");
            LabResult l;
            l.jlac10 = ResourceReader::codingIn(code, QLatin1String(RecordCodec::kJlac10System)).value(QStringLiteral("code")).toString();
            if (l.jlac10.isEmpty())
                r.problem(QStringLiteral("jlac10"), ResourceReader::tr("A lab result needs its JLAC10 code (system %1).")
                                                        .arg(QLatin1String(RecordCodec::kJlac10System)));
            l.loinc = ResourceReader::codingIn(code, QLatin1String(RecordCodec::kLoincSystem)).value(QStringLiteral("code")).toString();
            l.name = code.toObject().value(QStringLiteral("text")).toString();
            const QJsonValue value = o.value(QStringLiteral("valueQuantity"));
            l.value = r.number(value, QStringLiteral("value"), true).value_or(0);
            l.unit = value.toObject().value(QStringLiteral("code")).toString();
            const QJsonObject range = o.value(QStringLiteral("referenceRange")).toArray().at(0).toObject();
            if (range.contains(QStringLiteral("low")))
                l.low = r.number(range.value(QStringLiteral("low")), QStringLiteral("referenceRange"), true);
            if (range.contains(QStringLiteral("high")))
                l.high = r.number(range.value(QStringLiteral("high")), QStringLiteral("referenceRange"), true);
            const QString flag = ResourceReader::codingIn(o.value(QStringLiteral("interpretation")).toArray().at(0), kInterpretationSystem)
                                     .value(QStringLiteral("code"))
                                     .toString();
            l.flag = flag == QLatin1String("H") ? LabResult::Flag::High : flag == QLatin1String("L") ? LabResult::Flag::Low : LabResult::Flag::Normal;
            if (flag != QLatin1String("H") && flag != QLatin1String("L") && flag != QLatin1String("N"))
                r.problem(QStringLiteral("interpretation"), ResourceReader::tr("The interpretation must be H, L or N."));
            c.data = l;
        } else {
            r.problem(QStringLiteral("category"), ResourceReader::tr("An Observation here is either vital-signs or laboratory."));
            return std::nullopt;
        }
    } else if (rt == kAllergy) {
        c.type = QStringLiteral("allergy");
        AllergyRecord a;
        c.status = r.status(rt, ResourceReader::codingIn(o.value(QStringLiteral("verificationStatus")), kAllergyVerification)
                                    .value(QStringLiteral("code"))
                                    .toString(),
                            QStringLiteral("verificationStatus"));
        c.patientId = r.reference(o.value(QStringLiteral("patient")), "Patient", QStringLiteral("subject"), noSubject);
        c.author = r.reference(o.value(QStringLiteral("recorder")), "Practitioner", QStringLiteral("author"), noAuthor);
        c.clinicalTime = r.time(o, "recordedDate");
        const QString category = o.value(QStringLiteral("category")).toArray().at(0).toString();
        a.category = category == QLatin1String("food")          ? AllergyRecord::Category::Food
                     : category == QLatin1String("environment") ? AllergyRecord::Category::Environment
                                                                : AllergyRecord::Category::Medication;
        const QJsonObject code = o.value(QStringLiteral("code")).toObject();
        a.substance = code.value(QStringLiteral("text")).toString();
        const QJsonObject substance = ResourceReader::codingIn(code, QString(), 0);
        a.substanceCode = substance.value(QStringLiteral("code")).toString();
        a.substanceSystem = substance.value(QStringLiteral("system")).toString();
        const QJsonObject reaction = o.value(QStringLiteral("reaction")).toArray().at(0).toObject();
        a.reaction = reaction.value(QStringLiteral("manifestation")).toArray().at(0).toObject().value(QStringLiteral("text")).toString();
        const QString severity = reaction.value(QStringLiteral("severity")).toString();
        a.severity = severity == QLatin1String("mild")       ? AllergyRecord::Severity::Mild
                     : severity == QLatin1String("moderate") ? AllergyRecord::Severity::Moderate
                     : severity == QLatin1String("severe")   ? AllergyRecord::Severity::Severe
                                                             : AllergyRecord::Severity::Unknown;
        c.data = a;
    } else if (rt == kMedication) {
        c.type = QStringLiteral("medication-order");
        MedicationOrder m;
        c.status = r.status(rt, o.value(QStringLiteral("status")).toString(), QStringLiteral("status"));
        c.patientId = r.reference(o.value(QStringLiteral("subject")), "Patient", QStringLiteral("subject"), noSubject);
        c.author = r.reference(o.value(QStringLiteral("requester")), "Practitioner", QStringLiteral("author"), noAuthor);
        c.clinicalTime = r.time(o, "authoredOn");
        const QJsonValue drug = o.value(QStringLiteral("medicationCodeableConcept"));
        m.drug = drug.toObject().value(QStringLiteral("text")).toString();
        m.yjCode = ResourceReader::codingIn(drug, QLatin1String(RecordCodec::kYjSystem)).value(QStringLiteral("code")).toString();
        m.hotCode = ResourceReader::codingIn(drug, QLatin1String(RecordCodec::kHot9System)).value(QStringLiteral("code")).toString();
        const QJsonObject dosage = o.value(QStringLiteral("dosageInstruction")).toArray().at(0).toObject();
        m.dose = dosage.value(QStringLiteral("text")).toString();
        m.route = dosage.value(QStringLiteral("route")).toObject().value(QStringLiteral("text")).toString();
        const QJsonObject timing = dosage.value(QStringLiteral("timing")).toObject();
        m.frequency = timing.value(QStringLiteral("code")).toObject().value(QStringLiteral("text")).toString();
        const QString start = timing.value(QStringLiteral("repeat")).toObject().value(QStringLiteral("boundsPeriod")).toObject()
                                  .value(QStringLiteral("start")).toString();
        if (!start.isEmpty()) {
            m.start = QDate::fromString(start, Qt::ISODate);
            if (!m.start.isValid())
                r.problem(QStringLiteral("start"), ResourceReader::tr("The start date is not a date."));
        }
        c.data = m;
    } else if (rt == kFlag) {
        c.type = QStringLiteral("flag");
        PatientFlag f;
        const QString status = o.value(QStringLiteral("status")).toString();
        f.active = status != QLatin1String("inactive");
        if (status.isEmpty())
            r.problem(QStringLiteral("status"), RecordCodec::tr("The status \"%1\" is not one this program writes.").arg(status));
        else
            c.status = r.status(rt, f.active ? status : QStringLiteral("active"), QStringLiteral("status"));
        c.patientId = r.reference(o.value(QStringLiteral("subject")), "Patient", QStringLiteral("subject"), noSubject);
        c.author = r.reference(o.value(QStringLiteral("author")), "Practitioner", QStringLiteral("author"), noAuthor);
        c.clinicalTime = r.time(o.value(QStringLiteral("period")).toObject(), "start");
        const QJsonValue code = o.value(QStringLiteral("code"));
        const QString kind = ResourceReader::codingIn(code, QLatin1String(RecordCodec::kWardFlagSystem)).value(QStringLiteral("code")).toString();
        bool known = false;
        for (const FlagCode& fc : kFlagCodes) {
            if (kind == QLatin1String(fc.code)) {
                f.kind = fc.kind;
                known = true;
            }
        }
        if (!known)
            r.problem(QStringLiteral("kind"), ResourceReader::tr("A flag's code is infection-precautions, fall-risk or npo (system %1).")
                                                  .arg(QLatin1String(RecordCodec::kWardFlagSystem)));
        f.text = code.toObject().value(QStringLiteral("text")).toString();
        c.data = f;
    } else {
        const QString docType = ResourceReader::codingIn(o.value(QStringLiteral("type")), QLatin1String(RecordCodec::kLoincSystem))
                                    .value(QStringLiteral("code"))
                                    .toString();
        if (docType == kProgressNote)
            c.type = QStringLiteral("progress-note");
        else if (docType == kNursingNote)
            c.type = QStringLiteral("nursing-note");
        else {
            r.problem(QStringLiteral("type"), ResourceReader::tr("A note's document type is LOINC %1 (progress note) or %2 (nursing note).")
                                                  .arg(kProgressNote, kNursingNote));
            return std::nullopt;
        }
        c.status = r.status(rt, o.value(QStringLiteral("status")).toString(), QStringLiteral("status"));
        c.patientId = r.reference(o.value(QStringLiteral("subject")), "Patient", QStringLiteral("subject"), noSubject);
        c.author = r.reference(o.value(QStringLiteral("author")).toArray().at(0), "Practitioner", QStringLiteral("author"), noAuthor);
        c.clinicalTime = r.time(o, "date");
        ClinicalNote n;
        const QJsonArray sections = o.value(QStringLiteral("section")).toArray();
        for (int i = 0; i < sections.size(); ++i) {
            const QJsonObject s = sections.at(i).toObject();
            const QString field = QStringLiteral("section[%1]").arg(i);
            const auto text = unescapeXhtml(s.value(QStringLiteral("text")).toObject().value(QStringLiteral("div")).toString());
            if (!text) {
                r.problem(field, ResourceReader::tr("A note section's text is not plain escaped text in an XHTML div."));
                continue;
            }
            const QString sectionCode = ResourceReader::codingIn(s.value(QStringLiteral("code")), QLatin1String(RecordCodec::kLoincSystem))
                                            .value(QStringLiteral("code"))
                                            .toString();
            if (sectionCode.isEmpty()) {
                n.format = ClinicalNote::Format::Text;
                n.text = *text;
                continue;
            }
            bool known = false;
            for (const SectionCode& sc : kSoapSections) {
                if (sectionCode == QLatin1String(sc.loinc)) {
                    n.*sc.member = *text;
                    known = true;
                }
            }
            if (!known)
                r.problem(field, ResourceReader::tr("The section code %1 is not S, O, A or P.").arg(sectionCode));
        }
        c.data = n;
    }
    if (problems.size() > before)
        return std::nullopt;
    return c;
}

} // namespace

std::optional<RecordContent> RecordCodec::decodeDraft(const QByteArray& fhir)
{
    QList<ValidationProblem> ignored;
    return readResource(fhir, ignored);
}

std::optional<RecordContent> RecordCodec::decode(const QByteArray& fhir, QList<ValidationProblem>* problems)
{
    QList<ValidationProblem> found;
    std::optional<RecordContent> c = readResource(fhir, found);
    if (c) {
        found = validate(*c);
        // Nothing unchecked is signed: the bytes must be exactly what this codec writes for the content it read.
        if (found.isEmpty() && encode(*c) != fhir)
            found.append({QString(), tr("The resource has fields or a layout this program does not write; "
                                        "records are written only by WardStation's record codec.")});
    }
    if (problems)
        *problems = found;
    if (!found.isEmpty())
        return std::nullopt;
    return c;
}

QList<ValidationProblem> RecordCodec::agreement(const RecordContent& c, const RecordEnvelope& e)
{
    QList<ValidationProblem> problems;
    if (c.type != e.type)
        problems.append({QStringLiteral("type"), tr("The resource is a %1 record but the envelope says %2.").arg(c.type, e.type)});
    if (c.patientId != e.patientId)
        problems.append({QStringLiteral("subject"), tr("The resource names another patient than the envelope.")});
    if (c.author != e.author)
        problems.append({QStringLiteral("author"), tr("The resource names another author than the envelope.")});
    if (c.clinicalTime != e.clinicalTime)
        problems.append({QStringLiteral("clinicalTime"), tr("The resource's clinical time differs from the envelope's.")});
    if (c.status != contentStatusFor(e.status))
        problems.append({QStringLiteral("status"), tr("The resource's status differs from the envelope's.")});
    return problems;
}

std::optional<RecordContent> RecordCodec::decode(const RecordEnvelope& envelope, QList<ValidationProblem>* problems)
{
    QList<ValidationProblem> found;
    std::optional<RecordContent> c = decode(envelope.resource, &found);
    if (c)
        found = agreement(*c, envelope);
    if (problems)
        *problems = found;
    if (!found.isEmpty())
        return std::nullopt;
    return c;
}

std::optional<RecordContent> RecordCodec::decode(const RecordVersion& record, QList<ValidationProblem>* problems)
{
    QString why;
    const std::optional<RecordEnvelope> envelope = RecordEnvelope::parse(record.body, &why);
    if (!envelope) {
        if (problems)
            *problems = {{QStringLiteral("envelope"), why}};
        return std::nullopt;
    }
    const QString field = envelope->mismatch(record);
    if (!field.isEmpty()) {
        if (problems)
            *problems = {{field, tr("The version's %1 differs from what was signed.").arg(field)}};
        return std::nullopt;
    }
    return decode(*envelope, problems);
}

std::optional<RecordContent> RecordCodec::readStored(const RecordVersion& record)
{
    const std::optional<RecordEnvelope> envelope = RecordEnvelope::parse(record.body);
    if (!envelope || !envelope->mismatch(record).isEmpty())
        return std::nullopt;
    QList<ValidationProblem> problems;
    std::optional<RecordContent> c = readResource(envelope->resource, problems);
    if (!c || !validate(*c).isEmpty() || !agreement(*c, *envelope).isEmpty())
        return std::nullopt;
    return c;
}

} // namespace ward
