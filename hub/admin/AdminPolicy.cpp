#include "hub/admin/AdminPolicy.h"

#include "hub/admin/AdminRequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace ward::hub {

bool AdminPolicy::fromPolicy(const QJsonObject& policy, AdminPolicy* out, QString* error)
{
    auto fail = [&](const char* text) {
        *error = QCoreApplication::translate("AdminPolicy", text);
        return false;
    };
    const QJsonValue admin = policy.value(QStringLiteral("admin"));
    AdminPolicy p;
    if (admin.isUndefined()) {
        *out = p;
        return true;
    }
    if (!admin.isObject())
        return fail("admin must be an object.");
    const QJsonObject o = admin.toObject();
    if (o.contains(QStringLiteral("idleMinutes"))) {
        const QJsonValue v = o.value(QStringLiteral("idleMinutes"));
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 1 || v.toInt() > 30)
            return fail("admin.idleMinutes must be a whole number of minutes from 1 to 30.");
        p.idleMinutes = v.toInt();
    }
    if (o.contains(QStringLiteral("privilegedPermissions"))) {
        const QJsonValue v = o.value(QStringLiteral("privilegedPermissions"));
        if (!v.isArray())
            return fail("admin.privilegedPermissions must be a list of permission names.");
        p.privilegedPermissions.clear();
        for (const QJsonValue& e : v.toArray()) {
            if (!e.isString() || e.toString().isEmpty() || e.toString().size() > 64)
                return fail("admin.privilegedPermissions must be a list of permission names.");
            p.privilegedPermissions << e.toString();
        }
        // users.manage stays privileged whatever the list says (AC-4 names it).
        if (!p.privilegedPermissions.contains(QStringLiteral("users.manage")))
            p.privilegedPermissions << QStringLiteral("users.manage");
    }
    if (o.contains(QStringLiteral("rolePermissions"))) {
        const QJsonValue v = o.value(QStringLiteral("rolePermissions"));
        if (!v.isObject())
            return fail("admin.rolePermissions must map each role to a list of hub permissions.");
        const QJsonObject roles = v.toObject();
        for (auto it = roles.begin(); it != roles.end(); ++it) {
            if (!isRoleId(it.key()))
                return fail("admin.rolePermissions names a role that is not an id (1 to 32 letters, digits, '.', '_' or '-').");
            if (!it.value().isArray())
                return fail("admin.rolePermissions must map each role to a list of hub permissions.");
            QStringList permissions;
            for (const QJsonValue& e : it.value().toArray()) {
                if (!hubPermissions().contains(e.toString())) {
                    *error = QCoreApplication::translate("AdminPolicy", "admin.rolePermissions lists \"%2\" for role %1, which is not "
                                                                       "a hub permission (%3).")
                                 .arg(it.key(), e.toString().left(64), hubPermissions().join(QStringLiteral(", ")));
                    return false;
                }
                if (!permissions.contains(e.toString()))
                    permissions << e.toString();
            }
            p.rolePermissions.insert(it.key(), permissions);
        }
        p.hasRolePermissions = true;
    }
    if (o.contains(QStringLiteral("idPrefix"))) {
        const QString prefix = o.value(QStringLiteral("idPrefix")).toString();
        if (!AdminRequest::isIdPrefix(prefix))
            return fail("admin.idPrefix must be 1 to 6 capital letters A-Z.");
        p.defaultIdPrefix = prefix;
    }
    *out = p;
    return true;
}

const QStringList& AdminPolicy::hubPermissions()
{
    static const QStringList all{QStringLiteral("users.manage"),     QStringLiteral("cards.manage"),  QStringLiteral("terminals.manage"),
                                 QStringLiteral("policy.manage"),    QStringLiteral("audit.read"),    QStringLiteral("records.review")};
    return all;
}

bool AdminPolicy::isRoleId(const QString& role)
{
    static const QRegularExpression kId(QStringLiteral("^[A-Za-z0-9._-]{1,32}$"));
    return kId.match(role).hasMatch();
}

QStringList AdminPolicy::rolesOf(const QJsonObject& policy)
{
    QStringList roles = policy.value(QStringLiteral("access")).toObject().value(QStringLiteral("roles")).toObject().keys();
    for (const QString& r : policy.value(QStringLiteral("admin")).toObject().value(QStringLiteral("rolePermissions")).toObject().keys())
        if (!roles.contains(r))
            roles << r;
    roles.sort();
    return roles;
}

} // namespace ward::hub
