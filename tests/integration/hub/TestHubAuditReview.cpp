// The auditor's review (issue 14) against a real wardhub over loopback mutual TLS: a terminal ships its audit chain,
// the hub keeps entries that name a patient sealed and finds them through the blind index; the auditor (card +
// password, audit.read) searches by patient, user, terminal, ward, event type and time with paging, reads the
// reports (patient disclosure, one user's activity, outside wards / after hours, fallback and emergency, failed-login
// bursts, invalid signatures), reviews break-the-glass entries once each with a comment, and exports, every export
// and review audited in the hub chain. Refusals: no session, no permission, bad parameters; a refusal writes nothing.

#include "AdminHubTest.h"
#include "AuditChainBuilder.h"

#include "audit/AuditEntry.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/KeyPair.h"
#include "hub/storage/HubDatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>
#include <QUrlQuery>

using ward::AuditEntry;
using ward::CertificateAuthority;
using ward::CertificateProfile;
using ward::KeyPair;

class TestHubAuditReview : public AdminHubTest
{
    Q_OBJECT

    QString m_terminalId;
    AuditChainBuilder m_chain;
    QString m_token;

    static const QString& auditor() { static const QString id = QStringLiteral("AUDITOR001"); return id; }
    static const QString& clerk() { static const QString id = QStringLiteral("RECEPTION1"); return id; }
    static const QString& nurse() { static const QString id = QStringLiteral("NURSE00001"); return id; }
    static const QString& patient() { static const QString id = QStringLiteral("P20260042"); return id; }

    HubReply get(const QString& path, const QList<QPair<QString, QString>>& params)
    {
        QUrlQuery query;
        for (const auto& p : params)
            query.addQueryItem(p.first, QString::fromLatin1(QUrl::toPercentEncoding(p.second)));
        return as(m_token, QStringLiteral("GET"), path + QLatin1Char('?') + query.toString(QUrl::FullyEncoded));
    }

    QJsonArray rows(const QString& path, const QList<QPair<QString, QString>>& params)
    {
        const HubReply r = get(path, params);
        if (r.status != 200)
            qWarning("%s: %d %s", qPrintable(path), r.status, r.body.constData());
        return r.json.value(QStringLiteral("rows")).toArray();
    }

    // The next entry of the terminal's chain, linked to the one before.
    void chain(const QString& at, const QString& user, const QString& action, const QString& patientId, const QString& outcome,
               const QJsonObject& detail = {}, const QString& object = {})
    {
        m_chain.setTerminal(m_terminalId);
        m_chain.add(QDateTime::fromString(at, Qt::ISODate), user, action, patientId, outcome, detail, object);
    }

    bool ship()
    {
        QJsonArray entries;
        for (const AuditEntry& e : m_chain)
            entries.append(e.toJson());
        const HubReply r = m_terminal->postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), entries}});
        if (r.status != 200)
            qWarning("ship: %d %s\n%s", r.status, r.body.constData(), m_hub->log().constData());
        return r.status == 200;
    }

    // A day on a ward (times in JST): the nurse looks at the patient, breaks the glass into W5 at night, a fallback
    // login, five failed unlocks within three minutes (and another user's four), an invalid signature, the ward's
    // emergency account.
    void shipADay()
    {
        const QJsonObject online{{QStringLiteral("mode"), QStringLiteral("online")}, {QStringLiteral("card"), QStringLiteral("piv")}};
        chain(QStringLiteral("2026-11-02T09:00:00+09:00"), nurse(), QStringLiteral("login"), {}, QStringLiteral("success"), online);
        chain(QStringLiteral("2026-11-02T09:05:00+09:00"), nurse(), QStringLiteral("patient.view"), patient(), QStringLiteral("success"));
        chain(QStringLiteral("2026-11-02T09:06:00+09:00"), nurse(), QStringLiteral("record.open"), patient(), QStringLiteral("success"), {},
              QStringLiteral("rec-1"));
        chain(QStringLiteral("2026-11-02T10:00:00+09:00"), nurse(), QStringLiteral("patient.view"), QStringLiteral("P20260099"),
              QStringLiteral("success"));
        chain(QStringLiteral("2026-11-02T23:30:00+09:00"), nurse(), QStringLiteral("patient.break-glass"), patient(), QStringLiteral("success"),
              {{QStringLiteral("reason"), QStringLiteral("急変対応のため")}, {QStringLiteral("review"), true}, {QStringLiteral("compartment"), QStringLiteral("W5")}});
        chain(QStringLiteral("2026-11-03T07:00:00+09:00"), QStringLiteral("DOCTOR0001"), QStringLiteral("login.fallback"), {},
              QStringLiteral("success"), {{QStringLiteral("fallback"), true}});
        for (int i = 0; i < 5; ++i)
            chain(QStringLiteral("2026-11-03T08:0%1:00+09:00").arg(i), QStringLiteral("MALLORY001"), QStringLiteral("vault.unwrap"), {},
                  QStringLiteral("failure"), {{QStringLiteral("slot"), QStringLiteral("user")}});
        for (int i = 0; i < 4; ++i)
            chain(QStringLiteral("2026-11-03T08:1%1:00+09:00").arg(i), nurse(), QStringLiteral("login"), {}, QStringLiteral("denied"), online);
        chain(QStringLiteral("2026-11-03T09:00:00+09:00"), nurse(), QStringLiteral("record.signature-invalid"), patient(),
              QStringLiteral("failure"), {{QStringLiteral("version"), 2}, {QStringLiteral("reason"), QStringLiteral("signature does not verify")}},
              QStringLiteral("rec-1"));
        chain(QStringLiteral("2026-11-03T09:30:00+09:00"), QStringLiteral("EMERGW3001"), QStringLiteral("login.emergency"), {},
              QStringLiteral("success"), {{QStringLiteral("emergency"), true}, {QStringLiteral("mode"), QStringLiteral("online")}});
    }

    static QStringList column(const QJsonArray& rows, const char* key)
    {
        QStringList out;
        for (const QJsonValue& v : rows)
            out << v.toObject().value(QLatin1String(key)).toVariant().toString();
        return out;
    }

