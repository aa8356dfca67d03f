#include "sync/Enrolment.h"

#include "crypto/CertificateRequest.h"
#include "crypto/KeyPair.h"
#include "sync/HubClient.h"
#include "sync/TerminalIdentity.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTimer>

namespace ward {

Enrolment::Enrolment(QString dataDir, QObject* parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
{
}

QString Enrolment::fingerprintText(const Certificate& ca)
{
    return ca.sha256FingerprintText();
}

bool Enrolment::fingerprintMatches(const Certificate& ca, const QString& typed)
{
    QString hex = typed;
    hex.remove(QRegularExpression(QStringLiteral("[\\s:]")));
    const QByteArray want = QByteArray::fromHex(hex.toLatin1());
    return hex.size() == 64 && want.size() == 32 && !ca.isNull() && want == ca.sha256Fingerprint();
}

void Enrolment::fail(const SyncError& error)
{
    emit failed(error);
}

void Enrolment::fetchHubCa(const QUrl& hubUrl)
{
    readPresentedCa(hubUrl, [this](const Certificate& ca) { emit hubCaPresented(ca, fingerprintText(ca)); });
}

void Enrolment::enrol(const QUrl& hubUrl, const QString& code, const QString& terminalName, const QString& expectedCaFingerprint)
{
    readPresentedCa(hubUrl, [=](const Certificate& ca) {
        if (!fingerprintMatches(ca, expectedCaFingerprint)) {
            fail(SyncError(SyncError::Kind::CaMismatch,
                           tr("The hub presents a CA with fingerprint %1, which is not the fingerprint you confirmed. "
                              "Nothing was sent. Check the hub address and the fingerprint printed by wardhub init.")
                               .arg(fingerprintText(ca))));
            return;
        }
        sendEnrolment(hubUrl, ca, code, terminalName);
    });
}

void Enrolment::readPresentedCa(const QUrl& hubUrl, std::function<void(const Certificate&)> then)
{
    // Nothing is trusted and nothing is sent on this connection: it only reads the chain the hub presents,
    // which the caller then checks against the fingerprint a person confirmed.
    auto* socket = new QSslSocket(this);
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    socket->setProtocol(QSsl::TlsV1_2OrLater);
    auto* timer = new QTimer(socket);
    timer->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    auto finish = [socket, finished](const std::function<void()>& next) {
        if (*finished)
            return;
        *finished = true;
        socket->abort();
        socket->deleteLater();
        next();
    };
    connect(socket, &QSslSocket::encrypted, this, [=] {
        const QList<QSslCertificate> chain = socket->peerCertificateChain();
        finish([=] {
            QList<Certificate> certs;
            for (const QSslCertificate& c : chain)
                if (auto parsed = Certificate::fromDer(c.toDer()))
                    certs << *parsed;
            for (const Certificate& c : certs) {
                if (!certs.isEmpty() && c.isCa() && c.isIssuedBy(c) && certs.first().isIssuedBy(c)) {
                    then(c);
                    return;
                }
            }
            fail(SyncError(SyncError::Kind::TlsFailure,
                           tr("The hub did not present its CA certificate in the TLS handshake; enrolment cannot "
                              "confirm whom it talks to.")));
        });
    });
    connect(socket, &QSslSocket::errorOccurred, this, [=](QAbstractSocket::SocketError) {
        const QString why = socket->errorString();
        finish([=] {
            fail(SyncError(SyncError::Kind::NetworkDown, tr("The hub cannot be reached (%1).").arg(why)));
        });
    });
    connect(timer, &QTimer::timeout, this, [=] {
        finish([=] { fail(SyncError(SyncError::Kind::Timeout, tr("The hub did not answer in time."))); });
    });
    timer->start(kHandshakeTimeoutMs);
    socket->connectToHostEncrypted(hubUrl.host(), static_cast<quint16>(hubUrl.port(443)));
}

void Enrolment::sendEnrolment(const QUrl& hubUrl, const Certificate& ca, const QString& code, const QString& terminalName)
{
    auto key = std::make_shared<const KeyPair>(KeyPair::generateP256());
    const QByteArray csr = CertificateRequest::createPem(*key, terminalName.left(64));
    if (csr.isEmpty()) {
        fail(SyncError(SyncError::Kind::BadRequest, tr("The terminal name must be 1 to 64 characters.")));
        return;
    }
    auto* client = new HubClient(hubUrl, ca, this);
    client->postJson(QStringLiteral("/api/v1/enrol"),
                     {{QStringLiteral("code"), code.trimmed()},
                      {QStringLiteral("csr"), QString::fromLatin1(csr)},
                      {QStringLiteral("terminalName"), terminalName}},
                     [=](const HubReply& r) {
                         client->deleteLater();
                         if (!r.ok()) {
                             fail(r.error);
                             return;
                         }
                         const auto cert = Certificate::fromPem(r.json.value(QStringLiteral("certificate")).toString().toLatin1());
                         const auto sentCa = Certificate::fromPem(r.json.value(QStringLiteral("caCertificate")).toString().toLatin1());
                         TerminalIdentity id;
                         id.terminalId = r.json.value(QStringLiteral("terminalId")).toString();
                         id.ward = r.json.value(QStringLiteral("ward")).toString();
                         // The certificate must be for our key, from the CA we pinned; anything else is not stored.
                         if (!cert || !sentCa || *sentCa != ca || !cert->isIssuedBy(ca) || cert->publicKeyDer() != key->publicDer()
                             || id.terminalId.isEmpty()) {
                             fail(SyncError(SyncError::Kind::MalformedResponse,
                                            tr("The hub's enrolment answer does not fit this terminal's key and the confirmed CA; "
                                               "nothing was stored.")));
                             return;
                         }
                         id.hubUrl = hubUrl;
                         id.certificate = *cert;
                         id.hubCa = ca;
                         id.key = key;
                         try {
                             id.save(m_dataDir);
                         } catch (const SyncError& e) {
                             fail(e);
                             return;
                         }
                         emit enrolled(id.terminalId, id.ward);
                     });
}

} // namespace ward
