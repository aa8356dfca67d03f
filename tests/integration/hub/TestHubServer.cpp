// wardhub as a process over loopback mutual TLS: enrolment, terminal identity, limits, probes.
// The same suite runs on SQLite (test_hub_server) and PostgreSQL (test_hub_server_pg).

#include "HubClient.h"
#include "HubProcess.h"

#include "crypto/CertificateAuthority.h"
#include "crypto/Digest.h"
#include "hub/storage/HubDatabase.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace ward;

namespace {

struct EnrolledTerminal
{
    QString id;
    QByteArray certPem;
    QByteArray keyPem;
};

QString newCode(HubProcess& hub, const QString& ward, int minutes = 60)
{
    QByteArray out;
    if (hub.cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), ward, QStringLiteral("--valid-minutes"),
                 QString::number(minutes)},
                &out)
        != 0)
        return {};
    return QString::fromLatin1(out.trimmed());
}

HubReply tryEnrol(HubProcess& hub, const QString& code, const KeyPair& key)
{
    HubClient client(hub.baseUrl(), hub.caPem());
    return client.postJson(QStringLiteral("/api/v1/enrol"),
                           {{QStringLiteral("code"), code},
                            {QStringLiteral("csr"), QString::fromLatin1(CertificateRequest::createPem(key, QStringLiteral("ward-pc")))},
                            {QStringLiteral("terminalName"), QStringLiteral("W3 nurses' station 1")}});
}

