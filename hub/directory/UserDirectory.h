#pragma once

#include "auth/AccountChange.h"
#include "auth/AccountState.h"
#include "auth/IdentityVerification.h"
#include "auth/PasswordPolicy.h"
#include "policy/PolicyRules.h"
#include "crypto/SecureBytes.h"

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace ward::hub {

class DataKeys;
class HubDatabase;

// The staff directory: users (10-character alphanumeric ids, never reused — retired users stay as rows),
// roles with hospital-defined permissions, wards, card bindings, the current Argon2id login verifier, and the
// account state (core/auth AccountState JSON: failures, lock, password age and history, temporary password).
// Every account rule is decided by core/auth's AccountGuard under the hospital's password policy (policy
// table); this class only stores its results and audits them. Display names are sealed under the IDENTITY key.
class UserDirectory
{
public:
    struct User
    {
        QString id;
        QString displayName;
        QStringList roles;
        QStringList wards;
        bool privileged = false;
        QString status; // active | disabled | retired (mirrors state.status for SQL filters)
        QString passwordVerifier;
        AccountState state;
        qint64 seq = 0;
    };
    enum class StatusAction { Disable, Enable, Retire, Unlock };

    UserDirectory(HubDatabase& db, const DataKeys& keys);

    // Default roles created at init; the hospital edits them afterwards.
    void seedDefaultRoles();
    void ensureWard(const QString& ward, const QString& name, const QString& actor);

    // The password policy in force: the "password" object of the newest policy version, else the default.
    PasswordPolicy passwordPolicy();
    // The newest policy document as stored ({} before the first policy version; HospitalPolicy stores them).
    QJsonObject policyJson();

    // AUTH-3/7/12: the registrar checked the person's identity; returns the temporary password (shown once).
    // Throws HubError bad_request (id, role, ward, verification), conflict (id exists — ids are never reused).
    SecureBytes addUser(const QString& id, const QString& displayName, const QStringList& roles, const QStringList& wards,
                        bool privileged, const IdentityVerification& verification);
    // addUser in two halves, for callers that add a user inside their own transaction (issue 12 admin API):
    // prepareAccount validates and makes the temporary password (Argon2id, outside any transaction);
    // insertUser stores it inside the caller's transaction. auditContext is merged into the audit detail
    // (terminal, reason, request).
    AccountChange prepareAccount(const QString& id, const QString& displayName, const QStringList& roles, bool privileged,
                                 const IdentityVerification& verification);
    void insertUser(const QString& id, const QString& displayName, const QString& kana, const QStringList& roles,
                    const QStringList& wards, bool privileged, const IdentityVerification& verification,
                    const AccountChange& change, const QJsonObject& auditContext);
    // HubError bad_request naming the first role or ward the hub does not know.
    void requireKnown(const QStringList& roles, const QStringList& wards);
    // AUTH-5/11: adminId is the acting administrator's own user id (AUTH-13: no shared admin identity).
    void changeStatus(const QString& id, StatusAction action, const QString& adminId);
    // The same inside the caller's transaction, with auditContext merged into the audit detail.
    void changeStatusIn(const QString& id, StatusAction action, const QString& adminId, const QJsonObject& auditContext);
    // AUTH-12: a new temporary password after an in-person identity check.
    SecureBytes resetPassword(const QString& id, const IdentityVerification& verification);
    SecureBytes resetPasswordIn(const QString& id, const IdentityVerification& verification, const QJsonObject& auditContext);
    // PIV: the card's SubjectPublicKeyInfo; UID: the serial as hex text, stored only as keyed digests (uidHash,
    // and the terminals' digest in terminal_key_id). Throws HubError bad_request for a malformed UID.
    // A card still bound to another user is refused (HubError 409 card_bound_elsewhere).
    void bindPivCard(const QString& userId, const QByteArray& publicKeyDer, const QString& actor);
    // Inside the caller's transaction; false when this card was already bound to this user (nothing changed).
    bool bindPivCardIn(const QString& userId, const QByteArray& publicKeyDer, const QString& actor, const QJsonObject& auditContext);
    void bindUidCard(const QString& userId, const QString& uidHex, const QString& actor);

    // A lost, stolen or broken card (the reception desk, POST /api/v1/admin/cards/revoke): kind "piv"/"uid" with its key id, or kind and keyId
    // empty for every card of the user. adminId needs cards.manage (AUTH-13). Ends the user's sessions and revokes
    // their staff signing certificates. Returns the number of cards revoked; HubError not_found when none matched.
    int revokeCards(const QString& userId, const QString& kind, const QString& keyId, const QString& adminId);
    int revokeCardsIn(const QString& userId, const QString& kind, const QString& keyId, const QString& adminId,
                      const QJsonObject& auditContext);
    static QString pivKeyId(const QByteArray& publicKeyDer);

    std::optional<User> find(const QString& id);
    QList<QByteArray> pivKeys(const QString& userId);
    bool hasUid(const QString& userId, const QString& uidHex);
    // Persists an AccountGuard result (state, and the verifier when it changed). Call inside a transaction.
    void store(const QString& userId, const AccountState& state, const QString& newVerifier = QString());

    // A UID as readers and people write it (hex text, either case) folded to one spelling: upper-case hex text of
    // 4 to 10 bytes. Case is folded in the text, never in the raw bytes (0x61 and 0x41 are different UIDs).
    // nullopt when it is not such hex text.
    static std::optional<QByteArray> foldUid(const QString& uidHex);
    // The hub's keyed digest of a folded UID (HMAC under a key derived from the IDENTITY data key).
    QString uidHash(const QByteArray& foldedUidHex) const;
    // Issue 10: UID badges are weak (any reader reads them); the hospital's policy {"cards": {"allowUidBadges"}}
    // decides whether they log in at all (default: no).
    bool allowsUidBadges();
    const SecureBytes& uidTerminalKey() const;
    // Policy "help": {"contact": "…"}: whom staff call about cards, passwords and locked accounts, shown in the
    // terminals' login and lock help (F1). Sent with every login reply. Both checked by PolicyRules (CFG-2).
    QString helpContact();
    static QString statusText(const AccountChange& change);

    // Issue 12: `wardhub bootstrap-registrar` — the hub machine's operator creates the first registrar of a hub in
    // which no active user holds users.manage yet (HubError 409 registrar_exists otherwise: the reception desk
    // registers everyone after). The person chose `password` at the console (checked by the password rules, not
    // temporary); their account is privileged (AUTH-10). Audited `user.add` as `actor` with bootstrap: true and the
    // identity evidence, in one transaction.
    struct FirstRegistrar
    {
        QString id;
        QString displayName;
        QString kana;
        QStringList roles;
        QStringList wards;
        QString method;
        QString documentRef;
    };
    void bootstrapRegistrar(const FirstRegistrar& r, const SecureBytes& password, const QString& actor);
    // Issue 12: `wardhub emergency-unlock` — the operator unlocks an account at the console when no administrator
    // can (e.g. the only registrar is locked). Audited `user.unlock` as `actor` with emergency: true and the reason.
    void emergencyUnlock(const QString& id, const QString& reason, const QString& actor);
    // BCP-1 (EmergencyAccounts), inside the caller's transaction: the directory row of a ward's emergency account,
    // disabled and with a verifier nobody knows until its letter is approved; then its password and an active,
    // unlocked state (a new change sequence, so terminals replicate it).
    void insertEmergencyAccount(const QString& id, const QString& displayName, const QString& ward);
    void activateEmergencyAccount(const QString& id, const QString& verifier);
    // BCP-1: an emergency account gets its password only from a letter two people approved, and no card or one-time
    // code: one administrator alone must not be able to make it theirs. HubError 409 emergency_account for one.
    static void requireStaffAccount(const QString& id);
    // Whether an active user's roles grant `permission`.
    bool anyActiveHolder(const QString& permission);

    // AUTH-13: the acting administrator must be an active, unlocked user whose roles grant `permission`. The one
    // exception is bootstrap — while no active user holds the permission at all, the first registrar can be
    // created; returns true then (audited as such). Throws HubError forbidden (403) otherwise.
    bool authorise(const QString& adminId, const QString& permission);

    // GCM associated data of the sealed name and kana of a user (they cannot be moved to another row).
    static QByteArray nameAad(const QString& id);
    static QByteArray kanaAad(const QString& id);

private:
    User requireUser(const QString& id);
    QSet<QString> rolesGranting(const QString& permission);
    // Inside a transaction: HubError 409 when the id exists (ids are never reused), 400 for an unknown role or ward.
    void insertRow(const QString& id, const QString& displayName, const QString& kana, const QStringList& roles,
                   const QStringList& wards, bool privileged, const QString& verifier, const AccountState& state);

    HubDatabase& m_db;
    const DataKeys& m_keys;
};

} // namespace ward::hub
