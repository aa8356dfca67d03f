#include "session/ReplicatedStanding.h"

#include "auth/AccountState.h"
#include "sync/HubReplica.h"
#include "vault/Vault.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ward {

std::optional<LoginVerdict::Outcome> ReplicatedStanding::refusal(Vault& vault, const QString& userId, const CardIdentity& card)
{
    const auto user = HubReplica(vault.database()).directoryItem(QStringLiteral("user"), userId);
    if (!user)
        return std::nullopt;
    const QString status = user->value(QStringLiteral("status")).toString();
    if (status == AccountState::statusName(AccountState::Status::Disabled))
        return LoginVerdict::Outcome::Disabled;
    if (status == AccountState::statusName(AccountState::Status::Retired))
        return LoginVerdict::Outcome::Retired;
    // The hub names a PIV card by the SHA-256 of its public key (keyId, hex), which the card proved it holds.
    if (card.kind != CardIdentity::Kind::Piv || !user->contains(QStringLiteral("cards")))
        return std::nullopt;
    const QString keyId = QString::fromLatin1(card.cardSecret.toHex());
    for (const QJsonValue& v : user->value(QStringLiteral("cards")).toArray()) {
        const QJsonObject bound = v.toObject();
        if (bound.value(QStringLiteral("kind")).toString() == QLatin1String("piv")
            && bound.value(QStringLiteral("keyId")).toString() == keyId)
            return std::nullopt;
    }
    return LoginVerdict::Outcome::CardNotBound;
}

} // namespace ward
