#pragma once

#include "auth/AccountState.h"
#include "auth/OfflineFailureCounter.h"
#include "auth/PasswordPolicy.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace ward {

// What the terminal remembers about its users for offline login, beside the vault (login-cache.json):
// the last account state the hub reported, the local failure counter (synced back later), the policy and
// the card bindings. It must be readable before the vault opens, so it holds no secrets and no patient
// data: names are not stored (never the name before the password), only IDs, counts and times, verifiers
// of the password history (AUTH-4: irreversible) and public card data.
class OfflineAccountCache
{
public:
    struct Account
    {
        AccountState state;
        QStringList roles;
        QStringList compartments;
        // SHA-256 of each bound PIV key's SubjectPublicKeyInfo (CardIdentity::cardSecret).
        QList<QByteArray> pivKeyHashes;
    };

    explicit OfflineAccountCache(QString path);
    static QString pathFor(const QString& vaultDir);

    // Missing file = empty cache; a corrupt file is refused (false, *error set) and the cache stays empty,
    // so offline login fails closed rather than on half-read state.
    bool load(QString* error = nullptr);
    bool save(QString* error = nullptr) const;

    PasswordPolicy policy;
    bool allowUidBadges = false;
    QHash<QString, Account> accounts;
    QHash<QByteArray, QString> uidBindings;  // UID bytes -> user ID
    OfflineFailureCounter failures;

    const QString& path() const { return m_path; }

private:
    QString m_path;
};

} // namespace ward
