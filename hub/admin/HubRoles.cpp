#include "hub/admin/HubRoles.h"

#include "hub/HubError.h"
#include "hub/admin/AdminPolicy.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace ward::hub {

namespace {

QStringList listOf(const QString& jsonText)
{
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(jsonText.toUtf8()).array())
        out << v.toString();
    return out;
}

QString jsonText(const QStringList& list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

AdminPolicy adminOf(const QJsonObject& policy)
{
    AdminPolicy admin;
    QString error;
    AdminPolicy::fromPolicy(policy, &admin, &error); // documents here passed HospitalPolicy::check
    return admin;
}

} // namespace

HubRoles::HubRoles(HubDatabase& db)
    : m_db(db)
{
}

QMap<QString, QStringList> HubRoles::inForce()
{
    QMap<QString, QStringList> roles;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, permissions FROM roles WHERE removed_at IS NULL"));
    while (q.next())
        roles.insert(q.value(0).toString(), listOf(q.value(1).toString()));
    return roles;
}

QJsonObject HubRoles::completed(const QJsonObject& policy)
{
    QJsonObject admin = policy.value(QStringLiteral("admin")).toObject();
    QJsonObject permissions = admin.value(QStringLiteral("rolePermissions")).toObject();
    const bool older = !admin.contains(QStringLiteral("rolePermissions"));
    const QMap<QString, QStringList> current = inForce();
    QStringList roles = AdminPolicy::rolesOf(policy);
    if (older)
        for (auto it = current.begin(); it != current.end(); ++it)
            if (!roles.contains(it.key()))
                roles << it.key();
    for (const QString& role : roles) {
        if (permissions.contains(role))
            continue;
        // Only the hub's own permissions carry over: older rows also listed descriptive chart names.
        QStringList held;
        if (older)
            for (const QString& p : current.value(role))
                if (AdminPolicy::hubPermissions().contains(p))
                    held << p;
        permissions.insert(role, QJsonArray::fromStringList(held));
    }
    admin.insert(QStringLiteral("rolePermissions"), permissions);
    QJsonObject out = policy;
    out.insert(QStringLiteral("admin"), admin);
    return out;
}

int HubRoles::holders(const QString& role)
{
    int count = 0;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT roles FROM users WHERE status <> 'retired'"));
    while (q.next())
        if (listOf(q.value(0).toString()).contains(role))
            ++count;
    return count;
}

void HubRoles::requireRemovable(const QJsonObject& completedPolicy)
{
    const QStringList kept = AdminPolicy::rolesOf(completedPolicy);
    const QMap<QString, QStringList> current = inForce();
    for (auto it = current.begin(); it != current.end(); ++it) {
        if (kept.contains(it.key()))
            continue;
        const int n = holders(it.key());
        if (n > 0)
            throw HubError(QStringLiteral("role_in_use"),
                           tr("Role %1 cannot be removed: %n person(s) still hold it. Change their roles at the reception desk "
                              "first, then remove the role.", nullptr, n)
                               .arg(it.key()),
                           409);
    }
}

QJsonObject HubRoles::apply(const QJsonObject& completedPolicy)
{
    requireRemovable(completedPolicy);
    const AdminPolicy admin = adminOf(completedPolicy);
    QJsonArray added, changed, removed;
    QMap<QString, QStringList> rows; // every row, removed ones with an empty list
    QSet<QString> removedRows;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, permissions, removed_at FROM roles"));
    while (q.next()) {
        rows.insert(q.value(0).toString(), listOf(q.value(1).toString()));
        if (!q.value(2).isNull())
            removedRows << q.value(0).toString();
    }
    for (const QString& role : AdminPolicy::rolesOf(completedPolicy)) {
        const QStringList permissions = admin.rolePermissions.value(role);
        if (!rows.contains(role)) {
            m_db.exec(QStringLiteral("INSERT INTO roles (id, name, permissions, seq) VALUES (?, ?, ?, ?)"),
                      {role, role, jsonText(permissions), m_db.takeSequence()});
            added.append(role);
        } else if (removedRows.contains(role) || rows.value(role) != permissions) {
            m_db.exec(QStringLiteral("UPDATE roles SET permissions = ?, removed_at = NULL, seq = ? WHERE id = ?"),
                      {jsonText(permissions), m_db.takeSequence(), role});
            (removedRows.contains(role) ? added : changed).append(role);
        }
    }
    const QStringList kept = AdminPolicy::rolesOf(completedPolicy);
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        if (kept.contains(it.key()) || removedRows.contains(it.key()))
            continue;
        m_db.exec(QStringLiteral("UPDATE roles SET permissions = '[]', removed_at = ?, seq = ? WHERE id = ?"),
                  {Clock::instance().nowUtc().toMSecsSinceEpoch(), m_db.takeSequence(), it.key()});
        removed.append(it.key());
    }
    return {{QStringLiteral("added"), added}, {QStringLiteral("changed"), changed}, {QStringLiteral("removed"), removed}};
}

QStringList HubRoles::privilegeGrants(const QJsonObject& before, const QJsonObject& completedPolicy)
{
    const AdminPolicy was = adminOf(before);
    const AdminPolicy will = adminOf(completedPolicy);
    QStringList privileged = was.privilegedPermissions;
    for (const QString& p : will.privilegedPermissions)
        if (!privileged.contains(p))
            privileged << p;
    QStringList grants;
    const QMap<QString, QStringList> current = inForce();
    for (auto it = will.rolePermissions.begin(); it != will.rolePermissions.end(); ++it)
        for (const QString& p : it.value())
            if (privileged.contains(p) && !current.value(it.key()).contains(p))
                grants << QStringLiteral("%1: %2").arg(it.key(), p);
    // Taking a permission off the privileged list lets later grants of it skip the second person.
    for (const QString& p : was.privilegedPermissions)
        if (!will.privilegedPermissions.contains(p))
            grants << QStringLiteral("admin.privilegedPermissions: %1").arg(p);
    return grants;
}

} // namespace ward::hub
