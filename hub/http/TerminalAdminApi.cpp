#include "hub/http/TerminalAdminApi.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/admin/AdminRequest.h"
#include "hub/http/JsonReply.h"
#include "hub/http/RequestBody.h"

#include <QCoreApplication>

namespace ward::hub {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("TerminalAdminApi", text);
}

// Like the desk's changes: which terminal the person acted from (adminTerminal: "terminal" names the one acted on).
QJsonObject context(const AdminSessions::Admin& admin)
{
    return {{QStringLiteral("adminTerminal"), admin.terminalId}, {QStringLiteral("via"), QStringLiteral("admin-api")}};
}

constexpr int kDefaultCodeMinutes = 60;
} // namespace

TerminalAdminApi::TerminalAdminApi(HubServices& services)
    : m_services(services)
{
}

void TerminalAdminApi::list(const HubRequest&, HubResponse& res, const Admin&)
{
    JsonReply::ok(res, m_services.terminals.overview());
}

void TerminalAdminApi::enrolCode(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const QJsonObject body = AdminRequest::body(req.body);
    const QString ward = RequestBody::requiredString(body, "ward", 32);
    const QJsonValue minutesValue = body.value(QStringLiteral("validMinutes"));
    int minutes = kDefaultCodeMinutes;
    if (!minutesValue.isUndefined()) {
        if (!minutesValue.isDouble() || minutesValue.toDouble() != double(minutesValue.toInt()))
            throw HubError(QStringLiteral("bad_request"), tr("validMinutes must be a whole number of minutes."), 400);
        minutes = minutesValue.toInt();
    }
    const auto code = m_services.terminals.createEnrolCode(ward, minutes, admin.userId, TerminalRegistry::WardRule::MustExist,
                                                           context(admin));
    // The code is a secret until it is used: no cache on the way may keep the answer.
    res.setHeader("Cache-Control", "no-store");
    JsonReply::ok(res,
                  {{QStringLiteral("code"), code.code},
                   {QStringLiteral("ward"), code.ward},
                   {QStringLiteral("validMinutes"), minutes},
                   {QStringLiteral("expiresAt"), code.expiresAt.toString(Qt::ISODateWithMs)},
                   {QStringLiteral("caFingerprint"), m_services.pki->caCertificate().sha256FingerprintText()}},
                  201);
}

void TerminalAdminApi::revoke(const HubRequest& req, HubResponse& res, const Admin& admin)
{
    const QJsonObject body = AdminRequest::body(req.body);
    const QString terminalId = RequestBody::requiredString(body, "terminalId", 64);
    const QString reason = RequestBody::requiredString(body, "reason", AdminRequest::kMaxReasonLength).trimmed();
    if (reason.isEmpty())
        throw HubError(QStringLiteral("bad_request"), tr("reason must say why (1 to %1 characters).").arg(AdminRequest::kMaxReasonLength), 400);
    m_services.terminals.revoke(terminalId, admin.userId, reason, context(admin));
    JsonReply::ok(res, {{QStringLiteral("terminalId"), terminalId}, {QStringLiteral("status"), QStringLiteral("revoked")}});
}

} // namespace ward::hub
