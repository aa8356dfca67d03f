// The pure readers of the hub's request bodies (RequestBody, SessionRequest, RecordSubmission): what a well-formed
// body yields, and that each malformed shape is a 400 with a reason. The same functions are fuzzed by
// tests/fuzz/FuzzHubRequests.cpp; inputs the fuzzer finds harmful are pinned here.
#include "hub/HubError.h"
#include "hub/directory/SessionRequest.h"
#include "hub/http/RequestBody.h"
#include "hub/records/RecordSubmission.h"
#include "records/RecordCodec.h"
#include "records/RecordEnvelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ward;
using namespace ward::hub;

namespace {

// A real signed-body shape: a vital-signs resource from the codec inside its envelope (issue 9).
RecordEnvelope vitalSignsEnvelope()
{
    RecordContent content;
    content.type = QStringLiteral("vital-signs");
    content.patientId = QStringLiteral("P000123");
    content.author = QStringLiteral("NURSE00001");
    content.clinicalTime = QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
    VitalSigns vitals;
    vitals.temperature = 37.2;
    content.data = vitals;
    RecordEnvelope e;
    e.recordId = QStringLiteral("3f2b8c1e-9d4a-4e7b-8a61-2c5d7e9f0a1b");
    e.patientId = content.patientId;
    e.type = content.type;
    e.author = content.author;
    e.compartment = QStringLiteral("W3");
    e.clinicalTime = content.clinicalTime;
    e.resource = RecordCodec::encode(content);
    return e;
}

QJsonObject validRecord()
{
    const RecordEnvelope e = vitalSignsEnvelope();
    return {{QStringLiteral("recordId"), e.recordId},
            {QStringLiteral("version"), 1},
            {QStringLiteral("patientId"), e.patientId},
            {QStringLiteral("type"), QStringLiteral("vital_signs")},
            {QStringLiteral("ward"), e.compartment},
            {QStringLiteral("author"), e.author},
            {QStringLiteral("prevHash"), QString()},
            {QStringLiteral("body"), QString::fromLatin1(e.encode().toBase64())},
            {QStringLiteral("signature"), QStringLiteral("MAA=")}};
}

template <typename Read>
int statusOf(Read read)
{
    try {
        read();
    } catch (const HubError& e) {
        return e.httpStatus();
    }
    return 200;
}

} // namespace

class TestHubRequests : public QObject
{
    Q_OBJECT

private slots:
    void bodyMustBeAJsonObject()
    {
        QCOMPARE(RequestBody::parseObject(R"({"a":1})").value(QStringLiteral("a")).toInt(), 1);
        for (const QByteArray& bad : {QByteArray(), QByteArray("[]"), QByteArray("{"), QByteArray("\"x\""),
                                      QByteArray("{\"a\":1} x")}) {
            try {
                RequestBody::parseObject(bad);
                QFAIL(bad.constData());
            } catch (const HubError& e) {
                QCOMPARE(e.code(), QStringLiteral("bad_json"));
                QCOMPARE(e.httpStatus(), 400);
            }
        }
    }

    void requiredStringIsBounded()
    {
        const QJsonObject body{{QStringLiteral("code"), QStringLiteral("ABC")}, {QStringLiteral("n"), 5}};
        QCOMPARE(RequestBody::requiredString(body, "code", 3), QStringLiteral("ABC"));
        QCOMPARE(statusOf([&] { RequestBody::requiredString(body, "code", 2); }), 400);
        QCOMPARE(statusOf([&] { RequestBody::requiredString(body, "n", 64); }), 400);
        QCOMPARE(statusOf([&] { RequestBody::requiredString(body, "missing", 64); }), 400);
    }

