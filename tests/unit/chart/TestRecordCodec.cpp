#include "records/DemoClinicalCourse.h"
#include "records/LabResult.h"
#include "records/RecordCodec.h"
#include "records/RecordDiff.h"
#include "records/RecordEnvelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ward;

namespace {

const QDateTime kTime(QDate(2026, 4, 10), QTime(9, 0), Qt::UTC);

RecordContent base(const QString& type)
{
    RecordContent c;
    c.type = type;
    c.patientId = QStringLiteral("P000001");
    c.author = QStringLiteral("N000000001");
    c.clinicalTime = kTime;
    return c;
}

RecordContent vitals(const VitalSigns& v)
{
    RecordContent c = base(QStringLiteral("vital-signs"));
    c.data = v;
    return c;
}

QStringList fields(const QList<ValidationProblem>& problems)
{
    QStringList out;
    for (const auto& p : problems)
        out.append(p.field);
    return out;
}

// One valid content of every record type the terminal can write.
QList<RecordContent> samples()
{
    QList<RecordContent> out;
    VitalSigns full;
    full.temperature = 37.8;
    full.pulse = 96;
    full.systolic = 142;
    full.diastolic = 88;
    full.spo2 = 95;
    full.respRate = 20;
    out << vitals(full);
    VitalSigns one;
    one.temperature = 36.6;
    out << vitals(one);
    VitalSigns bp;
    bp.systolic = 120;
    bp.diastolic = 70;
    out << vitals(bp);
    RecordContent lab = base(QStringLiteral("lab-result"));
    LabResult l;
    l.jlac10 = QStringLiteral("5C070000002327101");
    l.loinc = QStringLiteral("1988-5");
    l.name = QStringLiteral("CRP");
    l.value = 12.4;
    l.unit = QStringLiteral("mg/dL");
    l.low = 0;
    l.high = 0.14;
    l.flag = LabResult::Flag::High;
    lab.data = l;
    out << lab;
    RecordContent allergy = base(QStringLiteral("allergy"));
    AllergyRecord a;
    a.substance = QStringLiteral("ペニシリン系抗菌薬");
    a.reaction = QStringLiteral("蕁麻疹");
    a.severity = AllergyRecord::Severity::Moderate;
    allergy.data = a;
    out << allergy;
    RecordContent med = base(QStringLiteral("medication-order"));
    MedicationOrder m;
    m.drug = QStringLiteral("アムロジピン錠5mg");
    m.yjCode = QStringLiteral("2171022F1093");
    m.dose = QStringLiteral("1回1錠");
    m.route = QStringLiteral("経口");
    m.frequency = QStringLiteral("1日1回 朝食後");
    m.start = QDate(2026, 4, 10);
    med.data = m;
    out << med;
    RecordContent soap = base(QStringLiteral("progress-note"));
    ClinicalNote n;
    n.subjective = QStringLiteral("「熱っぽい」 <b>&");
    n.plan = QStringLiteral("経過観察\n明日再評価");
    soap.data = n;
    out << soap;
    RecordContent text = base(QStringLiteral("nursing-note"));
    ClinicalNote t;
    t.format = ClinicalNote::Format::Text;
    t.text = QStringLiteral("夜間良眠。\tタブ");
    text.data = t;
    out << text;
    RecordContent withdrawn = allergy;
    withdrawn.status = RecordContent::Status::EnteredInError;
    withdrawn.errorReason = QStringLiteral("別の患者の記録");
    out << withdrawn;
    // 9..: the three flag kinds, a lifted one and a withdrawn one.
    auto flag = [](PatientFlag::Kind kind, const QString& text, bool active = true) {
        RecordContent c = base(QStringLiteral("flag"));
        PatientFlag f;
        f.kind = kind;
        f.text = text;
        f.active = active;
        c.data = f;
        return c;
    };
    out << flag(PatientFlag::Kind::Infection, QStringLiteral("接触予防策（MRSA 喀痰より検出）"));
    out << flag(PatientFlag::Kind::FallRisk, QStringLiteral("転倒転落リスク（危険度II）"));
    out << flag(PatientFlag::Kind::Npo, QStringLiteral("絶食（明朝 内視鏡検査のため）"));
    out << flag(PatientFlag::Kind::Npo, QStringLiteral("絶食解除（検査終了）"), false);
    RecordContent withdrawnFlag = flag(PatientFlag::Kind::FallRisk, QStringLiteral("転倒転落リスク"));
    withdrawnFlag.status = RecordContent::Status::EnteredInError;
    withdrawnFlag.errorReason = QStringLiteral("別の患者に入力");
    out << withdrawnFlag;
    return out;
}

QJsonObject json(const RecordContent& c)
{
    return QJsonDocument::fromJson(RecordCodec::encode(c)).object();
}

QByteArray bytes(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Version 1 of a vital-signs record of P000001 by N000000001 in W3, its body written by the codec.
RecordVersion firstVitalSigns()
{
    RecordVersion r;
    r.recordId = QStringLiteral("3f2a0000-0000-4000-8000-000000000001");
    r.version = 1;
    r.patientId = QStringLiteral("P000001");
    r.type = QStringLiteral("vital-signs");
    r.author = QStringLiteral("N000000001");
    r.compartment = QStringLiteral("W3");
    r.classification = 2;
    if (!RecordCodec::writeBody(&r, samples().at(0), QByteArray()).isEmpty())
        r.body.clear();
    return r;
}

} // namespace

class TestRecordCodec : public QObject
{
    Q_OBJECT

private slots:
    void everyTypeRoundTrips()
    {
        for (const RecordContent& c : samples()) {
            QVERIFY2(RecordCodec::validate(c).isEmpty(), qPrintable(c.type));
            const QByteArray fhir = RecordCodec::encode(c);
            QList<ValidationProblem> problems;
            const auto back = RecordCodec::decode(fhir, &problems);
            QVERIFY2(back, qPrintable(c.type + QLatin1Char(' ') + problems.value(0).field + QLatin1Char(' ') + problems.value(0).message));
            QCOMPARE(back->type, c.type);
            QCOMPARE(back->patientId, c.patientId);
            QCOMPARE(back->author, c.author);
            QCOMPARE(back->clinicalTime, c.clinicalTime);
            QCOMPARE(back->status, c.status);
            QCOMPARE(RecordCodec::encode(*back), fhir);  // deterministic
            QCOMPARE(RecordCodec::fields(*back), RecordCodec::fields(c));
        }
    }

