#include "crypto/CertificateAuthority.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QtTest>

using namespace ward;

// EX-1: the certificates the CA issues work for mutual TLS as the terminal (QSslSocket) will use them, and the
// purposes keep them apart: a staff signing certificate is no TLS client, a terminal certificate no TLS server.
namespace {

struct Identity
{
    QSslCertificate cert;
    QSslKey key;
};

Identity identity(const Certificate& cert, const KeyPair& key)
{
    const SecureBytes pem = key.privatePem();
    return {QSslCertificate(cert.toPem()), QSslKey(pem.toQByteArrayUnsafe(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey)};
}

QSslConfiguration configuration(const Identity& self, const QSslCertificate& ca)
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(self.cert);
    conf.setPrivateKey(self.key);
    conf.setCaCertificates({ca});
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    return conf;
}

struct Outcome
{
    bool established = false;
    QString why;
    QSslCertificate serverSawClient;
};

// One loopback handshake; established only if both ends finish encryption without errors.
Outcome handshake(const Identity& server, const Identity& client, const QSslCertificate& ca, const QString& host)
{
    Outcome out;
    QSslServer listener;
    listener.setSslConfiguration(configuration(server, ca));
    QObject::connect(&listener, &QSslServer::sslErrors, [&](QSslSocket*, const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            out.why += QStringLiteral("server: ") + e.errorString() + QLatin1Char(';');
    });
    QObject::connect(&listener, &QSslServer::errorOccurred, [&](QSslSocket* s, QAbstractSocket::SocketError) {
        out.why += QStringLiteral("server: ") + s->errorString() + QLatin1Char(';');
    });
    if (!listener.listen(QHostAddress::LocalHost)) {
        out.why = QStringLiteral("listen failed");
        return out;
    }
    QSslSocket socket;
    socket.setSslConfiguration(configuration(client, ca));
    QObject::connect(&socket, &QSslSocket::sslErrors, [&](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            out.why += QStringLiteral("client: ") + e.errorString() + QLatin1Char(';');
    });
    QObject::connect(&socket, &QSslSocket::errorOccurred, [&](QAbstractSocket::SocketError) {
        out.why += QStringLiteral("client: ") + socket.errorString();
    });
    socket.connectToHostEncrypted(host, listener.serverPort());

    QSslSocket* accepted = nullptr;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000 && out.why.isEmpty() && !(socket.isEncrypted() && accepted)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!accepted && listener.hasPendingConnections())
            accepted = qobject_cast<QSslSocket*>(listener.nextPendingConnection());
    }
    out.established = out.why.isEmpty() && socket.isEncrypted() && accepted && accepted->isEncrypted();
    if (accepted)
        out.serverSawClient = accepted->peerCertificate();
    if (!out.established && out.why.isEmpty())
        out.why = QStringLiteral("timeout");
    return out;
}

} // namespace

class TestTlsChain : public QObject
{
    Q_OBJECT

private:
    // Qt checks validity against the real clock, so these certificates are issued "now".
    const QDateTime m_now = QDateTime::currentDateTimeUtc();
    std::optional<CertificateAuthority> m_ca;
    QSslCertificate m_caCert;
    Identity m_hub;
    Identity m_terminal;
    Identity m_staff;

    Identity issue(CertificateProfile profile, const QString& cn, const QStringList& names = {})
    {
        auto [key, cert] = m_ca->issueWithNewKey(profile, cn, 30, m_now, names);
        return identity(cert, key);
    }

private slots:
    void initTestCase()
    {
        m_ca.emplace(CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now));
        m_caCert = QSslCertificate(m_ca->certificate().toPem());
        m_hub = issue(CertificateProfile::HubServer, QStringLiteral("WardHub"),
                      {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")});
        // The terminal key is made on the terminal; only its CSR reaches the CA.
        const KeyPair terminalKey = KeyPair::generateP256();
        const std::optional<CertificateRequest> csr = CertificateRequest::fromPem(
            CertificateRequest::createPem(terminalKey, QStringLiteral("terminal-07")));
        const std::optional<Certificate> terminalCert = m_ca->issue(*csr, CertificateProfile::TerminalClient,
                                                                    QStringLiteral("terminal-07"), 30, m_now);
        QVERIFY(terminalCert);
        m_terminal = identity(*terminalCert, terminalKey);
        m_staff = issue(CertificateProfile::StaffSigning, QStringLiteral("nurse-0042"));
        QVERIFY(!m_hub.key.isNull());
        QVERIFY(!m_terminal.key.isNull());
    }

    // Proves: EX-1
    void mutualTlsWithIssuedCertificates()
    {
        for (const QString& host : {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")}) {
            const Outcome o = handshake(m_hub, m_terminal, m_caCert, host);
            QVERIFY2(o.established, qPrintable(host + QStringLiteral(": ") + o.why));
            QCOMPARE(o.serverSawClient, m_terminal.cert);
        }
    }

    void staffCertificateIsNoTlsClient()
    {
        const Outcome o = handshake(m_hub, m_staff, m_caCert, QStringLiteral("localhost"));
        QVERIFY(!o.established);
        QVERIFY2(o.why.contains(QStringLiteral("server: The supplied certificate is unsuitable for this purpose")),
                 qPrintable(o.why));
    }

    void terminalCertificateIsNoTlsServer()
    {
        const Outcome o = handshake(m_terminal, m_terminal, m_caCert, QStringLiteral("localhost"));
        QVERIFY(!o.established);
        QVERIFY2(o.why.contains(QStringLiteral("client: The supplied certificate is unsuitable for this purpose")),
                 qPrintable(o.why));
    }

    void hubNameMustMatch()
    {
        // The hub certificate names localhost and 127.0.0.1 only.
        Identity other = issue(CertificateProfile::HubServer, QStringLiteral("WardHub"),
                               {QStringLiteral("hub.example")});
        const Outcome o = handshake(other, m_terminal, m_caCert, QStringLiteral("localhost"));
        QVERIFY(!o.established);
        QVERIFY2(o.why.contains(QStringLiteral("client: The host name did not match")), qPrintable(o.why));
    }

    void certificateFromAnotherCaRefused()
    {
        CertificateAuthority rogue = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        auto [key, cert] = rogue.issueWithNewKey(CertificateProfile::TerminalClient, QStringLiteral("terminal-07"), 30,
                                                 m_now);
        const Outcome o = handshake(m_hub, identity(cert, key), m_caCert, QStringLiteral("localhost"));
        QVERIFY(!o.established);
        QVERIFY2(o.why.contains(QStringLiteral("server: No certificates could be verified")), qPrintable(o.why));
    }
};

QTEST_GUILESS_MAIN(TestTlsChain)
#include "TestTlsChain.moc"
