#include "hub/http/PolicyAdminApi.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/admin/AdminRequest.h"
#include "hub/http/JsonReply.h"
#include "hub/http/RequestBody.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("PolicyAdminApi", text);
}

QJsonObject proposedPolicy(const QJsonObject& body)
{
    const QJsonValue policy = body.value(QStringLiteral("policy"));
    if (!policy.isObject())
        throw HubError(QStringLiteral("bad_request"), tr("policy must be the whole policy document (a JSON object)."), 400);
    return policy.toObject();
}

} // namespace

PolicyAdminApi::PolicyAdminApi(HubServices& services)
    : m_services(services)
{
}

void PolicyAdminApi::current(const HubRequest&, HubResponse& res, const Admin&)
{
    // As applied: every role with its hub permissions (admin.rolePermissions), so the editor shows them all.
    const HospitalPolicy::Version v = m_services.policy.currentCompleted();
    JsonReply::ok(res, {{QStringLiteral("version"), v.version},
                        {QStringLiteral("policy"), v.policy},
                        {QStringLiteral("updatedAt"), v.updatedAt.isValid() ? v.updatedAt.toString(Qt::ISODateWithMs) : QString()}});
}

void PolicyAdminApi::validate(const HubRequest& req, HubResponse& res, const Admin&)
{
    QJsonArray errors;
    for (const PolicyFieldError& e : HospitalPolicy::check(proposedPolicy(AdminRequest::body(req.body))))
        errors.append(QJsonObject{{QStringLiteral("field"), e.field}, {QStringLiteral("message"), e.message}});
    JsonReply::ok(res, {{QStringLiteral("valid"), errors.isEmpty()}, {QStringLiteral("errors"), errors}});
}

void PolicyAdminApi::save(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const QJsonObject body = AdminRequest::body(req.body);
    const QJsonValue base = body.value(QStringLiteral("baseVersion"));
    if (!base.isDouble() || base.toDouble() != double(base.toInt()) || base.toInt() < 0)
        throw HubError(QStringLiteral("bad_request"), tr("baseVersion must be the policy version the change was made on."), 400);
    const QString reason = RequestBody::requiredString(body, "reason", AdminRequest::kMaxReasonLength).trimmed();
    if (reason.isEmpty())
        throw HubError(QStringLiteral("bad_request"), tr("reason must say why (1 to %1 characters).").arg(AdminRequest::kMaxReasonLength), 400);
    const HospitalPolicy::Outcome outcome = m_services.policy.propose(proposedPolicy(body), base.toInt(), admin.userId, reason, admin.terminalId);
    if (!outcome.requestId.isEmpty()) {
        JsonReply::ok(res, {{QStringLiteral("pending"), true}, {QStringLiteral("requestId"), outcome.requestId},
                            {QStringLiteral("grants"), QJsonArray::fromStringList(outcome.grants)}},
                      202);
        return;
    }
    JsonReply::ok(res, {{QStringLiteral("version"), outcome.version}}, 201);
}

void PolicyAdminApi::requests(const HubRequest& req, HubResponse& res, const Admin&)
{
    const std::string status = req.hasParam("status") ? req.param("status") : std::string("pending");
    JsonReply::ok(res, m_services.policy.requests(QString::fromStdString(status).left(16)));
}

void PolicyAdminApi::approve(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const AdminRequest::Decision d = AdminRequest::decision(AdminRequest::body(req.body), false);
    const int version = m_services.policy.approve(d.requestId, admin.userId, admin.terminalId, d.reason);
    JsonReply::ok(res, {{QStringLiteral("requestId"), d.requestId}, {QStringLiteral("status"), QStringLiteral("approved")},
                        {QStringLiteral("version"), version}});
}

void PolicyAdminApi::refuse(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const AdminRequest::Decision d = AdminRequest::decision(AdminRequest::body(req.body), true);
    m_services.policy.refuse(d.requestId, admin.userId, admin.terminalId, d.reason);
    JsonReply::ok(res, {{QStringLiteral("requestId"), d.requestId}, {QStringLiteral("status"), QStringLiteral("refused")}});
}

void PolicyAdminApi::refusal(const HubRequest& req, HubResponse& res, const TerminalRegistry::Terminal& terminal)
{
    const QJsonObject body = RequestBody::parseObject(QByteArray::fromStdString(req.body));
    const QJsonValue version = body.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt()))
        throw HubError(QStringLiteral("bad_request"), tr("version must be a whole number."), 400);
    const QString code = RequestBody::requiredString(body, "code", 32);
    const QString message = body.value(QStringLiteral("message")).toString().left(kMaxRefusalMessageLength);
    m_services.policy.recordRefusal(terminal.id, version.toInt(), code, message);
    JsonReply::ok(res, {{QStringLiteral("status"), QStringLiteral("recorded")}}, 201);
}

} // namespace ward::hub