    void jpCoreShapes()
    {
        const QList<RecordContent> all = samples();
        const QJsonObject v = json(all.at(0));
        QCOMPARE(v.value("resourceType").toString(), QStringLiteral("Observation"));
        QCOMPARE(v.value("category").toArray().at(0)["coding"][0]["code"].toString(), QStringLiteral("vital-signs"));
        QCOMPARE(v.value("subject")["reference"].toString(), QStringLiteral("Patient/P000001"));
        QCOMPARE(v.value("performer")[0]["reference"].toString(), QStringLiteral("Practitioner/N000000001"));
        QCOMPARE(v.value("effectiveDateTime").toString(), QStringLiteral("2026-04-10T09:00:00.000Z"));
        QStringList codes;
        for (const QJsonValue& comp : v.value("component").toArray())
            codes << comp["code"]["coding"][0]["code"].toString() + QLatin1Char('|') + comp["valueQuantity"]["code"].toString();
        QCOMPARE(codes, (QStringList{"8310-5|Cel", "8867-4|/min", "8480-6|mm[Hg]", "8462-4|mm[Hg]", "59408-5|%", "9279-1|/min"}));
        QCOMPARE(json(all.at(1)).value("code")["coding"][0]["code"].toString(), QStringLiteral("8310-5"));
        QCOMPARE(json(all.at(2)).value("code")["coding"][0]["code"].toString(), QStringLiteral("85354-9"));
        const QJsonObject lab = json(all.at(3));
        QCOMPARE(lab.value("code")["coding"][0]["system"].toString(), QStringLiteral("urn:oid:1.2.392.200119.4.504"));
        QCOMPARE(lab.value("code")["coding"][1]["code"].toString(), QStringLiteral("1988-5"));
        QCOMPARE(lab.value("interpretation")[0]["coding"][0]["code"].toString(), QStringLiteral("H"));
        QCOMPARE(lab.value("referenceRange")[0]["high"]["value"].toDouble(), 0.14);
        const QJsonObject allergy = json(all.at(4));
        QCOMPARE(allergy.value("resourceType").toString(), QStringLiteral("AllergyIntolerance"));
        QCOMPARE(allergy.value("patient")["reference"].toString(), QStringLiteral("Patient/P000001"));
        QVERIFY(allergy.contains("recordedDate"));
        const QJsonObject med = json(all.at(5));
        QCOMPARE(med.value("resourceType").toString(), QStringLiteral("MedicationRequest"));
        QCOMPARE(med.value("medicationCodeableConcept")["coding"][0]["system"].toString(), QStringLiteral("urn:oid:1.2.392.100495.20.1.73"));
        QCOMPARE(med.value("medicationCodeableConcept")["text"].toString(), QStringLiteral("アムロジピン錠5mg"));
        QCOMPARE(med.value("authoredOn").toString(), QStringLiteral("2026-04-10T09:00:00.000Z"));
        const QJsonObject soap = json(all.at(6));
        QCOMPARE(soap.value("resourceType").toString(), QStringLiteral("Composition"));
        QCOMPARE(soap.value("type")["coding"][0]["code"].toString(), QStringLiteral("11506-3"));
        QCOMPARE(soap.value("section")[0]["code"]["coding"][0]["code"].toString(), QStringLiteral("61150-9"));
        QVERIFY(soap.value("section")[0]["text"]["div"].toString().contains(QStringLiteral("&lt;b&gt;&amp;")));
        QCOMPARE(json(all.at(7)).value("type")["coding"][0]["code"].toString(), QStringLiteral("34746-8"));
        const QJsonObject withdrawn = json(all.at(8));
        QCOMPARE(withdrawn.value("verificationStatus")["coding"][0]["code"].toString(), QStringLiteral("entered-in-error"));
        QVERIFY(!withdrawn.contains("clinicalStatus"));
    }

