// AUTH-2 at the hub: reception issues a one-time code (CLI), a terminal logs in with code + password
// (POST /api/v1/session/fallback). SQLite; the account rules are the ones /session uses.

#include "HubClient.h"
#include "HubProcess.h"

#include "crypto/CertificateRequest.h"
#include "crypto/Digest.h"
#include "crypto/KeyPair.h"
#include "hub/storage/HubDatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>

using namespace ward;

class TestHubFallback : public QObject
{
    Q_OBJECT

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<HubClient> m_terminal;
    const QString m_nurse = QStringLiteral("NURSE00001");
    const QString m_password = QStringLiteral("Kango-001!x");

    const QString m_registrarPassword = QStringLiteral("Uketsuke-001!x");
    QString m_terminalId;

    bool cli(const QStringList& args, QByteArray* out = nullptr, const QByteArray& input = {})
    {
        QByteArray o, e;
        const int rc = m_hub->cli(args, &o, &e, input);
        if (rc != 0)
            qWarning("wardhub %s failed: %s", qPrintable(args.join(QLatin1Char(' '))), e.constData());
        if (out)
            *out = o;
        return rc == 0;
    }

    // Issued for `by`, who proves it with their own password at the console (issue 12).
    QString issue(const QString& by, const QStringList& extra = {})
    {
        const QString password = by == QLatin1String("RECEPTION1") ? m_registrarPassword : by == m_nurse ? m_password : QStringLiteral("Dareka-001!x");
        QByteArray out;
        if (!cli(QStringList{QStringLiteral("fallback-code"), QStringLiteral("--user"), m_nurse, QStringLiteral("--by"), by,
                             QStringLiteral("--password-file"), QStringLiteral("-")}
                     + extra,
                 &out, password.toUtf8() + '\n'))
            return {};
        return QRegularExpression(QStringLiteral("fallback code: (\\S+)")).match(QString::fromUtf8(out)).captured(1);
    }

    HubReply fallback(const QString& code, const QString& password)
    {
        return m_terminal->postJson(QStringLiteral("/api/v1/session/fallback"),
                                    {{QStringLiteral("userId"), m_nurse}, {QStringLiteral("code"), code},
                                     {QStringLiteral("password"), password}});
    }

