#include "hub/http/AdminApi.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/admin/AdminRequest.h"
#include "hub/http/JsonReply.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace ward::hub {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AdminApi", text);
}

std::string param(const HubRequest& req, const char* name)
{
    return req.hasParam(name) ? req.param(name) : std::string();
}

QJsonObject apiContext(const AdminSessions::Admin& admin)
{
    return {{QStringLiteral("terminal"), admin.terminalId}, {QStringLiteral("via"), QStringLiteral("admin-api")}};
}

QString accountIdOf(const QJsonObject& body)
{
    const QJsonValue id = body.value(QStringLiteral("accountId"));
    if (!id.isString() || id.toString().isEmpty() || id.toString().size() > 10)
        throw HubError(QStringLiteral("bad_request"), tr("accountId must be an emergency account's 10-character ID."), 400);
    return id.toString().toUpper();
}

// Replies that carry a temporary password or a one-time code must not be kept by any cache on the way.
void noStore(HubResponse& res)
{
    res.setHeader("Cache-Control", "no-store");
}
} // namespace

AdminApi::AdminApi(HubServices& services)
    : m_services(services)
{
}

QString AdminApi::bearerToken(const HubRequest& req)
{
    const std::string auth = req.header("authorization");
    if (auth.rfind("Bearer ", 0) != 0 || auth.size() > 7 + 64)
        throw HubError(QStringLiteral("session_invalid"), tr("A session token (Authorization: Bearer …) is required."), 401);
    return QString::fromStdString(auth.substr(7));
}

void AdminApi::session(const HubRequest&, HubResponse& res, const Admin& admin)
{
    QStringList permissions(admin.permissions.begin(), admin.permissions.end());
    permissions.sort();
    JsonReply::ok(res, {{QStringLiteral("userId"), admin.userId},
                        {QStringLiteral("terminalId"), admin.terminalId},
                        {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)},
                        {QStringLiteral("idleMinutes"), m_services.adminSessions.policy().idleMinutes},
                        {QStringLiteral("expiresAt"), QDateTime::fromMSecsSinceEpoch(admin.expiresAtMs, Qt::UTC).toString(Qt::ISODateWithMs)}});
}

void AdminApi::searchStaff(const HubRequest& req, HubResponse& res, const Admin&)
{
    JsonReply::ok(res, m_services.staffSearch.search(AdminRequest::search(req.query)));
}

void AdminApi::person(const HubRequest& req, HubResponse& res, const Admin&)
{
    const QString id = QString::fromStdString(param(req, "userId"));
    if (id.size() > 10 || id.isEmpty())
        throw HubError(QStringLiteral("bad_request"), tr("userId must be a 10-character staff id."), 400);
    JsonReply::ok(res, m_services.staffSearch.person(id));
}

void AdminApi::nextId(const HubRequest& req, HubResponse& res, const Admin&)
{
    const QString prefix = QString::fromStdString(param(req, "prefix"));
    if (prefix.size() > 6)
        throw HubError(QStringLiteral("bad_request"), tr("prefix must be 1 to 6 capital letters A-Z."), 400);
    JsonReply::ok(res, {{QStringLiteral("userId"), m_services.staffAdmin.nextId(prefix)}});
}

void AdminApi::registerStaff(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    int status = 201;
    const QJsonObject reply = m_services.staffAdmin.registerStaff(admin, AdminRequest::registration(AdminRequest::body(req.body)), &status);
    noStore(res);
    JsonReply::ok(res, reply, status);
}

void AdminApi::changeStatus(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    JsonReply::ok(res, m_services.staffAdmin.changeStatus(admin, AdminRequest::statusChange(AdminRequest::body(req.body))));
}

void AdminApi::resetPassword(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const QJsonObject reply = m_services.staffAdmin.resetPassword(admin, AdminRequest::passwordReset(AdminRequest::body(req.body)));
    noStore(res);
    JsonReply::ok(res, reply);
}

