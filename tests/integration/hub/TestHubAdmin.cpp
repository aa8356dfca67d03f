// The administration API (issue 12) against a real wardhub over loopback mutual TLS (SQLite: test_hub_admin,
// PostgreSQL: test_hub_admin_pg). Every endpoint refuses without an admin session, with a session lacking the
// permission, from a revoked terminal, after the admin idle and hard limits (AUTH-10), and a self-approved
// privilege grant (AC-4); every change lands in the hub audit chain with the person and terminal; bad input
// leaves nothing written; two clerks changing one person get a conflict.

#include "HubClient.h"
#include "HubProcess.h"

#include "crypto/CertificateAuthority.h"
#include "hub/storage/HubDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>

using namespace ward;

namespace {

struct Card
{
    std::shared_ptr<KeyPair> key;
    Certificate cert;
};

struct Endpoint
{
    QString method;
    QString path;
    QJsonObject body;
};

Card newCard(const QString& holder)
{
    static CertificateAuthority issuer = CertificateAuthority::create(QStringLiteral("Card issuer"), 365, QDateTime::currentDateTimeUtc());
    auto [key, cert] = issuer.issueWithNewKey(CertificateProfile::TerminalClient, holder, 30, QDateTime::currentDateTimeUtc());
    return Card{std::make_shared<KeyPair>(std::move(key)), cert};
}

} // namespace

class TestHubAdmin : public QObject
{
    Q_OBJECT

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<HubClient> m_terminal;
    QString m_terminalId;
    QHash<QString, Card> m_cards;
    QHash<QString, QString> m_passwords;

    bool cli(const QStringList& args, QByteArray* out = nullptr) { return m_hub->admin(args, out); }

