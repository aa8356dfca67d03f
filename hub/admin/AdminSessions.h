#pragma once

#include "hub/admin/AdminPolicy.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace ward::hub {

class HubDatabase;
class UserDirectory;

// Who may use /api/v1/admin/… (issue 12): the bearer of a session token issued at card + password login on this
// enrolled terminal (a one-time-code session is not enough), whose account is active and unlocked, and whose roles
// grant one of the permissions the endpoint needs. Admin sessions are privileged sessions (AUTH-10): refused after
// AdminPolicy::idleMinutes without an admin call and after the privileged session limit from login, whatever the
// token's own expiry. Times come from the injected Clock.
class AdminSessions
{
public:
    struct Admin
    {
        QString userId;
        QString terminalId;
        QSet<QString> permissions;
        qint64 expiresAtMs = 0;
        bool holds(const QString& permission) const { return permissions.contains(permission); }
    };

    AdminSessions(HubDatabase& db, UserDirectory& users);

    // HubError 401 session_invalid / admin_session_expired / admin_session_idle, 403 card_session_required /
    // permission_denied / account_locked. On success the session's idle timer starts again.
    Admin open(const QString& terminalId, const QString& bearerToken, const QStringList& anyOfPermissions);

    AdminPolicy policy();
    // The union of the permissions the roles grant (the roles table is the definition).
    QSet<QString> permissionsOf(const QStringList& roles);

private:
    HubDatabase& m_db;
    UserDirectory& m_users;
};

} // namespace ward::hub
