#include "hub/directory/UserDirectory.h"

#include "auth/AccountGuard.h"
#include "auth/UserId.h"
#include "crypto/Argon2Kdf.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/admin/AdminPolicy.h"
#include "hub/directory/EmergencyAccounts.h"
#include "hub/directory/LoginAttempts.h"
#include "hub/directory/StaffCertificates.h"
#include "hub/records/ReviewQueue.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("UserDirectory", text);
}

QString toJsonText(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString toJsonText(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QStringList fromJsonList(const QString& text)
{
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

qint64 nowMs()
{
    return Clock::instance().nowUtc().toMSecsSinceEpoch();
}

} // namespace

UserDirectory::UserDirectory(HubDatabase& db, const DataKeys& keys)
    : m_db(db)
    , m_keys(keys)
{
}

std::optional<QByteArray> UserDirectory::foldUid(const QString& uidHex)
{
    static const QRegularExpression kHex(QStringLiteral("^([0-9A-Fa-f]{2}){4,10}$"));
    if (!kHex.match(uidHex).hasMatch())
        return std::nullopt;
    return uidHex.toUpper().toLatin1();
}

QString UserDirectory::uidHash(const QByteArray& foldedUidHex) const
{
    return QString::fromLatin1(m_keys.uidMac(foldedUidHex).toHex());
}

QString UserDirectory::helpContact()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT json FROM policy ORDER BY version DESC LIMIT 1"));
    if (!q.next())
        return QString();
    const QJsonObject policy = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    return policy.value(QStringLiteral("help")).toObject().value(QStringLiteral("contact")).toString().trimmed();
}

const SecureBytes& UserDirectory::uidTerminalKey() const
{
    return m_keys.uidTerminalKey();
}

bool UserDirectory::allowsUidBadges()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT json FROM policy ORDER BY version DESC LIMIT 1"));
    if (!q.next())
        return false;
    const QJsonObject policy = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    // Only an explicit true allows them; anything else (absent, damaged) keeps them out.
    return PolicyRules::allowsUidBadges(policy);
}

QByteArray UserDirectory::nameAad(const QString& id)
{
    return QByteArrayLiteral("users/") + id.toUtf8() + QByteArrayLiteral("/display_name");
}

QByteArray UserDirectory::kanaAad(const QString& id)
{
    return QByteArrayLiteral("users/") + id.toUtf8() + QByteArrayLiteral("/kana");
}

void UserDirectory::seedDefaultRoles()
{
    const QList<QPair<QString, QStringList>> roles{
        {QStringLiteral("nurse"), {QStringLiteral("chart.read"), QStringLiteral("chart.write.nursing"), QStringLiteral("vitals.write")}},
        {QStringLiteral("doctor"), {QStringLiteral("chart.read"), QStringLiteral("chart.write"), QStringLiteral("orders.write"),
                                    QStringLiteral("proxy.approve")}},
        {QStringLiteral("clerk"), {QStringLiteral("chart.read.identity"), QStringLiteral("proxy.enter")}},
        {QStringLiteral("reception"), {QStringLiteral("users.manage"), QStringLiteral("cards.manage")}},
        {QStringLiteral("it"), {QStringLiteral("terminals.manage"), QStringLiteral("policy.manage")}},
        {QStringLiteral("auditor"), {QStringLiteral("audit.read"), QStringLiteral("records.review")}},
        // BCP-1: the wards' emergency accounts; no hub permission (their chart rights are in the access policy).
        {QString::fromLatin1(EmergencyAccounts::kRole), {}},
    };
    m_db.transaction([&] {
        for (const auto& r : roles) {
            QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM roles WHERE id = ?"), {r.first});
            if (q.next())
                continue;
            m_db.exec(QStringLiteral("INSERT INTO roles (id, name, permissions, seq) VALUES (?, ?, ?, ?)"),
                      {r.first, r.first, toJsonText(QJsonArray::fromStringList(r.second)), m_db.takeSequence()});
        }
    });
}

