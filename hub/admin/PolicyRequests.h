#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlQuery;

namespace ward::hub {

class HubDatabase;

// AC-4 for the policy: a version that grants a privileged permission waits in policy_requests until a second,
// different holder of policy.manage approves (the hub then signs and applies it) or refuses it. Parallel to the
// reception desk's admin_requests: those name a person and are decided by users.manage; these hold a whole
// policy document (no personal data, so not sealed) and are decided by policy.manage. Every filing and decision
// goes into the hub audit chain in the caller's transaction.
class PolicyRequests
{
    Q_DECLARE_TR_FUNCTIONS(ward::hub::PolicyRequests)

public:
    struct Request
    {
        QString id;
        int baseVersion = 0; // the version in force when it was filed; approval needs it still in force
        QJsonObject policy;  // completed (HubRoles::completed), as it will be signed
        QStringList grants;  // HubRoles::privilegeGrants
        QString reason;
        QString requestedBy;
        QString requestedTerminal;
        QDateTime requestedAt;
        QString status; // pending | approved | refused
        QString decidedBy;
        QString decisionReason;
        QDateTime decidedAt;
        int version = 0; // the policy version an approval made
    };

    explicit PolicyRequests(HubDatabase& db);

    // Inside a transaction: stores and audits (policy_request.file); returns the request id.
    QString file(const Request& r);
    // The newest 200 requests with this status, oldest first.
    QList<Request> list(const QString& status);
    // Inside a transaction, the row locked: HubError 404 not_found / 409 request_decided / 403 self_approval when
    // the decider filed it (segregation of duties).
    Request takePending(const QString& requestId, const QString& decider);
    // Inside a transaction: marks the request approved (with the version made) or refused, and audits it.
    void decide(const Request& r, const QString& decider, const QString& terminalId, const QString& status, const QString& reason,
                int version);

private:
    Request read(QSqlQuery& q) const;

    HubDatabase& m_db;
};

} // namespace ward::hub