    void loginNeedsUserPasswordAndCardProof()
    {
        const QJsonObject proof{{QStringLiteral("kind"), QStringLiteral("uid")}, {QStringLiteral("uid"), QStringLiteral("0102")}};
        const QJsonObject good{{QStringLiteral("userId"), QStringLiteral("NURSE00001")},
                               {QStringLiteral("password"), QStringLiteral("pw")},
                               {QStringLiteral("cardProof"), proof}};
        const SessionRequest r = SessionRequest::login(good);
        QCOMPARE(r.userId, QStringLiteral("NURSE00001"));
        QCOMPARE(r.password, QStringLiteral("pw"));
        QCOMPARE(r.cardProof, proof);

        QJsonObject longPassword = good;
        longPassword[QStringLiteral("password")] = QString(SessionRequest::kMaxPasswordLength + 1, QLatin1Char('x'));
        QJsonObject numberPassword = good;
        numberPassword[QStringLiteral("password")] = 1234;
        QJsonObject shortId = good;
        shortId[QStringLiteral("userId")] = QStringLiteral("NURSE");
        QJsonObject noProof = good;
        noProof.remove(QStringLiteral("cardProof"));
        for (const QJsonObject& bad : {longPassword, numberPassword, shortId, noProof})
            QCOMPARE(statusOf([&] { SessionRequest::login(bad); }), 400);
    }

    void fallbackAndPasswordChangeAreChecked()
    {
        const QJsonObject fallback{{QStringLiteral("userId"), QStringLiteral("NURSE00001")},
                                   {QStringLiteral("code"), QStringLiteral("483920")},
                                   {QStringLiteral("password"), QStringLiteral("pw")}};
        QCOMPARE(SessionRequest::fallbackLogin(fallback).code, QStringLiteral("483920"));
        QJsonObject longCode = fallback;
        longCode[QStringLiteral("code")] = QString(SessionRequest::kMaxCodeLength + 1, QLatin1Char('1'));
        QCOMPARE(statusOf([&] { SessionRequest::fallbackLogin(longCode); }), 400);

        QJsonObject change = fallback;
        change.remove(QStringLiteral("code"));
        change[QStringLiteral("newPassword")] = QStringLiteral("new");
        QCOMPARE(statusOf([&] { SessionRequest::passwordChange(change); }), 400); // no cardProof
        change[QStringLiteral("cardProof")] = QJsonObject{{QStringLiteral("kind"), QStringLiteral("piv")}};
        QCOMPARE(SessionRequest::passwordChange(change).newPassword, QStringLiteral("new"));
    }

