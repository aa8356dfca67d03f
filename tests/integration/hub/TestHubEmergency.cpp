// BCP-1 at the hub: a ward's emergency account is made by two people (the second approves and gets the sealed
// letter's password, once), logs in without a card with the real person's name and a reason
// (POST /api/v1/session/emergency), is flagged for review and raised as an alert, closes after its use period until
// a new letter is approved, and can be tested periodically without being used up. SQLite and PostgreSQL.

#include "AuditChainBuilder.h"
#include "HubClient.h"
#include "HubProcess.h"

#include "auth/EmergencyLetterKey.h"
#include "crypto/CertificateRequest.h"
#include "crypto/KeyPair.h"
#include "hub/storage/HubDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>

using namespace ward;

class TestHubEmergency : public QObject
{
    Q_OBJECT

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<HubClient> m_terminal;
    const QString m_account = QStringLiteral("EMERGW3001");
    const QString m_first = QStringLiteral("RECEPTION1");
    const QString m_firstPassword = QStringLiteral("Uketsuke-001!x");
    const QString m_second = QStringLiteral("RECEPTION2");
    const QString m_secondPassword = QStringLiteral("Uketsuke-002!x");

    bool cli(const QStringList& args, QByteArray* out = nullptr, const QByteArray& input = {}, QByteArray* err = nullptr)
    {
        QByteArray o, e;
        const int rc = m_hub->cli(args, &o, &e, input);
        if (out)
            *out = o;
        if (err)
            *err = e;
        return rc == 0;
    }

    bool asPerson(const QString& by, const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr)
    {
        const QString password = by == m_first ? m_firstPassword : m_secondPassword;
        return cli(args + QStringList{QStringLiteral("--by"), by, QStringLiteral("--password-file"), QStringLiteral("-")}, out,
                   password.toUtf8() + '\n', err);
    }

    bool request(const QString& by, QByteArray* err = nullptr, const QString& id = {})
    {
        return asPerson(by, {QStringLiteral("emergency"), QStringLiteral("request"), QStringLiteral("--id"), id.isEmpty() ? m_account : id,
                             QStringLiteral("--ward"), QStringLiteral("W3")},
                        nullptr, err);
    }

    // The letter's password, or empty.
    QString approve(const QString& by, QByteArray* err = nullptr)
    {
        QByteArray out;
        if (!asPerson(by, {QStringLiteral("emergency"), QStringLiteral("approve"), QStringLiteral("--id"), m_account}, &out, err))
            return {};
        return QRegularExpression(QStringLiteral("password: (\\S+)")).match(QString::fromUtf8(out)).captured(1);
    }

    HubReply emergencyLogin(const QString& password, bool test = false, const QString& realName = QStringLiteral("応援 医師（山田病院）"),
                            const QString& reason = QStringLiteral("IC card system down during the night shift"))
    {
        QJsonObject body{{QStringLiteral("accountId"), m_account}, {QStringLiteral("password"), password},
                         {QStringLiteral("realName"), realName}, {QStringLiteral("test"), test}};
        if (!reason.isNull())
            body.insert(QStringLiteral("reason"), reason);
        return m_terminal->postJson(QStringLiteral("/api/v1/session/emergency"), body);
    }


