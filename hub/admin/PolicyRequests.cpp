#include "hub/admin/PolicyRequests.h"

#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace ward::hub {

namespace {

const QString kColumns = QStringLiteral("id, base_version, policy, grants, reason, requested_by, requested_terminal, requested_at, status,"
                                        " decided_by, decision_reason, decided_at, version");

QDateTime timeOf(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

} // namespace

PolicyRequests::PolicyRequests(HubDatabase& db)
    : m_db(db)
{
}

QString PolicyRequests::file(const Request& r)
{
    const QString id = QString::fromLatin1(Random::bytes(16).toHex());
    m_db.exec(QStringLiteral("INSERT INTO policy_requests (id, base_version, policy, grants, reason, requested_by, requested_terminal,"
                             " requested_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')"),
              {id, r.baseVersion, QString::fromUtf8(QJsonDocument(r.policy).toJson(QJsonDocument::Compact)),
               QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(r.grants)).toJson(QJsonDocument::Compact)), r.reason,
               r.requestedBy, r.requestedTerminal, Clock::instance().nowUtc().toMSecsSinceEpoch()});
    HubAuditLog(m_db).append(r.requestedBy, QStringLiteral("policy_request.file"),
                             {{QStringLiteral("request"), id}, {QStringLiteral("baseVersion"), r.baseVersion},
                              {QStringLiteral("grants"), QJsonArray::fromStringList(r.grants)}, {QStringLiteral("reason"), r.reason},
                              {QStringLiteral("terminal"), r.requestedTerminal}});
    return id;
}

PolicyRequests::Request PolicyRequests::read(QSqlQuery& q) const
{
    Request r;
    r.id = q.value(0).toString();
    r.baseVersion = q.value(1).toInt();
    r.policy = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
    for (const QJsonValue& g : QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array())
        r.grants << g.toString();
    r.reason = q.value(4).toString();
    r.requestedBy = q.value(5).toString();
    r.requestedTerminal = q.value(6).toString();
    r.requestedAt = timeOf(q.value(7));
    r.status = q.value(8).toString();
    r.decidedBy = q.value(9).toString();
    r.decisionReason = q.value(10).toString();
    r.decidedAt = timeOf(q.value(11));
    r.version = q.value(12).toInt();
    return r;
}

QList<PolicyRequests::Request> PolicyRequests::list(const QString& status)
{
    QList<Request> out;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT ") + kColumns
                                + QStringLiteral(" FROM policy_requests WHERE status = ? ORDER BY requested_at DESC, id LIMIT 200"),
                            {status});
    while (q.next())
        out.prepend(read(q));
    return out;
}

PolicyRequests::Request PolicyRequests::takePending(const QString& requestId, const QString& decider)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM policy_requests WHERE id = ?") + m_db.forUpdate(),
                            {requestId});
    if (!q.next())
        throw HubError(QStringLiteral("not_found"), tr("No such policy request."), 404);
    const Request r = read(q);
    if (r.status != QLatin1String("pending"))
        throw HubError(QStringLiteral("request_decided"), tr("This policy request was already %1.").arg(r.status), 409);
    // AC-4: whoever asked for the privilege is not the one who grants it.
    if (r.requestedBy == decider)
        throw HubError(QStringLiteral("self_approval"),
                       tr("You filed this policy change; a second holder of policy.manage must approve or refuse it "
                          "(segregation of duties)."),
                       403);
    return r;
}

void PolicyRequests::decide(const Request& r, const QString& decider, const QString& terminalId, const QString& status,
                            const QString& reason, int version)
{
    m_db.exec(QStringLiteral("UPDATE policy_requests SET status = ?, decided_by = ?, decided_terminal = ?, decided_at = ?,"
                             " decision_reason = ?, version = ? WHERE id = ?"),
              {status, decider, terminalId, Clock::instance().nowUtc().toMSecsSinceEpoch(), reason,
               version > 0 ? QVariant(version) : QVariant(QMetaType::fromType<int>()), r.id});
    QJsonObject detail{{QStringLiteral("request"), r.id},
                       {QStringLiteral("requestedBy"), r.requestedBy},
                       {QStringLiteral("grants"), QJsonArray::fromStringList(r.grants)},
                       {QStringLiteral("terminal"), terminalId}};
    if (!reason.isEmpty())
        detail.insert(QStringLiteral("reason"), reason);
    if (version > 0)
        detail.insert(QStringLiteral("version"), version);
    HubAuditLog(m_db).append(decider, status == QLatin1String("approved") ? QStringLiteral("policy_request.approve")
                                                                          : QStringLiteral("policy_request.refuse"),
                             detail);
}

} // namespace ward::hub
