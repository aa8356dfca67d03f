#include "hub/admin/AdminPolicy.h"

#include "hub/admin/AdminRequest.h"

#include <QCoreApplication>
#include <QJsonArray>

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
    if (o.contains(QStringLiteral("idPrefix"))) {
        const QString prefix = o.value(QStringLiteral("idPrefix")).toString();
        if (!AdminRequest::isIdPrefix(prefix))
            return fail("admin.idPrefix must be 1 to 6 capital letters A-Z.");
        p.defaultIdPrefix = prefix;
    }
    *out = p;
    return true;
}

} // namespace ward::hub