void AdminApi::changeRoles(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    int status = 200;
    const QJsonObject reply = m_services.staffAdmin.changeRoles(admin, AdminRequest::roleChange(AdminRequest::body(req.body)), &status);
    JsonReply::ok(res, reply, status);
}

void AdminApi::bindCard(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    JsonReply::ok(res, m_services.staffAdmin.bindCard(admin, AdminRequest::cardBinding(AdminRequest::body(req.body))), 201);
}

void AdminApi::revokeCard(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    JsonReply::ok(res, m_services.staffAdmin.revokeCard(admin, AdminRequest::cardRevocation(AdminRequest::body(req.body))));
}

void AdminApi::fallbackCode(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const QJsonObject reply = m_services.staffAdmin.issueFallbackCode(admin, AdminRequest::fallbackCode(AdminRequest::body(req.body)));
    noStore(res);
    JsonReply::ok(res, reply, 201);
}

void AdminApi::requests(const HubRequest& req, HubResponse& res, const Admin&)
{
    const std::string status = param(req, "status");
    JsonReply::ok(res, m_services.staffAdmin.requests(status.empty() ? QStringLiteral("pending") : QString::fromStdString(status).left(16)));
}

void AdminApi::approve(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const QJsonObject reply = m_services.staffAdmin.approve(admin, AdminRequest::decision(AdminRequest::body(req.body), false));
    noStore(res);
    JsonReply::ok(res, reply);
}

void AdminApi::refuse(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    JsonReply::ok(res, m_services.staffAdmin.refuse(admin, AdminRequest::decision(AdminRequest::body(req.body), true)));
}

void AdminApi::report(const HubRequest& req, HubResponse& res, const Admin&)
{
    const int days = AdminRequest::intParam(req.query, "days", 0, 1, 3650);
    JsonReply::ok(res, m_services.adminReports.report(QString::fromStdString(param(req, "kind")).left(32), days));
}

void AdminApi::audit(const HubRequest& req, HubResponse& res, const Admin&)
{
    const int after = AdminRequest::intParam(req.query, "after", 0, 0, 2000000000);
    const int limit = AdminRequest::intParam(req.query, "limit", 200, 1, 1000);
    JsonReply::ok(res, m_services.adminReports.auditPage(after, limit));
}

void AdminApi::emergencyList(const HubRequest&, HubResponse& res, const Admin&)
{
    QJsonArray accounts;
    for (const EmergencyAccounts::Account& a : m_services.emergencyAccounts.list())
        accounts.append(a.toJson());
    JsonReply::ok(res, {{QStringLiteral("accounts"), accounts}});
}

void AdminApi::emergencyRequest(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const QJsonObject body = AdminRequest::body(req.body);
    const QString id = accountIdOf(body);
    const QJsonValue ward = body.value(QStringLiteral("ward"));
    if (!ward.isUndefined() && (!ward.isString() || ward.toString().size() > 32))
        throw HubError(QStringLiteral("bad_request"), tr("ward must be a ward's ID."), 400);
    m_services.emergencyAccounts.request(id, ward.toString(), admin.userId, apiContext(admin));
    const auto account = m_services.emergencyAccounts.find(id);
    JsonReply::ok(res, account ? account->toJson() : QJsonObject(), 201);
}

void AdminApi::emergencyApprove(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const EmergencyAccounts::Letter letter = m_services.emergencyAccounts.approve(accountIdOf(AdminRequest::body(req.body)), admin.userId,
                                                                                 apiContext(admin));
    noStore(res);
    JsonReply::ok(res, {{QStringLiteral("accountId"), letter.accountId},
                        {QStringLiteral("ward"), letter.ward},
                        {QStringLiteral("wardName"), letter.wardName},
                        {QStringLiteral("letter"), letter.serial},
                        {QStringLiteral("password"), QString::fromUtf8(letter.password.toQByteArrayUnsafe())},
                        {QStringLiteral("issuedAt"), letter.issuedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("requestedBy"), letter.requestedBy},
                        {QStringLiteral("approvedBy"), letter.approvedBy}});
}

} // namespace ward::hub
