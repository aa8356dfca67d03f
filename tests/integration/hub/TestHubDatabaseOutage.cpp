// PostgreSQL goes away under a running hub and comes back: liveness stays up, readiness follows the database,
// and requests work again without restarting the hub (dead pool-thread connections are replaced).
// Uses its own throw-away cluster (pg-fixture.sh) so stopping it cannot disturb other tests.

#include "HubClient.h"
#include "HubProcess.h"

#include "crypto/CertificateRequest.h"
#include "crypto/KeyPair.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int kPort = 55438;

bool fixture(const QString& cmd, const QString& dir)
{
    QProcess p;
    p.start(QStringLiteral(WARD_SOURCE_DIR "/tests/integration/pg-fixture.sh"), {cmd, dir, QString::number(kPort)});
    return p.waitForFinished(60000) && p.exitCode() == 0;
}
} // namespace

class TestHubDatabaseOutage : public QObject
{
    Q_OBJECT

private slots:
    void hubRecoversWhenPostgresReturns()
    {
        QTemporaryDir pgDir(QStringLiteral("/tmp/ward-hub-outage-XXXXXX"));
        QVERIFY(fixture(QStringLiteral("start"), pgDir.path()));
        qputenv("WARD_HUB_TEST_PG", QStringLiteral("%1/sock:%2").arg(pgDir.path()).arg(kPort).toUtf8());
        HubProcess hub(QStringLiteral("outage"));
        QVERIFY(hub.init());
        QVERIFY(hub.start());

        QByteArray code;
        QCOMPARE(hub.cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), QStringLiteral("W3")}, &code), 0);
        const ward::KeyPair key = ward::KeyPair::generateP256();
        HubClient anon(hub.baseUrl(), hub.caPem());
        const HubReply enrolled = anon.postJson(QStringLiteral("/api/v1/enrol"),
                                                {{QStringLiteral("code"), QString::fromLatin1(code.trimmed())},
                                                 {QStringLiteral("csr"), QString::fromLatin1(ward::CertificateRequest::createPem(key, QStringLiteral("pc")))},
                                                 {QStringLiteral("terminalName"), QStringLiteral("pc")}});
        QCOMPARE(enrolled.status, 201);
        HubClient terminal(hub.baseUrl(), hub.caPem());
        terminal.setClientCertificate(enrolled.json.value(QStringLiteral("certificate")).toString().toLatin1(),
                                      key.privatePem().toQByteArrayUnsafe());
        QCOMPARE(terminal.get(QStringLiteral("/api/v1/changes?cursor=0&limit=10")).status, 200);
        QCOMPARE(anon.get(QStringLiteral("/readyz")).status, 200);

        QVERIFY(fixture(QStringLiteral("stop"), pgDir.path()));
        QCOMPARE(anon.get(QStringLiteral("/healthz")).status, 200);
        const HubReply notReady = anon.get(QStringLiteral("/readyz"));
        QCOMPARE(notReady.status, 503);
        QCOMPARE(notReady.json.value(QStringLiteral("database")).toBool(), false);
        const HubReply down = terminal.get(QStringLiteral("/api/v1/changes?cursor=0&limit=10"));
        QCOMPARE(down.status, 500);
        QCOMPARE(down.errorCode(), QStringLiteral("internal"));
        QVERIFY(!down.body.contains("PostgreSQL")); // details go to the log, not to the client

        QVERIFY(fixture(QStringLiteral("start"), pgDir.path()));
        QTRY_COMPARE_WITH_TIMEOUT(anon.get(QStringLiteral("/readyz")).status, 200, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(terminal.get(QStringLiteral("/api/v1/changes?cursor=0&limit=10")).status, 200, 10000);
        hub.stop();
        QVERIFY(fixture(QStringLiteral("stop"), pgDir.path()));
    }
};

QTEST_GUILESS_MAIN(TestHubDatabaseOutage)
#include "TestHubDatabaseOutage.moc"
