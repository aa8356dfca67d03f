#include "hub/http/TerminalDisposalApi.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/admin/AdminRequest.h"
#include "hub/http/HubApi.h"
#include "hub/http/JsonReply.h"

#include <QCoreApplication>

namespace ward::hub {

TerminalDisposalApi::TerminalDisposalApi(HubServices& services) : m_chains(services.db, services.keys), m_disposals(services.db) {}

void TerminalDisposalApi::shipAudit(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    const QJsonValue entries = HubApi::parseObject(req).value(QStringLiteral("entries"));
    if (!entries.isArray())
        throw HubError(QStringLiteral("bad_request"),
                       QCoreApplication::translate("HubServer", "The request needs \"entries\", a list of audit entries."), 400);
    JsonReply::ok(res, {{QStringLiteral("head"), m_chains.receive(terminal.id, entries.toArray())}});
}

void TerminalDisposalApi::disposal(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    const QJsonValue record = HubApi::parseObject(req).value(QStringLiteral("record"));
    if (!record.isObject())
        throw HubError(QStringLiteral("bad_request"),
                       QCoreApplication::translate("HubServer", "The request needs \"record\", the disposal record."), 400);
    JsonReply::ok(res, {{QStringLiteral("stored"), m_disposals.store(terminal.id, record.toObject())}});
}

void TerminalDisposalApi::listDisposals(const HubRequest& req, HubResponse& res, const Admin&)
{
    const QString terminal = QString::fromStdString(req.param("terminal"));
    if (terminal.size() > TerminalDisposals::kMaxTextLength)
        throw HubError(QStringLiteral("bad_request"), QCoreApplication::translate("HubServer", "The terminal id is too long."), 400);
    const int limit = AdminRequest::intParam(req.query, "limit", 100, 1, 1000);
    JsonReply::ok(res, {{QStringLiteral("disposals"), m_disposals.list(terminal, limit)}});
}

} // namespace ward::hub
