// CFG-2: SignedPolicy (canonical bytes, the hub's signature, the terminal's verdict) and PolicyRules (the field
// rules the editor, `wardhub policy set` and the terminals apply alike).

#include "crypto/CertificateAuthority.h"
#include "policy/PolicyRules.h"
#include "policy/SignedPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ward;

namespace {

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QStringList fields(const QList<PolicyFieldError>& errors)
{
    QStringList out;
    for (const PolicyFieldError& e : errors)
        out << e.field;
    return out;
}

} // namespace

class TestSignedPolicy : public QObject
{
    Q_OBJECT

    const QDateTime m_now = QDateTime::currentDateTimeUtc();
    CertificateAuthority m_hub = CertificateAuthority::create(QStringLiteral("WardStation Hub CA"), 365, m_now);
    CertificateAuthority m_otherHub = CertificateAuthority::create(QStringLiteral("WardStation Hub CA"), 365, m_now);
    const QJsonObject m_policy = json(R"({"session": {"idleLockSeconds": 120, "idleWarningSeconds": 10},
                                          "password": {"minLength": 12}, "cards": {"allowUidBadges": false}})");

    SignedPolicy signedBy(CertificateAuthority& ca, const QString& signerName, int version, const QJsonObject& policy)
    {
        auto [key, cert] = ca.issueWithNewKey(CertificateProfile::StaffSigning, signerName, 30, m_now);
        SignedPolicy p;
        p.version = version;
        p.policy = policy;
        p.signature = SignedPolicy::sign(version, policy, cert, key);
        return p;
    }

    SignedPolicy hubSigned(int version, const QJsonObject& policy)
    {
        return signedBy(m_hub, QString::fromLatin1(SignedPolicy::kSignerName), version, policy);
    }

