#include "hub/http/HubApi.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/HubVersion.h"
#include "hub/directory/LoginReport.h"
#include "hub/http/JsonReply.h"
#include "hub/http/RequestBody.h"
#include "hub/storage/Migrations.h"
#include "util/Clock.h"

#include <QCoreApplication>

namespace ward::hub {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("HubApi", text);
}

// The bearer session token of a request (Authorization: Bearer …), or HubError 401 session_invalid.
QString bearerToken(const HubRequest& req)
{
    const std::string auth = req.header("authorization");
    if (auth.rfind("Bearer ", 0) != 0)
        throw HubError(QStringLiteral("session_invalid"), tr("A session token (Authorization: Bearer …) is required."), 401);
    return QString::fromStdString(auth.substr(7));
}
} // namespace

HubApi::HubApi(HubServices& services)
    : m_services(services)
{
}

QJsonObject HubApi::parseObject(const HubRequest& req)
{
    return RequestBody::parseObject(QByteArray::fromRawData(req.body.data(), static_cast<int>(req.body.size())));
}

void HubApi::healthz(const HubRequest&, HubResponse& res)
{
    // Liveness only: never touches the database, so a slow database does not get the process restarted.
    JsonReply::ok(res, {{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("time"), JsonReply::hubTime()}});
}

void HubApi::readyz(const HubRequest&, HubResponse& res)
{
    bool ready = m_services.db.ping();
    int version = 0;
    if (ready) {
        try {
            version = Migrations::currentVersion(m_services.db);
        } catch (const HubError&) {
            ready = false;
        }
    }
    const bool current = ready && version == Migrations::latestVersion();
    JsonReply::ok(res,
                  {{QStringLiteral("status"), current ? QStringLiteral("ready") : QStringLiteral("not_ready")},
                   {QStringLiteral("database"), ready},
                   {QStringLiteral("schemaVersion"), version},
                   {QStringLiteral("schemaExpected"), Migrations::latestVersion()},
                   {QStringLiteral("time"), JsonReply::hubTime()}},
                  current ? 200 : 503);
}

void HubApi::time(const HubRequest&, HubResponse& res)
{
    const QDateTime now = Clock::instance().nowUtc();
    JsonReply::ok(res, {{QStringLiteral("time"), now.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("epochMs"), QString::number(now.toMSecsSinceEpoch())},
                        {QStringLiteral("protocolMin"), kProtocolVersionMin},
                        {QStringLiteral("protocolMax"), kProtocolVersionMax}});
}

void HubApi::enrol(const HubRequest& req, HubResponse& res)
{
    const QJsonObject body = parseObject(req);
    const QString code = RequestBody::requiredString(body, "code", 64);
    const QString csr = RequestBody::requiredString(body, "csr", 8192);
    const QString name = RequestBody::requiredString(body, "terminalName", 64);
    const auto e = m_services.terminals.enrol(code, csr.toUtf8(), name);
    JsonReply::ok(res, {{QStringLiteral("terminalId"), e.terminalId},
                        {QStringLiteral("ward"), e.ward},
                        {QStringLiteral("certificate"), QString::fromLatin1(e.certificate.toPem())},
                        {QStringLiteral("caCertificate"), QString::fromLatin1(m_services.pki->caCertificate().toPem())},
                        {QStringLiteral("time"), JsonReply::hubTime()}},
                  201);
}

void HubApi::networkSlotKey(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    // Issue 10: the terminal certificate alone (a stolen disk holds it) does not release the vault's network key;
    // a user must have logged in at this terminal (card + password) within the session's lifetime.
    const QString userId = m_services.sessions.userForToken(terminal.id, bearerToken(req));
    const SecureBytes key = m_services.terminals.networkSlotKey(terminal.id, userId);
    QByteArray b64 = key.toQByteArrayUnsafe().toBase64();
    JsonReply::ok(res, {{QStringLiteral("terminalId"), terminal.id}, {QStringLiteral("key"), QString::fromLatin1(b64)}});
    b64.fill('\0');
}

void HubApi::sessionChallenge(const HubRequest&, HubResponse& res, const Terminal& terminal)
{
    JsonReply::ok(res, {{QStringLiteral("challenge"), m_services.sessions.challenge(terminal.id)},
                        {QStringLiteral("validSeconds"), SessionService::kChallengeSeconds}});
}

void HubApi::session(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    QJsonObject reply = m_services.sessions.login(terminal.id, parseObject(req));
    reply[QStringLiteral("time")] = JsonReply::hubTime();
    JsonReply::ok(res, reply);
}

void HubApi::sessionFallback(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    QJsonObject reply = m_services.sessions.fallbackLogin(terminal.id, parseObject(req));
    reply[QStringLiteral("time")] = JsonReply::hubTime();
    JsonReply::ok(res, reply);
}

void HubApi::sessionEmergency(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    QJsonObject reply = m_services.sessions.emergencyLogin(terminal.id, parseObject(req));
    reply[QStringLiteral("time")] = JsonReply::hubTime();
    JsonReply::ok(res, reply);
}

void HubApi::changePassword(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    QJsonObject reply = m_services.sessions.changePassword(terminal.id, parseObject(req));
    reply[QStringLiteral("time")] = JsonReply::hubTime();
    JsonReply::ok(res, reply);
}

void HubApi::loginReport(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    // AUTH-9: only the person of a live session at this terminal reports about their own account.
    const QString userId = m_services.sessions.userForToken(terminal.id, bearerToken(req));
    const LoginReport report = LoginReport::fromJson(parseObject(req));
    report.record(m_services.db, terminal.id, userId);
    JsonReply::ok(res, {{QStringLiteral("status"), QStringLiteral("recorded")}, {QStringLiteral("time"), JsonReply::hubTime()}},
                  201);
}

void HubApi::staffCert(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    // The user proves a live session (card + password at this terminal) before the CA certifies a key for them.
    const QString userId = m_services.sessions.userForToken(terminal.id, bearerToken(req));
    const QJsonObject body = parseObject(req);
    const QString csr = RequestBody::requiredString(body, "csr", 8192);
    const Certificate cert = m_services.staffCerts.issue(userId, csr.toUtf8(), QStringLiteral("session:") + userId);
    JsonReply::ok(res, {{QStringLiteral("userId"), userId},
                        {QStringLiteral("certificate"), QString::fromLatin1(cert.toPem())},
                        {QStringLiteral("caCertificate"), QString::fromLatin1(m_services.pki->caCertificate().toPem())}},
                  201);
}

void HubApi::pushRecords(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    QJsonObject reply = m_services.records.ingest(terminal, parseObject(req));
    reply[QStringLiteral("time")] = JsonReply::hubTime();
    JsonReply::ok(res, reply);
}

void HubApi::pullChanges(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    bool okCursor = true, okLimit = true;
    const qint64 cursor = req.hasParam("cursor") ? QString::fromStdString(req.param("cursor")).toLongLong(&okCursor) : 0;
    const int limit = req.hasParam("limit") ? QString::fromStdString(req.param("limit")).toInt(&okLimit)
                                             : ChangeFeed::kDefaultLimit;
    if (!okCursor || !okLimit)
        throw HubError(QStringLiteral("bad_request"), tr("cursor and limit must be integers."), 400);
    QJsonObject reply = m_services.changes.changes(terminal, cursor, limit);
    reply[QStringLiteral("time")] = JsonReply::hubTime();
    JsonReply::ok(res, reply);
}

} // namespace ward::hub