void UserDirectory::ensureWard(const QString& ward, const QString& name, const QString& actor)
{
    m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT name FROM wards WHERE id = ?"), {ward});
        if (q.next()) {
            if (q.value(0).toString() == name)
                return;
            m_db.exec(QStringLiteral("UPDATE wards SET name = ?, seq = ? WHERE id = ?"), {name, m_db.takeSequence(), ward});
        } else {
            m_db.exec(QStringLiteral("INSERT INTO wards (id, name, seq) VALUES (?, ?, ?)"), {ward, name, m_db.takeSequence()});
        }
        HubAuditLog(m_db).append(actor, QStringLiteral("ward.set"), {{QStringLiteral("ward"), ward}});
    });
}

QJsonObject UserDirectory::policyJson()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT json FROM policy ORDER BY version DESC LIMIT 1"));
    return q.next() ? QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object() : QJsonObject();
}

PasswordPolicy UserDirectory::passwordPolicy()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT json FROM policy ORDER BY version DESC LIMIT 1"));
    PasswordPolicy policy;
    if (q.next()) {
        const QJsonObject password = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object().value(QStringLiteral("password")).toObject();
        // Stored policies were validated by HospitalPolicy::save; a damaged row falls back to the (strict) default.
        PasswordPolicy::fromJson(password, &policy);
    }
    return policy;
}

AccountChange UserDirectory::prepareAccount(const QString& id, const QString& displayName, const QStringList& roles,
                                            bool privileged, const IdentityVerification& verification)
{
    if (!UserId::isValid(id))
        throw HubError(QStringLiteral("bad_request"), UserId::message(UserId::validate(id)), 400);
    if (UserId::isEmergency(id))
        throw HubError(QStringLiteral("bad_request"),
                       tr("User IDs beginning with EMERG are kept for the wards' emergency accounts."), 400);
    if (displayName.trimmed().isEmpty() || displayName.size() > 100)
        throw HubError(QStringLiteral("bad_request"), tr("The display name must be 1 to 100 characters."), 400);
    if (roles.isEmpty())
        throw HubError(QStringLiteral("bad_request"), tr("A user needs at least one role."), 400);
    const AccountGuard guard(passwordPolicy());
    AccountChange change = guard.issueAccount(id, privileged, verification, Argon2Params());
    if (!change.ok())
        throw HubError(QStringLiteral("bad_request"), statusText(change), 400);
    return change;
}

SecureBytes UserDirectory::addUser(const QString& id, const QString& displayName, const QStringList& roles,
                                   const QStringList& wards, bool privileged, const IdentityVerification& verification)
{
    const AccountChange change = prepareAccount(id, displayName, roles, privileged, verification);
    m_db.transaction([&] { insertUser(id, displayName, QString(), roles, wards, privileged, verification, change, {}); });
    return change.temporaryPassword;
}

void UserDirectory::requireKnown(const QStringList& roles, const QStringList& wards)
{
    for (const QString& role : roles) {
        // A role the policy removed (AC-1) stays as a row for the terminals but is no longer assigned.
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM roles WHERE id = ? AND removed_at IS NULL"), {role});
        if (!q.next())
            throw HubError(QStringLiteral("bad_request"), tr("Unknown role \"%1\".").arg(role), 400);
    }
    for (const QString& ward : wards) {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM wards WHERE id = ?"), {ward});
        if (!q.next())
            throw HubError(QStringLiteral("bad_request"), tr("Unknown ward \"%1\".").arg(ward), 400);
    }
}

void UserDirectory::insertUser(const QString& id, const QString& displayName, const QString& kana, const QStringList& roles,
                               const QStringList& wards, bool privileged, const IdentityVerification& verification,
                               const AccountChange& change, const QJsonObject& auditContext)
{
    const bool bootstrap = authorise(verification.verifiedBy, QStringLiteral("users.manage"));
    insertRow(id, displayName, kana, roles, wards, privileged, change.newVerifier, change.state);
    QJsonObject detail = auditContext;
    detail[QStringLiteral("user")] = id;
    detail[QStringLiteral("roles")] = QJsonArray::fromStringList(roles);
    detail[QStringLiteral("wards")] = QJsonArray::fromStringList(wards);
    detail[QStringLiteral("privileged")] = privileged;
    detail[QStringLiteral("verification")] = verification.toJson();
    detail[QStringLiteral("bootstrap")] = bootstrap;
    HubAuditLog(m_db).append(verification.verifiedBy, QStringLiteral("user.add"), detail);
}

