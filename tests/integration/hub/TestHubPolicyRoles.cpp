// Issue 13, AC-1 and AC-4 for the policy editor's roles, against a real wardhub over loopback mutual TLS and its
// database: a role added to the hospital policy is in the hub's roles table (with a new change sequence, so terminals
// replicate it) and the reception desk can assign it at once; removing a role somebody holds is refused with how
// many hold it; a version granting a privileged permission waits for a second holder of policy.manage (self-approval
// refused), is signed and applied on approval, and a refusal leaves the version in force.

#include "AdminHubTest.h"

#include "crypto/Certificate.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/KeyPair.h"
#include "hub/storage/HubDatabase.h"
#include "policy/SignedPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>

using ward::Certificate;
using ward::CertificateAuthority;
using ward::CertificateProfile;
using ward::KeyPair;
using ward::SignedPolicy;

class TestHubPolicyRoles : public AdminHubTest
{
    Q_OBJECT

    static QString it1() { return QStringLiteral("ITSTAFF001"); }
    static QString it2() { return QStringLiteral("ITSTAFF002"); }
    static QString clerk() { return QStringLiteral("RECEPTION1"); }
    static QString nurse() { return QStringLiteral("NURSE00001"); }

    bool firstPassword(const QString& id, const QString& temporary, const QString& password)
    {
        m_passwords.insert(id, password);
        const HubReply r = m_terminal->postJson(QStringLiteral("/api/v1/password"),
                                                {{QStringLiteral("userId"), id}, {QStringLiteral("password"), temporary},
                                                 {QStringLiteral("newPassword"), password},
                                                 {QStringLiteral("cardProof"), m_terminal->pivProof(*m_cards[id])}});
        return r.status == 200;
    }

    // The policy in force as the editor receives it, and its version.
    QJsonObject inForce(const QString& token, int* version)
    {
        const HubReply r = as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/policy"));
        *version = r.json.value(QStringLiteral("version")).toInt();
        return r.json.value(QStringLiteral("policy")).toObject();
    }

    static QJsonObject withRole(QJsonObject policy, const QString& role, const QJsonArray& grants, const QStringList& hubPermissions)
    {
        QJsonObject access = policy.value(QStringLiteral("access")).toObject();
        if (access.isEmpty())
            access = {{QStringLiteral("format"), QStringLiteral("wardstation-access-policy")}, {QStringLiteral("version"), 1}};
        QJsonObject roles = access.value(QStringLiteral("roles")).toObject();
        roles.insert(role, grants);
        access.insert(QStringLiteral("roles"), roles);
        policy.insert(QStringLiteral("access"), access);
        QJsonObject admin = policy.value(QStringLiteral("admin")).toObject();
        QJsonObject permissions = admin.value(QStringLiteral("rolePermissions")).toObject();
        permissions.insert(role, QJsonArray::fromStringList(hubPermissions));
        admin.insert(QStringLiteral("rolePermissions"), permissions);
        policy.insert(QStringLiteral("admin"), admin);
        return policy;
    }

    static QJsonObject withoutRole(QJsonObject policy, const QString& role)
    {
        QJsonObject access = policy.value(QStringLiteral("access")).toObject();
        QJsonObject roles = access.value(QStringLiteral("roles")).toObject();
        roles.remove(role);
        access.insert(QStringLiteral("roles"), roles);
        policy.insert(QStringLiteral("access"), access);
        QJsonObject admin = policy.value(QStringLiteral("admin")).toObject();
        QJsonObject permissions = admin.value(QStringLiteral("rolePermissions")).toObject();
        permissions.remove(role);
        admin.insert(QStringLiteral("rolePermissions"), permissions);
        policy.insert(QStringLiteral("admin"), admin);
        return policy;
    }

    static QJsonArray pharmacyGrants()
    {
        return {QJsonObject{{QStringLiteral("actions"), QJsonArray{QStringLiteral("read")}},
                            {QStringLiteral("types"), QJsonArray{QStringLiteral("medication-order"), QStringLiteral("allergy")}},
                            {QStringLiteral("maxClassification"), 3}}};
    }

