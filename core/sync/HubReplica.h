#pragma once

#include "audit/AuditAcknowledgement.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ward {

class SqlCipherDatabase;

// The hub's directory (wards, roles, users with their card bindings, staff certificates) and policy as the
// hub last sent them, plus the pull cursor: what lets the terminal apply login and access rules offline.
// Stored verbatim (tables sync_directory, sync_policy, sync_state); the policy engine reads it.
class HubReplica
{
public:
    explicit HubReplica(SqlCipherDatabase& db);

    // kind: ward | role | user | staffCert; id unique within the kind. Replaces an older copy.
    void storeDirectoryItem(const QString& kind, const QString& id, qint64 seq, const QJsonObject& item);
    // AC-1: a role the hospital policy removed is no longer offered (the hub refuses to assign it).
    void removeDirectoryItem(const QString& kind, const QString& id);
    std::optional<QJsonObject> directoryItem(const QString& kind, const QString& id) const;
    qint64 directoryCount(const QString& kind) const;
    // Every id of one kind, sorted (the reception desk's role and ward choices).
    QStringList directoryIds(const QString& kind) const;

    // The permissions these roles grant as the hub's role directory last said (issue 13: whether a login, online
    // or offline, may open the terminal's diagnostics).
    QStringList permissionsOf(const QStringList& roles) const;

    void storePolicy(int version, qint64 seq, const QJsonObject& policy);
    // The newest policy, if any arrived. CFG-2: only versions whose hub signature verified are stored.
    std::optional<QJsonObject> currentPolicy() const;
    // Its version; 0 before the first.
    int currentPolicyVersion() const;

    qint64 cursor() const;
    void setCursor(qint64 cursor);
    // Issue 13: the last seq of this terminal's audit chain the hub acknowledged (AuditShipment); entries after it
    // exist only here and would be lost with a wipe (DATA-5).
    qint64 acknowledgedAuditSeq() const;
    void setAcknowledgedAuditSeq(qint64 seq);
    // Issue 14: the hub's signed acknowledgement of that head, kept as received (verified by AuditShipment); the
    // terminal's proof of what the hub holds of its chain. nullopt before the first.
    std::optional<AuditAcknowledgement> auditAcknowledgement() const;
    void setAuditAcknowledgement(const AuditAcknowledgement& ack);
    QDateTime lastSuccessfulSync() const;
    void setLastSuccessfulSync(const QDateTime& time);

private:
    QString state(const char* key) const;
    void setState(const char* key, const QString& value);
    SqlCipherDatabase& m_db;
};

} // namespace ward
