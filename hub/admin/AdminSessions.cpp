#include "hub/admin/AdminSessions.h"

#include "crypto/Digest.h"
#include "hub/HubError.h"
#include "hub/directory/UserDirectory.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace ward::hub {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AdminSessions", text);
}
} // namespace

AdminSessions::AdminSessions(HubDatabase& db, UserDirectory& users)
    : m_db(db)
    , m_users(users)
{
}

AdminPolicy AdminSessions::policy()
{
    AdminPolicy p;
    QString error;
    // Stored policies were validated by setPolicy; a damaged one keeps the (strict) defaults.
    AdminPolicy::fromPolicy(m_users.policyJson(), &p, &error);
    return p;
}

QSet<QString> AdminSessions::permissionsOf(const QStringList& roles)
{
    QSet<QString> out;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, permissions FROM roles"));
    while (q.next())
        if (roles.contains(q.value(0).toString()))
            for (const QJsonValue& p : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array())
                out << p.toString();
    return out;
}

AdminSessions::Admin AdminSessions::open(const QString& terminalId, const QString& bearerToken, const QStringList& anyOfPermissions)
{
    const QByteArray token = QByteArray::fromBase64(bearerToken.toLatin1(), QByteArray::Base64UrlEncoding);
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    const AdminPolicy admin = policy();
    const qint64 hardLimitMs = qint64(m_users.passwordPolicy().privilegedSessionLimitMinutes) * 60000;
    const qint64 idleMs = qint64(admin.idleMinutes) * 60000;
    return m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT s.user_id, s.created_at, s.last_used_at, s.factor, s.expires_at FROM sessions s"
                                               " JOIN users u ON u.id = s.user_id"
                                               " WHERE s.token_hash = ? AND s.terminal_id = ? AND s.expires_at > ? AND u.status = 'active'")
                                    + m_db.forUpdate(),
                                {QString::fromLatin1(Digest::sha256(token).toHex()), terminalId, now});
        if (token.size() != 32 || !q.next())
            throw HubError(QStringLiteral("session_invalid"), tr("The session has expired or is not valid here. Log in again."), 401);
        Admin a;
        a.userId = q.value(0).toString();
        a.terminalId = terminalId;
        const qint64 created = q.value(1).toLongLong();
        const qint64 lastUsed = q.value(2).isNull() ? created : q.value(2).toLongLong();
        const QString factor = q.value(3).toString();
        if (factor != QLatin1String("piv") && factor != QLatin1String("uid"))
            throw HubError(QStringLiteral("card_session_required"),
                           tr("Administration needs a login with your IC card and password (not a one-time code)."), 403);
        if (now - created >= hardLimitMs)
            throw HubError(QStringLiteral("admin_session_expired"),
                           tr("The administration session has reached its time limit. Log in again with your card and password."), 401);
        if (now - lastUsed >= idleMs)
            throw HubError(QStringLiteral("admin_session_idle"),
                           tr("The administration session was idle too long. Log in again with your card and password."), 401);
        const auto user = m_users.find(a.userId);
        if (!user || user->state.isLocked())
            throw HubError(QStringLiteral("account_locked"), tr("This account is locked. Ask another administrator to unlock it."), 403);
        a.permissions = permissionsOf(user->roles);
        bool allowed = false;
        for (const QString& p : anyOfPermissions)
            allowed = allowed || a.holds(p);
        if (!allowed)
            throw HubError(QStringLiteral("permission_denied"),
                           tr("Your role does not allow this (needs %1).").arg(anyOfPermissions.join(QStringLiteral(" or "))), 403,
                           {{QStringLiteral("needs"), QJsonArray::fromStringList(anyOfPermissions)}});
        a.expiresAtMs = std::min(q.value(4).toLongLong(), created + hardLimitMs);
        m_db.exec(QStringLiteral("UPDATE sessions SET last_used_at = ? WHERE token_hash = ?"),
                  {now, QString::fromLatin1(Digest::sha256(token).toHex())});
        return a;
    });
}

} // namespace ward::hub
