#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ward::hub {

class HubDatabase;

// AC-1: the hub's roles table follows the hospital policy. A role is defined once, in the policy document: its chart
// permissions in access.roles (the terminals apply them), its hub permissions in admin.rolePermissions (the hub
// checks them: AdminSessions, UserDirectory::authorise). Saving a policy version rewrites the changed rows of the
// roles table in the same transaction, each with a new change sequence so terminals replicate it, so the reception
// desk can assign a role as soon as the policy defines it. A removed role is kept as a row marked removed (without
// permissions, so the terminals learn of it) and cannot be assigned; removing a role somebody holds is refused.
class HubRoles
{
    Q_DECLARE_TR_FUNCTIONS(ward::hub::HubRoles)

public:
    explicit HubRoles(HubDatabase& db);

    // Role → hub permissions of every role in force (not removed).
    QMap<QString, QStringList> inForce();
    // The document with admin.rolePermissions for every role it defines. An older document without the key keeps
    // every role the hub has, with its hub permissions: such a file never removes a role.
    QJsonObject completed(const QJsonObject& policy);
    // Inside a transaction: HubError 409 role_in_use when the completed document drops a role that people (not
    // retired) still hold, naming the role and how many hold it.
    void requireRemovable(const QJsonObject& completedPolicy);
    // Inside a transaction: the roles table made equal to the completed document; the roles added, changed and
    // removed, for the audit.
    QJsonObject apply(const QJsonObject& completedPolicy);
    // AC-4: the privileged permissions (AdminPolicy::privilegedPermissions of either version) the document grants
    // that its role did not hold in force ("pharmacist: users.manage"), and privileged permissions it takes off
    // the privileged list. Empty: the change saves directly.
    QStringList privilegeGrants(const QJsonObject& before, const QJsonObject& completedPolicy);

private:
    int holders(const QString& role);

    HubDatabase& m_db;
};

} // namespace ward::hub
