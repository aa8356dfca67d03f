#include "session/LoginAudit.h"

#include "util/Clock.h"
#include "vault/AtomicFile.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QDir>
#include <QJsonDocument>

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
    // Before the first login on a terminal the vault folder may not exist yet; the events must still wait there
    // for the vault that the first successful login creates.
    if (vaultDir.isEmpty() || !QDir().mkpath(vaultDir))
        return;
    const QJsonObject line{{QStringLiteral("time"), Clock::instance().nowUtc().toString(Qt::ISODateWithMs)},
                           {QStringLiteral("user"), userId},
                           {QStringLiteral("action"), action},
                           {QStringLiteral("outcome"), outcome},
                           {QStringLiteral("detail"), detail}};
    try {
        AtomicFile::appendLine(Vault::pendingAuditPath(vaultDir), QJsonDocument(line).toJson(QJsonDocument::Compact));
    } catch (const VaultError&) {
        // The person must see the login result; a full disk is reported by the vault at its next write.
    }
}

} // namespace ward
