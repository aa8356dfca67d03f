#pragma once

#include "crypto/Certificate.h"
#include "sync/HubReply.h"

#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace ward {

class KeyPair;

// The terminal's HTTPS client for wardhub: mutual TLS with the terminal certificate, the hub's CA pinned
// (only that CA is trusted, the host name is verified), JSON in and out, every request bounded in time and
// every answer in size. Asynchronous only: callbacks run on this object's thread from its event loop, so the
// UI thread never waits on the network.
class HubClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const HubReply&)>;

    static constexpr int kDefaultTimeoutMs = 30000;
    // A page of 1,000 records with signatures and tokens is ~3 MB; anything far beyond is not the protocol.
    static constexpr qint64 kDefaultMaxResponseBytes = 64 * 1024 * 1024;

    HubClient(const QUrl& hubUrl, const Certificate& hubCa, QObject* parent = nullptr);
    ~HubClient() override;

    // The terminal's certificate and key for mutual TLS; without them only public endpoints answer.
    void setClientIdentity(const Certificate& certificate, const KeyPair& key);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    void get(const QString& path, Callback done);
    // With the user's session token (Authorization: Bearer), for calls made on behalf of a logged-in user.
    void get(const QString& path, const QString& bearerToken, Callback done);
    void postJson(const QString& path, const QJsonObject& body, Callback done);
    // A body already encoded (QJsonDocument::Compact). `sent` runs once the whole body has left for the hub: the
    // network thread takes a request body from this thread part by part, so work meant to overlap the hub's
    // answer (the next audit batch) waits for it rather than holding the upload up.
    void postEncodedJson(const QString& path, const QByteArray& encodedBody, Callback done, std::function<void()> sent = {});
    // With the user's session token: the administration API (/api/v1/admin/…) answers only to the session
    // of a card + password login at this terminal whose role grants the permission.
    void postJson(const QString& path, const QJsonObject& body, const QString& bearerToken, Callback done);

    const QUrl& hubUrl() const { return m_hubUrl; }
    const Certificate& hubCa() const { return m_hubCa; }
    // The hub time of the most recent answer (AUD-3), invalid before the first.
    QDateTime lastHubTime() const { return m_lastHubTime; }

signals:
    // Every answer that carried X-Ward-Time, with this terminal's clock at arrival (AUD-3).
    void hubTimeObserved(const QDateTime& hubTime, const QDateTime& localTime);

private:
    QNetworkRequest request(const QString& path, const QString& bearerToken = QString()) const;
    void track(QNetworkReply* reply, Callback done);
    HubReply classify(QNetworkReply* reply, bool tooLarge);

    QUrl m_hubUrl;
    Certificate m_hubCa;
    QSslConfiguration m_ssl;
    QNetworkAccessManager* m_network;
    int m_timeoutMs = kDefaultTimeoutMs;
    qint64 m_maxResponseBytes = kDefaultMaxResponseBytes;
    QDateTime m_lastHubTime;
};

} // namespace ward
