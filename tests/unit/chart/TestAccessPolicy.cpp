#include "policy/AccessPolicy.h"
#include "session/UserSession.h"

#include <QtTest>

using namespace ward;

namespace {

UserSession user(const QString& role, const QStringList& compartments = {QStringLiteral("W3")})
{
    UserSession u;
    u.userId = QStringLiteral("U000000001");
    u.roles = {role};
    u.compartments = compartments;
    return u;
}

const QString kProgress = QStringLiteral("progress-note");
const QString kNursing = QStringLiteral("nursing-note");
const QString kVitals = QStringLiteral("vital-signs");
const QString kMeds = QStringLiteral("medication-order");

} // namespace

class TestAccessPolicy : public QObject
{
    Q_OBJECT

private slots:
    void defaultPolicyShipsFiveRoles()
    {
        const AccessPolicy p = AccessPolicy::defaultPolicy();
        QStringList roles = p.roles();
        roles.sort();
        QCOMPARE(roles, (QStringList{"clerk", "doctor", "emergency", "nurse", "pharmacist"}));
        // BCP-1: the emergency account reads the ward and records, but orders nothing and exports nothing.
        const QStringList emergency{QStringLiteral("emergency")};
        QVERIFY(p.permits(emergency, RecordAction::Read, QStringLiteral("lab-result"), 2));
        QVERIFY(p.permits(emergency, RecordAction::Write, QStringLiteral("nursing-note"), 2));
        QVERIFY(!p.permits(emergency, RecordAction::Write, kMeds, 3));
        QVERIFY(!p.permits(emergency, RecordAction::Export, QStringLiteral("nursing-note"), 2));
        QVERIFY(!p.permits(emergency, RecordAction::Read, QStringLiteral("progress-note"), 4));
        QCOMPARE(p.defaultClassification(kMeds), 3);
        QCOMPARE(p.defaultClassification(QStringLiteral("unknown-type")), 2);
    }

    // An office session (reception, IT, audit) reads no records, so the terminal opens it on its own workspace.
    void officeRolesReadNoRecords()
    {
        const AccessPolicy p = AccessPolicy::defaultPolicy();
        QVERIFY(p.readsAnyRecord({QStringLiteral("pharmacist")}));
        QVERIFY(p.readsAnyRecord({QStringLiteral("auditor"), QStringLiteral("clerk")}));
        QVERIFY(!p.readsAnyRecord({QStringLiteral("auditor")}));
        QVERIFY(!p.readsAnyRecord({QStringLiteral("it"), QStringLiteral("reception")}));
        QVERIFY(!p.readsAnyRecord({}));
    }

    // Proves: CL-2
    void rolesGetWhatThePolicySays()
    {
        const AccessPolicy p = AccessPolicy::defaultPolicy();
        // Doctor: everything up to IV.
        QVERIFY(p.canConfirm(user("doctor"), kProgress, 4));
        QVERIFY(p.canApprove(user("doctor"), kMeds, 3));
        // Nurse: confirms nursing notes and vitals, not progress notes; proxy-enters them instead.
        QVERIFY(p.canConfirm(user("nurse"), kNursing, 2));
        QVERIFY(p.canConfirm(user("nurse"), kVitals, 2));
        QVERIFY(!p.canConfirm(user("nurse"), kProgress, 2));
        QVERIFY(!p.canWrite(user("nurse"), kProgress, 2));
        QVERIFY(p.canProxyEnter(user("nurse"), kProgress, 2));
        QVERIFY(!p.canApprove(user("nurse"), kProgress, 2));
        // Nurse reads up to III only.
        QVERIFY(p.canRead(user("nurse"), kProgress, 3));
        QVERIFY(!p.canRead(user("nurse"), kProgress, 4));
        // Clerk: proxy entry only, reads a narrow set.
        QVERIFY(p.canProxyEnter(user("clerk"), kMeds, 3));
        QVERIFY(!p.canWrite(user("clerk"), kNursing, 2));
        QVERIFY(!p.canRead(user("clerk"), kVitals, 2));
        // Pharmacist: read-only.
        QVERIFY(p.canRead(user("pharmacist"), kMeds, 3));
        QVERIFY(!p.canWrite(user("pharmacist"), kMeds, 3));
        QVERIFY(!p.canRead(user("pharmacist"), kNursing, 2));
        // Unknown roles and invalid classifications get nothing.
        QVERIFY(!p.canRead(user("janitor"), kNursing, 1));
        QVERIFY(!p.canRead(user("doctor"), kNursing, 5));
        QVERIFY(!p.canRead(user("doctor"), kNursing, 0));
    }

    // Proves: AC-1
    void hospitalDefinesItsOwnRoles()
    {
        // AC-1: a role the code has never heard of works when the policy defines it.
        const QByteArray json = R"({"format":"wardstation-access-policy","version":7,
            "roles":{"midwife":[{"actions":["read","write","confirm"],"types":["nursing-note"],"maxClassification":2}]}})";
        QString error;
        const auto p = AccessPolicy::fromJson(json, &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->version(), 7);
        QVERIFY(p->canConfirm(user("midwife"), kNursing, 2));
        QVERIFY(!p->canConfirm(user("midwife"), kNursing, 3));
        QVERIFY(!p->canConfirm(user("doctor"), kNursing, 1));
    }

    void malformedPoliciesAreRefusedWhole_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{roles:");
        QTest::newRow("wrong format") << QByteArray(R"({"format":"x","version":1,"roles":{"a":[]}})");
        QTest::newRow("no version") << QByteArray(R"({"format":"wardstation-access-policy","roles":{"a":[]}})");
        QTest::newRow("no roles") << QByteArray(R"({"format":"wardstation-access-policy","version":1,"roles":{}})");
        QTest::newRow("unknown action") << QByteArray(
            R"({"format":"wardstation-access-policy","version":1,"roles":{"a":[{"actions":["delete"],"types":["*"],"maxClassification":2}]}})");
        QTest::newRow("classification V") << QByteArray(
            R"({"format":"wardstation-access-policy","version":1,"roles":{"a":[{"actions":["read"],"types":["*"],"maxClassification":5}]}})");
        QTest::newRow("no types") << QByteArray(
            R"({"format":"wardstation-access-policy","version":1,"roles":{"a":[{"actions":["read"],"types":[],"maxClassification":2}]}})");
        QTest::newRow("bad type classification") << QByteArray(
            R"({"format":"wardstation-access-policy","version":1,"recordTypes":{"x":{"classification":0}},"roles":{"a":[{"actions":["read"],"types":["*"],"maxClassification":2}]}})");
    }

    void malformedPoliciesAreRefusedWhole()
    {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!AccessPolicy::fromJson(json, &error));
        QVERIFY(!error.isEmpty());
    }

    // Proves: AC-2
    void compartments()
    {
        const AccessPolicy p = AccessPolicy::defaultPolicy();
        QCOMPARE(p.compartmentAccess(user("nurse", {"W3"}), QStringLiteral("W3")), CompartmentAccess::Member);
        QCOMPARE(p.compartmentAccess(user("nurse", {"W3"}), QStringLiteral("W4")), CompartmentAccess::NeedsReason);
        QCOMPARE(p.compartmentAccess(user("doctor", {"W3"}), QStringLiteral("PSY")), CompartmentAccess::Denied);
        QCOMPARE(p.compartmentAccess(user("doctor", {"PSY"}), QStringLiteral("PSY")), CompartmentAccess::Member);
    }
};

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "TestAccessPolicy.moc"