qint64 count(HubProcess& hub, const QString& table)
{
    ward::hub::HubDatabase db(hub.config());
    QSqlQuery q = db.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestHubServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<HubProcess> m_hub;

    EnrolledTerminal enrol(const QString& ward = QStringLiteral("W3"))
    {
        const KeyPair key = KeyPair::generateP256();
        const HubReply r = tryEnrol(*m_hub, newCode(*m_hub, ward), key);
        if (r.status != 201)
            qWarning("enrol failed: %d %s", r.status, r.body.constData());
        return {r.json.value(QStringLiteral("terminalId")).toString(),
                r.json.value(QStringLiteral("certificate")).toString().toLatin1(), key.privatePem().toQByteArrayUnsafe()};
    }

    std::unique_ptr<HubClient> clientFor(const EnrolledTerminal& t)
    {
        auto c = std::make_unique<HubClient>(m_hub->baseUrl(), m_hub->caPem());
        c->setClientCertificate(t.certPem, t.keyPem);
        return c;
    }

private slots:
    void init()
    {
        m_hub = std::make_unique<HubProcess>(QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(m_hub->init());
        QVERIFY(m_hub->start());
    }

    void cleanup()
    {
        m_hub->stop();
        if (QTest::currentTestFailed())
            qWarning("hub log:\n%s", m_hub->log().constData());
        m_hub.reset();
    }

    // Proves: EX-6, BCP-4
    void probesAndTime()
    {
        HubClient anon(m_hub->baseUrl(), m_hub->caPem());
        HubReply r = anon.get(QStringLiteral("/healthz"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const QDateTime hubTime = QDateTime::fromString(QString::fromLatin1(r.wardTime), Qt::ISODateWithMs);
        QVERIFY2(hubTime.isValid(), r.wardTime.constData());
        QVERIFY(qAbs(hubTime.msecsTo(QDateTime::currentDateTimeUtc())) < 10000);

        r = anon.get(QStringLiteral("/readyz"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("ready"));

        const EnrolledTerminal t = enrol();
        r = clientFor(t)->get(QStringLiteral("/api/v1/time"));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.wardTime.isEmpty());
        QVERIFY(QDateTime::fromString(r.json.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).isValid());
        QCOMPARE(r.json.value(QStringLiteral("protocolMax")).toInt(), 1);
    }

    void noCertificateGetsJson401()
    {
        HubClient anon(m_hub->baseUrl(), m_hub->caPem());
        for (const char* path : {"/api/v1/time", "/api/v1/network-slot-key", "/api/v1/changes?cursor=0"}) {
            const HubReply r = anon.get(QString::fromLatin1(path));
            QCOMPARE(r.status, 401);
            QCOMPARE(r.errorCode(), QStringLiteral("no_client_certificate"));
            QVERIFY(!r.wardTime.isEmpty());
        }
        const HubReply r = anon.post(QStringLiteral("/api/v1/records"), "{}");
        QCOMPARE(r.status, 401);
    }

    void enrolmentCodeWorksOnce()
    {
        const QString code = newCode(*m_hub, QStringLiteral("W3"));
        QVERIFY(!code.isEmpty());
        const KeyPair key = KeyPair::generateP256();
        HubReply r = tryEnrol(*m_hub, code, key);
        QCOMPARE(r.status, 201);
        const auto cert = Certificate::fromPem(r.json.value(QStringLiteral("certificate")).toString().toLatin1());
        QVERIFY(cert);
        QCOMPARE(cert->publicKeyDer(), key.publicDer()); // the terminal's key never left it
        QCOMPARE(cert->subjectCommonName(), r.json.value(QStringLiteral("terminalId")).toString());
        QCOMPARE(r.json.value(QStringLiteral("caCertificate")).toString().toLatin1(), m_hub->caPem());
        QCOMPARE(r.json.value(QStringLiteral("ward")).toString(), QStringLiteral("W3"));

        // The same code again — with another key, and even with the same key — is refused; nothing is stored.
        r = tryEnrol(*m_hub, code, KeyPair::generateP256());
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("enrol_code_used"));
        r = tryEnrol(*m_hub, code.toLower(), key);
        QCOMPARE(r.errorCode(), QStringLiteral("enrol_code_used"));
        QCOMPARE(count(*m_hub, QStringLiteral("terminals")), qint64(1));

        r = tryEnrol(*m_hub, QStringLiteral("AAAA-BBBB-CCCC-DDDD"), key);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("enrol_code_unknown"));
    }

    void expiredCodeFails()
    {
        const QString code = newCode(*m_hub, QStringLiteral("W3"), 1);
        {
            // Age the code as if its minute had passed (the hub judges expiry on its own clock).
            ward::hub::HubDatabase db(m_hub->config());
            db.exec(QStringLiteral("UPDATE enrol_codes SET expires_at = ?"),
                    {QDateTime::currentMSecsSinceEpoch() - 1000});
        }
        const HubReply r = tryEnrol(*m_hub, code, KeyPair::generateP256());
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("enrol_code_expired"));
        QCOMPARE(count(*m_hub, QStringLiteral("terminals")), qint64(0));
    }

    void badEnrolInputIsRefused()
    {
        HubClient anon(m_hub->baseUrl(), m_hub->caPem());
        HubReply r = anon.post(QStringLiteral("/api/v1/enrol"), "not json");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_json"));
        r = anon.postJson(QStringLiteral("/api/v1/enrol"), {{QStringLiteral("code"), 5}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
        const QString code = newCode(*m_hub, QStringLiteral("W3"));
        r = anon.postJson(QStringLiteral("/api/v1/enrol"), {{QStringLiteral("code"), code},
                                                            {QStringLiteral("csr"), QStringLiteral("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n")},
                                                            {QStringLiteral("terminalName"), QStringLiteral("x")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_csr"));
        // The failed attempt did not burn the code.
        QCOMPARE(tryEnrol(*m_hub, code, KeyPair::generateP256()).status, 201);
    }

    void networkSlotKeyNeedsASession()
    {
        // Issue 10: the terminal certificate alone (what a stolen disk holds) does not release the vault's network
        // key; test_hub_accounts covers the release with a user's session token.
        const EnrolledTerminal a = enrol();
        const HubReply r = clientFor(a)->get(QStringLiteral("/api/v1/network-slot-key"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("session_invalid"));
        QVERIFY(!r.json.contains(QStringLiteral("key")));
    }

    // Proves: EX-4, CL-8
    void revokedTerminalIsRefused()
    {
        const EnrolledTerminal t = enrol();
        QCOMPARE(clientFor(t)->get(QStringLiteral("/api/v1/time")).status, 200);
        QByteArray out, err;
        QCOMPARE(m_hub->cli({QStringLiteral("revoke-terminal"), QStringLiteral("--id"), t.id}, &out, &err), 0);
        for (const char* path : {"/api/v1/network-slot-key", "/api/v1/time"}) {
            const HubReply r = clientFor(t)->get(QString::fromLatin1(path));
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), QStringLiteral("terminal_revoked"));
            QVERIFY(!r.json.contains(QStringLiteral("key")));
        }
        QVERIFY(m_hub->cli({QStringLiteral("revoke-terminal"), QStringLiteral("--id"), QStringLiteral("T-nope")}) != 0);
    }

    // Proves: EX-1, CL-8
    void foreignCaCertificateIsRefused()
    {
        // A certificate with the right shape from another CA never gets past the TLS handshake.
        CertificateAuthority other = CertificateAuthority::create(QStringLiteral("Rogue CA"), 365, QDateTime::currentDateTimeUtc());
        auto [key, cert] = other.issueWithNewKey(CertificateProfile::TerminalClient, QStringLiteral("T-rogue"), 30,
                                                 QDateTime::currentDateTimeUtc());
        HubClient rogue(m_hub->baseUrl(), m_hub->caPem());
        rogue.setClientCertificate(cert.toPem(), key.privatePem().toQByteArrayUnsafe());
        const HubReply r = rogue.get(QStringLiteral("/api/v1/network-slot-key"));
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
        QVERIFY(!r.body.contains("key"));

        // A certificate from the hub's CA that is not a terminal's (not in the registry) gets 401.
        auto hubCa = CertificateAuthority::load(
            m_hub->caPem(), SecureBytes::fromQByteArray([&] {
                QFile f(m_hub->dir() + QStringLiteral("/ca/ca.key"));
                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            }()));
        QVERIFY(hubCa);
        auto [k2, c2] = hubCa->issueWithNewKey(CertificateProfile::TerminalClient, QStringLiteral("T-unregistered"), 30,
                                               QDateTime::currentDateTimeUtc());
        HubClient stranger(m_hub->baseUrl(), m_hub->caPem());
        stranger.setClientCertificate(c2.toPem(), k2.privatePem().toQByteArrayUnsafe());
        const HubReply r2 = stranger.get(QStringLiteral("/api/v1/network-slot-key"));
        QCOMPARE(r2.status, 401);
        QCOMPARE(r2.errorCode(), QStringLiteral("unknown_terminal"));
    }

    void oversizedBodyIsRefusedWithoutMemoryGrowth()
    {
        const EnrolledTerminal t = enrol();
        auto client = clientFor(t);
        QCOMPARE(client->get(QStringLiteral("/api/v1/time")).status, 200);
        const qint64 before = m_hub->rssKiB();
        QVERIFY(before > 0);
        const QByteArray big(10 * 1024 * 1024, 'x');
        const HubReply r = client->post(QStringLiteral("/api/v1/records"), big);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
        const qint64 after = m_hub->rssKiB();
        qInfo("hub VmRSS before %lld KiB, after a 10 MiB body %lld KiB", before, after);
        QVERIFY2(after - before < 3 * 1024, "the hub buffered the oversized body");
        QCOMPARE(client->get(QStringLiteral("/api/v1/time")).status, 200); // still serving
    }

    void cliRefusesBadInputAndChangesNothing()
    {
        QByteArray out, err;
        QCOMPARE(m_hub->cli({QStringLiteral("init")}, &out, &err), 1);
        QVERIFY2(err.contains("already holds a hub"), err.constData());
        QCOMPARE(m_hub->cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), QStringLiteral("W 3!")}, &out, &err), 1);
        QCOMPARE(m_hub->cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), QStringLiteral("W3"), QStringLiteral("--valid-minutes"), QStringLiteral("0")}, &out, &err), 1);
        QCOMPARE(m_hub->cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), QStringLiteral("W3"), QStringLiteral("--valid-minutes"), QStringLiteral("soon")}, &out, &err), 2);
        QCOMPARE(m_hub->cli({QStringLiteral("enrol-code"), QStringLiteral("--bogus")}, &out, &err), 2);
        QCOMPARE(count(*m_hub, QStringLiteral("enrol_codes")), qint64(0));

        // A second server on the same port is refused with a clear message.
        QProcess second;
        second.start(HubProcess::binary(), {QStringLiteral("serve"), QStringLiteral("--dir"), m_hub->dir(), QStringLiteral("--port"),
                                            QString::number(m_hub->port())});
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY(second.readAllStandardError().contains("cannot listen"));

        // Without its master key the hub does not start (and says why).
        QVERIFY(QFile::rename(m_hub->dir() + QStringLiteral("/keys/master.key"), m_hub->dir() + QStringLiteral("/master.key.away")));
        QCOMPARE(m_hub->cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), QStringLiteral("W3")}, &out, &err), 1);
        QVERIFY2(err.contains("master key"), err.constData());
        QVERIFY(QFile::rename(m_hub->dir() + QStringLiteral("/master.key.away"), m_hub->dir() + QStringLiteral("/keys/master.key")));
        QCOMPARE(m_hub->cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), QStringLiteral("W3")}, &out, &err), 0);
    }

    void unknownEndpointIsJson404()
    {
        const EnrolledTerminal t = enrol();
        const HubReply r = clientFor(t)->get(QStringLiteral("/api/v1/nope"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
    }
};

QTEST_GUILESS_MAIN(TestHubServer)
#include "TestHubServer.moc"