private slots:
    void init()
    {
        m_cards.clear();
        m_passwords.clear();
        m_chain.clear();
        m_hub = std::make_unique<HubProcess>(QStringLiteral("audit_review_") + QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(m_hub->init());
        for (const char* ward : {"W3", "W5"})
            QVERIFY(m_hub->admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QLatin1String(ward)}));
        m_passwords.insert(clerk(), QStringLiteral("Uketsuke-001!x"));
        QVERIFY(m_hub->bootstrapRegistrar(clerk(), m_passwords[clerk()]));
        QVERIFY(bindCard(clerk()));
        const QString temporary = m_hub->addStaff(auditor(), QStringLiteral("監査 花子"), QStringLiteral("auditor"), QStringLiteral("W3"), true);
        QVERIFY(!temporary.isEmpty());
        QVERIFY(bindCard(auditor()));
        QVERIFY(!m_hub->addStaff(nurse(), QStringLiteral("看護 太郎"), QStringLiteral("nurse"), QStringLiteral("W3")).isEmpty());
        QVERIFY(m_hub->start());
        m_terminal = HubClient::enrolledTerminal(*m_hub, QStringLiteral("W3"), &m_terminalId);
        QVERIFY(m_terminal);
        m_passwords.insert(auditor(), QStringLiteral("Kansa-Hanako1!"));
        const HubReply first = m_terminal->postJson(QStringLiteral("/api/v1/password"),
                                                    {{QStringLiteral("userId"), auditor()}, {QStringLiteral("password"), temporary},
                                                     {QStringLiteral("newPassword"), m_passwords[auditor()]},
                                                     {QStringLiteral("cardProof"), m_terminal->pivProof(*m_cards[auditor()])}});
        QVERIFY2(first.status == 200, first.body.constData());
        shipADay();
        QVERIFY(ship());
        m_token = login(auditor());
        QVERIFY(!m_token.isEmpty());
    }

    void cleanup()
    {
        m_terminal.reset();
        m_hub->stop();
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->log().constData());
        m_hub.reset();
    }

    // Only audit.read opens the routes; a refusal writes nothing to the hub chain or the review marks.
    void theRoutesNeedAuditRead()
    {
        const QList<QPair<QString, QString>> routes{
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit/search")},
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit/report?kind=fallback")},
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit/break-glass")},
            {QStringLiteral("POST"), QStringLiteral("/api/v1/admin/audit/break-glass/review")},
            {QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit/export?view=search")},
        };
        const QJsonObject review{{QStringLiteral("terminal"), m_terminalId}, {QStringLiteral("seq"), 5}, {QStringLiteral("comment"), QStringLiteral("ok")}};
        const QString clerkToken = login(clerk());
        QVERIFY(!clerkToken.isEmpty());
        const qint64 auditBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit"));  // after the login, which the hub audits
        for (const auto& route : routes) {
            const HubReply none = as(QString(), route.first, route.second, review);
            QVERIFY2(none.status == 401, none.body.constData());
            const HubReply refused = as(clerkToken, route.first, route.second, review);
            QVERIFY2(refused.status == 403 && refused.errorCode() == QLatin1String("permission_denied"), refused.body.constData());
        }
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit")), auditBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_btg_reviews")), 0);
        const HubReply session = as(m_token, QStringLiteral("GET"), QStringLiteral("/api/v1/admin/session"));
        QVERIFY(session.json.value(QStringLiteral("permissions")).toArray().contains(QStringLiteral("audit.read")));
    }

    // DATA-1/2: an entry naming a patient is sealed at the hub; the patient is found through the keyed blind index.
    // Proves: DATA-1
    void entriesNamingAPatientAreSealed()
    {
        ward::hub::HubDatabase db(m_hub->config());
        QSqlQuery q = db.exec(QStringLiteral("SELECT seq, entry, patient_mac, sealed, action, user_id, terminal_ward, patient_ward"
                                             " FROM terminal_audit WHERE terminal_id = ? ORDER BY seq"),
                              {m_terminalId});
        int sealedRows = 0, stored = 0;
        const QByteArray plainId = patient().toUtf8();
        while (q.next()) {
            ++stored;
            const AuditEntry& e = m_chain.at(stored - 1);
            QCOMPARE(q.value(4).toString(), e.action);
            QCOMPARE(q.value(5).toString(), e.user);
            QCOMPARE(q.value(6).toString(), QStringLiteral("W3"));
            for (int c = 1; c < 8; ++c)
                QVERIFY2(!q.value(c).toByteArray().contains(plainId) && !q.value(c).toString().contains(patient()),
                         qPrintable(QStringLiteral("entry %1 column %2 holds the patient id").arg(e.seq).arg(c)));
            if (e.patient.isEmpty()) {
                QVERIFY(q.value(3).isNull() || q.value(3).toByteArray().isEmpty());
                QCOMPARE(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object(), e.toJson());
                continue;
            }
            ++sealedRows;
            QVERIFY(q.value(1).toString().isEmpty());
            QCOMPARE(q.value(2).toString().size(), 64);
            QVERIFY(q.value(2).toString() != QString::fromLatin1(QCryptographicHash::hash(plainId, QCryptographicHash::Sha256).toHex()));
            QVERIFY(!q.value(3).toByteArray().contains("break-glass") && !q.value(3).toByteArray().contains(QStringLiteral("急変").toUtf8()));
        }
        QCOMPARE(stored, m_chain.size());
        QCOMPARE(sealedRows, 5);
        // The break-the-glass entry's ward is the compartment it opened (the hub has no chart of the patient).
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM terminal_audit WHERE patient_ward = 'W5'")), 1);
        // Resending the same chain stores nothing twice; the hub still reads every entry back whole.
        QVERIFY(ship());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM terminal_audit")), qint64(m_chain.size()));
        const QJsonArray found = rows(QStringLiteral("/api/v1/admin/audit/search"), {{QStringLiteral("patient"), patient()}});
        QCOMPARE(column(found, "seq"), (QStringList{QStringLiteral("16"), QStringLiteral("5"), QStringLiteral("3"), QStringLiteral("2")}));
        QCOMPARE(column(found, "patient"), QStringList(4, patient()));
        QCOMPARE(found.at(1).toObject().value(QStringLiteral("detail")).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("急変対応のため"));
        QCOMPARE(found.at(2).toObject().value(QStringLiteral("object")).toString(), QStringLiteral("rec-1"));
    }

    // Entries shipped before the search columns existed (schema 7 stored the plain JSON) are indexed and sealed
    // when the hub next opens: no patient stays in the clear.
    void earlierRowsAreSealedWhenTheHubOpens()
    {
        m_hub->stop();
        AuditEntry e;
        e.seq = 1;
        e.time = QDateTime::fromString(QStringLiteral("2026-10-01T10:00:00+09:00"), Qt::ISODate);
        e.terminal = QStringLiteral("T-earlier");
        e.user = nurse();
        e.action = QStringLiteral("patient.view");
        e.patient = patient();
        e.outcome = QStringLiteral("success");
        e.prevHash = AuditEntry::genesisHash();
        e.hash = e.computeHash();
        {
            ward::hub::HubDatabase db(m_hub->config());
            db.exec(QStringLiteral("INSERT INTO terminal_audit (terminal_id, seq, entry, hash, received_at) VALUES (?,?,?,?,?)"),
                    {e.terminal, e.seq, QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact)),
                     QString::fromLatin1(e.hash.toHex()), qint64(1)});
        }
        QVERIFY(m_hub->start());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM terminal_audit WHERE at IS NULL")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM terminal_audit WHERE terminal_id = 'T-earlier' AND entry = ''"
                                       " AND sealed IS NOT NULL AND patient_mac IS NOT NULL")),
                 1);
        m_token = login(auditor());
        const QJsonArray found = rows(QStringLiteral("/api/v1/admin/audit/search"), {{QStringLiteral("patient"), patient()}});
        QCOMPARE(found.size(), 5);
        QCOMPARE(found.last().toObject().value(QStringLiteral("terminal")).toString(), QStringLiteral("T-earlier"));
    }

    // Each filter narrows the search; pages follow each other without overlap; bad parameters are refused.
    // Proves: CL-10
    void searchFiltersAndPages()
    {
        const QString search = QStringLiteral("/api/v1/admin/audit/search");
        QCOMPARE(rows(search, {{QStringLiteral("user"), QStringLiteral("MALLORY001")}}).size(), 5);
        QCOMPARE(rows(search, {{QStringLiteral("terminal"), m_terminalId}, {QStringLiteral("limit"), QStringLiteral("500")}}).size(), m_chain.size());
        QCOMPARE(rows(search, {{QStringLiteral("terminal"), QStringLiteral("no-such-terminal")}}).size(), 0);
        QCOMPARE(column(rows(search, {{QStringLiteral("ward"), QStringLiteral("W5")}}), "action"), QStringList{QStringLiteral("patient.break-glass")});
        // An event type finds its sub-events too (login → login.fallback), several types at once.
        const QJsonArray logins = rows(search, {{QStringLiteral("action"), QStringLiteral("login")}, {QStringLiteral("source"), QStringLiteral("terminal")}});
        QCOMPARE(logins.size(), 7);
        QVERIFY(column(logins, "action").contains(QStringLiteral("login.fallback")));
        QVERIFY(column(logins, "action").contains(QStringLiteral("login.emergency")));
        QCOMPARE(rows(search, {{QStringLiteral("action"), QStringLiteral("patient.view,record.open")}}).size(), 3);
        // The time range: [from, to), in any offset.
        const QJsonArray day = rows(search, {{QStringLiteral("from"), QStringLiteral("2026-11-02T00:00:00+09:00")},
                                             {QStringLiteral("to"), QStringLiteral("2026-11-02T23:30:00+09:00")},
                                             {QStringLiteral("source"), QStringLiteral("terminal")}});
        QCOMPARE(column(day, "seq"), (QStringList{QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1")}));
        // The hub's own chain is searched too (the auditor's own login is not there; the staff registrations are).
        QVERIFY(column(rows(search, {{QStringLiteral("source"), QStringLiteral("hub")}, {QStringLiteral("action"), QStringLiteral("user.add")}}), "object")
                    .contains(nurse()));
        // Pages of 4 over the terminal's 16 entries: no overlap, no gap, then the end.
        QStringList seen;
        int offset = 0;
        for (int page = 0; page < 5; ++page) {
            const HubReply r = get(search, {{QStringLiteral("terminal"), m_terminalId}, {QStringLiteral("limit"), QStringLiteral("4")},
                                            {QStringLiteral("offset"), QString::number(offset)}});
            QCOMPARE(r.status, 200);
            seen << column(r.json.value(QStringLiteral("rows")).toArray(), "seq");
            if (r.json.value(QStringLiteral("next")).isNull())
                break;
            offset = r.json.value(QStringLiteral("next")).toInt();
        }
        QStringList expected;
        for (int s = m_chain.size(); s >= 1; --s)
            expected << QString::number(s);
        QCOMPARE(seen, expected);
        for (const auto& bad : QList<QPair<QString, QString>>{{QStringLiteral("from"), QStringLiteral("yesterday")},
                                                              {QStringLiteral("action"), QStringLiteral("login; DROP TABLE")},
                                                              {QStringLiteral("limit"), QStringLiteral("100000")},
                                                              {QStringLiteral("source"), QStringLiteral("everywhere")}}) {
            const HubReply r = get(search, {bad});
            QVERIFY2(r.status == 400 && r.errorCode() == QLatin1String("bad_request"), r.body.constData());
        }
        const HubReply backwards = get(search, {{QStringLiteral("from"), QStringLiteral("2026-11-03T00:00:00Z")},
                                                {QStringLiteral("to"), QStringLiteral("2026-11-02T00:00:00Z")}});
        QCOMPARE(backwards.status, 400);
    }

    // Proves: AUD-4
    void reportsFindWhatTheAuditorLooksFor()
    {
        const QString report = QStringLiteral("/api/v1/admin/audit/report");
        // Disclosure request: who accessed the patient.
        const QJsonArray disclosure = rows(report, {{QStringLiteral("kind"), QStringLiteral("patient")}, {QStringLiteral("patient"), patient()}});
        QCOMPARE(column(disclosure, "user"), QStringList(4, nurse()));
        QCOMPARE(get(report, {{QStringLiteral("kind"), QStringLiteral("patient")}}).status, 400);
        QCOMPARE(get(report, {{QStringLiteral("kind"), QStringLiteral("gossip")}}).status, 400);
        // One user's activity.
        QCOMPARE(rows(report, {{QStringLiteral("kind"), QStringLiteral("user")}, {QStringLiteral("user"), QStringLiteral("MALLORY001")}}).size(), 5);
        // Outside the user's wards (W5 while the nurse holds W3) and after the default duty hours (08:00–18:00 JST).
        const QJsonArray outside = rows(report, {{QStringLiteral("kind"), QStringLiteral("outside")}});
        QCOMPARE(column(outside, "seq"), QStringList{QStringLiteral("5")});
        QCOMPARE(outside.at(0).toObject().value(QStringLiteral("finding")).toString(), QStringLiteral("outside-wards,after-hours"));
        // Fallback logins; the emergency account's use apart from them (BCP-1).
        QCOMPARE(column(rows(report, {{QStringLiteral("kind"), QStringLiteral("fallback")}}), "user"), QStringList{QStringLiteral("DOCTOR0001")});
        QCOMPARE(column(rows(report, {{QStringLiteral("kind"), QStringLiteral("emergency")}}), "user"), QStringList{QStringLiteral("EMERGW3001")});
        // Every action of the emergency session is in that report too (flagged for review), not only its login.
        chain(QStringLiteral("2026-11-03T09:40:00+09:00"), QStringLiteral("EMERGW3001"), QStringLiteral("patient.view"), patient(),
              QStringLiteral("success"));
        QVERIFY(ship());
        const QJsonArray emergency = rows(report, {{QStringLiteral("kind"), QStringLiteral("emergency")}});
        QCOMPARE(column(emergency, "user"), QStringList(2, QStringLiteral("EMERGW3001")));
        QCOMPARE(column(emergency, "action"), (QStringList{QStringLiteral("patient.view"), QStringLiteral("login.emergency")}));
        // Failed-login bursts: five within three minutes is one burst; four is not (threshold 5); with threshold 4 both.
        const QJsonArray bursts = rows(report, {{QStringLiteral("kind"), QStringLiteral("failed-logins")}});
        QCOMPARE(bursts.size(), 1);
        QCOMPARE(bursts.at(0).toObject().value(QStringLiteral("user")).toString(), QStringLiteral("MALLORY001"));
        QCOMPARE(bursts.at(0).toObject().value(QStringLiteral("count")).toInt(), 5);
        QCOMPARE(bursts.at(0).toObject().value(QStringLiteral("until")).toString(), QStringLiteral("2026-11-02T23:04:00.000Z"));
        QCOMPARE(rows(report, {{QStringLiteral("kind"), QStringLiteral("failed-logins")}, {QStringLiteral("threshold"), QStringLiteral("4")}}).size(), 2);
        QCOMPARE(rows(report, {{QStringLiteral("kind"), QStringLiteral("failed-logins")}, {QStringLiteral("minutes"), QStringLiteral("2")}}).size(), 0);
        // Records with invalid signatures.
        const QJsonArray invalid = rows(report, {{QStringLiteral("kind"), QStringLiteral("invalid-signatures")}});
        QCOMPARE(column(invalid, "object"), QStringList{QStringLiteral("rec-1")});
        QCOMPARE(invalid.at(0).toObject().value(QStringLiteral("patient")).toString(), patient());
    }

    // AC-3: every break-the-glass entry with its stated reason; each marked reviewed once, with a comment, audited.
    void breakGlassIsReviewedOnceWithAComment()
    {
        const QString queue = QStringLiteral("/api/v1/admin/audit/break-glass");
        const QJsonArray pending = rows(queue, {});
        QCOMPARE(pending.size(), 1);
        const QJsonObject entry = pending.at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("reason")).toString(), QStringLiteral("急変対応のため"));
        QCOMPARE(entry.value(QStringLiteral("user")).toString(), nurse());
        QCOMPARE(entry.value(QStringLiteral("patient")).toString(), patient());
        QCOMPARE(entry.value(QStringLiteral("reviewed")).toBool(), false);
        const QString path = QStringLiteral("/api/v1/admin/audit/break-glass/review");
        const qint64 auditBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit"));
        // Refusals first: no comment, not a break-the-glass entry, no such entry — nothing written.
        const HubReply empty = as(m_token, QStringLiteral("POST"), path,
                                  {{QStringLiteral("terminal"), m_terminalId}, {QStringLiteral("seq"), 5}, {QStringLiteral("comment"), QStringLiteral("  ")}});
        QCOMPARE(empty.status, 400);
        const HubReply notGlass = as(m_token, QStringLiteral("POST"), path,
                                     {{QStringLiteral("terminal"), m_terminalId}, {QStringLiteral("seq"), 2}, {QStringLiteral("comment"), QStringLiteral("x")}});
        QVERIFY2(notGlass.status == 404 && notGlass.errorCode() == QLatin1String("not_found"), notGlass.body.constData());
        QCOMPARE(as(m_token, QStringLiteral("POST"), path,
                    {{QStringLiteral("terminal"), m_terminalId}, {QStringLiteral("seq"), 999}, {QStringLiteral("comment"), QStringLiteral("x")}})
                     .status,
                 404);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit")), auditBefore);
        const QString comment = QStringLiteral("主治医の指示による急変対応。妥当。");
        const HubReply done = as(m_token, QStringLiteral("POST"), path,
                                 {{QStringLiteral("terminal"), m_terminalId}, {QStringLiteral("seq"), 5}, {QStringLiteral("comment"), comment}});
        QVERIFY2(done.status == 200, done.body.constData());
        const QList<QJsonObject> audited = m_hub->auditEntries(QStringLiteral("audit.break-glass.review"));
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.at(0).value(QStringLiteral("actor")).toString(), auditor());
        QCOMPARE(audited.at(0).value(QStringLiteral("comment")).toString(), comment);
        QCOMPARE(audited.at(0).value(QStringLiteral("user")).toString(), nurse());
        QCOMPARE(audited.at(0).value(QStringLiteral("seq")).toInt(), 5);
        QCOMPARE(audited.at(0).value(QStringLiteral("adminTerminal")).toString(), m_terminalId);
        QVERIFY(!QJsonDocument(audited.at(0)).toJson().contains(patient().toUtf8()));
        const HubReply again = as(m_token, QStringLiteral("POST"), path,
                                  {{QStringLiteral("terminal"), m_terminalId}, {QStringLiteral("seq"), 5}, {QStringLiteral("comment"), QStringLiteral("again")}});
        QVERIFY2(again.status == 409 && again.errorCode() == QLatin1String("already_reviewed"), again.body.constData());
        QCOMPARE(rows(queue, {}).size(), 0);
        const QJsonArray all = rows(queue, {{QStringLiteral("status"), QStringLiteral("all")}});
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.at(0).toObject().value(QStringLiteral("comment")).toString(), comment);
        QCOMPARE(all.at(0).toObject().value(QStringLiteral("reviewedBy")).toString(), auditor());
    }

    // The whole result leaves for a file only through export, and the export is on the hub's record first.
    void exportsAreAudited()
    {
        const QString path = QStringLiteral("/api/v1/admin/audit/export");
        const HubReply r = get(path, {{QStringLiteral("view"), QStringLiteral("report")}, {QStringLiteral("kind"), QStringLiteral("patient")},
                                      {QStringLiteral("patient"), patient()}, {QStringLiteral("limit"), QStringLiteral("1")}});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json.value(QStringLiteral("rows")).toArray().size(), 4); // the whole result, not one page
        QCOMPARE(r.json.value(QStringLiteral("exported")).toInt(), 4);
        QList<QJsonObject> audited = m_hub->auditEntries(QStringLiteral("audit.export"));
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.at(0).value(QStringLiteral("actor")).toString(), auditor());
        QCOMPARE(audited.at(0).value(QStringLiteral("view")).toString(), QStringLiteral("report"));
        QCOMPARE(audited.at(0).value(QStringLiteral("report")).toString(), QStringLiteral("patient"));
        QCOMPARE(audited.at(0).value(QStringLiteral("patientId")).toString(), patient());
        QCOMPARE(audited.at(0).value(QStringLiteral("rows")).toInt(), 4);
        QCOMPARE(get(path, {{QStringLiteral("view"), QStringLiteral("everything")}}).status, 400);
        QCOMPARE(get(path, {{QStringLiteral("view"), QStringLiteral("report")}, {QStringLiteral("kind"), QStringLiteral("patient")}}).status, 400);
        QCOMPARE(m_hub->auditEntries(QStringLiteral("audit.export")).size(), 1);
        QCOMPARE(get(path, {{QStringLiteral("view"), QStringLiteral("break-glass")}}).json.value(QStringLiteral("exported")).toInt(), 1);
        QCOMPARE(m_hub->auditEntries(QStringLiteral("audit.export")).size(), 2);
    }