    HubReply save(const QString& token, const QJsonObject& policy, int baseVersion, const QString& reason)
    {
        return as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/policy"),
                  {{QStringLiteral("policy"), policy}, {QStringLiteral("baseVersion"), baseVersion}, {QStringLiteral("reason"), reason}});
    }

    // The desk gives the nurse these roles (the reception clerk's session).
    HubReply assign(const QStringList& roles)
    {
        const QString token = login(clerk());
        const qint64 version = value(QStringLiteral("SELECT version FROM users WHERE id = ?"), {nurse()}).toLongLong();
        return as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff/roles"),
                  {{QStringLiteral("userId"), nurse()}, {QStringLiteral("version"), version}, {QStringLiteral("reason"), QStringLiteral("薬剤部へ異動")},
                   {QStringLiteral("roles"), QJsonArray::fromStringList(roles)}, {QStringLiteral("wards"), QJsonArray{QStringLiteral("W3")}}});
    }

    // The role items of the terminal's change feed.
    QHash<QString, QJsonObject> feedRoles(qint64 cursor)
    {
        QHash<QString, QJsonObject> roles;
        const HubReply r = m_terminal->get(QStringLiteral("/api/v1/changes?cursor=%1&limit=1000").arg(cursor));
        for (const QJsonValue& v : r.json.value(QStringLiteral("items")).toArray())
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("role"))
                roles.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        return roles;
    }

    QJsonObject feedPolicy()
    {
        QJsonObject newest;
        const HubReply r = m_terminal->get(QStringLiteral("/api/v1/changes?cursor=0&limit=1000"));
        for (const QJsonValue& v : r.json.value(QStringLiteral("items")).toArray())
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("policy"))
                newest = v.toObject();
        return newest;
    }

    QStringList permissionsOf(const QString& role)
    {
        QStringList out;
        for (const QJsonValue& v : QJsonDocument::fromJson(value(QStringLiteral("SELECT permissions FROM roles WHERE id = ?"), {role}).toString().toUtf8()).array())
            out << v.toString();
        return out;
    }