QSet<QString> UserDirectory::rolesGranting(const QString& permission)
{
    QSet<QString> granting;
    QSqlQuery roles = m_db.exec(QStringLiteral("SELECT id, permissions FROM roles"));
    while (roles.next())
        if (QJsonDocument::fromJson(roles.value(1).toString().toUtf8()).array().contains(permission))
            granting << roles.value(0).toString();
    return granting;
}

void UserDirectory::insertRow(const QString& id, const QString& displayName, const QString& kana, const QStringList& roles,
                              const QStringList& wards, bool privileged, const QString& verifier, const AccountState& state)
{
    QSqlQuery existing = m_db.exec(QStringLiteral("SELECT status FROM users WHERE id = ?"), {id});
    if (existing.next())
        throw HubError(QStringLiteral("conflict"),
                       tr("User id %1 exists already (status %2); ids are never reused.").arg(id, existing.value(0).toString()), 409);
    requireKnown(roles, wards);
    m_db.exec(QStringLiteral("INSERT INTO users (id, display_name, kana, roles, wards, privileged, status, password_verifier,"
                             " account_state, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {id, m_keys.sealIdentity(displayName.toUtf8(), nameAad(id)),
               kana.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(m_keys.sealIdentity(kana.toUtf8(), kanaAad(id))),
               toJsonText(QJsonArray::fromStringList(roles)), toJsonText(QJsonArray::fromStringList(wards)), privileged ? 1 : 0,
               AccountState::statusName(state.status), verifier, toJsonText(state.toJson()), nowMs(), m_db.takeSequence()});
}

void UserDirectory::insertEmergencyAccount(const QString& id, const QString& displayName, const QString& ward)
{
    if (displayName.trimmed().isEmpty() || displayName.size() > 100)
        throw HubError(QStringLiteral("bad_request"), tr("The display name must be 1 to 100 characters."), 400);
    AccountState state;
    state.status = AccountState::Status::Disabled;
    state.createdAt = Clock::instance().nowUtc();
    state.passwordChangedAt = state.createdAt;
    insertRow(id, displayName, QString(), {QString::fromLatin1(EmergencyAccounts::kRole)}, {ward}, false,
              LoginAttempts::decoyVerifier(), state);
}

void UserDirectory::requireStaffAccount(const QString& id)
{
    if (UserId::isEmergency(id))
        throw HubError(QStringLiteral("emergency_account"),
                       tr("%1 is a ward's emergency account: it has no card and no one-time code, and its password comes only "
                          "from a letter that two people approve (wardhub emergency request / approve).")
                           .arg(id),
                       409);
}

void UserDirectory::activateEmergencyAccount(const QString& id, const QString& verifier)
{
    User user = requireUser(id);
    AccountState state = user.state;
    state.status = AccountState::Status::Active;
    state.failedCount = 0;
    state.retryNotBefore = QDateTime();
    state.lockedAt = QDateTime();
    state.lockReason = AccountState::LockReason::None;
    state.mustChange = false;
    state.passwordChangedAt = Clock::instance().nowUtc();
    store(id, state, verifier);
    m_db.exec(QStringLiteral("UPDATE users SET seq = ? WHERE id = ?"), {m_db.takeSequence(), id});
}

bool UserDirectory::anyActiveHolder(const QString& permission)
{
    const QSet<QString> granting = rolesGranting(permission);
    QSqlQuery users = m_db.exec(QStringLiteral("SELECT roles FROM users WHERE status = 'active'"));
    while (users.next())
        for (const QString& role : fromJsonList(users.value(0).toString()))
            if (granting.contains(role))
                return true;
    return false;
}