    void batchIsCheckedWhole()
    {
        QCOMPARE(RecordSubmission::batch({{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), QJsonArray{validRecord()}}}).size(), 1);
        QCOMPARE(statusOf([] { RecordSubmission::batch({{QStringLiteral("protocol"), 99}, {QStringLiteral("records"), QJsonArray{1}}}); }), 400);
        QCOMPARE(statusOf([] { RecordSubmission::batch({{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), QJsonArray{}}}); }), 400);
        QJsonArray tooMany;
        for (int i = 0; i <= RecordSubmission::kMaxRecords; ++i)
            tooMany.append(i);
        QCOMPARE(statusOf([&] { RecordSubmission::batch({{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), tooMany}}); }), 400);
    }

    void recordShapeIsChecked()
    {
        RecordSubmission r;
        QCOMPARE(RecordSubmission::parse(validRecord(), &r), QString());
        QCOMPARE(r.version, 1);
        QCOMPARE(r.body, vitalSignsEnvelope().encode());
        QCOMPARE(r.signer, QStringLiteral("NURSE00001"));

        const auto with = [](const char* key, const QJsonValue& value) {
            QJsonObject o = validRecord();
            o[QLatin1String(key)] = value;
            return o;
        };
        const QList<QJsonObject> bad{
            with("recordId", QStringLiteral("3F2B8C1E-9D4A-4E7B-8A61-2C5D7E9F0A1B")), // upper case
            with("version", 1.5),
            with("version", 0),
            with("type", QStringLiteral("Vital")),
            with("ward", QStringLiteral("W 3")),
            with("prevHash", QStringLiteral("ab")),
            with("prevHash", QString(64, QLatin1Char('a'))), // version 1 links to nothing
            with("body", QStringLiteral("not base64!")),
            with("body", QString()),
            with("signature", 7),
            with("body", QStringLiteral("e30=")), // "{}": not an envelope
            with("patientId", QStringLiteral("P000999")), // not the patient that was signed
        };
        for (const QJsonObject& o : bad) {
            RecordSubmission s;
            QVERIFY2(!RecordSubmission::parse(o, &s).isEmpty(), qPrintable(QString::fromUtf8(QJsonDocument(o).toJson())));
        }
        RecordSubmission s;
        QVERIFY(!RecordSubmission::parse(QJsonValue(QStringLiteral("x")), &s).isEmpty());
    }

    void flagRecordsAreAcceptedOnlyWellFormed()
    {
        // Issue 11: an alert flag is a FHIR Flag through the one codec; the hub takes it like any record and
        // refuses a malformed one naming the field, before anything is stored.
        auto submission = [](const QByteArray& resource, const QString& type = QStringLiteral("flag")) {
            RecordEnvelope e = vitalSignsEnvelope();
            e.type = type;
            e.resource = resource;
            QJsonObject o = validRecord();
            o[QStringLiteral("type")] = QString(type).replace(QLatin1Char('-'), QLatin1Char('_'));
            o[QStringLiteral("body")] = QString::fromLatin1(e.encode().toBase64());
            return o;
        };
        RecordContent content;
        content.type = QStringLiteral("flag");
        content.patientId = QStringLiteral("P000123");
        content.author = QStringLiteral("NURSE00001");
        content.clinicalTime = QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
        PatientFlag flag;
        flag.kind = PatientFlag::Kind::FallRisk;
        flag.text = QStringLiteral("転倒転落リスク（危険度II）");
        content.data = flag;
        const QByteArray good = RecordCodec::encode(content);
        RecordSubmission ok;
        QCOMPARE(RecordSubmission::parse(submission(good), &ok), QString());
        QCOMPARE(ok.type, QStringLiteral("flag"));

        QJsonObject noText = QJsonDocument::fromJson(good).object();
        QJsonObject code = noText[QStringLiteral("code")].toObject();
        code.remove(QStringLiteral("text"));
        noText[QStringLiteral("code")] = code;
        QJsonObject unknownCode = QJsonDocument::fromJson(good).object();
        unknownCode[QStringLiteral("code")] = QJsonObject{
            {QStringLiteral("coding"), QJsonArray{QJsonObject{{QStringLiteral("system"), QLatin1String(RecordCodec::kWardFlagSystem)},
                                                              {QStringLiteral("code"), QStringLiteral("vip")}}}},
            {QStringLiteral("text"), QStringLiteral("VIP")}};
        QJsonObject preliminary = QJsonDocument::fromJson(good).object();
        preliminary[QStringLiteral("status")] = QStringLiteral("draft");
        const QList<std::pair<QByteArray, QString>> bad{
            {QJsonDocument(noText).toJson(QJsonDocument::Compact), QStringLiteral("invalid_body: text:")},
            {QJsonDocument(unknownCode).toJson(QJsonDocument::Compact), QStringLiteral("invalid_body: kind:")},
            {QJsonDocument(preliminary).toJson(QJsonDocument::Compact), QStringLiteral("invalid_body: status:")},
        };
        for (const auto& [body, reason] : bad) {
            RecordSubmission s;
            const QString why = RecordSubmission::parse(submission(body), &s);
            QVERIFY2(why.startsWith(reason), qPrintable(why));
        }
        // A Flag sent under another record type disagrees with its envelope.
        RecordSubmission s;
        QVERIFY(RecordSubmission::parse(submission(good, QStringLiteral("allergy")), &s).startsWith(QStringLiteral("invalid_body: type:")));
    }
};

QTEST_GUILESS_MAIN(TestHubRequests)
#include "TestHubRequests.moc"
