#include "session/LoginAudit.h"

#include "vault/Vault.h"

namespace ward {

void LoginAudit::record(Vault* vault, const QString& vaultDir, const QString& userId, const QString& action,
                        const QString& outcome, const QJsonObject& detail)
{
    if (vault) {
        vault->audit().append(userId, action, QString(), QString(), outcome, detail);
        return;
    }
    recordPending(vaultDir, userId, action, outcome, detail);
}

void LoginAudit::recordPending(const QString& vaultDir, const QString& userId, const QString& action,
                               const QString& outcome, const QJsonObject& detail)
{
    Vault::recordPending(vaultDir, userId, action, outcome, detail);
}

} // namespace ward