bool UserDirectory::authorise(const QString& adminId, const QString& permission)
{
    if (!anyActiveHolder(permission))
        return true;
    const QSet<QString> granting = rolesGranting(permission);
    const auto admin = find(adminId);
    bool holds = false;
    if (admin && admin->state.status == AccountState::Status::Active && !admin->state.isLocked())
        for (const QString& role : admin->roles)
            holds = holds || granting.contains(role);
    if (!holds)
        throw HubError(QStringLiteral("forbidden"),
                       tr("%1 is not an active user with the %2 permission; an authorised administrator must do this (AUTH-13).")
                           .arg(adminId, permission),
                       403);
    return false;
}

void UserDirectory::bootstrapRegistrar(const FirstRegistrar& r, const SecureBytes& password, const QString& actor)
{
    if (!UserId::isValid(r.id) || UserId::isEmergency(r.id))
        throw HubError(QStringLiteral("bad_request"),
                       UserId::isValid(r.id) ? tr("User IDs beginning with EMERG are kept for the wards' emergency accounts.")
                                             : UserId::message(UserId::validate(r.id)),
                       400);
    if (r.displayName.trimmed().isEmpty() || r.displayName.size() > 100)
        throw HubError(QStringLiteral("bad_request"), tr("The display name must be 1 to 100 characters."), 400);
    if (r.method.trimmed().isEmpty() || r.documentRef.trimmed().isEmpty())
        throw HubError(QStringLiteral("bad_request"),
                       tr("Record how the person's identity was verified (--method) and the identity document's ledger reference (--document)."),
                       400);
    bool registrar = false;
    const QSet<QString> granting = rolesGranting(QStringLiteral("users.manage"));
    for (const QString& role : r.roles)
        registrar = registrar || granting.contains(role);
    if (!registrar)
        throw HubError(QStringLiteral("bad_request"),
                       tr("The first registrar needs a role with the users.manage permission (e.g. reception)."), 400);
    // A fresh account whose first password is the one the person chose at the console, under the same rules as
    // any change (length, classes, not the user id).
    AccountState fresh;
    fresh.status = AccountState::Status::Active;
    fresh.privileged = true;
    fresh.createdAt = Clock::instance().nowUtc();
    fresh.statusChangedAt = fresh.createdAt;
    const AccountChange change = AccountGuard(passwordPolicy()).changePassword(fresh, r.id, true, password, Argon2Params());
    if (!change.ok())
        throw HubError(QStringLiteral("password_rejected"), tr("The password was refused: %1").arg(statusText(change)), 400);
    m_db.transaction([&] {
        // Checked inside the write transaction: two consoles cannot both bootstrap.
        if (anyActiveHolder(QStringLiteral("users.manage")))
            throw HubError(QStringLiteral("registrar_exists"),
                           tr("This hub already has an active registrar. Register staff at the reception desk (administration "
                              "API); if the registrar is locked out, use wardhub emergency-unlock."),
                           409);
        insertRow(r.id, r.displayName, r.kana, r.roles, r.wards, true, change.newVerifier, change.state);
        QJsonObject detail{{QStringLiteral("user"), r.id},
                           {QStringLiteral("roles"), QJsonArray::fromStringList(r.roles)},
                           {QStringLiteral("wards"), QJsonArray::fromStringList(r.wards)},
                           {QStringLiteral("privileged"), true},
                           {QStringLiteral("verification"), QJsonObject{{QStringLiteral("method"), r.method},
                                                                        {QStringLiteral("documentRef"), r.documentRef},
                                                                        {QStringLiteral("verifiedBy"), actor}}},
                           {QStringLiteral("bootstrap"), true},
                           {QStringLiteral("via"), QStringLiteral("console")}};
        HubAuditLog(m_db).append(actor, QStringLiteral("user.add"), detail);
    });
}

