#pragma once

#include <QJsonObject>
#include <QString>

namespace ward {

class Vault;

// AUD-1: every login, failure, lockout, password change and fallback use goes into the vault's audit
// chain. Events that happen while the vault is closed (a hub refusal, an offline lockout) are appended to
// the vault's pending file in the format Vault imports at its next open, so they join the chain in order.
class LoginAudit
{
public:
    static void record(Vault* vault, const QString& vaultDir, const QString& userId, const QString& action,
                       const QString& outcome, const QJsonObject& detail);
    static void recordPending(const QString& vaultDir, const QString& userId, const QString& action,
                              const QString& outcome, const QJsonObject& detail);
};

} // namespace ward
