#include "HubStaffCertificateIssuer.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

namespace ward {

HubStaffCertificateIssuer::HubStaffCertificateIssuer(QUrl hubUrl, QSslConfiguration tls, QString sessionToken,
                                                     int timeoutMs)
    : m_hubUrl(std::move(hubUrl)), m_tls(std::move(tls)), m_token(std::move(sessionToken)), m_timeoutMs(timeoutMs)
{
}

SigningIdentity::Issuer HubStaffCertificateIssuer::asIssuer() const
{
    const HubStaffCertificateIssuer copy = *this;
    return [copy](const QByteArray& csrPem, QString* error) { return copy.issue(csrPem, error); };
}

std::optional<Certificate> HubStaffCertificateIssuer::issue(const QByteArray& csrPem, QString* error) const
{
    if (m_token.isEmpty()) {
        *error = QStringLiteral("no hub session (offline login): a new signing key needs the hub");
        return std::nullopt;
    }
    QNetworkAccessManager network;
    QUrl url = m_hubUrl;
    url.setPath(QStringLiteral("/api/v1/staff-cert"));
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    request.setTransferTimeout(m_timeoutMs);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("csr"), QString::fromLatin1(csrPem)}}).toJson(QJsonDocument::Compact);
    QNetworkReply* reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(m_timeoutMs + 1000, &loop, [reply] { reply->abort(); });
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->read(64 * 1024)).object();
    const QString transportError = reply->error() == QNetworkReply::NoError ? QString() : reply->errorString();
    delete reply;
    if (status != 201) {
        const QString code = answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
        *error = status == 0 ? QStringLiteral("hub unreachable: %1").arg(transportError)
                             : QStringLiteral("hub refused (HTTP %1 %2)").arg(status).arg(code);
        return std::nullopt;
    }
    auto cert = Certificate::fromPem(answer.value(QStringLiteral("certificate")).toString().toLatin1());
    if (!cert)
        *error = QStringLiteral("the hub's answer holds no certificate");
    return cert;
}

} // namespace ward
