// Issue 10 item 10: the TLS policy (crypto/TlsPolicy: IPA guideline, high-security profile) at both ends.
// The hub is probed with `openssl s_client`; every refusal is backed by a control — the same s_client command
// succeeding against `openssl s_server` configured to allow it — so a refusal cannot come from the client
// simply not offering the protocol. The terminal side (core/sync HubClient) is probed with s_server.

#include "HubProcess.h"

#include "crypto/Certificate.h"
#include "sync/HubClient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Handshake
{
    bool established = false;
    QString protocol;
    QString cipher;
    QByteArray output;
};

// `openssl s_client` with the system configuration out of the way (OPENSSL_CONF=/dev/null), so only the
// options given here decide what the client offers.
Handshake sClient(int port, const QStringList& options)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENSSL_CONF"), QStringLiteral("/dev/null"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                                   QStringLiteral("127.0.0.1:%1").arg(port)} + options);
    p.closeWriteChannel();
    Handshake h;
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished();
    }
    h.output = p.readAll();
    static const QRegularExpression kNew(QStringLiteral("New, (\\S+), Cipher is (\\S+)"));
    const auto m = kNew.match(QString::fromLatin1(h.output));
    h.established = m.hasMatch() && m.captured(2) != QLatin1String("(NONE)");
    h.protocol = m.captured(1);
    h.cipher = m.captured(2);
    return h;
}

// `openssl s_server` with the hub's own TLS certificate, allowing exactly `options`.
class ControlServer
{
public:
    ControlServer(const HubProcess& hub, const QStringList& options)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPENSSL_CONF"), QStringLiteral("/dev/null"));
        m_proc.setProcessEnvironment(env);
        m_proc.setProcessChannelMode(QProcess::MergedChannels);
        // stdin stays open: s_server stops at end of input.
        m_proc.start(QStringLiteral("openssl"),
                     QStringList{QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("0"), QStringLiteral("-www"),
                                 QStringLiteral("-cert"), hub.dir() + QStringLiteral("/tls/server.pem"), QStringLiteral("-key"),
                                 hub.dir() + QStringLiteral("/tls/server.key")}
                         + options);
        static const QRegularExpression kAccept(QStringLiteral("ACCEPT \\S*:(\\d+)"));
        QByteArray out;
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && m_proc.state() != QProcess::NotRunning) {
            m_proc.waitForReadyRead(100);
            out += m_proc.readAll();
            const auto m = kAccept.match(QString::fromLatin1(out));
            if (m.hasMatch()) {
                m_port = m.captured(1).toInt();
                break;
            }
        }
    }
    ~ControlServer()
    {
        m_proc.kill();
        m_proc.waitForFinished();
    }
    int port() const { return m_port; }

private:
    QProcess m_proc;
    int m_port = 0;
};

} // namespace

class TestHubTls : public QObject
{
    Q_OBJECT

    std::unique_ptr<HubProcess> m_hub;

    // The terminal's HubClient (with TlsPolicy) against a server on `port`; true when TLS was established.
    bool terminalConnects(int port)
    {
        const auto ca = ward::Certificate::fromPem(m_hub->caPem());
        if (!ca)
            return false;
        ward::HubClient client(QUrl(QStringLiteral("https://localhost:%1").arg(port)), *ca);
        client.setTimeoutMs(10000);
        bool done = false;
        ward::SyncError::Kind kind = ward::SyncError::Kind::None;
        client.get(QStringLiteral("/healthz"), [&](const ward::HubReply& r) {
            kind = r.error.kind();
            done = true;
        });
        QDeadlineTimer deadline(15000);
        while (!done && !deadline.hasExpired())
            QTest::qWait(20);
        return done && kind != ward::SyncError::Kind::TlsFailure && kind != ward::SyncError::Kind::Timeout
            && kind != ward::SyncError::Kind::NetworkDown;
    }

private slots:
    void initTestCase()
    {
        m_hub = std::make_unique<HubProcess>(QStringLiteral("tls_policy"));
        QVERIFY(m_hub->init());
        QVERIFY(m_hub->start());
    }

    void cleanupTestCase() { m_hub.reset(); }

    void hubAcceptsTls13AndEcdheGcm()
    {
        Handshake h = sClient(m_hub->port(), {QStringLiteral("-tls1_3")});
        QVERIFY2(h.established, h.output.constData());
        QCOMPARE(h.protocol, QStringLiteral("TLSv1.3"));
        h = sClient(m_hub->port(), {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256")});
        QVERIFY2(h.established, h.output.constData());
        QCOMPARE(h.cipher, QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"));
        h = sClient(m_hub->port(), {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES256-GCM-SHA384")});
        QVERIFY2(h.established, h.output.constData());
    }

    void hubRefusesTls11AndCbcSha1_data()
    {
        QTest::addColumn<QStringList>("offer");
        const QString anything = QStringLiteral("DEFAULT@SECLEVEL=0");
        QTest::newRow("TLS 1.1") << QStringList{QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), anything};
        QTest::newRow("TLS 1.0") << QStringList{QStringLiteral("-tls1"), QStringLiteral("-cipher"), anything};
        QTest::newRow("ECDHE-ECDSA-AES128-SHA (CBC, SHA-1)")
            << QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-SHA")};
        QTest::newRow("ECDHE-ECDSA-AES256-SHA384 (CBC)")
            << QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES256-SHA384")};
        QTest::newRow("ECDHE-ECDSA-CHACHA20-POLY1305 (not AES-GCM)")
            << QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305")};
    }

    void hubRefusesTls11AndCbcSha1()
    {
        QFETCH(QStringList, offer);
        // Control: the very same client offer works against a server that allows it…
        ControlServer control(*m_hub, offer.mid(0, 1) + (offer.size() > 2 ? QStringList{QStringLiteral("-cipher"), QStringLiteral("ALL@SECLEVEL=0")} : QStringList{}));
        QVERIFY(control.port() > 0);
        const Handshake allowed = sClient(control.port(), offer);
        QVERIFY2(allowed.established, allowed.output.constData());
        // …and the hub refuses it.
        const Handshake h = sClient(m_hub->port(), offer);
        QVERIFY2(!h.established, h.output.constData());
        // The hub still serves what the policy allows.
        QVERIFY(sClient(m_hub->port(), {QStringLiteral("-tls1_3")}).established);
    }

    // Proves: EX-2
    void terminalOffersOnlyThePolicy()
    {
        // Control: the terminal's client talks to a server restricted to the policy…
        {
            ControlServer gcm(*m_hub, {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256")});
            QVERIFY(terminalConnects(gcm.port()));
        }
        {
            ControlServer tls13(*m_hub, {QStringLiteral("-tls1_3")});
            QVERIFY(terminalConnects(tls13.port()));
        }
        // …and refuses a server that offers only CBC-SHA1 or only TLS 1.1.
        {
            ControlServer cbc(*m_hub, {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-SHA")});
            QVERIFY(!terminalConnects(cbc.port()));
        }
        {
            ControlServer old(*m_hub, {QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), QStringLiteral("ALL@SECLEVEL=0")});
            QVERIFY(!terminalConnects(old.port()));
        }
        // And it connects to the hub itself.
        QVERIFY(terminalConnects(m_hub->port()));
    }
};

QTEST_GUILESS_MAIN(TestHubTls)
#include "TestHubTls.moc"
