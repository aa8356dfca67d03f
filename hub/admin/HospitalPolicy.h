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

    HospitalPolicy(HubDatabase& db, HubPki& pki);

    // Every problem of a proposed document, field by field (empty: it can be saved).
    static QList<PolicyFieldError> check(const QJsonObject& policy);

    Version current();
    // Stores, signs and audits a new version; returns its number. expectedVersion is the version the change was
    // decided on (HubError 409 version_conflict when another was saved meanwhile); -1 skips the check (the hub
    // console). HubError 400 invalid_policy names the first field at fault.
    int save(const QJsonObject& policy, int expectedVersion, const QString& actor, const QString& reason,
             const QString& terminalId = QString());
    // A terminal refused a version (CFG-2): audited for IT, nothing else changes.
    void recordRefusal(const QString& terminalId, int version, const QString& code, const QString& message);

private:
    HubDatabase& m_db;
    HubPki& m_pki;
};

} // namespace ward::hub
