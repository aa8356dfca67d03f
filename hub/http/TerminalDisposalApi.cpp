#include "hub/http/TerminalDisposalApi.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/admin/AdminRequest.h"
#include "hub/http/AdminApi.h"
#include "hub/http/HubApi.h"
#include "hub/http/RequestBody.h"
#include "hub/storage/HubAuditLog.h"
#include "crypto/SecureBytes.h"
#include "hub/http/JsonReply.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QHash>

namespace ward::hub {

TerminalDisposalApi::TerminalDisposalApi(HubServices& services)
    : m_services(services), m_chains(services.db, services.keys), m_anchors(services.db, services.keys, *services.pki),
      m_disposals(services.db), m_users(services.users)
{
}

void TerminalDisposalApi::shipAudit(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    const QJsonValue entries = HubApi::parseObject(req).value(QStringLiteral("entries"));
    if (!entries.isArray())
        throw HubError(QStringLiteral("bad_request"),
                       QCoreApplication::translate("HubServer", "The request needs \"entries\", a list of audit entries."), 400);
    // The head is recorded as acknowledged in the same commit as the entries; signed once that commit holds.
    const QDateTime at = Clock::instance().nowUtc();
    QByteArray headHash;
    const qint64 head = m_chains.receive(terminal.id, entries.toArray(), [&](qint64 stored, const QByteArray& hash) {
        if (stored < 1)
            return;
        m_anchors.record(terminal.id, stored, hash, at);
        headHash = hash;
    });
    const QJsonValue ack = head < 1 ? QJsonValue() : QJsonValue(m_anchors.sign(terminal.id, head, headHash, at).toJson());
    JsonReply::ok(res, {{QStringLiteral("head"), head}, {QStringLiteral("ack"), ack}});
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
    // The record names the IT person by id (what the terminal knew); IT reads who that was.
    QJsonArray disposals = m_disposals.list(terminal, limit);
    QHash<QString, QString> names;
    for (qsizetype i = 0; i < disposals.size(); ++i) {
        QJsonObject d = disposals.at(i).toObject();
        const QString id = d.value(QStringLiteral("operator")).toString();
        if (!names.contains(id)) {
            const auto user = m_users.find(id);
            names.insert(id, user ? user->displayName : QString());
        }
        d.insert(QStringLiteral("operatorName"), names.value(id));
        disposals.replace(i, d);
    }
    JsonReply::ok(res, {{QStringLiteral("disposals"), disposals}});
}

void TerminalDisposalApi::confirmWipe(const HubRequest& req, HubResponse& res, const Terminal& terminal)
{
    // The person of a live session at this terminal confirms their own password; the lock rules are a login's.
    const QString userId = m_services.sessions.userForToken(terminal.id, AdminApi::bearerToken(req));
    const QString password = RequestBody::requiredString(HubApi::parseObject(req), "password", 1024);
    auto audit = [&](const QString& outcome) {
        m_services.db.transaction([&] {
            HubAuditLog(m_services.db)
                .append(userId, QStringLiteral("terminal.wipe.confirm"),
                        {{QStringLiteral("terminal"), terminal.id}, {QStringLiteral("outcome"), outcome}});
        });
    };
    try {
        m_services.sessions.provePassword(terminal.id, userId, SecureBytes::fromUtf8(password));
    } catch (const HubError& e) {
        audit(e.code());
        throw;
    }
    audit(QStringLiteral("confirmed"));
    JsonReply::ok(res, {{QStringLiteral("confirmed"), true}});
}

} // namespace ward::hub
