#include "sync/HubClient.h"

#include "crypto/KeyPair.h"
#include "crypto/SecureBytes.h"
#include "crypto/TlsPolicy.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>

namespace ward {

namespace {

class HubClientText
{
    Q_DECLARE_TR_FUNCTIONS(HubClient)
};

SyncError networkError(QNetworkReply::NetworkError code, const QString& detail)
{
    using K = SyncError::Kind;
    switch (code) {
    case QNetworkReply::SslHandshakeFailedError:
        return SyncError(K::TlsFailure, HubClientText::tr("The secure connection to the hub failed (%1). Check the hub address and "
                                           "that this terminal is enrolled with this hub.").arg(detail));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // setTransferTimeout() aborts this way
        return SyncError(K::Timeout, HubClientText::tr("The hub did not answer in time."));
    default:
        return SyncError(K::NetworkDown, HubClientText::tr("The hub cannot be reached (%1). Work continues offline.").arg(detail));
    }
}

} // namespace

HubClient::HubClient(const QUrl& hubUrl, const Certificate& hubCa, QObject* parent)
    : QObject(parent)
    , m_hubUrl(hubUrl)
    , m_hubCa(hubCa)
    , m_ssl(QSslConfiguration::defaultConfiguration())
    , m_network(new QNetworkAccessManager(this))
{
    // Pinning: setCaCertificates replaces the system store and turns off on-demand root loading, so a
    // certificate from any public CA cannot impersonate the hub.
    m_ssl.setCaCertificates({QSslCertificate(hubCa.toPem(), QSsl::Pem)});
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Issue 10 item 10: the same protocols and ciphers as the hub (IPA guideline, high-security profile).
    TlsPolicy::apply(m_ssl);
    m_network->setAutoDeleteReplies(false);
}

HubClient::~HubClient() = default;

void HubClient::setClientIdentity(const Certificate& certificate, const KeyPair& key)
{
    m_ssl.setLocalCertificate(QSslCertificate(certificate.toPem(), QSsl::Pem));
    SecureBytes pem = key.privatePem();
    QByteArray pemBytes = pem.toQByteArrayUnsafe();
    m_ssl.setPrivateKey(QSslKey(pemBytes, QSsl::Ec, QSsl::Pem));
    pemBytes.fill('\0');
}

QNetworkRequest HubClient::request(const QString& path, const QString& bearerToken) const
{
    QUrl url = m_hubUrl;
    const int q = path.indexOf(QLatin1Char('?'));
    url.setPath(url.path().remove(QRegularExpression(QStringLiteral("/+$"))) + (q < 0 ? path : path.left(q)));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest r(url);
    r.setSslConfiguration(m_ssl);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    r.setRawHeader("Accept", "application/json");
    // Measured with the earlier hub server (cpp-httplib with brotli): compressing change pages cost most of the
    // hub's CPU; plain bodies keep a pull of 10^5 versions CPU-bound on signature checks instead.
    r.setRawHeader("Accept-Encoding", "identity");
    r.setTransferTimeout(m_timeoutMs);
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!bearerToken.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + bearerToken.toLatin1());
    // Issue 13: the IT console lists each terminal's program version and its clock against the hub's.
    r.setRawHeader("X-Ward-Version", QByteArrayLiteral(WARD_VERSION));
    r.setRawHeader("X-Ward-Terminal-Time", Clock::instance().nowUtc().toString(Qt::ISODateWithMs).toLatin1());
    return r;
}

void HubClient::get(const QString& path, Callback done)
{
    track(m_network->get(request(path)), std::move(done));
}

void HubClient::get(const QString& path, const QString& bearerToken, Callback done)
{
    track(m_network->get(request(path, bearerToken)), std::move(done));
}

void HubClient::postJson(const QString& path, const QJsonObject& body, Callback done)
{
    track(m_network->post(request(path), QJsonDocument(body).toJson(QJsonDocument::Compact)), std::move(done));
}

void HubClient::postEncodedJson(const QString& path, const QByteArray& encodedBody, Callback done, std::function<void()> sent)
{
    QNetworkReply* reply = m_network->post(request(path), encodedBody);
    if (sent)
        connect(reply, &QNetworkReply::uploadProgress, reply, [reply, sent = std::move(sent)](qint64 done, qint64 total) {
            if (total > 0 && done == total) {
                QObject::disconnect(reply, &QNetworkReply::uploadProgress, reply, nullptr);
                sent();
            }
        });
    track(reply, std::move(done));
}