    qint64 scalar(const QString& sql, const QVariantList& values = {})
    {
        ward::hub::HubDatabase db(m_hub->config());
        QSqlQuery q = db.exec(sql, values);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    // A second registrar (reception role) whose temporary password was changed with their card.
    void addSecondRegistrar()
    {
        const QString temporary = m_hub->addStaff(m_second, QStringLiteral("受付 花子"), QStringLiteral("reception"), QStringLiteral("W3"));
        QVERIFY(!temporary.isEmpty());
        QVERIFY(cli({QStringLiteral("card"), QStringLiteral("bind"), QStringLiteral("--user"), m_second, QStringLiteral("--uid"), QStringLiteral("04A1B2C4")}));
        const HubReply changed = m_terminal->postJson(
            QStringLiteral("/api/v1/password"),
            {{QStringLiteral("userId"), m_second}, {QStringLiteral("password"), temporary}, {QStringLiteral("newPassword"), m_secondPassword},
             {QStringLiteral("cardProof"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("uid")}, {QStringLiteral("uid"), QStringLiteral("04A1B2C4")}}}});
        QVERIFY2(changed.status == 200, changed.body.constData());
    }

private slots:
    void init()
    {
        m_hub = std::make_unique<HubProcess>(QStringLiteral("em_") + QString::fromLatin1(QTest::currentTestFunction()));
        m_hub->useTestClock();
        QVERIFY(m_hub->init());
        QVERIFY(cli({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3")}));
        QTemporaryFile policy;
        QVERIFY(policy.open());
        policy.write("{\"password\":{\"nonResponseDelaysMs\":[0]},\"cards\":{\"allowUidBadges\":true},"
                     "\"emergency\":{\"sessionMinutes\":20,\"useHours\":8}}");
        policy.close();
        QVERIFY(cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--file"), policy.fileName()}));
        QVERIFY(m_hub->bootstrapRegistrar(m_first, m_firstPassword));
        QVERIFY(m_hub->start());
        QByteArray cert, key;
        QVERIFY(m_hub->enrolTerminal(QStringLiteral("W3"), &cert, &key));
        m_terminal = std::make_unique<HubClient>(m_hub->baseUrl(), m_hub->caPem());
        m_terminal->setClientCertificate(cert, key);
        addSecondRegistrar();
    }

    void cleanup()
    {
        m_terminal.reset();
        m_hub->stop();
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->log().constData());
        m_hub.reset();
    }

    // Proves: AUTH-4, AC-4, BCP-1
    void twoPeopleMakeTheLetter()
    {
        QByteArray err;
        // Obviously named: only EMERG… ids, and a staff ID never starts so.
        QVERIFY(!request(m_first, &err, QStringLiteral("NURSE00009")));
        QVERIFY2(err.contains("EMERG"), err.constData());
        QVERIFY(m_hub->addStaff(QStringLiteral("EMERG12345"), QStringLiteral("誰か"), QStringLiteral("nurse"), QStringLiteral("W3")).isEmpty());
        // Not an administrator: nothing is asked.
        QVERIFY(!cli({QStringLiteral("emergency"), QStringLiteral("request"), QStringLiteral("--id"), m_account, QStringLiteral("--ward"),
                      QStringLiteral("W3"), QStringLiteral("--by"), QStringLiteral("NOBODY0001"), QStringLiteral("--password-file"), QStringLiteral("-")},
                     nullptr, "Whatever-001!x\n"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM emergency_accounts")), qint64(0));

        QVERIFY(request(m_first, &err));
        // Before a second person approves, nothing logs in with it.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE id = ? AND status = 'disabled'"), {m_account}), qint64(1));
        HubReply r = emergencyLogin(QStringLiteral("ABCD-EFGH-JKMN-PQRS"));
        QCOMPARE(r.status, 403);
        // A second request while one waits is refused; the one who asked cannot approve.
        QVERIFY(!request(m_second, &err));
        QVERIFY2(err.contains("awaits"), err.constData());
        QVERIFY(approve(m_first, &err).isEmpty());
        QVERIFY2(err.contains("another person"), err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT letter_serial FROM emergency_accounts")), qint64(0));

        const QString password = approve(m_second, &err);
        QVERIFY2(QRegularExpression(QStringLiteral("^([A-Z2-9]{4}-){3}[A-Z2-9]{4}$")).match(password).hasMatch(), err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT letter_serial FROM emergency_accounts")), qint64(1));
        // Approving again needs a new request.
        QVERIFY(approve(m_first, &err).isEmpty());
        QVERIFY2(err.contains("Nothing awaits"), err.constData());

        // The chain names both people and never the password.
        const QList<QJsonObject> asked = m_hub->auditEntries(QStringLiteral("emergency.request"));
        const QList<QJsonObject> approved = m_hub->auditEntries(QStringLiteral("emergency.approve"));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().value(QStringLiteral("actor")).toString(), m_first);
        QCOMPARE(approved.size(), 1);
        QCOMPARE(approved.first().value(QStringLiteral("actor")).toString(), m_second);
        QCOMPARE(approved.first().value(QStringLiteral("requestedBy")).toString(), m_first);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit WHERE detail LIKE ?"),
                        {QStringLiteral("%") + QString(password).remove(QLatin1Char('-')).left(8) + QStringLiteral("%")}),
                 qint64(0));

        QByteArray listed;
        QVERIFY(cli({QStringLiteral("emergency"), QStringLiteral("list")}, &listed));
        QVERIFY2(listed.contains("EMERGW3001  ward W3  active  letter 1"), listed.constData());
    }

    // Proves: AUTH-13, BCP-1
    void useIsFlaggedShortAndClosesAfterItsPeriod()
    {
        QVERIFY(request(m_first));
        const QString password = approve(m_second);
        QVERIFY(!password.isEmpty());

        // Who is at the terminal, and why, are required.
        QCOMPARE(emergencyLogin(password, false, QString()).status, 400);
        QCOMPARE(emergencyLogin(password, false, QStringLiteral("応援 医師"), QString()).status, 400);
        QCOMPARE(emergencyLogin(password, false, QStringLiteral("x").repeated(101)).status, 400);
        // A wrong password is a failed attempt like any login.
        HubReply r = emergencyLogin(QStringLiteral("ABCD-EFGH-JKMN-PQRS"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("login_failed"));
        QCOMPARE(m_hub->auditEntries(QStringLiteral("session.failed")).last().value(QStringLiteral("user")).toString(), m_account);

        // The periodic test: proves the letter, opens no session, uses nothing up, and is reported as a test.
        r = emergencyLogin(password, true, QStringLiteral("情報 管理者"), QString());
        QVERIFY2(r.status == 200, r.body.constData());
        QVERIFY(r.json.value(QStringLiteral("test")).toBool());
        QVERIFY(!r.json.contains(QStringLiteral("token")));
        QCOMPARE(m_hub->auditEntries(QStringLiteral("emergency.test")).size(), 1);
        QCOMPARE(m_hub->auditEntries(QStringLiteral("emergency.login")).size(), 0);
        QVERIFY(scalar(QStringLiteral("SELECT last_test_at FROM emergency_accounts")) > 0);

        // A real use, typed in lower case without dashes: a short, flagged session for the ward.
        const QString typed = QString(password).remove(QLatin1Char('-')).toLower();
        r = emergencyLogin(typed);
        QVERIFY2(r.status == 200, r.body.constData());
        const QString token = r.json.value(QStringLiteral("token")).toString();
        QVERIFY(!token.isEmpty());
        const QJsonObject e = r.json.value(QStringLiteral("emergency")).toObject();
        QCOMPARE(e.value(QStringLiteral("sessionMinutes")).toInt(), 20);
        QCOMPARE(e.value(QStringLiteral("realName")).toString(), QStringLiteral("応援 医師（山田病院）"));
        QCOMPARE(e.value(QStringLiteral("state")).toString(), QStringLiteral("in-use"));
        QCOMPARE(r.json.value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("emergency")});
        QCOMPARE(r.json.value(QStringLiteral("profile")).toObject().value(QStringLiteral("wards")).toArray(), QJsonArray{QStringLiteral("W3")});
        const qint64 periodMs = QDateTime::fromString(e.value(QStringLiteral("usableUntil")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()
            - QDateTime::fromString(e.value(QStringLiteral("firstUsedAt")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        QCOMPARE(periodMs, qint64(8) * 3600 * 1000);
        const QList<QJsonObject> used = m_hub->auditEntries(QStringLiteral("emergency.login"));
        QCOMPARE(used.size(), 1);
        QVERIFY(used.first().value(QStringLiteral("review")).toBool());
        QCOMPARE(used.first().value(QStringLiteral("realName")).toString(), QStringLiteral("応援 医師（山田病院）"));
        QCOMPARE(used.first().value(QStringLiteral("reason")).toString(), QStringLiteral("IC card system down during the night shift"));
        QCOMPARE(m_hub->auditEntries(QStringLiteral("session.open")).last().value(QStringLiteral("factor")).toString(), QStringLiteral("emergency"));
        // The session's token works like any other (the vault's network slot for this terminal).
        m_terminal->setBearerToken(token);
        const HubReply slot = m_terminal->get(QStringLiteral("/api/v1/network-slot-key"));
        m_terminal->setBearerToken(QString());
        QVERIFY2(slot.status == 200, slot.body.constData());

        // While in use, another login with the letter continues the same period; a test is not possible.
        QCOMPARE(emergencyLogin(password).status, 200);
        r = emergencyLogin(password, true);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("emergency_not_active"));
        QVERIFY(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("inUse")).toBool());  // the terminal words it

        // After the period the account is closed until a new letter; the refusal is audited, nothing is counted.
        QVERIFY(m_hub->advanceClock(qint64(8) * 3600 * 1000 + 1000));
        r = emergencyLogin(password);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("emergency_account_spent"));
        QVERIFY2(QDateTime::fromString(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("firstUsedAt")).toString(),
                                       Qt::ISODateWithMs)
                     .isValid(),
                 r.body.constData());
        QVERIFY(m_hub->auditEntries(QStringLiteral("emergency.refused")).size() >= 1);
        QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("new letter")),
                 r.body.constData());

        // A new letter by two people: the old password is dead, the new one works and starts a new period.
        QVERIFY(request(m_second));
        const QString next = approve(m_first);
        QVERIFY(!next.isEmpty());
        QVERIFY(next != password);
        r = emergencyLogin(password);
        QCOMPARE(r.status, 401);
        r = emergencyLogin(next);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("emergency")).toObject().value(QStringLiteral("letterSerial")).toInt(), 2);
    }