    qint64 scalar(const QString& sql, const QVariantList& values = {})
    {
        ward::hub::HubDatabase db(m_hub->config());
        QSqlQuery q = db.exec(sql, values);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    void exec(const QString& sql, const QVariantList& values = {})
    {
        ward::hub::HubDatabase db(m_hub->config());
        db.exec(sql, values);
    }

    // The first registrar bootstrapped at the hub console with the password they chose (issue 12); everyone else
    // registered (hub_fixture_tool) with a temporary password changed at the first login with the card.
    bool addUser(const QString& id, const QString& roles, bool privileged, bool bootstrap = false)
    {
        QString temporary;
        if (bootstrap) {
            if (!m_hub->bootstrapRegistrar(id, password(id), roles.split(QLatin1Char(','))))
                return false;
        } else {
            temporary = m_hub->addStaff(id, QStringLiteral("職員 %1").arg(id.right(2)), roles, QStringLiteral("W3"), privileged);
            if (temporary.isEmpty())
                return false;
        }
        const Card card = newCard(id);
        QTemporaryFile pem;
        if (!pem.open())
            return false;
        pem.write(card.cert.toPem());
        pem.close();
        if (!cli({QStringLiteral("card"), QStringLiteral("bind"), QStringLiteral("--user"), id, QStringLiteral("--piv-cert"), pem.fileName()}))
            return false;
        m_cards.insert(id, card);
        if (bootstrap) {
            m_passwords.insert(id, password(id));
            return true;
        }
        return choosePassword(*m_terminal, id, temporary).isEmpty() == false;
    }

    static QString password(const QString& id) { return QStringLiteral("Shokuin-%1!x").arg(id.right(3)); }

    // First login: the temporary password changed with the card; returns the session token.
    QString choosePassword(HubClient& client, const QString& id, const QString& temporary)
    {
        const QString chosen = password(id);
        QJsonObject change{{QStringLiteral("userId"), id}, {QStringLiteral("password"), temporary},
                           {QStringLiteral("newPassword"), chosen}, {QStringLiteral("cardProof"), client.pivProof(*m_cards[id].key)}};
        const HubReply r = client.postJson(QStringLiteral("/api/v1/password"), change);
        if (r.status != 200) {
            qWarning("password change for %s: %d %s", qPrintable(id), r.status, r.body.constData());
            return QString();
        }
        m_passwords.insert(id, chosen);
        return r.json.value(QStringLiteral("token")).toString();
    }

    QString login(HubClient& client, const QString& id)
    {
        const HubReply r = client.postJson(QStringLiteral("/api/v1/session"),
                                           {{QStringLiteral("userId"), id}, {QStringLiteral("password"), m_passwords[id]},
                                            {QStringLiteral("cardProof"), client.pivProof(*m_cards[id].key)}});
        if (r.status != 200)
            qWarning("login of %s: %d %s", qPrintable(id), r.status, r.body.constData());
        return r.json.value(QStringLiteral("token")).toString();
    }

    HubReply call(HubClient& client, const QString& token, const Endpoint& e)
    {
        client.setBearerToken(token);
        const HubReply r = e.method == QLatin1String("GET") ? client.get(e.path) : client.postJson(e.path, e.body);
        client.setBearerToken(QString());
        return r;
    }

    HubReply as(const QString& token, const QString& method, const QString& path, const QJsonObject& body = {})
    {
        return call(*m_terminal, token, {method, path, body});
    }

    qint64 versionOf(const QString& token, const QString& id)
    {
        return as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/staff/person?userId=") + id)
            .json.value(QStringLiteral("version"))
            .toInteger();
    }

    // The newest audit entries (seq order) with this action.
    QList<QJsonObject> audit(const QString& action) { return m_hub->auditEntries(action); }

    static QList<Endpoint> endpoints()
    {
        const QJsonObject change{{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("version"), 1},
                                 {QStringLiteral("reason"), QStringLiteral("test")}};
        auto with = [&](std::initializer_list<QPair<QString, QJsonValue>> extra) {
            QJsonObject o = change;
            for (const auto& e : extra)
                o.insert(e.first, e.second);
            return o;
        };
        return {
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/session"), {}},
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/staff?q=N"), {}},
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/staff/person?userId=NURSE00001"), {}},
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/staff/next-id?prefix=NS"), {}},
            {QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff"),
             {{QStringLiteral("name"), QStringLiteral("新人 一")}, {QStringLiteral("kana"), QStringLiteral("しんじん はじめ")},
              {QStringLiteral("roles"), QJsonArray{QStringLiteral("nurse")}}, {QStringLiteral("verificationMethod"), QStringLiteral("photo ID")},
              {QStringLiteral("documentRef"), QStringLiteral("L-9")}}},
            {QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff/status"), with({{QStringLiteral("action"), QStringLiteral("disable")}})},
            {QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff/password-reset"),
             with({{QStringLiteral("verificationMethod"), QStringLiteral("photo ID")}, {QStringLiteral("documentRef"), QStringLiteral("L-9")}})},
            {QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff/roles"), with({{QStringLiteral("roles"), QJsonArray{QStringLiteral("doctor")}}})},
            {QStringLiteral("POST"), QStringLiteral("/api/v1/admin/cards/bind"), with({{QStringLiteral("certificate"), QString::fromLatin1(newCard(QStringLiteral("X")).cert.toPem())}})},
            {QStringLiteral("POST"), QStringLiteral("/api/v1/admin/cards/revoke"), with({{QStringLiteral("all"), true}})},
            {QStringLiteral("POST"), QStringLiteral("/api/v1/admin/cards/fallback-code"), change},
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/requests"), {}},
            {QStringLiteral("POST"), QStringLiteral("/api/v1/admin/requests/approve"), {{QStringLiteral("requestId"), QString(32, QLatin1Char('a'))}}},
            {QStringLiteral("POST"), QStringLiteral("/api/v1/admin/requests/refuse"),
             {{QStringLiteral("requestId"), QString(32, QLatin1Char('a'))}, {QStringLiteral("reason"), QStringLiteral("no")}}},
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/reports?kind=locked"), {}},
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit"), {}},
        };
    }

    // Nothing an endpoint refused may have changed anything: the audit chain and the users stay as they were.
    void expectRefusedEverywhere(HubClient& client, const QString& token, int status, const QString& code,
                                 const QStringList& except = {})
    {
        const qint64 auditBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit"));
        const qint64 versionBefore = scalar(QStringLiteral("SELECT version FROM users WHERE id = 'NURSE00001'"));
        for (const Endpoint& e : endpoints()) {
            if (except.contains(e.path.section(QLatin1Char('?'), 0, 0)))
                continue;
            const HubReply r = call(client, token, e);
            QVERIFY2(r.status == status && r.errorCode() == code,
                     qPrintable(QStringLiteral("%1 %2: %3 %4").arg(e.method, e.path).arg(r.status).arg(QString::fromUtf8(r.body))));
        }
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit")), auditBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT version FROM users WHERE id = 'NURSE00001'")), versionBefore);
    }

private slots:
    void init()
    {
        m_cards.clear();
        m_passwords.clear();
        m_hub = std::make_unique<HubProcess>(QStringLiteral("admin_") + QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(m_hub->init());
        QVERIFY(cli({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3")}));
        QVERIFY(m_hub->start());
        m_terminal = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"), &m_terminalId);
        QVERIFY(m_terminal);
        // The first registrar (audited bootstrap), a second one, an auditor and a nurse.
        QVERIFY(addUser(QStringLiteral("RECEPTION1"), QStringLiteral("reception"), true, true));
        QVERIFY(addUser(QStringLiteral("RECEPTION2"), QStringLiteral("reception"), true));
        QVERIFY(addUser(QStringLiteral("AUDITOR001"), QStringLiteral("auditor"), false));
        QVERIFY(addUser(QStringLiteral("NURSE00001"), QStringLiteral("nurse"), false));
    }

    void cleanup()
    {
        m_terminal.reset();
        m_hub->stop();
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->log().constData());
        m_hub.reset();
    }

    void everyEndpointRefusesWithoutAnAdminSession()
    {
        expectRefusedEverywhere(*m_terminal, QString(), 401, QStringLiteral("session_invalid"));
        expectRefusedEverywhere(*m_terminal, QStringLiteral("bm90LWEtdG9rZW4"), 401, QStringLiteral("session_invalid"));
        // A nurse's card session: no admin permission at all.
        expectRefusedEverywhere(*m_terminal, login(*m_terminal, QStringLiteral("NURSE00001")), 403, QStringLiteral("permission_denied"));
        // The auditor reads the audit chain, the reports and its own session, and nothing else.
        const QString auditor = login(*m_terminal, QStringLiteral("AUDITOR001"));
        expectRefusedEverywhere(*m_terminal, auditor, 403, QStringLiteral("permission_denied"),
                                {QStringLiteral("/api/v1/admin/session"), QStringLiteral("/api/v1/admin/reports"), QStringLiteral("/api/v1/admin/audit")});
        QCOMPARE(as(auditor, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit")).status, 200);
        // A registrar's token presented by another terminal is not a session there.
        QString otherId;
        auto other = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"), &otherId);
        QVERIFY(other);
        expectRefusedEverywhere(*other, login(*m_terminal, QStringLiteral("RECEPTION1")), 401, QStringLiteral("session_invalid"));
        // Reception (users.manage) cannot read the audit chain.
        QCOMPARE(as(login(*m_terminal, QStringLiteral("RECEPTION1")), QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit")).errorCode(),
                 QStringLiteral("permission_denied"));
    }

    // Proves: CL-8
    void everyEndpointRefusesFromARevokedTerminal()
    {
        QString otherId;
        auto other = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"), &otherId);
        QVERIFY(other);
        const QString token = login(*other, QStringLiteral("RECEPTION1"));
        QCOMPARE(call(*other, token, {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/session"), {}}).status, 200);
        QVERIFY(cli({QStringLiteral("revoke-terminal"), QStringLiteral("--id"), otherId}));
        expectRefusedEverywhere(*other, token, 403, QStringLiteral("terminal_revoked"));
    }

    // AUTH-10: the admin session idles out (policy admin.idleMinutes) and ends at the privileged session limit,
    // counted from login, while the token itself would still be valid. The hub's clock is the system clock in a
    // separate process, so the session's times are moved back instead.
    void adminSessionsHaveIdleAndHardLimits()
    {
        const QString token = login(*m_terminal, QStringLiteral("RECEPTION1"));
        const HubReply session = as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/session"));
        QCOMPARE(session.status, 200);
        QCOMPARE(session.json.value(QStringLiteral("userId")).toString(), QStringLiteral("RECEPTION1"));
        QVERIFY(session.json.value(QStringLiteral("permissions")).toArray().contains(QStringLiteral("users.manage")));
        const qint64 minute = 60000;
        // Two minutes idle: still within the default three.
        exec(QStringLiteral("UPDATE sessions SET last_used_at = last_used_at - ?"), {2 * minute});
        QCOMPARE(as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/staff")).status, 200);
        // That call restarted the idle timer; now three minutes idle.
        exec(QStringLiteral("UPDATE sessions SET last_used_at = last_used_at - ?"), {3 * minute});
        expectRefusedEverywhere(*m_terminal, token, 401, QStringLiteral("admin_session_idle"));
        // The ordinary session (the network slot) is not an admin session and still works.
        m_terminal->setBearerToken(token);
        QCOMPARE(m_terminal->get(QStringLiteral("/api/v1/network-slot-key")).status, 200);
        m_terminal->setBearerToken(QString());

        // Hard limit: used a moment ago, but logged in an hour ago (the token lives 60 minutes: moved forward).
        const QString second = login(*m_terminal, QStringLiteral("RECEPTION1"));
        exec(QStringLiteral("UPDATE sessions SET created_at = created_at - ?, expires_at = expires_at + ? WHERE last_used_at = created_at"
                            " AND user_id = 'RECEPTION1' AND created_at = (SELECT MAX(created_at) FROM sessions WHERE user_id = 'RECEPTION1')"),
             {60 * minute, 60 * minute});
        expectRefusedEverywhere(*m_terminal, second, 401, QStringLiteral("admin_session_expired"));
        // A shorter idle limit from the hospital's policy takes effect at once.
        const QString third = login(*m_terminal, QStringLiteral("RECEPTION1"));
        QTemporaryFile policy;
        QVERIFY(policy.open());
        policy.write("{\"admin\":{\"idleMinutes\":1}}");
        policy.close();
        QVERIFY(cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--file"), policy.fileName()}));
        exec(QStringLiteral("UPDATE sessions SET last_used_at = last_used_at - ?"), {minute + 1000});
        QCOMPARE(as(third, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/session")).errorCode(), QStringLiteral("admin_session_idle"));
    }

    // AUTH-2 sessions opened with a one-time code (no card) are not admin sessions.
    void aCardlessSessionIsNotAnAdminSession()
    {
        const QString token = login(*m_terminal, QStringLiteral("RECEPTION1"));
        exec(QStringLiteral("UPDATE sessions SET factor = 'code'"));
        expectRefusedEverywhere(*m_terminal, token, 403, QStringLiteral("card_session_required"));
    }

    // Proves: AUTH-3, AUD-6
    void registerSearchAndChangeAreAuditedWithThePerson()
    {
        const QString token = login(*m_terminal, QStringLiteral("RECEPTION1"));
        const HubReply next = as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/staff/next-id?prefix=NS"));
        QCOMPARE(next.json.value(QStringLiteral("userId")).toString(), QStringLiteral("NS00000001"));
        const QJsonObject registration{{QStringLiteral("idPrefix"), QStringLiteral("NS")},
                                       {QStringLiteral("name"), QStringLiteral("佐藤 花子")},
                                       {QStringLiteral("kana"), QStringLiteral("さとう はなこ")},
                                       {QStringLiteral("roles"), QJsonArray{QStringLiteral("nurse")}},
                                       {QStringLiteral("wards"), QJsonArray{QStringLiteral("W3")}},
                                       {QStringLiteral("verificationMethod"), QStringLiteral("photo ID in person")},
                                       {QStringLiteral("documentRef"), QStringLiteral("ledger 2026-118")}};
        const HubReply added = as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff"), registration);
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json.value(QStringLiteral("userId")).toString(), QStringLiteral("NS00000001"));
        const QString temporary = added.json.value(QStringLiteral("temporaryPassword")).toString();
        QVERIFY(temporary.size() >= 12);
        QCOMPARE(as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff"), registration).json.value(QStringLiteral("userId")).toString(),
                 QStringLiteral("NS00000002"));
        // A chosen id that exists is refused, nothing written.
        QJsonObject chosen = registration;
        chosen[QStringLiteral("userId")] = QStringLiteral("NS00000001");
        const HubReply duplicate = as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff"), chosen);
        QCOMPARE(duplicate.status, 409);
        // The temporary password is never stored in clear nor logged.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit WHERE detail LIKE ?"), {QStringLiteral("%") + temporary + QStringLiteral("%")}), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE account_state LIKE ? OR password_verifier LIKE ?"),
                        {QStringLiteral("%") + temporary + QStringLiteral("%"), QStringLiteral("%") + temporary + QStringLiteral("%")}),
                 0);
        QVERIFY(!m_hub->log().contains(temporary.toUtf8()));

        // Search by katakana finds the hiragana reading; by id prefix; filters by role.
        const HubReply byKana = as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/staff?q=%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("サトウ")))));
        QCOMPARE(byKana.json.value(QStringLiteral("total")).toInt(), 2);
        const QJsonObject row = byKana.json.value(QStringLiteral("staff")).toArray().first().toObject();
        QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("佐藤 花子"));
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(row.value(QStringLiteral("cardStatus")).toString(), QStringLiteral("none"));
        QCOMPARE(row.value(QStringLiteral("temporaryPassword")).toBool(), true);
        const HubReply nurses = as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/staff?role=nurse&limit=2&offset=1"));
        QCOMPARE(nurses.json.value(QStringLiteral("total")).toInt(), 3);
        QCOMPARE(nurses.json.value(QStringLiteral("staff")).toArray().size(), 2);
        const QJsonObject nurse = as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/staff?q=NURSE")).json.value(QStringLiteral("staff")).toArray().first().toObject();
        QCOMPARE(nurse.value(QStringLiteral("cardStatus")).toString(), QStringLiteral("active"));
        QVERIFY(!nurse.value(QStringLiteral("lastLoginAt")).toString().isEmpty());
        QCOMPARE(nurse.value(QStringLiteral("passwordAgeDays")).toInt(), 0);

        // user.add: by the registrar, from this terminal.
        const QJsonObject add = audit(QStringLiteral("user.add")).last();
        QCOMPARE(add.value(QStringLiteral("actor")).toString(), QStringLiteral("RECEPTION1"));
        QCOMPARE(add.value(QStringLiteral("terminal")).toString(), m_terminalId);
        QCOMPARE(add.value(QStringLiteral("verification")).toObject().value(QStringLiteral("documentRef")).toString(), QStringLiteral("ledger 2026-118"));

        // Disable → enable → unlock refused (not locked) → reset password, each with a reason and the version.
        qint64 version = versionOf(token, QStringLiteral("NURSE00001"));
        auto change = [&](const QString& path, QJsonObject body) {
            body[QStringLiteral("userId")] = QStringLiteral("NURSE00001");
            body[QStringLiteral("version")] = version;
            body[QStringLiteral("reason")] = QStringLiteral("休職のため");
            return as(token, QStringLiteral("POST"), path, body);
        };
        HubReply r = change(QStringLiteral("/api/v1/admin/staff/status"), {{QStringLiteral("action"), QStringLiteral("disable")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("version")).toInteger(), version + 1);
        // A clerk who saw the old version gets a conflict, not a silent overwrite.
        r = change(QStringLiteral("/api/v1/admin/staff/status"), {{QStringLiteral("action"), QStringLiteral("enable")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("version_conflict"));
        ++version;
        QCOMPARE(change(QStringLiteral("/api/v1/admin/staff/status"), {{QStringLiteral("action"), QStringLiteral("enable")}}).status, 200);
        ++version;
        QCOMPARE(change(QStringLiteral("/api/v1/admin/staff/status"), {{QStringLiteral("action"), QStringLiteral("unlock")}}).status, 409);
        r = change(QStringLiteral("/api/v1/admin/staff/password-reset"),
                   {{QStringLiteral("verificationMethod"), QStringLiteral("photo ID in person")}, {QStringLiteral("documentRef"), QStringLiteral("L-7")}});
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json.value(QStringLiteral("temporaryPassword")).toString().isEmpty());
        ++version;
        for (const char* action : {"user.disable", "user.enable", "user.reset_password"}) {
            const QJsonObject e = audit(QLatin1String(action)).last();
            QCOMPARE(e.value(QStringLiteral("actor")).toString(), QStringLiteral("RECEPTION1"));
            QCOMPARE(e.value(QStringLiteral("user")).toString(), QStringLiteral("NURSE00001"));
            QCOMPARE(e.value(QStringLiteral("terminal")).toString(), m_terminalId);
            QCOMPARE(e.value(QStringLiteral("reason")).toString(), QStringLiteral("休職のため"));
        }

        // A non-privileged role change applies at once and is audited.
        r = change(QStringLiteral("/api/v1/admin/staff/roles"), {{QStringLiteral("roles"), QJsonArray{QStringLiteral("nurse"), QStringLiteral("clerk")}},
                                                                 {QStringLiteral("wards"), QJsonArray{QStringLiteral("W3")}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(audit(QStringLiteral("user.roles")).last().value(QStringLiteral("actor")).toString(), QStringLiteral("RECEPTION1"));

        // The hub's audit chain still verifies.
        QByteArray out;
        QVERIFY(cli({QStringLiteral("check")}, &out));
    }

    void cardsAreBoundAndRevokedOnce()
    {
        const QString token = login(*m_terminal, QStringLiteral("RECEPTION1"));
        const Card card = newCard(QStringLiteral("NEW"));
        qint64 version = versionOf(token, QStringLiteral("NURSE00001"));
        auto body = [&](const QString& user, qint64 v) {
            return QJsonObject{{QStringLiteral("userId"), user}, {QStringLiteral("version"), v}, {QStringLiteral("reason"), QStringLiteral("replacement")},
                               {QStringLiteral("certificate"), QString::fromLatin1(card.cert.toPem())}};
        };
        HubReply r = as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/cards/bind"), body(QStringLiteral("NURSE00001"), version));
        QCOMPARE(r.status, 201);
        const QString keyId = r.json.value(QStringLiteral("keyId")).toString();
        ++version;
        // The same card for someone else: refused while it is bound here.
        r = as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/cards/bind"), body(QStringLiteral("AUDITOR001"), versionOf(token, QStringLiteral("AUDITOR001"))));
        QCOMPARE(r.errorCode(), QStringLiteral("card_bound_elsewhere"));
        // Not a certificate: a reason, nothing written.
        QJsonObject broken = body(QStringLiteral("NURSE00001"), version);
        broken[QStringLiteral("certificate")] = QStringLiteral("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        QCOMPARE(as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/cards/bind"), broken).status, 400);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM card_bindings WHERE user_id = 'NURSE00001'")), 2);

        // The new card logs in; revoked, it does not, and the revocation is audited with the person.
        m_cards[QStringLiteral("NURSE00001")] = card;
        QVERIFY(!login(*m_terminal, QStringLiteral("NURSE00001")).isEmpty());
        r = as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/cards/revoke"),
               {{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("version"), version},
                {QStringLiteral("reason"), QStringLiteral("紛失届")}, {QStringLiteral("keyId"), keyId}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("revoked")).toInt(), 1);
        QVERIFY(login(*m_terminal, QStringLiteral("NURSE00001")).isEmpty());
        const QJsonObject e = audit(QStringLiteral("card.revoke")).last();
        QCOMPARE(e.value(QStringLiteral("actor")).toString(), QStringLiteral("RECEPTION1"));
        QCOMPARE(e.value(QStringLiteral("reason")).toString(), QStringLiteral("紛失届"));
        QCOMPARE(e.value(QStringLiteral("terminal")).toString(), m_terminalId);
        QCOMPARE(audit(QStringLiteral("card.bind")).last().value(QStringLiteral("actor")).toString(), QStringLiteral("RECEPTION1"));
        // A revoked card is not issued again.
        r = as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/cards/bind"), body(QStringLiteral("NURSE00001"), version + 1));
        QCOMPARE(r.errorCode(), QStringLiteral("card_revoked"));
    }

    // AUTH-2 from the desk: a one-time code for one shift, only in the reply (no-store), usable once with the
    // person's password at /api/v1/session/fallback, audited with the clerk and terminal but never with the code.
    void fallbackCodeFromTheDeskWorksOnce()
    {
        const QString token = login(*m_terminal, QStringLiteral("RECEPTION1"));
        const QString nurse = QStringLiteral("NURSE00001");
        auto request = [&](qint64 version, const QString& user = QStringLiteral("NURSE00001")) {
            return as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/cards/fallback-code"),
                      {{QStringLiteral("userId"), user}, {QStringLiteral("version"), version}, {QStringLiteral("reason"), QStringLiteral("カード破損")}});
        };
        const qint64 version = versionOf(token, nurse);
        // A clerk who did not see the current version, or a person who is not active, gets no code; nothing is written.
        QCOMPARE(request(version + 1).errorCode(), QStringLiteral("version_conflict"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes")), 0);

        const QDateTime before = QDateTime::currentDateTimeUtc();
        const HubReply issued = request(version);
        QCOMPARE(issued.status, 201);
        QCOMPARE(issued.cacheControl, QByteArray("no-store"));
        const QString code = issued.json.value(QStringLiteral("code")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")).match(code).hasMatch(), qPrintable(code));
        QCOMPARE(issued.json.value(QStringLiteral("version")).toInteger(), version + 1);
        // One shift: eight hours from now.
        const QDateTime until = QDateTime::fromString(issued.json.value(QStringLiteral("validUntil")).toString(), Qt::ISODateWithMs);
        QVERIFY(until.isValid());
        QVERIFY2(qAbs(before.secsTo(until) - 8 * 3600) < 120, qPrintable(until.toString(Qt::ISODate)));

        // Audited: who, from where, why, for whom, until when; the code appears nowhere at the hub.
        const QJsonObject e = audit(QStringLiteral("user.fallback-code.issue")).last();
        QCOMPARE(e.value(QStringLiteral("actor")).toString(), QStringLiteral("RECEPTION1"));
        QCOMPARE(e.value(QStringLiteral("user")).toString(), nurse);
        QCOMPARE(e.value(QStringLiteral("terminal")).toString(), m_terminalId);
        QCOMPARE(e.value(QStringLiteral("reason")).toString(), QStringLiteral("カード破損"));
        QVERIFY(!e.value(QStringLiteral("expiresAt")).toString().isEmpty());
        const QString bare = QString(code).remove(QLatin1Char('-'));
        for (const QString& needle : {code, bare})
            QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit WHERE detail LIKE ?"), {QStringLiteral("%") + needle + QStringLiteral("%")}), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes WHERE code_hash LIKE ?"), {QStringLiteral("%") + bare + QStringLiteral("%")}), 0);
        QVERIFY(!m_hub->log().contains(code.toUtf8()) && !m_hub->log().contains(bare.toUtf8()));

        // Once, with the person's own password; the session is flagged as card-less.
        auto fallback = [&] {
            return m_terminal->postJson(QStringLiteral("/api/v1/session/fallback"),
                                        {{QStringLiteral("userId"), nurse}, {QStringLiteral("code"), code}, {QStringLiteral("password"), m_passwords[nurse]}});
        };
        HubReply first = fallback();
        QVERIFY2(first.status == 200, first.body.constData());
        QCOMPARE(first.json.value(QStringLiteral("fallback")).toBool(), true);
        QVERIFY(!first.json.value(QStringLiteral("token")).toString().isEmpty());
        const HubReply second = fallback();
        QCOMPARE(second.errorCode(), QStringLiteral("fallback_code_invalid"));
        QCOMPARE(audit(QStringLiteral("session.fallback")).size(), 1);

        // A disabled person gets none.
        const qint64 now = versionOf(token, nurse);
        QCOMPARE(as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff/status"),
                    {{QStringLiteral("userId"), nurse}, {QStringLiteral("version"), now}, {QStringLiteral("reason"), QStringLiteral("休職")},
                     {QStringLiteral("action"), QStringLiteral("disable")}}).status,
                 200);
        const qint64 codes = scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes"));
        QCOMPARE(request(now + 1).errorCode(), QStringLiteral("refused"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes")), codes);
        QCOMPARE(audit(QStringLiteral("user.fallback-code.issue")).size(), 1);
        // A shift longer than the longest one allowed is a bad request naming the field.
        const HubReply tooLong = as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/cards/fallback-code"),
                                    {{QStringLiteral("userId"), QStringLiteral("AUDITOR001")}, {QStringLiteral("version"), versionOf(token, QStringLiteral("AUDITOR001"))},
                                     {QStringLiteral("reason"), QStringLiteral("x")}, {QStringLiteral("validMinutes"), 13 * 60}});
        QCOMPARE(tooLong.status, 400);
        QVERIFY(tooLong.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("validMinutes")));
    }

    // AC-4: a privileged registration or grant waits for a second, different registrar.
    // Proves: AC-4, CL-2
    void privilegeGrantsNeedASecondPerson()
    {
        const QString first = login(*m_terminal, QStringLiteral("RECEPTION1"));
        const HubReply filed = as(first, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff"),
                                  {{QStringLiteral("userId"), QStringLiteral("RECEPTION3")}, {QStringLiteral("name"), QStringLiteral("受付 三郎")},
                                   {QStringLiteral("kana"), QStringLiteral("うけつけ さぶろう")}, {QStringLiteral("roles"), QJsonArray{QStringLiteral("reception")}},
                                   {QStringLiteral("privileged"), true}, {QStringLiteral("verificationMethod"), QStringLiteral("photo ID")},
                                   {QStringLiteral("documentRef"), QStringLiteral("L-3")}});
        QCOMPARE(filed.status, 202);
        const QString requestId = filed.json.value(QStringLiteral("requestId")).toString();
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE id = 'RECEPTION3'")), 0);
        const QJsonArray pending = as(first, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/requests")).json.value(QStringLiteral("requests")).toArray();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().toObject().value(QStringLiteral("requestedBy")).toString(), QStringLiteral("RECEPTION1"));
        // Requester = approver is refused, and so is refusing one's own request.
        HubReply self = as(first, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/requests/approve"), {{QStringLiteral("requestId"), requestId}});
        QCOMPARE(self.status, 403);
        QCOMPARE(self.errorCode(), QStringLiteral("self_approval"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE id = 'RECEPTION3'")), 0);
        // The second registrar approves: the account exists, its temporary password goes to the approver.
        const QString second = login(*m_terminal, QStringLiteral("RECEPTION2"));
        const HubReply approved = as(second, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/requests/approve"),
                                     {{QStringLiteral("requestId"), requestId}, {QStringLiteral("reason"), QStringLiteral("確認済み")}});
        QCOMPARE(approved.status, 200);
        QVERIFY(!approved.json.value(QStringLiteral("temporaryPassword")).toString().isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT privileged FROM users WHERE id = 'RECEPTION3'")), 1);
        QCOMPARE(as(second, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/requests/approve"), {{QStringLiteral("requestId"), requestId}}).errorCode(),
                 QStringLiteral("request_decided"));
        const QJsonObject add = audit(QStringLiteral("user.add")).last();
        QCOMPARE(add.value(QStringLiteral("user")).toString(), QStringLiteral("RECEPTION3"));
        QCOMPARE(add.value(QStringLiteral("actor")).toString(), QStringLiteral("RECEPTION1"));
        QCOMPARE(add.value(QStringLiteral("approvedBy")).toString(), QStringLiteral("RECEPTION2"));
        QCOMPARE(audit(QStringLiteral("admin_request.approve")).last().value(QStringLiteral("actor")).toString(), QStringLiteral("RECEPTION2"));

        // Granting users.manage to the nurse: a request; refused by the second registrar; the nurse keeps her roles.
        const qint64 version = versionOf(first, QStringLiteral("NURSE00001"));
        const HubReply grant = as(first, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff/roles"),
                                  {{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("version"), version},
                                   {QStringLiteral("reason"), QStringLiteral("受付応援")}, {QStringLiteral("roles"), QJsonArray{QStringLiteral("nurse"), QStringLiteral("reception")}}});
        QCOMPARE(grant.status, 202);
        const QString grantId = grant.json.value(QStringLiteral("requestId")).toString();
        QCOMPARE(as(first, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/requests/approve"), {{QStringLiteral("requestId"), grantId}}).errorCode(),
                 QStringLiteral("self_approval"));
        QCOMPARE(as(second, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/requests/refuse"),
                    {{QStringLiteral("requestId"), grantId}, {QStringLiteral("reason"), QStringLiteral("不要")}}).status,
                 200);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE id = 'NURSE00001' AND roles = '[\"nurse\"]'")), 1);
        // A grant approved after the person changed is a conflict (decided on the old version).
        const HubReply again = as(first, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff/roles"),
                                  {{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("version"), version},
                                   {QStringLiteral("reason"), QStringLiteral("受付応援")}, {QStringLiteral("roles"), QJsonArray{QStringLiteral("reception")}}});
        QCOMPARE(as(first, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff/status"),
                    {{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("version"), version},
                     {QStringLiteral("reason"), QStringLiteral("x")}, {QStringLiteral("action"), QStringLiteral("disable")}}).status,
                 200);
        QCOMPARE(as(second, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/requests/approve"),
                    {{QStringLiteral("requestId"), again.json.value(QStringLiteral("requestId")).toString()}}).errorCode(),
                 QStringLiteral("version_conflict"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE id = 'NURSE00001' AND roles = '[\"nurse\"]'")), 1);
    }

    void badInputIsRefusedWithAReasonAndNothingWritten()
    {
        const QString token = login(*m_terminal, QStringLiteral("RECEPTION1"));
        const qint64 auditBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit"));
        const qint64 usersBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
        m_terminal->setBearerToken(token);
        HubReply r = m_terminal->post(QStringLiteral("/api/v1/admin/staff"), QByteArray("{\"name\":"));
        QCOMPARE(r.status, 400);
        r = m_terminal->post(QStringLiteral("/api/v1/admin/staff"), QByteArray(20000, ' ') + "{}");
        QCOMPARE(r.status, 413);
        m_terminal->setBearerToken(QString());
        const QJsonObject good{{QStringLiteral("name"), QStringLiteral("新人 一")}, {QStringLiteral("kana"), QStringLiteral("しんじん")},
                               {QStringLiteral("roles"), QJsonArray{QStringLiteral("nurse")}}, {QStringLiteral("wards"), QJsonArray{QStringLiteral("W3")}},
                               {QStringLiteral("verificationMethod"), QStringLiteral("photo ID")}, {QStringLiteral("documentRef"), QStringLiteral("L-1")}};
        const QList<QPair<QString, QJsonValue>> bad{
            {QStringLiteral("userId"), QStringLiteral("SHORT")},
            {QStringLiteral("userId"), QStringLiteral("ABC-DEF-GH")},
            {QStringLiteral("idPrefix"), QStringLiteral("n1")},
            {QStringLiteral("name"), QString(101, QChar(0x3042))},
            {QStringLiteral("kana"), QStringLiteral("   ")},
            {QStringLiteral("roles"), QJsonArray{}},
            {QStringLiteral("roles"), QJsonArray{QStringLiteral("no such role")}},
            {QStringLiteral("roles"), QJsonArray{QStringLiteral("astronaut")}},
            {QStringLiteral("wards"), QJsonArray{QStringLiteral("W99")}},
            {QStringLiteral("privileged"), QStringLiteral("yes")},
            {QStringLiteral("documentRef"), QString()},
        };
        for (const auto& [field, value] : bad) {
            QJsonObject body = good;
            body[field] = value;
            r = as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff"), body);
            QVERIFY2(r.status == 400 && !r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty(),
                     qPrintable(field + QStringLiteral(": ") + QString::fromUtf8(r.body)));
        }
        const QList<QJsonObject> badChanges{
            {{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("version"), 1.5}, {QStringLiteral("reason"), QStringLiteral("x")}, {QStringLiteral("action"), QStringLiteral("disable")}},
            {{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("version"), 1}, {QStringLiteral("reason"), QStringLiteral(" ")}, {QStringLiteral("action"), QStringLiteral("disable")}},
            {{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("version"), 1}, {QStringLiteral("reason"), QStringLiteral("x")}, {QStringLiteral("action"), QStringLiteral("delete")}},
            {{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("reason"), QStringLiteral("x")}, {QStringLiteral("action"), QStringLiteral("disable")}},
        };
        for (const QJsonObject& body : badChanges)
            QCOMPARE(as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff/status"), body).status, 400);
        QCOMPARE(as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/staff?limit=1000")).status, 400);
        QCOMPARE(as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/reports?kind=everything")).status, 400);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit")), auditBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users")), usersBefore);
    }

    // Two clerks send a change to the same person at the same moment, both from version N: one wins, the other is
    // told of the conflict; the version moves by exactly one.
    void concurrentChangesConflict()
    {
        const QString a = login(*m_terminal, QStringLiteral("RECEPTION1"));
        QString otherId;
        auto other = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"), &otherId);
        QVERIFY(other);
        const QString b = login(*other, QStringLiteral("RECEPTION2"));
        for (int round = 0; round < 5; ++round) {
            const qint64 version = versionOf(a, QStringLiteral("NURSE00001"));
            const QString action = round % 2 ? QStringLiteral("enable") : QStringLiteral("disable");
            const QJsonObject body{{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("version"), version},
                                   {QStringLiteral("reason"), QStringLiteral("round %1").arg(round)}, {QStringLiteral("action"), action}};
            m_terminal->setBearerToken(a);
            other->setBearerToken(b);
            QNetworkReply* ra = m_terminal->startPostJson(QStringLiteral("/api/v1/admin/staff/status"), body);
            QNetworkReply* rb = other->startPostJson(QStringLiteral("/api/v1/admin/staff/status"), body);
            const HubReply x = HubClient::finish(ra), y = HubClient::finish(rb);
            m_terminal->setBearerToken(QString());
            other->setBearerToken(QString());
            QList<int> statuses{x.status, y.status};
            std::sort(statuses.begin(), statuses.end());
            QCOMPARE(statuses, (QList<int>{200, 409}));
            QVERIFY(x.errorCode() == QLatin1String("version_conflict") || y.errorCode() == QLatin1String("version_conflict"));
            QCOMPARE(versionOf(a, QStringLiteral("NURSE00001")), version + 1);
        }
    }

    // Proves: AUTH-6, AUTH-11, CL-3
    void reportsListTheAccountsTheDeskMustSee()
    {
        QTemporaryFile policy;
        QVERIFY(policy.open());
        policy.write("{\"password\":{\"nonResponseDelaysMs\":[0],\"lockoutThreshold\":3,\"privilegedLockoutThreshold\":3}}");
        policy.close();
        QVERIFY(cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--file"), policy.fileName()}));
        for (int i = 0; i < 3; ++i)
            m_terminal->postJson(QStringLiteral("/api/v1/session"),
                                 {{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("password"), QStringLiteral("Wrong-pass-1")},
                                  {QStringLiteral("cardProof"), m_terminal->pivProof(*m_cards[QStringLiteral("NURSE00001")].key)}});
        const QString token = login(*m_terminal, QStringLiteral("RECEPTION1"));
        auto ids = [&](const QString& query) {
            QStringList out;
            for (const QJsonValue& v : as(token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/reports?") + query).json.value(QStringLiteral("rows")).toArray())
                out << v.toObject().value(QStringLiteral("userId")).toString();
            return out;
        };
        QCOMPARE(ids(QStringLiteral("kind=locked")), QStringList{QStringLiteral("NURSE00001")});
        QCOMPARE(ids(QStringLiteral("kind=privileged")), (QStringList{QStringLiteral("RECEPTION1"), QStringLiteral("RECEPTION2")}));
        QVERIFY(ids(QStringLiteral("kind=unused&days=1")).isEmpty());
        QVERIFY(ids(QStringLiteral("kind=password-expiry")).isEmpty());
        // Passwords chosen 58 days ago expire within the warning week (privileged: 30 days, so past).
        for (const QString& id : {QStringLiteral("AUDITOR001"), QStringLiteral("RECEPTION2")}) {
            ward::hub::HubDatabase db(m_hub->config());
            QSqlQuery q = db.exec(QStringLiteral("SELECT account_state FROM users WHERE id = ?"), {id});
            QVERIFY(q.next());
            QJsonObject state = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
            state[QStringLiteral("passwordChangedAt")] = QDateTime::currentDateTimeUtc().addDays(-58).toString(Qt::ISODateWithMs);
            db.exec(QStringLiteral("UPDATE users SET account_state = ? WHERE id = ?"),
                    {QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)), id});
        }
        QCOMPARE(ids(QStringLiteral("kind=password-expiry")), (QStringList{QStringLiteral("AUDITOR001"), QStringLiteral("RECEPTION2")}));
        // The unlock through the API clears it from the report.
        const qint64 version = versionOf(token, QStringLiteral("NURSE00001"));
        QCOMPARE(as(token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/staff/status"),
                    {{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("version"), version},
                     {QStringLiteral("reason"), QStringLiteral("本人確認済み")}, {QStringLiteral("action"), QStringLiteral("unlock")}}).status,
                 200);
        QVERIFY(ids(QStringLiteral("kind=locked")).isEmpty());
        // The auditor reads the chain with the person behind each change.
        const QString auditor = login(*m_terminal, QStringLiteral("AUDITOR001"));
        const QJsonArray entries = as(auditor, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit?limit=1000")).json.value(QStringLiteral("entries")).toArray();
        // The auditor's own login comes last (the hub audits logins); the unlock just before it.
        QVERIFY(entries.size() >= 2);
        QCOMPARE(entries.last().toObject().value(QStringLiteral("action")).toString(), QStringLiteral("session.open"));
        const QJsonObject unlock = entries.at(entries.size() - 2).toObject();
        QCOMPARE(unlock.value(QStringLiteral("action")).toString(), QStringLiteral("user.unlock"));
        QCOMPARE(unlock.value(QStringLiteral("actor")).toString(), QStringLiteral("RECEPTION1"));
    }
};

QTEST_GUILESS_MAIN(TestHubAdmin)
#include "TestHubAdmin.moc"
