#include "hub/admin/HospitalPolicy.h"

#include "auth/PasswordPolicy.h"
#include "hub/HubError.h"
#include "hub/admin/AdminPolicy.h"
#include "hub/admin/HubRoles.h"
#include "hub/admin/PolicyRequests.h"
#include "hub/pki/HubPki.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace ward::hub {

HospitalPolicy::HospitalPolicy(HubDatabase& db, HubPki& pki)
    : m_db(db)
    , m_pki(pki)
{
}

QList<PolicyFieldError> HospitalPolicy::check(const QJsonObject& policy)
{
    QList<PolicyFieldError> errors = PolicyRules::check(policy);
    AdminPolicy admin;
    QString error;
    if (!AdminPolicy::fromPolicy(policy, &admin, &error))
        errors.append({error.section(QLatin1Char(' '), 0, 0), error});
    // AC-1: the reception desk assigns the policy's roles by id.
    for (const QString& role : policy.value(QStringLiteral("access")).toObject().value(QStringLiteral("roles")).toObject().keys())
        if (!AdminPolicy::isRoleId(role))
            errors.append({QStringLiteral("access"), tr("Role \"%1\": a role id is 1 to 32 letters, digits, '.', '_' or '-'.").arg(role.left(64))});
    return errors;
}

HospitalPolicy::Version HospitalPolicy::current()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT version, json, updated_at FROM policy ORDER BY version DESC LIMIT 1"));
    Version v;
    if (q.next()) {
        v.version = q.value(0).toInt();
        v.policy = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        v.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
    }
    return v;
}

HospitalPolicy::Version HospitalPolicy::currentCompleted()
{
    return m_db.snapshot([&] {
        Version v = current();
        v.policy = HubRoles(m_db).completed(v.policy);
        return v;
    });
}

QJsonObject HospitalPolicy::normalised(const QJsonObject& policy)
{
    const QList<PolicyFieldError> errors = check(policy);
    if (!errors.isEmpty())
        throw HubError(QStringLiteral("invalid_policy"), tr("The policy is not valid: %1: %2").arg(errors.first().field, errors.first().message), 400);
    QJsonObject stored = policy;
    PasswordPolicy password;
    PasswordPolicy::fromJson(policy.value(QStringLiteral("password")).toObject(), &password);
    stored[QStringLiteral("password")] = password.toJson(); // normalised: every key explicit
    return stored;
}

HospitalPolicy::Version HospitalPolicy::requireBase(int expectedVersion)
{
    const Version before = current();
    if (expectedVersion >= 0 && expectedVersion != before.version)
        throw HubError(QStringLiteral("version_conflict"),
                       tr("The policy was changed meanwhile (version %1 is now in force, this change was made on version %2). "
                          "Reload it and make the change again.")
                           .arg(before.version)
                           .arg(expectedVersion),
                       409);
    return before;
}

int HospitalPolicy::store(const QJsonObject& completed, const Version& before, const QString& actor, const QString& reason,
                          QJsonObject detail)
{
    const int version = before.version + 1;
    const QByteArray signature = m_pki.signPolicy(version, completed);
    m_db.exec(QStringLiteral("INSERT INTO policy (version, json, updated_at, seq, signature) VALUES (?, ?, ?, ?, ?)"),
              {version, QString::fromUtf8(QJsonDocument(completed).toJson(QJsonDocument::Compact)),
               Clock::instance().nowUtc().toMSecsSinceEpoch(), m_db.takeSequence(), QString::fromLatin1(signature.toBase64())});
    // AC-1: the roles the reception desk assigns and the hub checks follow the version in the same transaction.
    const QJsonObject roles = HubRoles(m_db).apply(completed);
    QJsonArray changed;
    for (const PolicyFieldChange& c : PolicyRules::diff(before.policy, completed))
        changed.append(c.field);
    detail.insert(QStringLiteral("version"), version);
    detail.insert(QStringLiteral("changed"), changed);
    detail.insert(QStringLiteral("roles"), roles);
    if (!reason.isEmpty())
        detail.insert(QStringLiteral("reason"), reason);
    HubAuditLog(m_db).append(actor, QStringLiteral("policy.set"), detail);
    return version;
}

int HospitalPolicy::save(const QJsonObject& policy, int expectedVersion, const QString& actor, const QString& reason,
                         const QString& terminalId)
{
    const QJsonObject stored = normalised(policy);
    return m_db.transaction([&] {
        const Version before = requireBase(expectedVersion);
        QJsonObject detail;
        if (!terminalId.isEmpty())
            detail.insert(QStringLiteral("terminal"), terminalId);
        return store(HubRoles(m_db).completed(stored), before, actor, reason, detail);
    });
}