private slots:
    void canonicalBytesAreSortedCompactJson()
    {
        const QJsonObject a = json(R"({"b": 1, "a": {"y": true, "x": "日本"}})");
        const QJsonObject b = json(R"({ "a": {"x": "日本", "y": true},
                                         "b": 1 })");
        QCOMPARE(SignedPolicy::canonicalBytes(3, a), SignedPolicy::canonicalBytes(3, b));
        QCOMPARE(SignedPolicy::canonicalBytes(3, a), QByteArray(R"({"policy":{"a":{"x":"日本","y":true},"b":1},"version":3})"));
        QVERIFY(SignedPolicy::canonicalBytes(3, a) != SignedPolicy::canonicalBytes(4, a));
    }

    // Proves: CFG-2
    void hubSignedNewerValidVersionIsAccepted()
    {
        const SignedPolicy p = hubSigned(5, m_policy);
        QVERIFY(!p.signature.isEmpty());
        // Through the change feed's item, as the terminal receives it.
        const SignedPolicy received = SignedPolicy::fromFeedItem(QJsonDocument::fromJson(QJsonDocument(p.toFeedItem()).toJson()).object());
        QCOMPARE(received.signature, p.signature);
        const SignedPolicy::Verdict v = received.check({m_hub.certificate()}, 4);
        QVERIFY2(v.accepted(), qPrintable(v.message));
        QVERIFY(v.signedAt.isValid());
    }

    // Proves: CFG-2
    void eachRefusalHasItsCode()
    {
        const QList<Certificate> trusted{m_hub.certificate()};
        SignedPolicy unsignedPolicy;
        unsignedPolicy.version = 5;
        unsignedPolicy.policy = m_policy;
        QCOMPARE(unsignedPolicy.check(trusted, 4).refusal, SignedPolicy::Refusal::Unsigned);
        QVERIFY(!unsignedPolicy.toFeedItem().contains(QStringLiteral("signature")));

        // Another hub's policy certificate, even with the right name.
        const SignedPolicy other = signedBy(m_otherHub, QString::fromLatin1(SignedPolicy::kSignerName), 5, m_policy);
        QCOMPARE(other.check(trusted, 4).refusal, SignedPolicy::Refusal::BadSignature);

        // A staff signing certificate of the same hub cannot sign a policy.
        const SignedPolicy staff = signedBy(m_hub, QStringLiteral("ST00000001"), 5, m_policy);
        const SignedPolicy::Verdict wrong = staff.check(trusted, 4);
        QCOMPARE(wrong.refusal, SignedPolicy::Refusal::WrongSigner);
        QVERIFY(wrong.message.contains(QStringLiteral("ST00000001")));

        // A field changed after signing, or the version number changed.
        SignedPolicy tampered = hubSigned(5, m_policy);
        tampered.policy[QStringLiteral("session")] = json(R"({"idleLockSeconds": 28800})");
        QCOMPARE(tampered.check(trusted, 4).refusal, SignedPolicy::Refusal::BadSignature);
        SignedPolicy renumbered = hubSigned(5, m_policy);
        renumbered.version = 9;
        QCOMPARE(renumbered.check(trusted, 4).refusal, SignedPolicy::Refusal::BadSignature);

        // Signed by the hub but outside the terminals' rules (SES-1: the idle lock cannot be switched off).
        const SignedPolicy invalid = hubSigned(5, json(R"({"session": {"idleLockSeconds": 5}})"));
        const SignedPolicy::Verdict bad = invalid.check(trusted, 4);
        QCOMPARE(bad.refusal, SignedPolicy::Refusal::Invalid);
        QVERIFY(bad.message.contains(QStringLiteral("session.idleLockSeconds")));

        // Not newer than the version in force.
        QCOMPARE(hubSigned(4, m_policy).check(trusted, 4).refusal, SignedPolicy::Refusal::NotNewer);
        QCOMPARE(hubSigned(3, m_policy).check(trusted, 4).refusal, SignedPolicy::Refusal::NotNewer);
        QCOMPARE(SignedPolicy::refusalCode(SignedPolicy::Refusal::NotNewer), QStringLiteral("not_newer"));
    }

    void rulesNameTheFieldAtFault_data()
    {
        QTest::addColumn<QByteArray>("policy");
        QTest::addColumn<QString>("field");
        QTest::newRow("password length") << QByteArray(R"({"password": {"minLength": 4}})") << QStringLiteral("password.minLength");
        QTest::newRow("password section") << QByteArray(R"({"password": 8})") << QStringLiteral("password");
        QTest::newRow("idle lock") << QByteArray(R"({"session": {"idleLockSeconds": 5}})") << QStringLiteral("session.idleLockSeconds");
        QTest::newRow("warning vs lock") << QByteArray(R"({"session": {"idleLockSeconds": 60, "idleWarningSeconds": 90}})")
                                         << QStringLiteral("session.idleWarningSeconds");
        QTest::newRow("card removal") << QByteArray(R"({"session": {"cardRemoval": "ignore"}})") << QStringLiteral("session.cardRemoval");
        QTest::newRow("uid badges") << QByteArray(R"({"cards": {"allowUidBadges": "yes"}})") << QStringLiteral("cards.allowUidBadges");
        QTest::newRow("help contact") << QByteArray(R"({"help": {"contact": 42}})") << QStringLiteral("help.contact");
        QTest::newRow("offline grace") << QByteArray(R"({"records": {"offlineGraceHours": 0}})") << QStringLiteral("records.offlineGraceHours");
        QTest::newRow("clock") << QByteArray(R"({"clock": {"skewWarningSeconds": 0}})") << QStringLiteral("clock.skewWarningSeconds");
        QTest::newRow("access action") << QByteArray(R"({"access": {"format": "wardstation-access-policy", "version": 1,
            "roles": {"pharmacist": [{"actions": ["dispense"], "types": ["*"], "maxClassification": 3}]}}})")
                                       << QStringLiteral("access");
    }

    void rulesNameTheFieldAtFault()
    {
        QFETCH(QByteArray, policy);
        QFETCH(QString, field);
        const QList<PolicyFieldError> errors = PolicyRules::check(QJsonDocument::fromJson(policy).object());
        QCOMPARE(fields(errors), QStringList{field});
        QVERIFY(!errors.first().message.isEmpty());
    }

    void validDocumentsPass()
    {
        QVERIFY(PolicyRules::check(QJsonObject()).isEmpty());
        QVERIFY(PolicyRules::check(m_policy).isEmpty());
        // AC-1: the hospital's own role.
        QVERIFY(PolicyRules::check(json(R"({"access": {"format": "wardstation-access-policy", "version": 2,
            "roles": {"dietitian": [{"actions": ["read"], "types": ["allergy"], "maxClassification": 2}]}}})")).isEmpty());
        QVERIFY(PolicyRules::allowsUidBadges(json(R"({"cards": {"allowUidBadges": true}})")));
        QVERIFY(!PolicyRules::allowsUidBadges(json(R"({"cards": {"allowUidBadges": "true"}})")));
        QCOMPARE(PolicyRules::offlineGraceHours(json(R"({"records": {"offlineGraceHours": 24}})")), 24);
        QCOMPARE(PolicyRules::offlineGraceHours(json(R"({"records": {"offlineGraceHours": 9999}})")), PolicyRules::kDefaultOfflineGraceHours);
    }

    void diffListsChangedLeavesOnly()
    {
        const QJsonObject before = json(R"({"session": {"idleLockSeconds": 300, "cardRemoval": "lock"}, "help": {"contact": "IT"},
                                            "access": {"roles": {"nurse": [1], "doctor": [2]}}})");
        const QJsonObject after = json(R"({"session": {"idleLockSeconds": 120, "cardRemoval": "lock"}, "password": {"minLength": 10},
                                           "access": {"roles": {"nurse": [1], "doctor": [2], "dietitian": [3]}}})");
        const QList<PolicyFieldChange> changes = PolicyRules::diff(before, after);
        QStringList names;
        for (const PolicyFieldChange& c : changes)
            names << c.field;
        QCOMPARE(names, (QStringList{QStringLiteral("access.roles.dietitian"), QStringLiteral("help.contact"),
                                     QStringLiteral("password.minLength"), QStringLiteral("session.idleLockSeconds")}));
        QVERIFY(changes.at(0).before.isUndefined());
        QCOMPARE(changes.at(0).after, QJsonValue(QJsonArray{3}));
        QCOMPARE(changes.at(1).after.type(), QJsonValue::Undefined);
        QCOMPARE(changes.at(3).before.toInt(), 300);
        QCOMPARE(changes.at(3).after.toInt(), 120);
        QVERIFY(PolicyRules::diff(before, before).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSignedPolicy)
#include "TestSignedPolicy.moc"