    void flagIsAFhirFlag()
    {
        // Issue 11: infection precautions, fall risk and NPO as FHIR R4 Flag, category and code documented in
        // PatientFlag.h, the text always there.
        const QList<RecordContent> all = samples();
        const struct
        {
            int index;
            const char* category;
            const char* code;
            const char* status;
        } expected[] = {{9, "safety", "infection-precautions", "active"},
                        {10, "safety", "fall-risk", "active"},
                        {11, "diet", "npo", "active"},
                        {12, "diet", "npo", "inactive"},
                        {13, "safety", "fall-risk", "entered-in-error"}};
        for (const auto& e : expected) {
            const QJsonObject f = json(all.at(e.index));
            QCOMPARE(f.value("resourceType").toString(), QStringLiteral("Flag"));
            QCOMPARE(f.value("status").toString(), QLatin1String(e.status));
            QCOMPARE(f.value("category")[0]["coding"][0]["system"].toString(),
                     QStringLiteral("http://terminology.hl7.org/CodeSystem/flag-category"));
            QCOMPARE(f.value("category")[0]["coding"][0]["code"].toString(), QLatin1String(e.category));
            QCOMPARE(f.value("code")["coding"][0]["system"].toString(), QLatin1String(RecordCodec::kWardFlagSystem));
            QCOMPARE(f.value("code")["coding"][0]["code"].toString(), QLatin1String(e.code));
            QCOMPARE(f.value("code")["text"].toString(), all.at(e.index).flag()->text);
            QCOMPARE(f.value("subject")["reference"].toString(), QStringLiteral("Patient/P000001"));
            QCOMPARE(f.value("author")["reference"].toString(), QStringLiteral("Practitioner/N000000001"));
            QCOMPARE(f.value("period")["start"].toString(), QStringLiteral("2026-04-10T09:00:00.000Z"));
        }
        QVERIFY(RecordCodec::decode(RecordCodec::encode(all.at(12)))->flag()->active == false);
        QCOMPARE(RecordCodec::resourceTypeFor(QStringLiteral("flag")), QStringLiteral("Flag"));
        QVERIFY(RecordCodec::knownTypes().contains(QStringLiteral("flag")));

        // Validation: the text is required and one line; a flag cannot wait for approval (Flag has no such status).
        RecordContent noText = all.at(9);
        PatientFlag f = *noText.flag();
        f.text = QStringLiteral("  ");
        noText.data = f;
        QCOMPARE(fields(RecordCodec::validate(noText)), QStringList{"text"});
        f.text = QStringLiteral("接触予防策\nMRSA");
        noText.data = f;
        QCOMPARE(fields(RecordCodec::validate(noText)), QStringList{"text"});
        RecordContent proxy = all.at(10);
        proxy.status = RecordContent::Status::Preliminary;
        QCOMPARE(fields(RecordCodec::validate(proxy)), QStringList{"status"});
        RecordContent wrongData = all.at(9);
        wrongData.type = QStringLiteral("allergy");
        QCOMPARE(fields(RecordCodec::validate(wrongData)), QStringList{"type"});
    }

