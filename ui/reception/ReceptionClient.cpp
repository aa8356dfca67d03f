#include "ui/reception/ReceptionClient.h"

#include "sync/HubClient.h"

#include <QJsonArray>

namespace ward {

ReceptionClient::ReceptionClient(HubClient& hub, QString sessionToken, QObject* parent)
    : QObject(parent), m_hub(hub), m_token(std::move(sessionToken))
{
}

ReceptionClient::Callback ReceptionClient::guarded(Callback done)
{
    QPointer<ReceptionClient> self(this);
    return [self, done = std::move(done)](const HubReply& reply) {
        if (!self)
            return;
        if (sessionEnded(reply))
            emit self->adminSessionEnded(reply.error.hubCode(), explain(reply));
        // A receiver may have ended the desk (and this client with it): nothing is left to answer.
        if (self)
            done(reply);
    };
}

void ReceptionClient::get(const QString& path, const QUrlQuery& query, Callback done)
{
    const QString q = query.toString(QUrl::FullyEncoded);
    m_hub.get(QStringLiteral("/api/v1/admin/") + path + (q.isEmpty() ? QString() : QLatin1Char('?') + q), m_token,
              guarded(std::move(done)));
}

void ReceptionClient::post(const QString& path, const QJsonObject& body, Callback done)
{
    m_hub.postJson(QStringLiteral("/api/v1/admin/") + path, body, m_token, guarded(std::move(done)));
}

bool ReceptionClient::sessionEnded(const HubReply& reply)
{
    const QString code = reply.error.hubCode();
    return code == QLatin1String("admin_session_idle") || code == QLatin1String("admin_session_expired")
           || code == QLatin1String("session_invalid") || code == QLatin1String("session_expired");
}

QString ReceptionClient::refusedPermission(const HubReply& reply)
{
    // The hub names what the request needed (AdminSessions): the IT console's refusals are not the desk's.
    const QJsonArray needs = reply.hubError.value(QStringLiteral("needs")).toArray();
    auto needed = [&](const char* permission) { return needs.contains(QJsonValue(QLatin1String(permission))); };
    if (needed("terminals.manage"))
        return tr("Your role does not allow administering terminals (permission terminals.manage). Ask a colleague from IT.");
    if (needed("policy.manage"))
        return tr("Your role does not allow changing the hospital policy (permission policy.manage). Ask a colleague from IT.");
    if (needed("users.manage") || needed("cards.manage"))
        return tr("Your role does not allow this change. Ask a colleague with the reception role.");
    QStringList names;
    for (const QJsonValue& n : needs)
        names << n.toString();
    return names.isEmpty() ? tr("Your role does not allow this.")
                           : tr("Your role does not allow this (permission %1).").arg(names.join(QStringLiteral(", ")));
}

QString ReceptionClient::explain(const HubReply& reply)
{
    if (reply.ok())
        return QString();
    const QString code = reply.error.hubCode();
    if (reply.httpStatus == 0)
        return tr("The hub cannot be reached (%1). Nothing was changed; try again when the hub is back.")
            .arg(reply.error.message());
    if (code == QLatin1String("version_conflict"))
        return tr("Another clerk changed this person a moment ago. The row now shows the current state: check it "
                  "and do the change again if it is still needed.");
    if (code == QLatin1String("card_bound_elsewhere") || code == QLatin1String("conflict"))
        return tr("Refused: %1").arg(reply.error.message());
    if (code == QLatin1String("card_revoked"))
        return tr("This card was revoked (reported lost or broken) and cannot be issued again. Use a new card.");
    if (code == QLatin1String("self_approval"))
        return tr("You filed this request yourself: a second authorised person must approve it (AC-4).");
    if (code == QLatin1String("second_person_required"))
        return tr("You asked for this letter yourself: a second authorised person must approve it at their own desk (BCP-1).");
    if (code == QLatin1String("request_decided"))
        return tr("Another person has already decided this request. The list was refreshed.");
    if (code == QLatin1String("admin_session_idle"))
        return tr("The administration session ended after a few idle minutes (privileged session). Log out and log "
                  "in again with your card and password to continue.");
    if (code == QLatin1String("admin_session_expired"))
        return tr("The administration session reached its time limit (privileged session). Log out and log in "
                  "again with your card and password to continue.");
    if (code == QLatin1String("card_session_required"))
        return tr("Administration needs a login with your IC card and password; a one-time code login cannot "
                  "change accounts.");
    if (code == QLatin1String("permission_denied"))
        return refusedPermission(reply);
    if (code == QLatin1String("not_found"))
        return tr("Not found at the hub: %1").arg(reply.error.message());
    if (code == QLatin1String("refused"))
        return tr("Refused: %1").arg(reply.error.message());
    if (reply.httpStatus == 400)
        return tr("The hub did not accept the entry: %1 Correct the field and try again.").arg(reply.error.message());
    return reply.error.message();
}

} // namespace ward
