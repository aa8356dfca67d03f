#pragma once

// Test client: QNetworkAccessManager over TLS, pinned to the hub's CA, optionally with a client certificate.

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslKey>
#include <memory>

struct HubReply
{
    int status = 0; // 0: no HTTP response (TLS/connection failure)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QByteArray wardTime;
    QByteArray cacheControl;
    QString errorCode() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
};

class HubProcess;
namespace ward {
class KeyPair;
}

class HubClient
{
public:
    HubClient(const QString& baseUrl, const QByteArray& caPem);
    // A client with the certificate of a terminal freshly enrolled into `ward` (enrol-code + POST /api/v1/enrol);
    // null when enrolment failed. The terminal id goes to *terminalId.
    static std::unique_ptr<HubClient> enrolledTerminal(const HubProcess& hub, const QString& ward, QString* terminalId = nullptr);
    void setClientCertificate(const QByteArray& certPem, const QByteArray& keyPem);
    void setBearerToken(const QString& token) { m_token = token; }
    // A header sent with every request from now on (what a terminal says about itself: X-Ward-Version, …).
    void setHeader(const QByteArray& name, const QByteArray& value) { m_headers.insert(name, value); }
    QNetworkRequest request(const QString& path) const;

    HubReply get(const QString& path);
    HubReply post(const QString& path, const QByteArray& body);
    HubReply postJson(const QString& path, const QJsonObject& body);
    // Sends without waiting (for concurrent requests); wait with HubClient::finish.
    QNetworkReply* startPostJson(const QString& path, const QJsonObject& body);
    static HubReply finish(QNetworkReply* reply);
    // A fresh one-time challenge from the hub signed by the card's key: a valid PIV card proof for this terminal.
    QJsonObject pivProof(const ward::KeyPair& card);

private:

    QString m_base;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    QString m_token;
    QMap<QByteArray, QByteArray> m_headers;
};