    // BCP-1 offline: the ward's terminals receive each approved letter's sealed key (which only the letter's password
    // opens) and, after a use, its use period; terminals of other wards receive nothing.
    // Proves: BCP-1
    void theWardsTerminalsReceiveTheSealedLetter()
    {
        QVERIFY(request(m_first));
        const QString password = approve(m_second);
        QVERIFY(!password.isEmpty());
        auto lettersIn = [](const HubReply& feed) {
            QList<QJsonObject> out;
            for (const QJsonValue& v : feed.json.value(QStringLiteral("items")).toArray())
                if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("emergencyLetter"))
                    out << v.toObject();
            return out;
        };
        HubReply feed = m_terminal->get(QStringLiteral("/api/v1/changes?cursor=0&limit=1000"));
        QVERIFY2(feed.status == 200, feed.body.constData());
        QList<QJsonObject> letters = lettersIn(feed);
        QCOMPARE(letters.size(), 1);
        QCOMPARE(letters.first().value(QStringLiteral("id")).toString(), m_account);
        QCOMPARE(letters.first().value(QStringLiteral("letter")).toInt(), 1);
        QCOMPARE(letters.first().value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        QVERIFY(!letters.first().contains(QStringLiteral("firstUsedAt")));
        EmergencyLetterKey key;
        QVERIFY(EmergencyLetterKey::fromJson(letters.first().value(QStringLiteral("key")).toObject(), &key));
        QCOMPARE(key.accountId, m_account);
        QCOMPARE(key.serial, 1);
        const QByteArray typed = password.toUtf8();
        QVERIFY(key.open(SecureBytes(typed.constData(), std::size_t(typed.size()))).has_value());
        const QByteArray wrong("ABCD-EFGH-JKMN-PQRS");
        QVERIFY(!key.open(SecureBytes(wrong.constData(), std::size_t(wrong.size()))).has_value());
        QVERIFY(!feed.body.contains(typed));
        const qint64 cursor = static_cast<qint64>(feed.json.value(QStringLiteral("nextCursor")).toDouble());

        // Another ward's terminal does not get W3's letter.
        QVERIFY(cli({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W4")}));
        QByteArray cert, privateKey;
        QVERIFY(m_hub->enrolTerminal(QStringLiteral("W4"), &cert, &privateKey));
        HubClient other(m_hub->baseUrl(), m_hub->caPem());
        other.setClientCertificate(cert, privateKey);
        QCOMPARE(lettersIn(other.get(QStringLiteral("/api/v1/changes?cursor=0&limit=1000"))).size(), 0);

        // A use comes again with its period, so the ward's terminals close the account offline when it ends.
        QCOMPARE(emergencyLogin(password).status, 200);
        feed = m_terminal->get(QStringLiteral("/api/v1/changes?cursor=%1&limit=1000").arg(cursor));
        letters = lettersIn(feed);
        QCOMPARE(letters.size(), 1);
        QVERIFY(letters.first().contains(QStringLiteral("firstUsedAt")));
        QVERIFY(QDateTime::fromString(letters.first().value(QStringLiteral("usableUntil")).toString(), Qt::ISODateWithMs).isValid());
    }

    // BCP-1 offline: a terminal's shipped chain reporting an offline use begins the use period at the hub — but only
    // from a terminal of the account's ward (only those hold its slot), and only signed with the letter's key (which
    // only the letter's password opens): a ward terminal that invents a use, or replays another terminal's, is refused.
    // Proves: BCP-1
    void offlineUseReportedByTheWardsTerminalBeginsThePeriod()
    {
        QVERIFY(request(m_first));
        const QString password = approve(m_second);
        QVERIFY(!password.isEmpty());
        QVERIFY(cli({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W4")}));
        // The letter's key as the ward's terminals receive it, opened with the letter's password.
        std::optional<KeyPair> letterKey;
        for (const QJsonValue& v : m_terminal->get(QStringLiteral("/api/v1/changes?cursor=0&limit=1000")).json.value(QStringLiteral("items")).toArray()) {
            EmergencyLetterKey sealed;
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("emergencyLetter")
                && EmergencyLetterKey::fromJson(v.toObject().value(QStringLiteral("key")).toObject(), &sealed)) {
                const QByteArray typed = password.toUtf8();
                letterKey = sealed.open(SecureBytes(typed.constData(), std::size_t(typed.size())));
            }
        }
        QVERIFY(letterKey);
        const KeyPair otherKey = KeyPair::generateP256();
        const QDateTime usedAt = QDateTime::currentDateTimeUtc().addSecs(-600);
        enum class Proof { Right, None, OtherTerminal, OtherKey };
        const auto report = [&](const QString& ward, Proof proof) {
            QByteArray cert, key;
            QString terminalId;
            if (!m_hub->enrolTerminal(ward, &cert, &key, &terminalId))
                return -1;
            HubClient terminal(m_hub->baseUrl(), m_hub->caPem());
            terminal.setClientCertificate(cert, key);
            QJsonObject detail{{QStringLiteral("mode"), QStringLiteral("offline")}, {QStringLiteral("letter"), 1},
                               {QStringLiteral("realName"), QStringLiteral("応援 医師")}, {QStringLiteral("reason"), QStringLiteral("network down")},
                               {QStringLiteral("review"), true}, {QStringLiteral("usedAt"), usedAt.toString(Qt::ISODateWithMs)}};
            if (proof != Proof::None)
                detail.insert(QStringLiteral("proof"),
                              EmergencyLetterKey::proveUse(proof == Proof::OtherKey ? otherKey : *letterKey, m_account, 1,
                                                           proof == Proof::OtherTerminal ? QStringLiteral("T-ELSEWHERE") : terminalId, usedAt, false));
            AuditChainBuilder chain(terminalId);
            chain.add(QDateTime::currentDateTimeUtc(), m_account, QStringLiteral("login.emergency"), {}, QStringLiteral("success"), detail);
            return terminal.postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), chain.json()}}).status;
        };
        auto lastRefusal = [&] { return m_hub->auditEntries(QStringLiteral("emergency.refused")).last().value(QStringLiteral("reason")).toString(); };
        QCOMPARE(report(QStringLiteral("W4"), Proof::Right), 200);
        QCOMPARE(lastRefusal(), QStringLiteral("terminal_of_another_ward"));
        // The ward's own terminal, but no proof, a proof made on another terminal, a proof signed by another key:
        // stored in the terminal's chain (the chain is whole), refused as a use, the account untouched.
        for (Proof forged : {Proof::None, Proof::OtherTerminal, Proof::OtherKey}) {
            QCOMPARE(report(QStringLiteral("W3"), forged), 200);
            QCOMPARE(lastRefusal(), QStringLiteral("unproven_use"));
        }
        QCOMPARE(m_hub->auditEntries(QStringLiteral("emergency.refused")).size(), 4);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM emergency_accounts WHERE first_used_at IS NULL")), qint64(1));
        QCOMPARE(m_hub->auditEntries(QStringLiteral("emergency.login")).size(), 0);

        QCOMPARE(report(QStringLiteral("W3"), Proof::Right), 200);
        QCOMPARE(scalar(QStringLiteral("SELECT first_used_at FROM emergency_accounts WHERE user_id = ?"), {m_account}),
                 usedAt.toMSecsSinceEpoch());
        const QList<QJsonObject> used = m_hub->auditEntries(QStringLiteral("emergency.login"));
        QCOMPARE(used.size(), 1);
        QCOMPARE(used.first().value(QStringLiteral("mode")).toString(), QStringLiteral("offline"));
        QCOMPARE(used.first().value(QStringLiteral("reason")).toString(), QStringLiteral("network down"));
        QVERIFY(used.first().value(QStringLiteral("proven")).toBool());
        QVERIFY(used.first().value(QStringLiteral("review")).toBool());
    }

    void malformedRequestsChangeNothing()
    {
        QVERIFY(request(m_first));
        QVERIFY(!approve(m_second).isEmpty());
        const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit"));
        // A staff ID at the emergency door, a non-boolean test flag, an oversized password: 400, no attempt counted.
        for (const QJsonObject& body :
             {QJsonObject{{QStringLiteral("accountId"), m_first}, {QStringLiteral("password"), m_firstPassword},
                          {QStringLiteral("realName"), QStringLiteral("x")}, {QStringLiteral("reason"), QStringLiteral("y")}},
              QJsonObject{{QStringLiteral("accountId"), m_account}, {QStringLiteral("password"), QStringLiteral("p")},
                          {QStringLiteral("realName"), QStringLiteral("x")}, {QStringLiteral("test"), QStringLiteral("yes")}},
              QJsonObject{{QStringLiteral("accountId"), m_account}, {QStringLiteral("password"), QStringLiteral("p").repeated(300)},
                          {QStringLiteral("realName"), QStringLiteral("x")}, {QStringLiteral("reason"), QStringLiteral("y")}}}) {
            const HubReply r = m_terminal->postJson(QStringLiteral("/api/v1/session/emergency"), body);
            QCOMPARE(r.status, 400);
        }
        // The card login and the one-time-code login do not take an emergency account (so they cannot lock it).
        const HubReply viaCard = m_terminal->postJson(
            QStringLiteral("/api/v1/session"),
            {{QStringLiteral("userId"), m_account}, {QStringLiteral("password"), QStringLiteral("ABCD-EFGH-JKMN-PQRS")},
             {QStringLiteral("cardProof"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("uid")}, {QStringLiteral("uid"), QStringLiteral("04A1B2C4")}}}});
        QCOMPARE(viaCard.status, 400);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit")), before);

        // One administrator alone cannot make the account theirs: no card, no one-time code, no reset.
        QByteArray err;
        QVERIFY(!cli({QStringLiteral("card"), QStringLiteral("bind"), QStringLiteral("--user"), m_account, QStringLiteral("--uid"),
                      QStringLiteral("04A1B2C9")},
                     nullptr, {}, &err));
        QVERIFY2(err.contains("emergency account"), err.constData());
        QVERIFY(!asPerson(m_first, {QStringLiteral("fallback-code"), QStringLiteral("--user"), m_account}, nullptr, &err));
        QVERIFY2(err.contains("emergency account"), err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM card_bindings WHERE user_id = ?"), {m_account}), qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM fallback_codes WHERE user_id = ?"), {m_account}), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestHubEmergency)
#include "TestHubEmergency.moc"