void HubClient::postJson(const QString& path, const QJsonObject& body, const QString& bearerToken, Callback done)
{
    track(m_network->post(request(path, bearerToken), QJsonDocument(body).toJson(QJsonDocument::Compact)), std::move(done));
}

void HubClient::track(QNetworkReply* reply, Callback done)
{
    auto tooLarge = std::make_shared<bool>(false);
    const qint64 limit = m_maxResponseBytes;
    // Refuse an oversized answer while it arrives, not after it has been buffered.
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, tooLarge, limit] {
        const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (declared > limit && !*tooLarge) {
            *tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge, limit](qint64 received, qint64) {
        if (received > limit && !*tooLarge) {
            *tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, tooLarge, done = std::move(done)] {
        const HubReply r = classify(reply, *tooLarge);
        reply->deleteLater();
        if (done)
            done(r);
    });
}

HubReply HubClient::classify(QNetworkReply* reply, bool tooLarge)
{
    using K = SyncError::Kind;
    HubReply r;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray time = reply->rawHeader("X-Ward-Time");
    if (!time.isEmpty()) {
        r.hubTime = QDateTime::fromString(QString::fromLatin1(time), Qt::ISODateWithMs);
        if (r.hubTime.isValid()) {
            m_lastHubTime = r.hubTime;
            emit hubTimeObserved(r.hubTime, Clock::instance().nowUtc());
        }
    }
    if (tooLarge) {
        r.error = SyncError(K::ResponseTooLarge,
                            HubClientText::tr("The hub's answer exceeds %1 bytes and was refused.").arg(m_maxResponseBytes), r.httpStatus);
        return r;
    }
    const QByteArray body = reply->readAll();
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parse);
    const QJsonObject hubError = doc.object().value(QStringLiteral("error")).toObject();
    const QString hubCode = hubError.value(QStringLiteral("code")).toString();
    const QString hubMessage = hubError.value(QStringLiteral("message")).toString();
    if (r.httpStatus == 0) {
        r.error = networkError(reply->error(), reply->errorString());
        return r;
    }
    if (r.httpStatus >= 200 && r.httpStatus < 300) {
        if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
            r.error = SyncError(K::MalformedResponse, HubClientText::tr("The hub's answer is not the JSON object the protocol promises."),
                                r.httpStatus);
            return r;
        }
        r.json = doc.object();
        return r;
    }
    r.hubError = hubError;
    const QString said = hubMessage.isEmpty() ? QString() : QStringLiteral(" (") + hubMessage + QLatin1Char(')');
    if (r.httpStatus == 401)
        r.error = SyncError(K::UnknownTerminal,
                            HubClientText::tr("The hub does not recognise this terminal%1. Enrol it again with a code from IT.").arg(said),
                            401, hubCode);
    else if (r.httpStatus == 403)
        r.error = SyncError(K::TerminalRevoked, HubClientText::tr("The hub refuses this terminal%1. Contact IT.").arg(said), 403, hubCode);
    else if (r.httpStatus == 413)
        r.error = SyncError(K::PayloadTooLarge, HubClientText::tr("The hub refused a request as too large%1.").arg(said), 413, hubCode);
    else if (r.httpStatus == 507)
        // Issue 14: the hub's disk is full; what was sent stays here (unacknowledged) and goes again on the next sync.
        r.error = SyncError(K::ServerError,
                            HubClientText::tr("The hub's storage is full. Nothing is lost: this terminal keeps its entries and "
                                              "records and sends them once IT has freed space at the hub."),
                            507, hubCode);
    else if (r.httpStatus >= 500)
        r.error = SyncError(K::ServerError, HubClientText::tr("The hub had an internal problem (HTTP %1); sync will retry.").arg(r.httpStatus),
                            r.httpStatus, hubCode);
    else
        r.error = SyncError(K::BadRequest, HubClientText::tr("The hub refused the request (HTTP %1)%2.").arg(r.httpStatus).arg(said),
                            r.httpStatus, hubCode);
    return r;
}

} // namespace ward
