#pragma once

#include "auth/AccountState.h"
#include "auth/OfflineFailureCounter.h"
#include "auth/PasswordPolicy.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ward {

// What the terminal remembers about its users for offline login, beside the vault (login-cache.json):
// the last account state the hub reported, the local failure counter (synced back later), the policy and
// the card bindings. It must be readable before the vault opens, so it holds no secrets and no patient
// data: names are not stored (never the name before the password), only IDs, counts and times, verifiers
// of the password history (AUTH-4: irreversible) and public card data.
//
// Issue 10: what the hub said (policy, accounts, roles, wards, status and lockout, card and UID bindings) is
// the "hub" part, authenticated with HMAC-SHA-256 under a key derived from the vault key: it is written only
// while the vault is open (after a successful login), and an offline login checks it as soon as the slot
// has opened the vault; a copy altered on disk fails closed. What the terminal learns while the vault is
// closed (the offline failure counter, refusals the hub gave) is the "local" part: it can only restrict
// (more failures, a refusal), never grant.
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
    // With the vault key: the hub part is (re)authenticated. Without: only the local part may have changed
    // (the hub part is written back exactly as loaded, with its tag); a changed hub part is refused.
    bool save(QString* error = nullptr, const SecureBytes& vaultKey = SecureBytes()) const;
    // Whether the hub part is as the terminal wrote it with this vault's key (false for a copy altered on
    // disk, or one made for another vault). An empty cache is authentic: it grants nothing.
    bool isAuthentic(const SecureBytes& vaultKey) const;

    PasswordPolicy policy;
    bool allowUidBadges = false;
    // Whom staff call about cards, passwords and locked accounts (hub policy "help.contact"), shown by the
    // login and lock screens' help (F1) before anyone has logged in.
    QString helpContact;
    static constexpr int kMaxHelpContactLength = 200;
    QHash<QString, Account> accounts;
    QHash<QByteArray, QString> uidBindings;  // UID bytes -> user ID
    OfflineFailureCounter failures;
    // Local part: what the hub refused while the vault was closed ("locked", "disabled", "retired"), until the
    // next successful online login replaces it.
    QHash<QString, QString> refusals;

    const QString& path() const { return m_path; }

private:
    QJsonObject hubPart() const;
    static QByteArray tagFor(const QJsonObject& hub, const SecureBytes& vaultKey);

    QString m_path;
    QJsonObject m_loadedHub;  // the hub part as read, and its tag (written back unchanged without a key)
    QByteArray m_loadedTag;
};

} // namespace ward
