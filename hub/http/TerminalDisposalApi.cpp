#include "hub/http/TerminalDisposalApi.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/admin/AdminRequest.h"
#include "hub/http/HubApi.h"
#include "hub/http/JsonReply.h"
#include "hub/terminals/TerminalAuditEvents.h"

#include <QCoreApplication>

namespace ward::hub {

TerminalDisposalApi::TerminalDisposalApi(HubServices& services)
    : m_services(services), m_chains(services.db), m_anchors(services.db, *services.pki), m_disposals(services.db)
{
}

void TerminalDisposalApi::shipAudit(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    const QJsonValue entries = HubApi::parseObject(req).value(QStringLiteral("entries"));
    if (!entries.isArray())
        throw HubError(QStringLiteral("bad_request"),
                       QCoreApplication::translate("HubServer", "The request needs \"entries\", a list of audit entries."), 400);
    const qint64 before = m_chains.head(terminal.id);
    const qint64 head = m_chains.receive(terminal.id, entries.toArray());
    TerminalAuditEvents::mirror(m_services.db, terminal.id, entries.toArray(), before, head);
    const std::optional<AuditAcknowledgement> ack = m_anchors.acknowledge(terminal.id, head);
    JsonReply::ok(res, {{QStringLiteral("head"), head}, {QStringLiteral("ack"), ack ? QJsonValue(ack->toJson()) : QJsonValue()}});
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
