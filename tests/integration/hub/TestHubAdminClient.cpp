// The terminal's one hub client (core/sync HubClient) calls the administration API with the session token of a
// card + password login (issue 12): the reception workspace builds on these calls.

#include "HubClient.h"
#include "HubProcess.h"

#include "crypto/CertificateAuthority.h"
#include "crypto/KeyPair.h"
#include "sync/HubClient.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTest>

class TestHubAdminClient : public QObject
{
    Q_OBJECT

    // Waits for one asynchronous call of the terminal's client.
    static ward::HubReply wait(const std::function<void(ward::HubClient::Callback)>& start)
    {
        ward::HubReply reply;
        bool done = false;
        start([&](const ward::HubReply& r) {
            reply = r;
            done = true;
        });
        QDeadlineTimer deadline(30000);
        while (!done && !deadline.hasExpired())
            QTest::qWait(10);
        return reply;
    }

private slots:
    void terminalClientCallsTheAdminApiWithTheLoginSession()
    {
        HubProcess hub(QStringLiteral("admin_client"));
        QVERIFY(hub.init());
        QVERIFY(hub.admin({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3")}));
        // The first registrar, bootstrapped at the hub console with the password they chose (issue 12).
        QVERIFY(hub.bootstrapRegistrar(QStringLiteral("RECEPTION1"), QStringLiteral("Uketsuke-001!x")));
        ward::CertificateAuthority issuer = ward::CertificateAuthority::create(QStringLiteral("Card issuer"), 365, QDateTime::currentDateTimeUtc());
        auto [cardKey, cardCert] = issuer.issueWithNewKey(ward::CertificateProfile::TerminalClient, QStringLiteral("RECEPTION1"), 30,
                                                          QDateTime::currentDateTimeUtc());
        QTemporaryFile pem;
        QVERIFY(pem.open());
        pem.write(cardCert.toPem());
        pem.close();
        QVERIFY(hub.admin({QStringLiteral("card"), QStringLiteral("bind"), QStringLiteral("--user"), QStringLiteral("RECEPTION1"),
                           QStringLiteral("--piv-cert"), pem.fileName()}));
        QVERIFY(hub.start());
        QByteArray certPem, keyPem;
        QVERIFY(hub.enrolTerminal(QStringLiteral("W3"), &certPem, &keyPem));

        ward::HubClient client(QUrl(hub.baseUrl()), *ward::Certificate::fromPem(hub.caPem()));
        client.setClientIdentity(*ward::Certificate::fromPem(certPem), *ward::KeyPair::fromPrivatePem(ward::SecureBytes::fromQByteArray(keyPem)));
        // Card + password login through the same client.
        const ward::HubReply challenge = wait([&](auto done) { client.postJson(QStringLiteral("/api/v1/session/challenge"), {}, done); });
        QVERIFY(challenge.ok());
        const QByteArray nonce = QByteArray::fromBase64(challenge.json.value(QStringLiteral("challenge")).toString().toLatin1());
        const QJsonObject proof{{QStringLiteral("kind"), QStringLiteral("piv")}, {QStringLiteral("challenge"), QString::fromLatin1(nonce.toBase64())},
                                {QStringLiteral("signature"), QString::fromLatin1(cardKey.sign(nonce).toBase64())}};
        const ward::HubReply login = wait([&](auto done) {
            client.postJson(QStringLiteral("/api/v1/session"),
                            {{QStringLiteral("userId"), QStringLiteral("RECEPTION1")}, {QStringLiteral("password"), QStringLiteral("Uketsuke-001!x")},
                             {QStringLiteral("cardProof"), proof}},
                            done);
        });
        QVERIFY2(login.ok(), qPrintable(login.error.message()));
        const QString token = login.json.value(QStringLiteral("token")).toString();

        const ward::HubReply session = wait([&](auto done) { client.get(QStringLiteral("/api/v1/admin/session"), token, done); });
        QCOMPARE(session.httpStatus, 200);
        QCOMPARE(session.json.value(QStringLiteral("userId")).toString(), QStringLiteral("RECEPTION1"));
        const QJsonObject registration{{QStringLiteral("name"), QStringLiteral("看護 花子")}, {QStringLiteral("kana"), QStringLiteral("かんご はなこ")},
                                       {QStringLiteral("roles"), QJsonArray{QStringLiteral("nurse")}}, {QStringLiteral("wards"), QJsonArray{QStringLiteral("W3")}},
                                       {QStringLiteral("verificationMethod"), QStringLiteral("photo ID")}, {QStringLiteral("documentRef"), QStringLiteral("L-2")}};
        const ward::HubReply added = wait([&](auto done) { client.postJson(QStringLiteral("/api/v1/admin/staff"), registration, token, done); });
        QCOMPARE(added.httpStatus, 201);
        QCOMPARE(added.json.value(QStringLiteral("userId")).toString(), QStringLiteral("ST00000001"));
        // Without the session the same call is refused.
        const ward::HubReply refused = wait([&](auto done) { client.postJson(QStringLiteral("/api/v1/admin/staff"), registration, done); });
        QCOMPARE(refused.httpStatus, 401);
        hub.stop();
    }
};

QTEST_GUILESS_MAIN(TestHubAdminClient)
#include "TestHubAdminClient.moc"