void UserDirectory::emergencyUnlock(const QString& id, const QString& reason, const QString& actor)
{
    if (reason.trimmed().isEmpty() || reason.size() > 500)
        throw HubError(QStringLiteral("bad_request"), tr("Give the reason for the emergency unlock (--reason, at most 500 characters)."), 400);
    m_db.transaction([&] {
        const User user = requireUser(id);
        const AccountChange change = AccountGuard(passwordPolicy()).emergencyUnlock(user.state, id);
        if (!change.ok())
            throw HubError(QStringLiteral("refused"), tr("User %1: %2").arg(id, statusText(change)), 409);
        store(id, change.state);
        m_db.exec(QStringLiteral("UPDATE users SET seq = ? WHERE id = ?"), {m_db.takeSequence(), id});
        HubAuditLog(m_db).append(actor, QStringLiteral("user.unlock"),
                                 {{QStringLiteral("user"), id}, {QStringLiteral("emergency"), true}, {QStringLiteral("reason"), reason.trimmed()},
                                  {QStringLiteral("via"), QStringLiteral("console")}});
    });
}

QString UserDirectory::statusText(const AccountChange& change)
{
    return change.message.isEmpty() ? AccountChange::describe(change.error) : change.message;
}

UserDirectory::User UserDirectory::requireUser(const QString& id)
{
    auto user = find(id);
    if (!user)
        throw HubError(QStringLiteral("not_found"), tr("No user with id %1.").arg(id), 404);
    return *user;
}

void UserDirectory::store(const QString& userId, const AccountState& state, const QString& newVerifier)
{
    if (newVerifier.isEmpty())
        m_db.exec(QStringLiteral("UPDATE users SET account_state = ?, status = ? WHERE id = ?"),
                  {toJsonText(state.toJson()), AccountState::statusName(state.status), userId});
    else
        m_db.exec(QStringLiteral("UPDATE users SET account_state = ?, status = ?, password_verifier = ? WHERE id = ?"),
                  {toJsonText(state.toJson()), AccountState::statusName(state.status), newVerifier, userId});
}

void UserDirectory::changeStatus(const QString& id, StatusAction action, const QString& adminId)
{
    m_db.transaction([&] { changeStatusIn(id, action, adminId, {}); });
}

void UserDirectory::changeStatusIn(const QString& id, StatusAction action, const QString& adminId, const QJsonObject& auditContext)
{
    authorise(adminId, QStringLiteral("users.manage"));
    const User user = requireUser(id);
    const AccountGuard guard(passwordPolicy());
    AccountChange change;
    const char* name = "";
    switch (action) {
    case StatusAction::Disable: change = guard.disable(user.state, id, adminId); name = "user.disable"; break;
    case StatusAction::Enable: change = guard.enable(user.state, id, adminId); name = "user.enable"; break;
    case StatusAction::Retire: change = guard.retire(user.state, id, adminId); name = "user.retire"; break;
    case StatusAction::Unlock: change = guard.unlock(user.state, id, adminId); name = "user.unlock"; break;
    }
    if (!change.ok())
        throw HubError(QStringLiteral("refused"), tr("User %1: %2").arg(id, statusText(change)), 409);
    store(id, change.state);
    // The status change reaches terminals (directory entry) through /changes.
    m_db.exec(QStringLiteral("UPDATE users SET seq = ? WHERE id = ?"), {m_db.takeSequence(), id});
    if (change.state.status != AccountState::Status::Active)
        m_db.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {id}); // ends live sessions at once
    QJsonObject detail = auditContext;
    detail[QStringLiteral("user")] = id;
    HubAuditLog(m_db).append(adminId, QLatin1String(name), detail);
    // Issue 10: a disabled or retired user's signing keys die with the account (a re-enabled user certifies
    // a new key at the next login).
    if (action == StatusAction::Disable || action == StatusAction::Retire)
        StaffCertificates::revokeAllOf(m_db, id, QLatin1String(name), adminId);
}

SecureBytes UserDirectory::resetPassword(const QString& id, const IdentityVerification& verification)
{
    return m_db.transaction([&] { return resetPasswordIn(id, verification, {}); });
}

