#pragma once

#include "policy/PolicyRules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ward::hub {

class HubDatabase;
class HubPki;

// CFG-2: the versions of the hospital policy, one implementation for `wardhub policy set` and the IT console's
// /api/v1/admin/policy. A version is checked with the terminals' own rules (PolicyRules) plus the hub's
// administration rules (AdminPolicy), numbered, signed by the hub's policy certificate (SignedPolicy) and sent
// to terminals through the change feed; who changed which fields, and why, goes to the hub's audit chain.
class HospitalPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ward::hub::HospitalPolicy)

public:
    struct Version
    {
        int version = 0; // 0: no policy was ever set (terminals use their shipped defaults)
        QJsonObject policy;
        QDateTime updatedAt;
    };

    // What became of a proposed version: saved (version), or filed for a second person (requestId, AC-4).
    struct Outcome
    {
        int version = 0;
        QString requestId;
        QStringList grants; // the privileged permissions that made it a request
    };

    HospitalPolicy(HubDatabase& db, HubPki& pki);

    // Every problem of a proposed document, field by field (empty: it can be saved).
    static QList<PolicyFieldError> check(const QJsonObject& policy);

    Version current();
    // The version in force as it is applied: with admin.rolePermissions for every role (HubRoles::completed).
    Version currentCompleted();
    // Stores, signs and audits a new version; returns its number. expectedVersion is the version the change was
    // decided on (HubError 409 version_conflict when another was saved meanwhile); -1 skips the check (the hub
    // console). HubError 400 invalid_policy names the first field at fault.
    // `wardhub policy set` (the hub machine's operator): saved directly. The roles table follows the document in the
    // same transaction (HubRoles; HubError 409 role_in_use).
    int save(const QJsonObject& policy, int expectedVersion, const QString& actor, const QString& reason,
             const QString& terminalId = QString());
    // The IT console: as save, except that a version granting a privileged permission is filed as a pending
    // request (AC-4) and nothing changes until a second holder of policy.manage approves it.
    Outcome propose(const QJsonObject& policy, int expectedVersion, const QString& actor, const QString& reason,
                    const QString& terminalId);
    // Requests with this status, each with its changes against the version it was filed on.
    QJsonObject requests(const QString& status);
    // AC-4: signs and applies the request's version (HubError 409 version_conflict when another version came into force
    // since it was filed: it must be refused and filed again); returns the version number.
    int approve(const QString& requestId, const QString& approver, const QString& terminalId, const QString& reason);
    void refuse(const QString& requestId, const QString& decider, const QString& terminalId, const QString& reason);
    // A terminal refused a version (CFG-2): audited for IT, nothing else changes.
    void recordRefusal(const QString& terminalId, int version, const QString& code, const QString& message);

private:
    // The checked document, normalised (password keys explicit); HubError 400 invalid_policy.
    static QJsonObject normalised(const QJsonObject& policy);
    // Inside a transaction: the version check (409) and the version in force.
    Version requireBase(int expectedVersion);
    // Inside a transaction: signs and stores the completed document as the next version, updates the roles table, audits.
    int store(const QJsonObject& completed, const Version& before, const QString& actor, const QString& reason, QJsonObject detail);

    HubDatabase& m_db;
    HubPki& m_pki;
};

} // namespace ward::hub