    void malformedFlagsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject flag = json(samples().at(9));
        QJsonObject unknownKind = flag;
        QJsonObject code = unknownKind["code"].toObject();
        QJsonArray coding = code["coding"].toArray();
        QJsonObject first = coding[0].toObject();
        first["code"] = "isolation";
        coding[0] = first;
        code["coding"] = coding;
        unknownKind["code"] = code;
        QTest::newRow("unknown flag code") << bytes(unknownKind) << QString("kind");
        QJsonObject noText = flag;
        QJsonObject c2 = noText["code"].toObject();
        c2.remove("text");
        noText["code"] = c2;
        QTest::newRow("no text") << bytes(noText) << QString("text");
        QJsonObject noSubject = flag;
        noSubject.remove("subject");
        QTest::newRow("no subject") << bytes(noSubject) << QString("subject");
        QJsonObject noStart = flag;
        noStart.remove("period");
        QTest::newRow("no period start") << bytes(noStart) << QString("start");
        QJsonObject noStatus = flag;
        noStatus.remove("status");
        QTest::newRow("no status") << bytes(noStatus) << QString("status");
        QJsonObject badStatus = flag;
        badStatus["status"] = "suspended";
        QTest::newRow("status Flag does not have here") << bytes(badStatus) << QString("status");
        QJsonObject wrongCategory = flag;
        wrongCategory["category"] = QJsonArray{QJsonObject{{"coding", QJsonArray{QJsonObject{
            {"system", "http://terminology.hl7.org/CodeSystem/flag-category"}, {"code", "admin"}}}}}};
        QTest::newRow("category that does not match the code") << bytes(wrongCategory) << QString();
        QJsonObject noAuthor = flag;
        noAuthor.remove("author");
        QTest::newRow("no author") << bytes(noAuthor) << QString("author");
    }