SecureBytes UserDirectory::resetPasswordIn(const QString& id, const IdentityVerification& verification, const QJsonObject& auditContext)
{
    authorise(verification.verifiedBy, QStringLiteral("users.manage"));
    requireStaffAccount(id);
    const User user = requireUser(id);
    const AccountGuard guard(passwordPolicy());
    AccountChange change = guard.resetPassword(user.state, id, verification, Argon2Params());
    if (!change.ok())
        throw HubError(QStringLiteral("refused"), tr("User %1: %2").arg(id, statusText(change)), 409);
    store(id, change.state, change.newVerifier);
    m_db.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {id});
    QJsonObject detail = auditContext;
    detail[QStringLiteral("user")] = id;
    detail[QStringLiteral("verification")] = verification.toJson();
    HubAuditLog(m_db).append(verification.verifiedBy, QStringLiteral("user.reset_password"), detail);
    // The old key was wrapped under the old password, which someone else may know: it dies here.
    StaffCertificates::revokeAllOf(m_db, id, QStringLiteral("user.reset_password"), verification.verifiedBy);
    return change.temporaryPassword;
}

void UserDirectory::bindPivCard(const QString& userId, const QByteArray& publicKeyDer, const QString& actor)
{
    requireUser(userId);
    m_db.transaction([&] { bindPivCardIn(userId, publicKeyDer, actor, {}); });
}

bool UserDirectory::bindPivCardIn(const QString& userId, const QByteArray& publicKeyDer, const QString& actor,
                                  const QJsonObject& auditContext)
{
    requireStaffAccount(userId);
    const QString keyId = pivKeyId(publicKeyDer);
    // One card, one holder: a card still bound to someone else is refused (issue 12), whoever binds it.
    QSqlQuery other = m_db.exec(QStringLiteral("SELECT user_id FROM card_bindings WHERE kind = 'piv' AND key_id = ? AND user_id <> ?"
                                               " AND revoked_at IS NULL"),
                                {keyId, userId});
    if (other.next())
        throw HubError(QStringLiteral("card_bound_elsewhere"),
                       tr("This card is already bound to another user. Revoke it there first, or use a new card."), 409);
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT revoked_at FROM card_bindings WHERE user_id = ? AND kind = 'piv' AND key_id = ?"),
                            {userId, keyId});
    if (q.next()) {
        if (!q.value(0).isNull())
            throw HubError(QStringLiteral("card_revoked"), tr("This card was revoked; a revoked card is not issued again. Use a new card."), 409);
        return false;
    }
    m_db.exec(QStringLiteral("INSERT INTO card_bindings (user_id, kind, key_id, public_key, bound_at) VALUES (?, 'piv', ?, ?, ?)"),
              {userId, keyId, publicKeyDer, nowMs()});
    m_db.exec(QStringLiteral("UPDATE users SET seq = ? WHERE id = ?"), {m_db.takeSequence(), userId});
    QJsonObject detail = auditContext;
    detail[QStringLiteral("user")] = userId;
    detail[QStringLiteral("kind")] = QStringLiteral("piv");
    detail[QStringLiteral("keyId")] = keyId;
    HubAuditLog(m_db).append(actor, QStringLiteral("card.bind"), detail);
    return true;
}

void UserDirectory::bindUidCard(const QString& userId, const QString& uidHex, const QString& actor)
{
    requireStaffAccount(userId);
    requireUser(userId);
    const auto folded = foldUid(uidHex);
    if (!folded)
        throw HubError(QStringLiteral("bad_request"), tr("A card UID is 4 to 10 bytes written in hexadecimal."), 400);
    const QString keyId = uidHash(*folded);
    const QString terminalKeyId = QString::fromLatin1(m_keys.uidTerminalMac(*folded).toHex());
    m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT user_id FROM card_bindings WHERE kind = 'uid' AND key_id = ? AND revoked_at IS NULL"), {keyId});
        if (q.next()) {
            if (q.value(0).toString() == userId)
                return;
            throw HubError(QStringLiteral("conflict"), tr("This card is already bound to another user."), 409);
        }
        m_db.exec(QStringLiteral("INSERT INTO card_bindings (user_id, kind, key_id, terminal_key_id, bound_at) VALUES (?, 'uid', ?, ?, ?)"),
                  {userId, keyId, terminalKeyId, nowMs()});
        m_db.exec(QStringLiteral("UPDATE users SET seq = ? WHERE id = ?"), {m_db.takeSequence(), userId});
        HubAuditLog(m_db).append(actor, QStringLiteral("card.bind"), {{QStringLiteral("user"), userId}, {QStringLiteral("kind"), QStringLiteral("uid")}});
    });
}