private:
    // Issue 14 (exports in the field's standards): `wardhub audit export` writes the hub's and the terminals' entries
    // of a period as FHIR R4 AuditEvents (AuditEventExport's mapping; fhir_validator checks them against the schema).
    QJsonArray auditExport(const QStringList& period, const QString& file, QByteArray* out = nullptr)
    {
        QByteArray err;
        const int rc = m_hub->cli(QStringList{QStringLiteral("audit"), QStringLiteral("export")} + period
                                      + QStringList{QStringLiteral("--out"), file},
                                  out, &err);
        if (rc != 0) {
            qWarning("audit export: %d %s", rc, err.constData());
            return {};
        }
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QJsonObject bundle = QJsonDocument::fromJson(f.readAll()).object();
        if (bundle.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle")
            || bundle.value(QStringLiteral("type")).toString() != QLatin1String("collection"))
            return {};
        QJsonArray events;
        for (const QJsonValue& e : bundle.value(QStringLiteral("entry")).toArray())
            events.append(e.toObject().value(QStringLiteral("resource")));
        return events;
    }

    static QStringList codes(const QJsonObject& event, const char* key)
    {
        QStringList out;
        for (const QJsonValue& c : event.value(QLatin1String(key)).toArray())
            out << c.toObject().value(QStringLiteral("code")).toString();
        return out;
    }

    // The event of terminal entry seq, or of the hub entry with this action (the last one).
    static QJsonObject eventOf(const QJsonArray& events, const QString& entry)
    {
        QJsonObject found;
        for (const QJsonValue& v : events) {
            const QJsonObject e = v.toObject();
            for (const QJsonValue& entity : e.value(QStringLiteral("entity")).toArray())
                if (entity.toObject().value(QStringLiteral("what")).toObject().value(QStringLiteral("identifier")).toObject().value(QStringLiteral("value")).toString()
                    == entry)
                    return e;
            if (codes(e, "subtype").contains(entry))
                found = e;
        }
        return found;
    }

    static QString who(const QJsonObject& agent)
    {
        return agent.value(QStringLiteral("who")).toObject().value(QStringLiteral("identifier")).toObject().value(QStringLiteral("value")).toString();
    }

    static QString typeCode(const QJsonObject& agent)
    {
        return agent.value(QStringLiteral("type")).toObject().value(QStringLiteral("coding")).toArray().at(0).toObject().value(QStringLiteral("code")).toString();
    }