private slots:
    void init()
    {
        m_cards.clear();
        m_passwords.clear();
        m_hub = std::make_unique<HubProcess>(QStringLiteral("policy_roles_") + QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(m_hub->init());
        QVERIFY(m_hub->admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3")}));
        m_passwords.insert(clerk(), QStringLiteral("Uketsuke-001!x"));
        QVERIFY(m_hub->bootstrapRegistrar(clerk(), m_passwords[clerk()]));
        QVERIFY(bindCard(clerk()));
        const QString t1 = m_hub->addStaff(it1(), QStringLiteral("情報 一郎"), QStringLiteral("it"), QStringLiteral("W3"), true);
        const QString t2 = m_hub->addStaff(it2(), QStringLiteral("情報 二郎"), QStringLiteral("it"), QStringLiteral("W3"), true);
        QVERIFY(!t1.isEmpty() && !t2.isEmpty());
        QVERIFY(!m_hub->addStaff(nurse(), QStringLiteral("看護 花子"), QStringLiteral("nurse"), QStringLiteral("W3")).isEmpty());
        QVERIFY(bindCard(it1()));
        QVERIFY(bindCard(it2()));
        QVERIFY(m_hub->start());
        m_terminal = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"));
        QVERIFY(m_terminal);
        QVERIFY(firstPassword(it1(), t1, QStringLiteral("Jouhou-Ichiro1!")));
        QVERIFY(firstPassword(it2(), t2, QStringLiteral("Jouhou-Jiro22!")));
    }

    void cleanup()
    {
        m_terminal.reset();
        m_hub->stop();
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->log().constData());
        m_hub.reset();
    }

    // AC-1: the hospital adds "pharmacist" in the policy editor; the desk assigns it right after; terminals get it.
    // Proves: AC-1
    void aRoleAddedInThePolicyIsAssignableAtTheDesk()
    {
        const HubReply before = assign({QStringLiteral("pharmacist")});
        QCOMPARE(before.status, 400); // not a role of this hospital yet
        QVERIFY(before.body.contains("pharmacist"));

        const QString token = login(it1());
        int version = 0;
        const QJsonObject policy = inForce(token, &version);
        // The editor sees every role of the hub with its hub permissions.
        const QJsonObject held = policy.value(QStringLiteral("admin")).toObject().value(QStringLiteral("rolePermissions")).toObject();
        QCOMPARE(held.value(QStringLiteral("it")).toArray(), (QJsonArray{QStringLiteral("terminals.manage"), QStringLiteral("policy.manage")}));
        QVERIFY(held.contains(QStringLiteral("nurse")));
        const qint64 cursor = value(QStringLiteral("SELECT MAX(seq) FROM roles")).toLongLong();

        const HubReply saved = save(token, withRole(policy, QStringLiteral("pharmacist"), pharmacyGrants(), {}), version, QStringLiteral("薬剤部の端末利用開始"));
        QCOMPARE(saved.status, 201);
        QCOMPARE(saved.json.value(QStringLiteral("version")).toInt(), version + 1);
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM roles WHERE id = 'pharmacist' AND removed_at IS NULL")).toInt(), 1);
        QCOMPARE(permissionsOf(QStringLiteral("pharmacist")), QStringList());
        // A new change sequence: the next sync of every terminal brings the role (the terminals' desk offers it).
        QVERIFY(value(QStringLiteral("SELECT seq FROM roles WHERE id = 'pharmacist'")).toLongLong() > cursor);
        QVERIFY(feedRoles(cursor).contains(QStringLiteral("pharmacist")));

        const HubReply after = assign({QStringLiteral("pharmacist")});
        QVERIFY2(after.status == 200, after.body.constData());
        QCOMPARE(value(QStringLiteral("SELECT roles FROM users WHERE id = ?"), {nurse()}).toString(), QStringLiteral("[\"pharmacist\"]"));
        const QJsonObject audit = m_hub->auditEntries(QStringLiteral("policy.set")).last();
        QCOMPARE(audit.value(QStringLiteral("actor")).toString(), it1());
        QCOMPARE(audit.value(QStringLiteral("roles")).toObject().value(QStringLiteral("added")).toArray(), QJsonArray{QStringLiteral("pharmacist")});
    }

    // A role still held cannot go (with how many hold it); one nobody holds is removed and no longer assignable.
    void removingARoleSomebodyHoldsIsRefused()
    {
        const QString token = login(it1());
        int version = 0;
        QJsonObject policy = inForce(token, &version);
        policy = withRole(withRole(policy, QStringLiteral("pharmacist"), pharmacyGrants(), {}), QStringLiteral("dietitian"), pharmacyGrants(), {});
        QCOMPARE(save(token, policy, version, QStringLiteral("新しい職種")).status, 201);
        QCOMPARE(assign({QStringLiteral("pharmacist")}).status, 200);

        policy = inForce(token, &version);
        const HubReply refused = save(token, withoutRole(policy, QStringLiteral("pharmacist")), version, QStringLiteral("職種の整理"));
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.errorCode(), QStringLiteral("role_in_use"));
        const QString message = refused.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("pharmacist")) && message.contains(QStringLiteral("1 person")), qPrintable(message));
        int now = 0;
        inForce(token, &now);
        QCOMPARE(now, version); // nothing saved
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM roles WHERE id = 'pharmacist' AND removed_at IS NULL")).toInt(), 1);

        const qint64 cursor = value(QStringLiteral("SELECT MAX(seq) FROM roles")).toLongLong();
        QCOMPARE(save(token, withoutRole(policy, QStringLiteral("dietitian")), version, QStringLiteral("職種の整理")).status, 201);
        QVERIFY(!value(QStringLiteral("SELECT removed_at FROM roles WHERE id = 'dietitian'")).isNull());
        QCOMPARE(feedRoles(cursor).value(QStringLiteral("dietitian")).value(QStringLiteral("removed")).toBool(), true);
        const HubReply desk = assign({QStringLiteral("dietitian")});
        QCOMPARE(desk.status, 400);
        QVERIFY(desk.body.contains("dietitian"));
        QCOMPARE(m_hub->auditEntries(QStringLiteral("policy.set")).last().value(QStringLiteral("roles")).toObject().value(QStringLiteral("removed")).toArray(),
                 QJsonArray{QStringLiteral("dietitian")});
    }

    // Bad roles come back at their field, before anything is saved: a misspelt hub permission, a role id the desk
    // could not send.
    void badRolesAreRefusedAtTheirField()
    {
        const QString token = login(it1());
        int version = 0;
        const QJsonObject policy = inForce(token, &version);
        const auto errorsOf = [&](const QJsonObject& document) {
            QHash<QString, QString> out;
            const HubReply r = as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/policy/validate"), {{QStringLiteral("policy"), document}});
            for (const QJsonValue& e : r.json.value(QStringLiteral("errors")).toArray())
                out.insert(e.toObject().value(QStringLiteral("field")).toString(), e.toObject().value(QStringLiteral("message")).toString());
            return out;
        };
        const auto misspelt = errorsOf(withRole(policy, QStringLiteral("pharmacist"), pharmacyGrants(), {QStringLiteral("users.manag")}));
        QVERIFY2(misspelt.value(QStringLiteral("admin.rolePermissions")).contains(QStringLiteral("users.manag")), qPrintable(misspelt.keys().join(',')));
        const auto badId = errorsOf(withRole(policy, QStringLiteral("薬剤師 1"), pharmacyGrants(), {}));
        QVERIFY(badId.contains(QStringLiteral("access")) || badId.contains(QStringLiteral("admin.rolePermissions")));
        const HubReply refused = save(token, withRole(policy, QStringLiteral("pharmacist"), pharmacyGrants(), {QStringLiteral("users.manag")}), version,
                                      QStringLiteral("誤記"));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), QStringLiteral("invalid_policy"));
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM roles WHERE id = 'pharmacist'")).toInt(), 0);
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM policy_requests")).toInt(), 0);
    }

    // AC-4: a privileged grant is filed, not applied; the requester cannot approve it; a second IT person approves
    // and the hub signs and applies it; a refused request leaves the version in force.
    void aPrivilegedGrantWaitsForASecondPerson()
    {
        const QString first = login(it1());
        int version = 0;
        QCOMPARE(save(first, inForce(first, &version), version, QStringLiteral("基準版")).status, 201); // no privilege: saved directly
        const QJsonObject policy = inForce(first, &version);
        QCOMPARE(version, 1);
        const HubReply filed = save(first, withRole(policy, QStringLiteral("pharmacist"), pharmacyGrants(), {QStringLiteral("users.manage")}),
                                    version, QStringLiteral("薬剤部長に職員管理を委任"));
        QCOMPARE(filed.status, 202);
        QCOMPARE(filed.json.value(QStringLiteral("pending")).toBool(), true);
        QCOMPARE(filed.json.value(QStringLiteral("grants")).toArray(), QJsonArray{QStringLiteral("pharmacist: users.manage")});
        const QString requestId = filed.json.value(QStringLiteral("requestId")).toString();
        int now = 0;
        inForce(first, &now);
        QCOMPARE(now, version); // not applied
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM roles WHERE id = 'pharmacist'")).toInt(), 0);

        // The request with its changes against the version it was made on.
        const QJsonArray pending = as(first, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/policy/requests")).json.value(QStringLiteral("requests")).toArray();
        QCOMPARE(pending.size(), 1);
        const QJsonObject request = pending.first().toObject();
        QCOMPARE(request.value(QStringLiteral("requestedBy")).toString(), it1());
        QCOMPARE(request.value(QStringLiteral("baseVersion")).toInt(), version);
        QStringList fields;
        for (const QJsonValue& c : request.value(QStringLiteral("changes")).toArray())
            fields << c.toObject().value(QStringLiteral("field")).toString();
        // (access.format and access.version too: the base version had no access section.)
        QCOMPARE(fields, (QStringList{QStringLiteral("access.format"), QStringLiteral("access.roles.pharmacist"), QStringLiteral("access.version"),
                                      QStringLiteral("admin.rolePermissions.pharmacist")}));

        // Self-approval: refused, and so is a desk clerk without policy.manage.
        const HubReply self = as(first, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/policy/requests/approve"), {{QStringLiteral("requestId"), requestId}});
        QCOMPARE(self.status, 403);
        QCOMPARE(self.errorCode(), QStringLiteral("self_approval"));
        QCOMPARE(as(login(clerk()), QStringLiteral("POST"), QStringLiteral("/api/v1/admin/policy/requests/approve"), {{QStringLiteral("requestId"), requestId}}).status,
                 403);
        inForce(first, &now);
        QCOMPARE(now, version);

        // The second IT person approves: the version is signed and applied, the role holds users.manage.
        const QString second = login(it2());
        const HubReply approved = as(second, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/policy/requests/approve"),
                                     {{QStringLiteral("requestId"), requestId}, {QStringLiteral("reason"), QStringLiteral("部長会で承認済み")}});
        QVERIFY2(approved.status == 200, approved.body.constData());
        QCOMPARE(approved.json.value(QStringLiteral("version")).toInt(), version + 1);
        QCOMPARE(permissionsOf(QStringLiteral("pharmacist")), QStringList{QStringLiteral("users.manage")});
        const SignedPolicy signedPolicy = SignedPolicy::fromFeedItem(feedPolicy());
        QCOMPARE(signedPolicy.version, version + 1);
        QVERIFY(signedPolicy.check({*Certificate::fromPem(m_hub->caPem())}, version).accepted());
        QCOMPARE(as(second, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/policy/requests/approve"), {{QStringLiteral("requestId"), requestId}}).errorCode(),
                 QStringLiteral("request_decided"));
        const QJsonObject set = m_hub->auditEntries(QStringLiteral("policy.set")).last();
        QCOMPARE(set.value(QStringLiteral("actor")).toString(), it1());
        QCOMPARE(set.value(QStringLiteral("approvedBy")).toString(), it2());
        QCOMPARE(set.value(QStringLiteral("request")).toString(), requestId);
        QCOMPARE(m_hub->auditEntries(QStringLiteral("policy_request.file")).last().value(QStringLiteral("actor")).toString(), it1());
        QCOMPARE(m_hub->auditEntries(QStringLiteral("policy_request.approve")).last().value(QStringLiteral("actor")).toString(), it2());

        // Granting cards.manage too: refused by the second person; the version in force stays.
        const QJsonObject applied = inForce(second, &version);
        const HubReply more = save(second, withRole(applied, QStringLiteral("pharmacist"), pharmacyGrants(),
                                                    {QStringLiteral("users.manage"), QStringLiteral("cards.manage")}),
                                   version, QStringLiteral("カード発行も"));
        QCOMPARE(more.status, 202);
        const QString moreId = more.json.value(QStringLiteral("requestId")).toString();
        const HubReply refused = as(first, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/policy/requests/refuse"),
                                    {{QStringLiteral("requestId"), moreId}, {QStringLiteral("reason"), QStringLiteral("受付の業務")}});
        QVERIFY2(refused.status == 200, refused.body.constData());
        inForce(first, &now);
        QCOMPARE(now, version);
        QCOMPARE(permissionsOf(QStringLiteral("pharmacist")), QStringList{QStringLiteral("users.manage")});
        const QJsonArray refusedList = as(first, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/policy/requests?status=refused")).json.value(QStringLiteral("requests")).toArray();
        QCOMPARE(refusedList.size(), 1);
        QCOMPARE(refusedList.first().toObject().value(QStringLiteral("decidedBy")).toString(), it1());
        QCOMPARE(m_hub->auditEntries(QStringLiteral("policy_request.refuse")).last().value(QStringLiteral("reason")).toString(), QStringLiteral("受付の業務"));
        // A refusal needs a reason.
        QCOMPARE(as(first, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/policy/requests/refuse"), {{QStringLiteral("requestId"), moreId}}).status, 400);
    }
};

QTEST_MAIN(TestHubPolicyRoles)
#include "TestHubPolicyRoles.moc"