int UserDirectory::revokeCards(const QString& userId, const QString& kind, const QString& keyId, const QString& adminId)
{
    return m_db.transaction([&] { return revokeCardsIn(userId, kind, keyId, adminId, {}); });
}

int UserDirectory::revokeCardsIn(const QString& userId, const QString& kind, const QString& keyId, const QString& adminId,
                                 const QJsonObject& auditContext)
{
    authorise(adminId, QStringLiteral("cards.manage"));
    requireUser(userId);
    const qint64 now = nowMs();
    QSqlQuery q = keyId.isEmpty()
                      ? m_db.exec(QStringLiteral("UPDATE card_bindings SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"),
                                  {now, userId})
                      : m_db.exec(QStringLiteral("UPDATE card_bindings SET revoked_at = ? WHERE user_id = ? AND kind = ? AND key_id = ?"
                                                 " AND revoked_at IS NULL"),
                                  {now, userId, kind, keyId});
    const int cards = q.numRowsAffected();
    if (cards == 0)
        throw HubError(QStringLiteral("not_found"), tr("User %1 has no such bound card.").arg(userId), 404);
    m_db.exec(QStringLiteral("UPDATE users SET seq = ? WHERE id = ?"), {m_db.takeSequence(), userId});
    // A lost or stolen card: its holder's live sessions end and their signing keys die with it (issue 10).
    m_db.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {userId});
    QJsonObject detail = auditContext;
    detail[QStringLiteral("user")] = userId;
    detail[QStringLiteral("kind")] = kind.isEmpty() ? QStringLiteral("all") : kind;
    detail[QStringLiteral("cards")] = cards;
    HubAuditLog(m_db).append(adminId, QStringLiteral("card.revoke"), detail);
    StaffCertificates::revokeAllOf(m_db, userId, QStringLiteral("card.revoke"), adminId);
    return cards;
}

QString UserDirectory::pivKeyId(const QByteArray& publicKeyDer)
{
    return QString::fromLatin1(Digest::sha256(publicKeyDer).toHex());
}

std::optional<UserDirectory::User> UserDirectory::find(const QString& id)
{
    if (!UserId::isValid(id))
        return std::nullopt;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT display_name, roles, wards, privileged, status, password_verifier, account_state, seq"
                                           " FROM users WHERE id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    User u;
    u.id = id;
    QByteArray name;
    if (!m_keys.openIdentity(q.value(0).toByteArray(), nameAad(id), &name))
        throw HubError(QStringLiteral("keys"), QStringLiteral("display name of %1 does not open").arg(id));
    u.displayName = QString::fromUtf8(name);
    u.roles = fromJsonList(q.value(1).toString());
    u.wards = fromJsonList(q.value(2).toString());
    u.privileged = q.value(3).toInt() != 0;
    u.status = q.value(4).toString();
    u.passwordVerifier = q.value(5).toString();
    JsonFieldError error;
    if (!AccountState::fromJson(QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object(), &u.state, &error))
        throw HubError(QStringLiteral("storage"), QStringLiteral("account state of %1 is damaged: %2").arg(id, error.message));
    u.seq = q.value(7).toLongLong();
    return u;
}

QList<QByteArray> UserDirectory::pivKeys(const QString& userId)
{
    QList<QByteArray> keys;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT public_key FROM card_bindings WHERE user_id = ? AND kind = 'piv' AND revoked_at IS NULL"), {userId});
    while (q.next())
        keys << q.value(0).toByteArray();
    return keys;
}

bool UserDirectory::hasUid(const QString& userId, const QString& uidHex)
{
    const auto folded = foldUid(uidHex);
    if (!folded)
        return false;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM card_bindings WHERE user_id = ? AND kind = 'uid' AND key_id = ? AND revoked_at IS NULL"),
                            {userId, uidHash(*folded)});
    return q.next();
}


} // namespace ward::hub
