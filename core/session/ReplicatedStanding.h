#pragma once

#include "card/CardIdentity.h"
#include "session/LoginVerdict.h"

#include <QString>
#include <optional>

namespace ward {

class Vault;

// What the hub directory replicated into the vault (HubReplica, kind "user") says about a person who is
// logging in or unlocking while the hub cannot be asked. The offline account cache learns only from that
// person's own online logins; the replica learns from every sync cycle. So a card revoked at the reception
// desk, or an account disabled or retired there, is refused at every terminal after its next sync (issue 12),
// even where the person's slot and cached state would still let them in.
//
// The replica lists a user's active card bindings only to terminals of the user's wards; elsewhere, and for a
// user the replica does not know yet, it says nothing and the cached state decides alone. It only restricts.
class ReplicatedStanding
{
public:
    // The refusal the replica requires (Disabled, Retired or CardNotBound), or nothing.
    static std::optional<LoginVerdict::Outcome> refusal(Vault& vault, const QString& userId, const CardIdentity& card);
};

} // namespace ward