    qint64 scalar(const QString& sql, const QVariantList& values = {})
    {
        ward::hub::HubDatabase db(m_hub->config());
        QSqlQuery q = db.exec(sql, values);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

private slots:
    void init()
    {
        m_hub = std::make_unique<HubProcess>(QStringLiteral("fb_") + QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(m_hub->init());
        QVERIFY(cli({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3")}));
        QTemporaryFile policy;
        QVERIFY(policy.open());
        policy.write("{\"password\":{\"nonResponseDelaysMs\":[0]},\"cards\":{\"allowUidBadges\":true}}");
        policy.close();
        QVERIFY(cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--file"), policy.fileName()}));
        QVERIFY(m_hub->bootstrapRegistrar(QStringLiteral("RECEPTION1"), m_registrarPassword));
        const QString temporary = m_hub->addStaff(m_nurse, QStringLiteral("看護 太郎"), QStringLiteral("nurse"), QStringLiteral("W3"));
        QVERIFY(!temporary.isEmpty());
        QVERIFY(cli({QStringLiteral("card"), QStringLiteral("bind"), QStringLiteral("--user"), m_nurse, QStringLiteral("--uid"), QStringLiteral("04A1B2C3")}));
        QVERIFY(m_hub->start());

        QByteArray enrolCode;
        QVERIFY(cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), QStringLiteral("W3")}, &enrolCode));
        const KeyPair key = KeyPair::generateP256();
        HubClient anon(m_hub->baseUrl(), m_hub->caPem());
        const HubReply e = anon.postJson(QStringLiteral("/api/v1/enrol"),
                                         {{QStringLiteral("code"), QString::fromLatin1(enrolCode.trimmed())},
                                          {QStringLiteral("csr"), QString::fromLatin1(CertificateRequest::createPem(key, QStringLiteral("pc")))},
                                          {QStringLiteral("terminalName"), QStringLiteral("test terminal")}});
        QCOMPARE(e.status, 201);
        m_terminalId = e.json.value(QStringLiteral("terminalId")).toString();
        m_terminal = std::make_unique<HubClient>(m_hub->baseUrl(), m_hub->caPem());
        m_terminal->setClientCertificate(e.json.value(QStringLiteral("certificate")).toString().toLatin1(), key.privatePem().toQByteArrayUnsafe());
        // AUTH-7: the temporary password only chooses the real one (with the card).
        const HubReply changed = m_terminal->postJson(
            QStringLiteral("/api/v1/password"),
            {{QStringLiteral("userId"), m_nurse}, {QStringLiteral("password"), temporary}, {QStringLiteral("newPassword"), m_password},
             {QStringLiteral("cardProof"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("uid")}, {QStringLiteral("uid"), QStringLiteral("04A1B2C3")}}}});
        QVERIFY2(changed.status == 200, changed.body.constData());
    }

    void cleanup()
    {
        m_terminal.reset();
        m_hub->stop();
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->log().constData());
        m_hub.reset();
    }

    // Proves: AUTH-2
    void codeAndPasswordOpenOneSession()
    {
        // Only an administrator with users.manage, proved by their password, may issue; nothing is stored otherwise.
        QVERIFY(issue(m_nurse).isEmpty());
        QVERIFY(issue(QStringLiteral("NOBODY0001")).isEmpty());
        QVERIFY(issue(QStringLiteral("RECEPTION1"), {QStringLiteral("--valid-hours"), QStringLiteral("13")}).isEmpty());
        // Issue 12: the administrator proves who they are; a wrong password issues nothing.
        QByteArray err;
        QCOMPARE(m_hub->cli({QStringLiteral("fallback-code"), QStringLiteral("--user"), m_nurse, QStringLiteral("--by"), QStringLiteral("RECEPTION1"),
                             QStringLiteral("--password-file"), QStringLiteral("-")},
                            nullptr, &err, "Not-her-password-1\n"),
                 1);
        QVERIFY2(err.contains("not correct"), err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes")), qint64(0));

        const QString code = issue(QStringLiteral("RECEPTION1"));
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")).match(code).hasMatch());
        // Only the SHA-256 of the code is stored; it expires after one shift.
        const QString normalised = QString(code).remove(QLatin1Char('-'));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes WHERE code_hash = ?"),
                        {QString::fromLatin1(Digest::sha256(normalised.toLatin1()).toHex())}),
                 qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes WHERE code_hash LIKE ?"), {QStringLiteral("%") + normalised + QStringLiteral("%")}), qint64(0));
        const qint64 validMs = scalar(QStringLiteral("SELECT expires_at - issued_at FROM fallback_codes"));
        QCOMPARE(validMs, qint64(8) * 3600 * 1000);

        // A wrong code: refused as such, counted as a failure, the password is not even looked at.
        HubReply r = fallback(QStringLiteral("AAAA-BBBB-CCCC"), m_password);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("fallback_code_invalid"));
        // The right code with a wrong password: login_failed, counted, and the code stays usable.
        r = fallback(code, QStringLiteral("Wrong-pass-99"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("login_failed"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes WHERE used_at IS NULL")), qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")), qint64(1)); // only the password-change one

        // Code (typed in lower case, dashes optional) + password: the normal session reply, marked as fallback.
        r = fallback(normalised.toLower(), m_password);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("fallback")).toBool(), true);
        QVERIFY(!r.json.value(QStringLiteral("token")).toString().isEmpty());
        QCOMPARE(r.json.value(QStringLiteral("profile")).toObject().value(QStringLiteral("userId")).toString(), m_nurse);
        // AUTH-9: both failures above were counted.
        QCOMPARE(r.json.value(QStringLiteral("lastLogin")).toObject().value(QStringLiteral("failedAttemptsSince")).toInt(), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes WHERE used_at IS NOT NULL AND used_terminal IS NOT NULL")), qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")), qint64(2));

        // Single use.
        r = fallback(code, m_password);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("fallback_code_invalid"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")), qint64(2));

        // An expired code (the hub judges expiry on its own clock: age it in the database).
        const QString late = issue(QStringLiteral("RECEPTION1"), {QStringLiteral("--valid-hours"), QStringLiteral("1")});
        QVERIFY(!late.isEmpty());
        {
            ward::hub::HubDatabase db(m_hub->config());
            db.exec(QStringLiteral("UPDATE fallback_codes SET expires_at = ? WHERE used_at IS NULL"), {QDateTime::currentMSecsSinceEpoch() - 1000});
        }
        r = fallback(late, m_password);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("fallback_code_invalid"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes WHERE used_at IS NULL")), qint64(1));

        // The hub's audit chain holds the issues and the use (flagged for review), never the code, and verifies.
        ward::hub::HubDatabase db(m_hub->config());
        QSqlQuery q = db.exec(QStringLiteral("SELECT actor, action, detail FROM hub_audit WHERE action IN"
                                             " ('user.fallback-code.issue', 'session.fallback') ORDER BY seq"));
        QStringList actions;
        while (q.next()) {
            actions << q.value(1).toString();
            const QJsonObject detail = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
            QCOMPARE(detail.value(QStringLiteral("user")).toString(), m_nurse);
            QVERIFY(!q.value(2).toString().contains(normalised));
            if (actions.last() == QLatin1String("session.fallback")) {
                QCOMPARE(detail.value(QStringLiteral("review")).toBool(), true);
                QCOMPARE(q.value(0).toString(), m_nurse);
            } else {
                QCOMPARE(q.value(0).toString(), QStringLiteral("RECEPTION1"));
                QCOMPARE(detail.value(QStringLiteral("admin")).toString(), QStringLiteral("RECEPTION1"));
                QCOMPARE(detail.value(QStringLiteral("proof")).toString(), QStringLiteral("password"));
                QVERIFY(detail.value(QStringLiteral("console")).toString().startsWith(QLatin1String("operator@")));
                QVERIFY(QDateTime::fromString(detail.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs).isValid());
            }
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("user.fallback-code.issue"), QStringLiteral("session.fallback"),
                                       QStringLiteral("user.fallback-code.issue")}));
        QByteArray out;
        QVERIFY2(cli({QStringLiteral("check")}, &out), out.constData());
    }

    void accountRulesStillApply()
    {
        // A disabled account is refused before anything is checked; the code is not spent.
        const QString code = issue(QStringLiteral("RECEPTION1"));
        QVERIFY(!code.isEmpty());
        QVERIFY(m_hub->fixture({QStringLiteral("status"), QStringLiteral("--id"), m_nurse, QStringLiteral("--action"), QStringLiteral("disable")}));
        HubReply r = fallback(code, m_password);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("account_disabled"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes WHERE used_at IS NULL")), qint64(1));
        QVERIFY(m_hub->fixture({QStringLiteral("status"), QStringLiteral("--id"), m_nurse, QStringLiteral("--action"), QStringLiteral("enable")}));
        r = fallback(code, m_password);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("fallback")).toBool(), true);
    }

    void badRequestsChangeNothing()
    {
        HubReply r = m_terminal->postJson(QStringLiteral("/api/v1/session/fallback"), {{QStringLiteral("userId"), m_nurse}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
        // Without a terminal certificate there is no fallback login either.
        HubClient anon(m_hub->baseUrl(), m_hub->caPem());
        r = anon.postJson(QStringLiteral("/api/v1/session/fallback"), {{QStringLiteral("userId"), m_nurse}});
        QCOMPARE(r.status, 401);
        // An unknown user looks like a wrong code.
        r = m_terminal->postJson(QStringLiteral("/api/v1/session/fallback"),
                                 {{QStringLiteral("userId"), QStringLiteral("GHOST00001")}, {QStringLiteral("code"), QStringLiteral("AAAA-BBBB-CCCC")},
                                  {QStringLiteral("password"), m_password}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("fallback_code_invalid"));
    }
    // Issue 14: every login the hub sees is in its own audit chain, attributed to the person and the terminal: the
    // login, each failure, the refusal of a locked account, the lockout, the (emergency) unlock, the fallback login.
    void hubAuditsEveryLoginEvent()
    {
        auto login = [&](const QString& password) {
            return m_terminal->postJson(QStringLiteral("/api/v1/session"),
                                        {{QStringLiteral("userId"), m_nurse}, {QStringLiteral("password"), password},
                                         {QStringLiteral("cardProof"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("uid")},
                                                                                   {QStringLiteral("uid"), QStringLiteral("04A1B2C3")}}}});
        };
        auto count = [&](const QString& action) {
            return scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit WHERE action = ? AND actor = ? AND detail LIKE ?"),
                          {action, m_nurse, QStringLiteral("%\"terminal\":\"%1\"%").arg(m_terminalId)});
        };
        const qint64 opened = count(QStringLiteral("session.open"));  // the password change at init opened one
        QCOMPARE(login(m_password).status, 200);
        QCOMPARE(count(QStringLiteral("session.open")), opened + 1);
        for (int i = 0; i < 5; ++i)
            QVERIFY(login(QStringLiteral("Wrong-pass-00%1").arg(i)).status != 200);
        QCOMPARE(count(QStringLiteral("session.failed")), qint64(5));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit WHERE action = 'user.locked' AND detail LIKE ?"),
                        {QStringLiteral("%%1%").arg(m_nurse)}),
                 qint64(1));
        // The right password on a locked account: refused, and that refusal is there too.
        QCOMPARE(login(m_password).status, 403);
        QCOMPARE(count(QStringLiteral("session.refused")), qint64(1));
        QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit WHERE action = 'session.refused' AND detail LIKE '%account_locked%'")) == 1);
        QVERIFY(cli({QStringLiteral("emergency-unlock"), QStringLiteral("--id"), m_nurse, QStringLiteral("--reason"),
                     QStringLiteral("夜勤中のロック、本人確認済み")}));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit WHERE action = 'user.unlock' AND detail LIKE ?"),
                        {QStringLiteral("%%1%").arg(m_nurse)}),
                 qint64(1));
        const QString code = issue(QStringLiteral("RECEPTION1"));
        QVERIFY(!code.isEmpty());
        QCOMPARE(fallback(code, m_password).status, 200);
        QCOMPARE(count(QStringLiteral("session.fallback")), qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit WHERE action = 'session.open' AND detail LIKE '%\"factor\":\"code\"%'")),
                 qint64(1));
        // Nothing of a password in the chain, and the chain verifies.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit WHERE detail LIKE '%Wrong-pass%' OR detail LIKE ?"),
                        {QStringLiteral("%%1%").arg(m_password)}),
                 qint64(0));
        QByteArray out;
        QVERIFY2(cli({QStringLiteral("check")}, &out), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestHubFallback)
#include "TestHubFallback.moc"
