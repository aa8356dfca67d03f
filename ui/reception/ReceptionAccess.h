#pragma once

#include <QStringList>
#include <functional>

namespace ward {

class HubClient;

// Who sees the reception desk (issue 12) and the IT console (issue 13): the hub's answer to GET
// /api/v1/admin/session with the session's token. Only a card + password session whose roles grant one of `wanted`
// (by default the desk's users.manage and cards.manage) gets permissions back; a nurse (permission_denied), a
// one-time-code login (card_session_required) or an unreachable hub get none, so no console is shown on a guess.
class ReceptionAccess
{
public:
    static void ask(HubClient& hub, const QString& sessionToken, std::function<void(const QStringList& granted)> done,
                    const QStringList& wanted = {QStringLiteral("users.manage"), QStringLiteral("cards.manage")});
};

} // namespace ward