    void malformedFlagsAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QList<ValidationProblem> problems;
        QVERIFY(!RecordCodec::decode(body, &problems));
        QVERIFY(!problems.isEmpty());
        QCOMPARE(problems.first().field, field);
    }

    void vitalRanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("BT 30") << "temperature" << 30.0 << true;
        QTest::newRow("BT 45") << "temperature" << 45.0 << true;
        QTest::newRow("BT 29.9") << "temperature" << 29.9 << false;
        QTest::newRow("BT 45.1") << "temperature" << 45.1 << false;
        QTest::newRow("pulse 20") << "pulse" << 20.0 << true;
        QTest::newRow("pulse 19") << "pulse" << 19.0 << false;
        QTest::newRow("pulse 251") << "pulse" << 251.0 << false;
        QTest::newRow("SpO2 100") << "spo2" << 100.0 << true;
        QTest::newRow("SpO2 101") << "spo2" << 101.0 << false;
        QTest::newRow("SpO2 49") << "spo2" << 49.0 << false;
        QTest::newRow("RR 4") << "respRate" << 4.0 << true;
        QTest::newRow("RR 81") << "respRate" << 81.0 << false;
    }

    // Proves: DATA-7
    void vitalRanges()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        QFETCH(bool, ok);
        VitalSigns v;
        (field == "temperature" ? v.temperature : field == "pulse" ? v.pulse : field == "spo2" ? v.spo2 : v.respRate) = value;
        const auto problems = RecordCodec::validate(vitals(v));
        QCOMPARE(problems.isEmpty(), ok);
        if (!ok)
            QCOMPARE(fields(problems), QStringList{field});
        // The same value arriving as FHIR bytes is refused by decode, naming the field.
        QList<ValidationProblem> decoded;
        QCOMPARE(RecordCodec::decode(RecordCodec::encode(vitals(v)), &decoded).has_value(), ok);
        if (!ok)
            QCOMPARE(fields(decoded), QStringList{field});
    }

    void bloodPressure()
    {
        auto check = [](std::optional<double> sys, std::optional<double> dia) {
            VitalSigns v;
            v.systolic = sys;
            v.diastolic = dia;
            return fields(RecordCodec::validate(vitals(v)));
        };
        QVERIFY(check(120, 80).isEmpty());
        QCOMPARE(check(80, 80), QStringList{"systolic"});
        QCOMPARE(check(120, std::nullopt), QStringList{"diastolic"});
        QCOMPARE(check(301, 80), QStringList{"systolic"});
        QCOMPARE(check(120, 19), QStringList{"diastolic"});
        QCOMPARE(fields(RecordCodec::validate(vitals(VitalSigns()))), QStringList{QString()});  // nothing measured
    }

    void requiredFieldsAndCodes()
    {
        RecordContent lab = samples().at(3);
        LabResult l = *lab.lab();
        l.jlac10 = QStringLiteral("CRP");
        lab.data = l;
        QCOMPARE(fields(RecordCodec::validate(lab)), QStringList{"jlac10"});
        RecordContent med = samples().at(5);
        MedicationOrder m = *med.medication();
        m.dose.clear();
        m.yjCode = QStringLiteral("123");
        med.data = m;
        QCOMPARE(fields(RecordCodec::validate(med)), (QStringList{"dose", "yjCode"}));
        RecordContent allergy = samples().at(4);
        AllergyRecord a = *allergy.allergy();
        a.substanceCode = QStringLiteral("1234");
        allergy.data = a;
        QCOMPARE(fields(RecordCodec::validate(allergy)), QStringList{"substanceSystem"});
        RecordContent noPatient = samples().at(0);
        noPatient.patientId.clear();
        QCOMPARE(fields(RecordCodec::validate(noPatient)), QStringList{"subject"});
        RecordContent withdrawn = samples().at(8);
        withdrawn.errorReason = QStringLiteral("  ");
        QCOMPARE(fields(RecordCodec::validate(withdrawn)), QStringList{"reason"});
        RecordContent wrongType = samples().at(0);
        wrongType.type = QStringLiteral("lab-result");
        QCOMPARE(fields(RecordCodec::validate(wrongType)), QStringList{"type"});
    }

    void badBodiesAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject lab = json(samples().at(3));
        QTest::newRow("not json") << QByteArray("temperature=37") << QString();
        QTest::newRow("array") << QByteArray("[1,2]") << QString();
        QTest::newRow("previous shape") << QByteArray(R"({"effective":"2026-04-10T09:00:00Z","temperature":37.2})") << QString("resourceType");
        QJsonObject unknown = lab;
        unknown["resourceType"] = "Patient";
        QTest::newRow("unknown resource type") << bytes(unknown) << QString("resourceType");
        QJsonObject noSubject = lab;
        noSubject.remove("subject");
        QTest::newRow("missing subject") << bytes(noSubject) << QString("subject");
        QJsonObject noSystem = lab;
        QJsonObject code = noSystem["code"].toObject();
        QJsonArray coding = code["coding"].toArray();
        QJsonObject first = coding[0].toObject();
        first.remove("system");
        coding[0] = first;
        code["coding"] = coding;
        noSystem["code"] = code;
        QTest::newRow("code without system") << bytes(noSystem) << QString("code.coding[0]");
        QJsonObject noAuthor = lab;
        noAuthor.remove("performer");
        QTest::newRow("missing author") << bytes(noAuthor) << QString("author");
        QJsonObject extra = lab;
        extra["note"] = QJsonArray{QJsonObject{{"text", "unchecked"}}};
        QTest::newRow("field the codec does not write") << bytes(extra) << QString();
        QJsonObject text = json(samples().at(7));
        QJsonArray sections = text["section"].toArray();
        QJsonObject s0 = sections[0].toObject();
        QJsonObject narrative = s0["text"].toObject();
        narrative["div"] = QStringLiteral("<div xmlns=\"http://www.w3.org/1999/xhtml\">") + QString(RecordCodec::kMaxTextLength + 1, QLatin1Char('x')) + QStringLiteral("</div>");
        s0["text"] = narrative;
        sections[0] = s0;
        text["section"] = sections;
        QTest::newRow("text over the limit") << bytes(text) << QString("text");
        QJsonObject markup = json(samples().at(7));
        QJsonArray ms = markup["section"].toArray();
        QJsonObject m0 = ms[0].toObject();
        m0["text"] = QJsonObject{{"status", "additional"}, {"div", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>x</script></div>"}};
        ms[0] = m0;
        markup["section"] = ms;
        QTest::newRow("markup in a note") << bytes(markup) << QString("section[0]");
        QTest::newRow("control character") << QByteArray(bytes(json(samples().at(7))).replace("\\t", "\\u001b")) << QString("section[0].text.div");
        QTest::newRow("broken utf-8") << QByteArray("{\"resourceType\":\"Observation\",\"x\":\"\xff\xfe\"}") << QString();
    }

    // Proves: DATA-7
    void badBodiesAreRefusedNamingTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QList<ValidationProblem> problems;
        QVERIFY(!RecordCodec::decode(body, &problems));
        QVERIFY(!problems.isEmpty());
        QCOMPARE(problems.first().field, field);
        QVERIFY(!problems.first().message.isEmpty());
    }

    void textRules()
    {
        QVERIFY(!RecordCodec::textProblem(QString(QChar(0xD800)), true).isEmpty());
        QVERIFY(!RecordCodec::textProblem(QStringLiteral("a\nb"), false).isEmpty());
        QVERIFY(!RecordCodec::textProblem(QStringLiteral("a\x1b[2J"), true).isEmpty());
        QVERIFY(RecordCodec::textProblem(QStringLiteral("佐藤 花子🙂"), false).isEmpty());
        RecordContent med = samples().at(5);
        MedicationOrder m = *med.medication();
        m.drug = QString(RecordCodec::kMaxShortText + 1, QLatin1Char('x'));
        med.data = m;
        QCOMPARE(fields(RecordCodec::validate(med)), QStringList{"drug"});
    }

    void envelopeBindsIdentityAndPlace()
    {
        RecordVersion r = firstVitalSigns();
        QVERIFY(!r.body.isEmpty());
        QVERIFY(r.body.startsWith("WARD-RECORD/1\n{\"approver\":\"\",\"author\":\"N000000001\",\"classification\":2,"));
        QList<ValidationProblem> problems;
        QVERIFY2(RecordCodec::decode(r, &problems), qPrintable(problems.value(0).message));
        const auto envelope = RecordEnvelope::parse(r.body);
        QVERIFY(envelope);
        QCOMPARE(envelope->resource, RecordCodec::encode(samples().at(0)));
        QCOMPARE(envelope->clinicalTime, kTime);

        const std::pair<const char*, std::function<void(RecordVersion&)>> changes[] = {
            {"recordId", [](RecordVersion& v) { v.recordId = QStringLiteral("3f2a0000-0000-4000-8000-000000000002"); }},
            {"version", [](RecordVersion& v) { v.version = 2; }},
            {"patientId", [](RecordVersion& v) { v.patientId = QStringLiteral("P000002"); }},
            {"type", [](RecordVersion& v) { v.type = QStringLiteral("nursing-note"); }},
            {"compartment", [](RecordVersion& v) { v.compartment = QStringLiteral("W4"); }},
            {"classification", [](RecordVersion& v) { v.classification = 3; }},
            {"author", [](RecordVersion& v) { v.author = QStringLiteral("N000000002"); }},
            {"status", [](RecordVersion& v) { v.status = RecordVersion::Status::EnteredInError; }},
        };
        for (const auto& [field, change] : changes) {
            RecordVersion moved = r;
            change(moved);
            QVERIFY(!RecordCodec::decode(moved, &problems));
            QCOMPARE(problems.first().field, QLatin1String(field));
        }
        // Not canonical (a space added to the header) and the previous shape: refused, the latter saying re-seed.
        QString why;
        QVERIFY(!RecordEnvelope::parse(QByteArray(r.body).replace("{\"approver\"", "{ \"approver\""), &why));
        QVERIFY(!RecordEnvelope::parse(R"({"format":"text","text":"x"})", &why));
        QVERIFY(why.contains(QStringLiteral("re-seeded")));
        // A resource naming another patient inside a correct envelope.
        RecordEnvelope e = *envelope;
        RecordContent other = samples().at(0);
        other.patientId = QStringLiteral("P000002");
        e.resource = RecordCodec::encode(other);
        QVERIFY(!RecordCodec::decode(e, &problems));
        QCOMPARE(problems.first().field, QStringLiteral("subject"));
    }

    // The envelope's header bytes are QJsonDocument's compact form, whether put together directly (IDs, hex and
    // ISO times) or, for any other character, by QJsonDocument itself.
    void envelopeHeaderIsQJsonDocumentsCompactForm()
    {
        RecordEnvelope e;
        e.recordId = QStringLiteral("3f2a0000-0000-4000-8000-000000000001");
        e.version = 2;
        e.patientId = QStringLiteral("P000001");
        e.type = QStringLiteral("vital-signs");
        e.author = QStringLiteral("N000000001");
        e.approver = QStringLiteral("D000000001");
        e.compartment = QStringLiteral("W3");
        e.classification = 3;
        e.prevHash = QString(64, QLatin1Char('a'));
        e.clinicalTime = kTime;
        e.status = RecordVersion::Status::Confirmed;
        auto qjson = [](const RecordEnvelope& v) {
            const QJsonObject o{{QStringLiteral("approver"), v.approver},
                                {QStringLiteral("author"), v.author},
                                {QStringLiteral("classification"), v.classification},
                                {QStringLiteral("clinicalTime"), v.clinicalTime.toUTC().toString(Qt::ISODateWithMs)},
                                {QStringLiteral("compartment"), v.compartment},
                                {QStringLiteral("patientId"), v.patientId},
                                {QStringLiteral("prevHash"), v.prevHash},
                                {QStringLiteral("proxyAuthor"), v.proxyAuthor},
                                {QStringLiteral("recordId"), v.recordId},
                                {QStringLiteral("status"), RecordVersion::statusName(v.status)},
                                {QStringLiteral("type"), v.type},
                                {QStringLiteral("version"), v.version}};
            return QByteArray(RecordEnvelope::kMagic) + '\n' + QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        };
        QCOMPARE(e.encode(), qjson(e));
        QVERIFY(RecordEnvelope::parse(e.encode()));
        for (const QString& odd : {QStringLiteral("W\"3"), QStringLiteral("W/3"), QStringLiteral("病棟3"),
                                   QStringLiteral("W\\3"), QStringLiteral("W\t3")}) {
            RecordEnvelope f = e;
            f.compartment = odd;
            QCOMPARE(f.encode(), qjson(f));
            const auto back = RecordEnvelope::parse(f.encode());
            QVERIFY(back);
            QCOMPARE(back->compartment, odd);
        }
    }

    // The chart's read of a stored version keeps every check but the canonical re-encode.
    void storedVersionIsReadWithItsChecks()
    {
        RecordVersion r = firstVitalSigns();
        QVERIFY(!r.body.isEmpty());
        const auto read = RecordCodec::readStored(r);
        QVERIFY(read);
        QCOMPARE(read->clinicalTime, kTime);
        RecordVersion moved = r;
        moved.patientId = QStringLiteral("P000002");
        QVERIFY(!RecordCodec::readStored(moved));  // metadata that disagrees with what was signed
        RecordEnvelope e = *RecordEnvelope::parse(r.body);
        RecordContent other = samples().at(0);
        other.patientId = QStringLiteral("P000002");
        e.resource = RecordCodec::encode(other);
        RecordVersion disagreeing = r;
        disagreeing.body = e.encode();
        QVERIFY(!RecordCodec::readStored(disagreeing));  // a resource naming another patient than its envelope
        disagreeing.body = QByteArray(r.body).replace("\"resourceType\"", "\"resourceTyp\"");
        QVERIFY(!RecordCodec::readStored(disagreeing));  // not a resource the codec reads
    }

    void demoCourseIsPlausible()
    {
        const QDateTime now(QDate(2026, 4, 30), QTime(3, 0), Qt::UTC);
        int fevers = 0, hypertensive = 0, abnormalLabs = 0, allergies = 0, orders = 0;
        QSet<int> flagged[3];  // patients with an infection / fall-risk / NPO flag
        QSet<QTime> times;
        for (int i = 0; i < 12; ++i) {
            const auto who = DemoClinicalCourse::identity(i, 7);
            QVERIFY(who.sex == "F" || who.sex == "M");
            const auto records = DemoClinicalCourse::records(QStringLiteral("P%1").arg(i), i, who, QStringLiteral("D000000001"),
                                                             {QStringLiteral("N000000001"), QStringLiteral("N000000002")}, now, 21, 7);
            QDateTime first = now, last;
            for (const auto& e : records) {
                QVERIFY2(RecordCodec::validate(e.content).isEmpty(), qPrintable(e.content.type));
                QVERIFY(e.content.clinicalTime < now);
                first = std::min(first, e.content.clinicalTime);
                last = std::max(last, e.content.clinicalTime);
                times.insert(e.content.clinicalTime.time());
                if (const VitalSigns* v = e.content.vitals()) {
                    fevers += *v->temperature >= 38.0;
                    hypertensive += *v->systolic >= 160;
                }
                if (const LabResult* l = e.content.lab())
                    abnormalLabs += l->flag != LabResult::Flag::Normal;
                allergies += e.content.allergy() != nullptr;
                orders += e.content.medication() != nullptr;
                if (const PatientFlag* f = e.content.flag())
                    flagged[int(f->kind)].insert(i);
            }
            QVERIFY(first.daysTo(last) >= 19);  // spread over the three weeks
        }
        QVERIFY(fevers > 3);
        QVERIFY(hypertensive > 3);
        QVERIFY(abnormalLabs > 5);
        QVERIFY(allergies > 0);
        QVERIFY(orders >= 12);
        // Flags for a realistic share: every kind present, none on every patient (12 patients, 3 post-operative).
        for (const QSet<int>& patients : flagged) {
            QVERIFY(!patients.isEmpty());
            QVERIFY(patients.size() < 12);
        }
        QVERIFY(flagged[int(PatientFlag::Kind::FallRisk)].size() >= 3);
        QVERIFY(times.size() > 50);  // not all at one minute
    }

    void labUnitsReadAsOnALabSheet()
    {
        QCOMPARE(LabResult::displayUnit(QStringLiteral("10*3/uL")), QStringLiteral("×10³/µL"));
        QCOMPARE(LabResult::displayUnit(QStringLiteral("10*4/uL")), QStringLiteral("×10⁴/µL"));
        QCOMPARE(LabResult::displayUnit(QStringLiteral("10*12/L")), QStringLiteral("×10¹²/L"));
        QCOMPARE(LabResult::displayUnit(QStringLiteral("ug/mL")), QStringLiteral("µg/mL"));
        QCOMPARE(LabResult::displayUnit(QStringLiteral("umol/L")), QStringLiteral("µmol/L"));
        for (const char* same : {"U/L", "mg/dL", "g/dL", "mmol/L", "%", "mL/min/{1.73_m2}", "IU/L"})
            QCOMPARE(LabResult::displayUnit(QLatin1String(same)), QLatin1String(same));
    }

    void diffIsReadable()
    {
        RecordVersion r;
        r.recordId = QStringLiteral("3f2a0000-0000-4000-8000-000000000001");
        r.patientId = QStringLiteral("P000001");
        r.type = QStringLiteral("progress-note");
        r.author = QStringLiteral("N000000001");
        r.compartment = QStringLiteral("W3");
        RecordContent c = samples().at(6);
        QVERIFY(RecordCodec::writeBody(&r, c, QByteArray()).isEmpty());
        RecordVersion r2 = r;
        r2.version = 2;
        ClinicalNote n = *c.note();
        n.plan = QStringLiteral("B");
        n.subjective.clear();
        n.objective = QStringLiteral("O");
        c.data = n;
        QVERIFY(RecordCodec::writeBody(&r2, c, r.body).isEmpty());
        const auto changes = RecordDiff::between(r.body, r2.body);
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes.at(0).field, QStringLiteral("subjective"));
        QCOMPARE(changes.at(0).kind, FieldChange::Kind::Removed);
        QCOMPARE(changes.at(1).field, QStringLiteral("plan"));
        QCOMPARE(changes.at(1).kind, FieldChange::Kind::Changed);
        QCOMPARE(changes.at(1).after, QStringLiteral("B"));
        QCOMPARE(changes.at(2).kind, FieldChange::Kind::Added);
        QVERIFY(RecordDiff::between(r.body, r.body).isEmpty());
        QCOMPARE(RecordDiff::between("not json", "other").size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRecordCodec)
#include "TestRecordCodec.moc"
