#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ward::hub {

// The hospital's rules for administration sessions and privilege grants, from the "admin" object of the policy
// (`wardhub policy set`); absent keys take these defaults. Permissions are data (the roles table and this list),
// never role names in code: the IT console adds its permissions by editing roles and this list.
struct AdminPolicy
{
    // AUTH-10: an admin session idles out sooner than a chart session locks (idleLockMinutes, 5) ...
    int idleMinutes = 3;
    // ... and ends at the privileged session limit (PasswordPolicy::privilegedSessionLimitMinutes) whatever its use.
    // AC-4: a role whose permissions include one of these, or the privileged flag, is granted only after a second
    // authorised person approves.
    QStringList privilegedPermissions{QStringLiteral("users.manage"), QStringLiteral("cards.manage"),
                                      QStringLiteral("terminals.manage"), QStringLiteral("policy.manage")};
    // The hospital's id scheme: prefix letters followed by digits to ten characters (AUTH-3).
    QString defaultIdPrefix = QStringLiteral("ST");
    // AC-1: each role's hub permissions ("admin.rolePermissions": {"reception": ["users.manage", …]}); its chart
    // permissions are "access.roles" of the same document. hasRolePermissions: false for an older document without
    // the key (the hub then keeps the roles it has, see HubRoles).
    QMap<QString, QStringList> rolePermissions;
    bool hasRolePermissions = false;

    // From the whole policy document; false with *error for a wrong type or range (the policy is refused).
    static bool fromPolicy(const QJsonObject& policy, AdminPolicy* out, QString* error);
    // The permissions the hub itself checks; a role may hold only these (a misspelt one would silently grant nothing).
    static const QStringList& hubPermissions();
    // A role id as the reception desk sends it (AdminRequest): 1 to 32 letters, digits, '.', '_' or '-'.
    static bool isRoleId(const QString& role);
    // Every role the document defines: the keys of access.roles and of admin.rolePermissions.
    static QStringList rolesOf(const QJsonObject& policy);
};

} // namespace ward::hub
