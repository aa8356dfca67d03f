#include "HubClient.h"

#include "HubProcess.h"
#include "crypto/CertificateRequest.h"
#include "crypto/KeyPair.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

HubClient::HubClient(const QString& baseUrl, const QByteArray& caPem)
    : m_base(baseUrl)
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    m_ssl.setCaCertificates(QSslCertificate::fromData(caPem, QSsl::Pem));
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

void HubClient::setClientCertificate(const QByteArray& certPem, const QByteArray& keyPem)
{
    m_ssl.setLocalCertificate(QSslCertificate(certPem, QSsl::Pem));
    m_ssl.setPrivateKey(QSslKey(keyPem, QSsl::Ec, QSsl::Pem));
}

QNetworkRequest HubClient::request(const QString& path) const
{
    QNetworkRequest r(QUrl(m_base + path));
    r.setSslConfiguration(m_ssl);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    r.setTransferTimeout(120000);
    if (!m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    for (auto it = m_headers.cbegin(); it != m_headers.cend(); ++it)
        r.setRawHeader(it.key(), it.value());
    return r;
}

HubReply HubClient::get(const QString& path)
{
    return finish(m_nam.get(request(path)));
}

HubReply HubClient::post(const QString& path, const QByteArray& body)
{
    return finish(m_nam.post(request(path), body));
}

HubReply HubClient::postJson(const QString& path, const QJsonObject& body)
{
    return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QNetworkReply* HubClient::startPostJson(const QString& path, const QJsonObject& body)
{
    return m_nam.post(request(path), QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HubReply HubClient::finish(QNetworkReply* reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HubReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.wardTime = reply->rawHeader("X-Ward-Time");
    r.cacheControl = reply->rawHeader("Cache-Control");
    reply->deleteLater();
    return r;
}

std::unique_ptr<HubClient> HubClient::enrolledTerminal(const HubProcess& hub, const QString& ward, QString* terminalId)
{
    QByteArray code;
    if (hub.cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), ward}, &code) != 0)
        return nullptr;
    const ward::KeyPair key = ward::KeyPair::generateP256();
    HubClient anon(hub.baseUrl(), hub.caPem());
    const HubReply r = anon.postJson(QStringLiteral("/api/v1/enrol"),
                                     {{QStringLiteral("code"), QString::fromLatin1(code.trimmed())},
                                      {QStringLiteral("csr"), QString::fromLatin1(ward::CertificateRequest::createPem(key, QStringLiteral("ward-pc")))},
                                      {QStringLiteral("terminalName"), QStringLiteral("test terminal")}});
    if (r.status != 201)
        return nullptr;
    if (terminalId)
        *terminalId = r.json.value(QStringLiteral("terminalId")).toString();
    auto client = std::make_unique<HubClient>(hub.baseUrl(), hub.caPem());
    client->setClientCertificate(r.json.value(QStringLiteral("certificate")).toString().toLatin1(), key.privatePem().toQByteArrayUnsafe());
    return client;
}

QJsonObject HubClient::pivProof(const ward::KeyPair& card)
{
    const HubReply c = postJson(QStringLiteral("/api/v1/session/challenge"), {});
    const QByteArray challenge = QByteArray::fromBase64(c.json.value(QStringLiteral("challenge")).toString().toLatin1());
    return {{QStringLiteral("kind"), QStringLiteral("piv")},
            {QStringLiteral("challenge"), QString::fromLatin1(challenge.toBase64())},
            {QStringLiteral("signature"), QString::fromLatin1(card.sign(challenge).toBase64())}};
}
