#pragma once

#include "sync/HubReply.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>
#include <functional>

namespace ward {

class HubClient;

// The reception desk's side of the hub's administration API (/api/v1/admin, issue 12): every call carries the
// session token of the card + password login at this terminal, and its answer comes back on the UI thread
// from the event loop (never a wait). A reply that arrives after this object is gone is dropped, so a desk torn
// down by a lock is never written to.
class ReceptionClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const HubReply&)>;

    ReceptionClient(HubClient& hub, QString sessionToken, QObject* parent = nullptr);

    void get(const QString& path, const QUrlQuery& query, Callback done);
    void post(const QString& path, const QJsonObject& body, Callback done);

    // What the clerk reads when a call failed: the hub's refusal in words that say what to do next.
    static QString explain(const HubReply& reply);
    // permission_denied in words: what is missing (terminals.manage and policy.manage are IT's, users.manage and
    // cards.manage the reception desk's), from the "needs" the hub sent with the refusal.
    static QString refusedPermission(const HubReply& reply);
    // The administration session is over (idle or past its hard limit, AUTH-10): only a new login helps.
    static bool sessionEnded(const HubReply& reply);

signals:
    // A call was refused because the admin session ended (`code`: the hub's admin_session_idle,
    // admin_session_expired, session_invalid or session_expired); the desk shows why and stops offering changes.
    void adminSessionEnded(const QString& code, const QString& message);

private:
    Callback guarded(Callback done);

    HubClient& m_hub;
    QString m_token;
};

} // namespace ward
