// The IT console's terminals (issue 13) against a real wardhub over loopback mutual TLS, its clock in the test's
// hands (hub_clock_server): the list with what each terminal last told the hub, enrolment codes shown once with the
// CA fingerprint, revocation with a reason. Refusals: no permission (a reception clerk), no session, missing or
// overlong reason, unknown terminal, unknown ward, an expired code; a refusal writes nothing.

#include "AdminHubTest.h"

#include "crypto/CertificateAuthority.h"
#include "crypto/KeyPair.h"
#include "hub/storage/HubDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>

using ward::Certificate;
using ward::CertificateAuthority;
using ward::CertificateProfile;
using ward::CertificateRequest;
using ward::KeyPair;
using ward::SecureBytes;

class TestHubTerminalAdmin : public AdminHubTest
{
    Q_OBJECT

    QString m_terminalId;

    QJsonObject listed(const QString& token, const QString& terminalId)
    {
        const HubReply r = as(*m_terminal, token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/terminals"));
        for (const QJsonValue& t : r.json.value(QStringLiteral("terminals")).toArray())
            if (t.toObject().value(QStringLiteral("terminalId")).toString() == terminalId)
                return t.toObject();
        return {};
    }

    QList<QJsonObject> audit(const QString& action) { return m_hub->auditEntries(action); }

    HubReply enrol(const QString& code)
    {
        const KeyPair key = KeyPair::generateP256();
        HubClient anon(m_hub->baseUrl(), m_hub->caPem());
        return anon.postJson(QStringLiteral("/api/v1/enrol"),
                             {{QStringLiteral("code"), code}, {QStringLiteral("csr"), QString::fromLatin1(CertificateRequest::createPem(key, QStringLiteral("pc")))},
                              {QStringLiteral("terminalName"), QStringLiteral("ナースステーション 2")}});
    }

    static const QString& it() { static const QString id = QStringLiteral("ITSTAFF001"); return id; }
    static const QString& clerk() { static const QString id = QStringLiteral("RECEPTION1"); return id; }

private slots:
    void init()
    {
        m_cards.clear();
        m_passwords.clear();
        m_hub = std::make_unique<HubProcess>(QStringLiteral("terminal_admin_") + QString::fromLatin1(QTest::currentTestFunction()));
        m_hub->useTestClock();
        QVERIFY(m_hub->init());
        QVERIFY(m_hub->admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3")}));
        m_passwords.insert(clerk(), QStringLiteral("Uketsuke-001!x"));
        QVERIFY(m_hub->bootstrapRegistrar(clerk(), m_passwords[clerk()]));
        QVERIFY(bindCard(clerk()));
        const QString temporary = m_hub->addStaff(it(), QStringLiteral("情報 一郎"), QStringLiteral("it"), QStringLiteral("W3"), true);
        QVERIFY(!temporary.isEmpty());
        QVERIFY(bindCard(it()));
        QVERIFY(m_hub->start());
        m_terminal = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"), &m_terminalId);
        QVERIFY(m_terminal);
        // The IT person's first login: the temporary password exchanged with the card.
        m_passwords.insert(it(), QStringLiteral("Jouhou-Ichiro1!"));
        const HubReply first = m_terminal->postJson(QStringLiteral("/api/v1/password"),
                                                    {{QStringLiteral("userId"), it()}, {QStringLiteral("password"), temporary},
                                                     {QStringLiteral("newPassword"), m_passwords[it()]},
                                                     {QStringLiteral("cardProof"), m_terminal->pivProof(*m_cards[it()])}});
        QVERIFY2(first.status == 200, first.body.constData());
    }

    void cleanup()
    {
        m_terminal.reset();
        m_hub->stop();
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->log().constData());
        m_hub.reset();
    }

    // Only terminals.manage opens the routes; a refusal changes nothing.
    // Proves: CFG-1
    void theRoutesNeedTerminalsManage()
    {
        QString otherId;
        auto other = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"), &otherId);
        QVERIFY(other);
        const QList<QPair<QString, QPair<QString, QJsonObject>>> routes{
            {QStringLiteral("GET"), {QStringLiteral("/api/v1/admin/terminals"), {}}},
            {QStringLiteral("POST"), {QStringLiteral("/api/v1/admin/terminals/enrol-code"), {{QStringLiteral("ward"), QStringLiteral("W3")}}}},
            {QStringLiteral("POST"), {QStringLiteral("/api/v1/admin/terminals/revoke"),
                                      {{QStringLiteral("terminalId"), otherId}, {QStringLiteral("reason"), QStringLiteral("test")}}}},
        };
        const qint64 codesBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM enrol_codes"));
        const QString clerkToken = login(*m_terminal, clerk());
        QVERIFY(!clerkToken.isEmpty());
        const qint64 auditBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit"));  // after the login, which the hub audits
        for (const auto& route : routes) {
            const HubReply none = as(*m_terminal, QString(), route.first, route.second.first, route.second.second);
            QVERIFY2(none.status == 401 && none.errorCode() == QLatin1String("session_invalid"), none.body.constData());
            const HubReply refused = as(*m_terminal, clerkToken, route.first, route.second.first, route.second.second);
            QVERIFY2(refused.status == 403 && refused.errorCode() == QLatin1String("permission_denied"), refused.body.constData());
        }
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit")), auditBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM enrol_codes")), codesBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM terminals WHERE status = 'revoked'")), 0);
        // The IT person's session is an admin session with the permission.
        const HubReply session = as(*m_terminal, login(*m_terminal, it()), QStringLiteral("GET"), QStringLiteral("/api/v1/admin/session"));
        QVERIFY(session.json.value(QStringLiteral("permissions")).toArray().contains(QStringLiteral("terminals.manage")));
    }

    // What each terminal last said (its version and clock, as core/sync HubClient sends them on every request); the
    // hub's clock is ten minutes ahead, so the terminal is reported ten minutes behind. No audit head is invented.
    // Proves: CL-1, CL-7
    void theListShowsWhatEachTerminalLastSaid()
    {
        QByteArray certPem, keyPem;
        QString otherId;
        QVERIFY(m_hub->enrolTerminal(QStringLiteral("W3"), &certPem, &keyPem, &otherId));
        QString token = login(*m_terminal, it());
        QJsonObject other = listed(token, otherId);
        QCOMPARE(other.value(QStringLiteral("ward")).toString(), QStringLiteral("W3"));
        QCOMPARE(other.value(QStringLiteral("name")).toString(), QStringLiteral("test terminal"));
        QCOMPARE(other.value(QStringLiteral("status")).toString(), QStringLiteral("enrolled"));
        QVERIFY(other.value(QStringLiteral("lastContactAt")).isNull());
        QVERIFY(other.value(QStringLiteral("programVersion")).isNull());
        QVERIFY(other.value(QStringLiteral("clockSkewMs")).isNull());
        QVERIFY(other.value(QStringLiteral("auditHeadAcknowledged")).isNull());
        // The terminal asking the list has been in contact (this very request), with no version header.
        const QJsonObject self = listed(token, m_terminalId);
        QVERIFY(QDateTime::fromString(self.value(QStringLiteral("lastContactAt")).toString(), Qt::ISODateWithMs).isValid());
        const HubReply list = as(*m_terminal, token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/terminals"));
        QVERIFY(list.json.value(QStringLiteral("wards")).toArray().contains(QJsonObject{{QStringLiteral("id"), QStringLiteral("W3")},
                                                                                        {QStringLiteral("name"), QStringLiteral("W3")}}));

        QVERIFY(m_hub->advanceClock(10 * 60 * 1000));
        // As the terminal's client (core/sync HubClient) says it on every request.
        HubClient client(m_hub->baseUrl(), m_hub->caPem());
        client.setClientCertificate(certPem, keyPem);
        client.setHeader("X-Ward-Version", "1.4.2");
        client.setHeader("X-Ward-Terminal-Time", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1());
        const HubReply pulled = client.get(QStringLiteral("/api/v1/changes?cursor=0&limit=10"));
        QVERIFY2(pulled.status == 200, pulled.body.constData());

        token = login(*m_terminal, it()); // the first session idled out while the clock moved
        other = listed(token, otherId);
        QCOMPARE(other.value(QStringLiteral("programVersion")).toString(), QStringLiteral("1.4.2"));
        const qint64 skew = other.value(QStringLiteral("clockSkewMs")).toInteger();
        QVERIFY2(qAbs(skew + 10 * 60 * 1000) < 30000, qPrintable(QString::number(skew)));
        const QDateTime contact = QDateTime::fromString(other.value(QStringLiteral("lastContactAt")).toString(), Qt::ISODateWithMs);
        const QDateTime sync = QDateTime::fromString(other.value(QStringLiteral("lastSyncAt")).toString(), Qt::ISODateWithMs);
        QVERIFY(sync.isValid());
        QCOMPARE(sync, contact);
        QVERIFY(qAbs(contact.msecsTo(QDateTime::currentDateTimeUtc().addSecs(600))) < 30000);
        QVERIFY(other.value(QStringLiteral("auditHeadAcknowledged")).isNull());
    }

    // The code comes once, with its expiry and the CA fingerprint; the hub keeps its hash, the audit chain the person.
    void anEnrolmentCodeIsShownOnceAndEnrolsOnce()
    {
        const QString token = login(*m_terminal, it());
        const HubReply r = as(*m_terminal, token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/terminals/enrol-code"),
                              {{QStringLiteral("ward"), QStringLiteral("W3")}, {QStringLiteral("validMinutes"), 5}});
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(r.cacheControl, QByteArray("no-store"));
        const QString code = r.json.value(QStringLiteral("code")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$")).match(code).hasMatch(), qPrintable(code));
        QCOMPARE(r.json.value(QStringLiteral("ward")).toString(), QStringLiteral("W3"));
        const QDateTime expires = QDateTime::fromString(r.json.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(expires.msecsTo(QDateTime::currentDateTimeUtc().addSecs(5 * 60))) < 30000);
        QCOMPARE(r.json.value(QStringLiteral("caFingerprint")).toString(), Certificate::fromPem(m_hub->caPem())->sha256FingerprintText());
        QCOMPARE(r.json.value(QStringLiteral("caFingerprint")).toString().size(), 32 * 3 - 1);
        // Only the code's hash is kept, and the audit entry names the person, their terminal and the ward, not the code.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM enrol_codes WHERE code_hash = ?"), {code}), 0);
        const QList<QJsonObject> created = audit(QStringLiteral("enrol_code.create"));
        QCOMPARE(created.last().value(QStringLiteral("actor")).toString(), it());
        QCOMPARE(created.last().value(QStringLiteral("adminTerminal")).toString(), m_terminalId);
        QCOMPARE(created.last().value(QStringLiteral("ward")).toString(), QStringLiteral("W3"));
        QVERIFY(!QJsonDocument(created.last()).toJson().contains(code.toLatin1()));

        const HubReply enrolled = enrol(code);
        QVERIFY2(enrolled.status == 201, enrolled.body.constData());
        QCOMPARE(enrolled.json.value(QStringLiteral("ward")).toString(), QStringLiteral("W3"));
        QCOMPARE(enrol(code).errorCode(), QStringLiteral("enrol_code_used"));
        QCOMPARE(listed(token, enrolled.json.value(QStringLiteral("terminalId")).toString()).value(QStringLiteral("name")).toString(),
                 QStringLiteral("ナースステーション 2"));
    }

    void badEnrolmentCodeRequestsAreRefused()
    {
        const QString token = login(*m_terminal, it());
        const qint64 codesBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM enrol_codes"));
        const HubReply unknown = as(*m_terminal, token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/terminals/enrol-code"),
                                    {{QStringLiteral("ward"), QStringLiteral("W9")}});
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM wards WHERE id = 'W9'")), 0);
        for (const QJsonObject& bad : {QJsonObject{}, QJsonObject{{QStringLiteral("ward"), QStringLiteral("W3 ")}},
                                       QJsonObject{{QStringLiteral("ward"), QStringLiteral("W3")}, {QStringLiteral("validMinutes"), 0}},
                                       QJsonObject{{QStringLiteral("ward"), QStringLiteral("W3")}, {QStringLiteral("validMinutes"), 1.5}},
                                       QJsonObject{{QStringLiteral("ward"), QStringLiteral("W3")}, {QStringLiteral("validMinutes"), 7 * 24 * 60 + 1}}}) {
            const HubReply r = as(*m_terminal, token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/terminals/enrol-code"), bad);
            QVERIFY2(r.status == 400 && r.errorCode() == QLatin1String("bad_request"), r.body.constData());
        }
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM enrol_codes")), codesBefore);
    }

    // A code past its lifetime enrols nothing (the hub's clock moved past it).
    void anExpiredEnrolmentCodeIsRefused()
    {
        const QString token = login(*m_terminal, it());
        const HubReply r = as(*m_terminal, token, QStringLiteral("POST"), QStringLiteral("/api/v1/admin/terminals/enrol-code"),
                              {{QStringLiteral("ward"), QStringLiteral("W3")}, {QStringLiteral("validMinutes"), 1}});
        QCOMPARE(r.status, 201);
        QVERIFY(m_hub->advanceClock(2 * 60 * 1000));
        const qint64 terminalsBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM terminals"));
        const HubReply late = enrol(r.json.value(QStringLiteral("code")).toString());
        QCOMPARE(late.status, 403);
        QCOMPARE(late.errorCode(), QStringLiteral("enrol_code_expired"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM terminals")), terminalsBefore);
    }

    // Revoked with a reason: the terminal's next request fails, its network slot is never released again, and the
    // list says who revoked it, when and why.
    void aRevokedTerminalIsRefusedFromItsNextRequest()
    {
        QString otherId;
        auto other = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"), &otherId);
        QVERIFY(other);
        const QString there = login(*other, it());
        other->setBearerToken(there);
        QCOMPARE(other->get(QStringLiteral("/api/v1/network-slot-key")).status, 200);

        const QString token = login(*m_terminal, it());
        const QString path = QStringLiteral("/api/v1/admin/terminals/revoke");
        const qint64 auditBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit"));
        for (const QJsonObject& bad : {QJsonObject{{QStringLiteral("terminalId"), otherId}},
                                       QJsonObject{{QStringLiteral("terminalId"), otherId}, {QStringLiteral("reason"), QStringLiteral("   ")}},
                                       QJsonObject{{QStringLiteral("terminalId"), otherId}, {QStringLiteral("reason"), QString(201, QLatin1Char('x'))}},
                                       QJsonObject{{QStringLiteral("reason"), QStringLiteral("盗難")}}}) {
            const HubReply r = as(*m_terminal, token, QStringLiteral("POST"), path, bad);
            QVERIFY2(r.status == 400 && r.errorCode() == QLatin1String("bad_request"), r.body.constData());
        }
        const HubReply unknown = as(*m_terminal, token, QStringLiteral("POST"), path,
                                    {{QStringLiteral("terminalId"), QStringLiteral("T-no-such-terminal")}, {QStringLiteral("reason"), QStringLiteral("盗難")}});
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit")), auditBefore);
        QCOMPARE(other->get(QStringLiteral("/api/v1/network-slot-key")).status, 200);

        const QString reason = QStringLiteral("盗難届 (theft reported), 3階東病棟");
        const HubReply revoked = as(*m_terminal, token, QStringLiteral("POST"), path,
                                    {{QStringLiteral("terminalId"), otherId}, {QStringLiteral("reason"), reason}});
        QVERIFY2(revoked.status == 200, revoked.body.constData());
        for (const QString& p : {QStringLiteral("/api/v1/network-slot-key"), QStringLiteral("/api/v1/time")}) {
            const HubReply r = other->get(p);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), QStringLiteral("terminal_revoked"));
        }
        const QJsonObject row = listed(token, otherId);
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        const QJsonObject revocation = row.value(QStringLiteral("revocation")).toObject();
        QCOMPARE(revocation.value(QStringLiteral("by")).toString(), it());
        QCOMPARE(revocation.value(QStringLiteral("reason")).toString(), reason);
        QVERIFY(QDateTime::fromString(revocation.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs).isValid());
        const QJsonObject entry = audit(QStringLiteral("terminal.revoke")).last();
        QCOMPARE(entry.value(QStringLiteral("actor")).toString(), it());
        QCOMPARE(entry.value(QStringLiteral("terminal")).toString(), otherId);
        QCOMPARE(entry.value(QStringLiteral("adminTerminal")).toString(), m_terminalId);
        QCOMPARE(entry.value(QStringLiteral("reason")).toString(), reason);
        // Revoking again changes nothing: the first reason stays, no second entry.
        QCOMPARE(as(*m_terminal, token, QStringLiteral("POST"), path,
                    {{QStringLiteral("terminalId"), otherId}, {QStringLiteral("reason"), QStringLiteral("again")}}).status, 200);
        QCOMPARE(listed(token, otherId).value(QStringLiteral("revocation")).toObject().value(QStringLiteral("reason")).toString(), reason);
        QCOMPARE(audit(QStringLiteral("terminal.revoke")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHubTerminalAdmin)
#include "TestHubTerminalAdmin.moc"