private slots:
    // Proves: AUD-5
    void exportWritesEveryEntryAsAFhirAuditEvent()
    {
        // The auditor's own export through the API first, so an export by a person is in the period too.
        QCOMPARE(get(QStringLiteral("/api/v1/admin/audit/export"), {{QStringLiteral("view"), QStringLiteral("break-glass")}}).status, 200);
        const QString until = QDateTime::currentDateTimeUtc().addDays(1).date().toString(Qt::ISODate);
        const QStringList period{QStringLiteral("--from"), QStringLiteral("2026-11-02T00:00:00+09:00"), QStringLiteral("--to"), until};
        const qint64 terminalRows = scalar(QStringLiteral("SELECT COUNT(*) FROM terminal_audit"));
        const qint64 hubRows = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit"));
        const qint64 hubLogins = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit WHERE action IN ('session.open', 'session.failed',"
                                                       " 'session.refused', 'terminal.login', 'terminal.login.fallback')"));
        QCOMPARE(terminalRows, qint64(m_chain.size()));
        QVERIFY(hubLogins >= 1); // the auditor's card + password login
        QByteArray out;
        const QString file = m_hub->dir() + QStringLiteral("/../audit-events.json");
        const QJsonArray events = auditExport(period, file, &out);
        QCOMPARE(events.size(), terminalRows + hubRows);
        QVERIFY2(out.contains(QByteArray::number(terminalRows + hubRows) + " audit entries"), out.constData());
        QCOMPARE(QFile(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

        // Counts per DICOM event type: the terminal's day as shipped (12 authentications: login, fallback, emergency, 5 failed
        // unlocks, 4 refused logins; 4 patient record accesses; 1 invalid signature), the hub's logins.
        QHash<QString, int> terminalTypes, hubTypes;
        for (const QJsonValue& v : events) {
            const QJsonObject e = v.toObject();
            const bool fromTerminal = e.value(QStringLiteral("source")).toObject().value(QStringLiteral("observer")).toObject()
                                          .value(QStringLiteral("identifier")).toObject().value(QStringLiteral("value")).toString()
                                      == m_terminalId;
            ++(fromTerminal ? terminalTypes : hubTypes)[e.value(QStringLiteral("type")).toObject().value(QStringLiteral("code")).toString()];
            QVERIFY(!e.value(QStringLiteral("agent")).toArray().isEmpty());
            QVERIFY(QStringList({QStringLiteral("0"), QStringLiteral("4"), QStringLiteral("8"), QStringLiteral("12")})
                        .contains(e.value(QStringLiteral("outcome")).toString()));
            QVERIFY(QStringLiteral("CRUDE").contains(e.value(QStringLiteral("action")).toString()));
        }
        QCOMPARE(terminalTypes.value(QStringLiteral("110114")), 12);
        QCOMPARE(terminalTypes.value(QStringLiteral("110110")), 4);
        QCOMPARE(terminalTypes.value(QStringLiteral("110113")), 1);
        QCOMPARE(terminalTypes.size(), 3);
        QCOMPARE(qint64(hubTypes.value(QStringLiteral("110114"))), hubLogins);
        QCOMPARE(hubTypes.value(QStringLiteral("110106")), 1); // the auditor's export

        // A login at the terminal: the person (requestor) and the terminal (device, network address), observed there.
        const QJsonObject login = eventOf(events, QStringLiteral("terminal/%1/1").arg(m_terminalId));
        QCOMPARE(login.value(QStringLiteral("type")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("110114"));
        QCOMPARE(codes(login, "subtype"), (QStringList{QStringLiteral("110122"), QStringLiteral("login")}));
        QCOMPARE(login.value(QStringLiteral("action")).toString(), QStringLiteral("E"));
        QCOMPARE(login.value(QStringLiteral("outcome")).toString(), QStringLiteral("0"));
        QCOMPARE(login.value(QStringLiteral("recorded")).toString(), QStringLiteral("2026-11-02T00:00:00.000Z"));
        const QJsonArray loginAgents = login.value(QStringLiteral("agent")).toArray();
        QCOMPARE(loginAgents.size(), 2);
        QCOMPARE(who(loginAgents[0].toObject()), nurse());
        QCOMPARE(typeCode(loginAgents[0].toObject()), QStringLiteral("humanuser"));
        QCOMPARE(loginAgents[0].toObject().value(QStringLiteral("requestor")).toBool(), true);
        QCOMPARE(who(loginAgents[1].toObject()), m_terminalId);
        QCOMPARE(loginAgents[1].toObject().value(QStringLiteral("requestor")).toBool(), false);
        QCOMPARE(loginAgents[1].toObject().value(QStringLiteral("network")).toObject().value(QStringLiteral("address")).toString(), m_terminalId);
        QCOMPARE(login.value(QStringLiteral("source")).toObject().value(QStringLiteral("site")).toString(), QStringLiteral("W3"));
        // A refused login is a minor failure (the person may try again).
        QCOMPARE(eventOf(events, QStringLiteral("terminal/%1/12").arg(m_terminalId)).value(QStringLiteral("outcome")).toString(), QStringLiteral("4"));

        // A chart viewed: the patient as the entity (JP Core patient number), read.
        const QJsonObject view = eventOf(events, QStringLiteral("terminal/%1/2").arg(m_terminalId));
        QCOMPARE(view.value(QStringLiteral("type")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("110110"));
        QCOMPARE(view.value(QStringLiteral("action")).toString(), QStringLiteral("R"));
        QVERIFY(!view.contains(QStringLiteral("purposeOfEvent")));
        const QJsonObject viewed = view.value(QStringLiteral("entity")).toArray().at(0).toObject();
        QCOMPARE(viewed.value(QStringLiteral("what")).toObject().value(QStringLiteral("identifier")).toObject().value(QStringLiteral("value")).toString(), patient());
        QCOMPARE(viewed.value(QStringLiteral("role")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("1"));
        // The record opened is the second entity.
        const QJsonObject opened = eventOf(events, QStringLiteral("terminal/%1/3").arg(m_terminalId));
        QCOMPARE(opened.value(QStringLiteral("entity")).toArray().at(1).toObject().value(QStringLiteral("what")).toObject()
                     .value(QStringLiteral("identifier")).toObject().value(QStringLiteral("value")).toString(),
                 QStringLiteral("rec-1"));

        // Break-the-glass: the emergency override as purposeOfEvent BTG with the person's reason (AC-3).
        const QJsonObject glass = eventOf(events, QStringLiteral("terminal/%1/5").arg(m_terminalId));
        const QJsonObject purpose = glass.value(QStringLiteral("purposeOfEvent")).toArray().at(0).toObject();
        QCOMPARE(purpose.value(QStringLiteral("coding")).toArray().at(0).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("BTG"));
        QCOMPARE(purpose.value(QStringLiteral("text")).toString(), QStringLiteral("急変対応のため"));
        QCOMPARE(glass.value(QStringLiteral("entity")).toArray().at(0).toObject().value(QStringLiteral("what")).toObject()
                     .value(QStringLiteral("identifier")).toObject().value(QStringLiteral("value")).toString(),
                 patient());
        // The hub's mirror of it carries the same override.
        QCOMPARE(eventOf(events, QStringLiteral("terminal.patient.break-glass")).value(QStringLiteral("purposeOfEvent")).toArray().size(), 1);

        // A failed unlock with nobody logged in: the terminal itself asked.
        const QJsonObject unlock = eventOf(events, QStringLiteral("terminal/%1/7").arg(m_terminalId));
        QCOMPARE(unlock.value(QStringLiteral("agent")).toArray().size(), 2);
        QCOMPARE(unlock.value(QStringLiteral("outcome")).toString(), QStringLiteral("8"));

        // The hub's login: the person and the terminal they came from, observed by the hub.
        const QJsonObject hubLogin = eventOf(events, QStringLiteral("session.open"));
        QCOMPARE(who(hubLogin.value(QStringLiteral("agent")).toArray().at(0).toObject()), auditor());
        QCOMPARE(who(hubLogin.value(QStringLiteral("agent")).toArray().at(1).toObject()), m_terminalId);
        QCOMPARE(hubLogin.value(QStringLiteral("source")).toObject().value(QStringLiteral("type")).toArray().at(0).toObject()
                     .value(QStringLiteral("code")).toString(),
                 QStringLiteral("4"));

        // The export itself is on the hub's record: the console, the period, the count and the file; the next
        // export shows it as an Export event by the hub console.
        const QList<QJsonObject> exports = m_hub->auditEntries(QStringLiteral("audit.export"));
        QCOMPARE(exports.size(), 2);
        const QJsonObject mine = exports.last();
        QVERIFY(mine.value(QStringLiteral("actor")).toString().startsWith(QLatin1String("operator@")));
        QCOMPARE(mine.value(QStringLiteral("via")).toString(), QStringLiteral("hub console"));
        QCOMPARE(mine.value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-01T15:00:00.000Z"));
        // A day alone as the end covers that whole day.
        QCOMPARE(mine.value(QStringLiteral("to")).toString(),
                 QDate::fromString(until, Qt::ISODate).addDays(1).toString(Qt::ISODate) + QStringLiteral("T00:00:00.000Z"));
        QCOMPARE(mine.value(QStringLiteral("rows")).toInteger(), terminalRows + hubRows);
        QCOMPARE(mine.value(QStringLiteral("file")).toString(), file);
        const QJsonArray again = auditExport(period, file + QStringLiteral(".2"));
        QCOMPARE(again.size(), events.size() + 1);
        const QJsonObject consoleExport = eventOf(again, QStringLiteral("audit.export"));
        QCOMPARE(consoleExport.value(QStringLiteral("type")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("110106"));
        QCOMPARE(consoleExport.value(QStringLiteral("agent")).toArray().at(0).toObject().value(QStringLiteral("who")).toObject()
                     .value(QStringLiteral("display")).toString(),
                 QStringLiteral("hub console"));

        // The period bounds the export: only the first day's five terminal entries (JST 2026-11-02).
        const QJsonArray day = auditExport({QStringLiteral("--from"), QStringLiteral("2026-11-02T00:00:00+09:00"), QStringLiteral("--to"),
                                            QStringLiteral("2026-11-03T00:00:00+09:00")},
                                           file + QStringLiteral(".day"));
        QCOMPARE(day.size(), 5);
    }

    // Bad arguments: a clear message, no file, nothing recorded.
    void exportRefusesBadArguments()
    {
        const QString dir = m_hub->dir() + QStringLiteral("/../refused");
        QVERIFY(QDir().mkpath(dir));
        const qint64 auditBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit"));
        const QString file = dir + QStringLiteral("/audit.json");
        struct Case
        {
            QStringList args;
            int rc;
            QByteArray message;
        };
        const QList<Case> cases{
            {{QStringLiteral("--from"), QStringLiteral("2026-11-03"), QStringLiteral("--to"), QStringLiteral("2026-11-02"), QStringLiteral("--out"), file},
             2, "--from) must be before its end"},
            {{QStringLiteral("--from"), QStringLiteral("2026-11-02"), QStringLiteral("--to"), QStringLiteral("2026-11-03")}, 2, "--out FILE"},
            {{QStringLiteral("--from"), QStringLiteral("yesterday"), QStringLiteral("--to"), QStringLiteral("2026-11-03"), QStringLiteral("--out"), file},
             2, "--from and --to need a date"},
            {{QStringLiteral("--from"), QStringLiteral("2026-11-02T09:00:00"), QStringLiteral("--to"), QStringLiteral("2026-11-03"), QStringLiteral("--out"), file},
             2, "with its zone"},
            {{QStringLiteral("--from"), QStringLiteral("2026-11-02"), QStringLiteral("--to"), QStringLiteral("2026-11-03"), QStringLiteral("--out"),
              dir + QStringLiteral("/no-such-folder/audit.json")},
             1, "Cannot write"},
            {{QStringLiteral("--from"), QStringLiteral("2026-11-02"), QStringLiteral("--to"), QStringLiteral("2026-11-03"), QStringLiteral("--out"), dir},
             1, "Cannot write"},
        };
        for (const Case& c : cases) {
            QByteArray err;
            QCOMPARE(m_hub->cli(QStringList{QStringLiteral("audit"), QStringLiteral("export")} + c.args, nullptr, &err), c.rc);
            QVERIFY2(err.contains(c.message), err.constData());
        }
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_audit")), auditBefore);
    }
};

QTEST_GUILESS_MAIN(TestHubAuditReview)
#include "TestHubAuditReview.moc"