HospitalPolicy::Outcome HospitalPolicy::propose(const QJsonObject& policy, int expectedVersion, const QString& actor, const QString& reason,
                                                const QString& terminalId)
{
    const QJsonObject stored = normalised(policy);
    return m_db.transaction([&] {
        const Version before = requireBase(expectedVersion);
        HubRoles roles(m_db);
        const QJsonObject completed = roles.completed(stored);
        // Checked now too, so the second person is never shown a request that cannot succeed.
        roles.requireRemovable(completed);
        Outcome outcome;
        outcome.grants = roles.privilegeGrants(before.policy, completed);
        if (!outcome.grants.isEmpty()) {
            PolicyRequests::Request r;
            r.baseVersion = before.version;
            r.policy = completed;
            r.grants = outcome.grants;
            r.reason = reason;
            r.requestedBy = actor;
            r.requestedTerminal = terminalId;
            outcome.requestId = PolicyRequests(m_db).file(r);
            return outcome;
        }
        outcome.version = store(completed, before, actor, reason, {{QStringLiteral("terminal"), terminalId}});
        return outcome;
    });
}

QJsonObject HospitalPolicy::requests(const QString& status)
{
    if (!QStringList{QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("refused")}.contains(status))
        throw HubError(QStringLiteral("bad_request"), tr("status must be pending, approved or refused."), 400);
    return m_db.snapshot([&] {
        QJsonArray out;
        for (const PolicyRequests::Request& r : PolicyRequests(m_db).list(status)) {
            QSqlQuery q = m_db.exec(QStringLiteral("SELECT json FROM policy WHERE version = ?"), {r.baseVersion});
            const QJsonObject base = HubRoles(m_db).completed(q.next() ? QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object()
                                                                       : QJsonObject());
            QJsonArray changes;
            for (const PolicyFieldChange& c : PolicyRules::diff(base, r.policy)) {
                QJsonObject change{{QStringLiteral("field"), c.field}};
                if (!c.before.isUndefined())
                    change.insert(QStringLiteral("before"), c.before);
                if (!c.after.isUndefined())
                    change.insert(QStringLiteral("after"), c.after);
                changes.append(change);
            }
            auto time = [](const QDateTime& t) { return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString(); };
            out.append(QJsonObject{{QStringLiteral("requestId"), r.id},
                                   {QStringLiteral("baseVersion"), r.baseVersion},
                                   {QStringLiteral("grants"), QJsonArray::fromStringList(r.grants)},
                                   {QStringLiteral("changes"), changes},
                                   {QStringLiteral("policy"), r.policy},
                                   {QStringLiteral("reason"), r.reason},
                                   {QStringLiteral("requestedBy"), r.requestedBy},
                                   {QStringLiteral("requestedTerminal"), r.requestedTerminal},
                                   {QStringLiteral("requestedAt"), time(r.requestedAt)},
                                   {QStringLiteral("decidedBy"), r.decidedBy},
                                   {QStringLiteral("decisionReason"), r.decisionReason},
                                   {QStringLiteral("decidedAt"), time(r.decidedAt)},
                                   {QStringLiteral("version"), r.version}});
        }
        return QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("requests"), out}};
    });
}

int HospitalPolicy::approve(const QString& requestId, const QString& approver, const QString& terminalId, const QString& reason)
{
    return m_db.transaction([&] {
        PolicyRequests requests(m_db);
        const PolicyRequests::Request r = requests.takePending(requestId, approver);
        const Version before = current();
        if (before.version != r.baseVersion)
            throw HubError(QStringLiteral("version_conflict"),
                           tr("Policy version %1 came into force after this request was filed on version %2. Refuse it; the "
                              "requester makes the change again on the version in force.")
                               .arg(before.version)
                               .arg(r.baseVersion),
                           409);
        const QList<PolicyFieldError> errors = check(r.policy);
        if (!errors.isEmpty())
            throw HubError(QStringLiteral("invalid_policy"), tr("The policy is not valid: %1: %2").arg(errors.first().field, errors.first().message), 400);
        // Audited as the requester's change, approved by this person.
        const int version = store(r.policy, before, r.requestedBy, r.reason,
                                  {{QStringLiteral("terminal"), r.requestedTerminal}, {QStringLiteral("request"), r.id},
                                   {QStringLiteral("approvedBy"), approver}});
        requests.decide(r, approver, terminalId, QStringLiteral("approved"), reason, version);
        return version;
    });
}

void HospitalPolicy::refuse(const QString& requestId, const QString& decider, const QString& terminalId, const QString& reason)
{
    m_db.transaction([&] {
        PolicyRequests requests(m_db);
        requests.decide(requests.takePending(requestId, decider), decider, terminalId, QStringLiteral("refused"), reason, 0);
    });
}

void HospitalPolicy::recordRefusal(const QString& terminalId, int version, const QString& code, const QString& message)
{
    m_db.transaction([&] {
        HubAuditLog(m_db).append(QStringLiteral("terminal:") + terminalId, QStringLiteral("policy.refused"),
                                 {{QStringLiteral("terminal"), terminalId}, {QStringLiteral("version"), version},
                                  {QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
    });
}

} // namespace ward::hub
