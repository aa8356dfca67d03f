#include "hub/directory/SessionService.h"

#include "auth/AccountGuard.h"
#include "auth/EmergencyPassword.h"
#include "auth/PasswordRules.h"
#include "crypto/Argon2Kdf.h"
#include "crypto/Digest.h"
#include "crypto/KeyPair.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/directory/EmergencyAccounts.h"
#include "hub/directory/FallbackCodes.h"
#include "hub/directory/SessionRequest.h"
#include "hub/directory/StaffCertificates.h"
#include "hub/directory/UserDirectory.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "policy/PolicyRules.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SessionService", text);
}

QString hashHex(const QByteArray& data)
{
    return QString::fromLatin1(Digest::sha256(data).toHex());
}

HubError fallbackCodeInvalid()
{
    return HubError(QStringLiteral("fallback_code_invalid"),
                    tr("The one-time code is not valid (wrong, already used or expired). Ask reception for a new one."), 401);
}

HubError loginFailed()
{
    return HubError(QStringLiteral("login_failed"), tr("User ID, password or card is not correct."), 401);
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// The HubError for every outcome that opens no session (nothing is stored here).
[[noreturn]] void refuse(const LoginDecision& decision)
{
    using O = LoginDecision::Outcome;
    switch (decision.outcome) {
    case O::Ok:
        break;
    case O::WrongPassword:
        // Which factor failed is not said (the same answer as for an unknown user id).
        throw loginFailed();
    case O::Throttled:
        throw HubError(QStringLiteral("throttled"), decision.message(), 429);
    case O::Locked:
        throw HubError(QStringLiteral("account_locked"), decision.message(), 403);
    case O::Disabled:
        throw HubError(QStringLiteral("account_disabled"), decision.message(), 403);
    case O::Retired:
        throw HubError(QStringLiteral("account_retired"), decision.message(), 403);
    case O::PasswordExpired:
    case O::MustChangeTemporary:
        // Both factors were right; the change-password call (POST /api/v1/password) must follow.
        throw HubError(QStringLiteral("password_change_required"), decision.message(), 403);
    case O::TemporaryExpired:
        throw HubError(QStringLiteral("temporary_password_expired"), decision.message(), 403);
    }
    throw HubError(QStringLiteral("internal"), QStringLiteral("login decision without a refusal"), 500);
}

} // namespace

SessionService::SessionService(HubDatabase& db, UserDirectory& users, StaffCertificates& certs, FallbackCodes& fallbackCodes,
                               EmergencyAccounts& emergencyAccounts)
    : m_db(db)
    , m_users(users)
    , m_certs(certs)
    , m_fallbackCodes(fallbackCodes)
    , m_emergency(emergencyAccounts)
    , m_attempts(db, users)
{
}

QString SessionService::challenge(const QString& terminalId)
{
    const QByteArray nonce = Random::bytes(32);
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    m_db.exec(QStringLiteral("INSERT INTO card_challenges (nonce_hash, terminal_id, expires_at) VALUES (?, ?, ?)"),
              {hashHex(nonce), terminalId, now + kChallengeSeconds * 1000});
    return QString::fromLatin1(nonce.toBase64());
}

void SessionService::requireAllowedCard(const QJsonObject& proof)
{
    // Issue 10: a UID badge proves nothing any reader cannot copy; only the hospital's policy lets it log in.
    if (proof.value(QStringLiteral("kind")).toString() == QLatin1String("uid") && !m_users.allowsUidBadges())
        throw HubError(QStringLiteral("uid_badge_not_allowed"),
                       tr("This hospital does not allow ID badges without a chip key for login. Use your staff IC card."), 403);
}

bool SessionService::checkCard(const QString& terminalId, const QString& userId, const QJsonObject& proof)
{
    const QString kind = proof.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("uid"))
        return m_users.hasUid(userId, proof.value(QStringLiteral("uid")).toString());
    if (kind != QLatin1String("piv"))
        throw HubError(QStringLiteral("bad_request"), tr("cardProof.kind must be \"piv\" or \"uid\"."), 400);
    const QByteArray challenge = QByteArray::fromBase64(proof.value(QStringLiteral("challenge")).toString().toLatin1());
    const QByteArray signature = QByteArray::fromBase64(proof.value(QStringLiteral("signature")).toString().toLatin1());
    if (challenge.size() != 32 || signature.isEmpty())
        return false;
    // The challenge must be one this hub issued to this terminal, unexpired and unused: a recorded card
    // answer cannot be replayed.
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    QSqlQuery used = m_db.exec(QStringLiteral("UPDATE card_challenges SET used_at = ? WHERE nonce_hash = ? AND terminal_id = ?"
                                              " AND used_at IS NULL AND expires_at > ?"),
                               {now, hashHex(challenge), terminalId, now});
    if (used.numRowsAffected() != 1)
        return false;
    for (const QByteArray& spki : m_users.pivKeys(userId)) {
        const auto key = KeyPair::fromPublicDer(spki);
        if (key && key->verify(challenge, signature))
            return true;
    }
    return false;
}

QJsonObject SessionService::login(const QString& terminalId, const QJsonObject& request)
{
    const SessionRequest r = SessionRequest::login(request);
    const QString& userId = r.userId;
    const QJsonObject& proof = r.cardProof;
    requireAllowedCard(proof);
    SecureBytes password = SecureBytes::fromUtf8(r.password);

    const AccountGuard guard(m_users.passwordPolicy());
    bool cardOk = false;
    // AUTH-5: counted before the password is looked at; a locked, disabled, retired or throttled account is refused
    // here, before Argon2 runs (no password oracle, and parallel guesses wait their turn).
    const LoginAttempts::Charge charge = m_attempts.charge(
        userId, guard, [&](const AccountState& s) { return guard.evaluateLogin(s, false, terminalId).newState; },
        [&] { cardOk = checkCard(terminalId, userId, proof); });
    if (charge.refused)
        refuseAudited(terminalId, userId, *charge.refused);
    // AUTH-1: the card and the password are both required; either failing is one failed attempt. The password is
    // checked even after a wrong card, and against the decoy verifier for an unknown id: the same Argon2id work.
    const bool passwordOk = Argon2Kdf::verifyEncoded(charge.verifier, password);
    password.clear();
    if (!charge.known || !cardOk || !passwordOk)
        refuseCharged(terminalId, userId, charge, loginFailed(), QStringLiteral("login"));
    return succeed(terminalId, userId, proof.value(QStringLiteral("kind")).toString(), charge, guard);
}

std::function<void()> SessionService::spendFallbackCode(const QString& terminalId, const QString& userId, const QString& codeId)
{
    return [this, terminalId, userId, codeId] {
        // Single use: spent with the session it opened, or neither happens.
        if (!m_fallbackCodes.spend(codeId, terminalId))
            throw fallbackCodeInvalid();
        // Card-less logins are reviewed afterwards (AUTH-2).
        HubAuditLog(m_db).append(userId, QStringLiteral("session.fallback"),
                                 {{QStringLiteral("user"), userId}, {QStringLiteral("terminal"), terminalId},
                                  {QStringLiteral("codeId"), codeId}, {QStringLiteral("review"), true}});
    };
}

QJsonObject SessionService::fallbackLogin(const QString& terminalId, const QJsonObject& request)
{
    const SessionRequest r = SessionRequest::fallbackLogin(request);
    const QString& userId = r.userId;
    const AccountGuard guard(m_users.passwordPolicy());
    std::optional<QString> codeId;
    const LoginAttempts::Charge charge = m_attempts.charge(
        userId, guard, [&](const AccountState& s) { return guard.evaluateLogin(s, false, terminalId).newState; },
        [&] { codeId = m_fallbackCodes.findUsable(userId, r.code); });
    if (charge.refused)
        refuseAudited(terminalId, userId, *charge.refused);
    // The code stands in for the card: a wrong one is a failed attempt (AUTH-5 counts it), and the password is
    // not checked (no password oracle behind a guessed code). An unknown id has no code: the same answer.
    if (!codeId)
        refuseCharged(terminalId, userId, charge, fallbackCodeInvalid(), QStringLiteral("fallback code"));
    SecureBytes password = SecureBytes::fromUtf8(r.password);
    const bool passwordOk = Argon2Kdf::verifyEncoded(charge.verifier, password);
    password.clear();
    if (!charge.known || !passwordOk)
        refuseCharged(terminalId, userId, charge, loginFailed(), QStringLiteral("login"));
    QJsonObject reply = succeed(terminalId, userId, QStringLiteral("code"), charge, guard, spendFallbackCode(terminalId, userId, *codeId));
    reply[QStringLiteral("fallback")] = true;
    return reply;
}

QJsonObject SessionService::emergencyLogin(const QString& terminalId, const QJsonObject& request)
{
    const SessionRequest r = SessionRequest::emergencyLogin(request);
    const QString& accountId = r.userId;
    const AccountGuard guard(m_users.passwordPolicy());
    // AUTH-5 holds here too: a guessed letter password meets the delay and the lockout (IT unlocks).
    const LoginAttempts::Charge charge = m_attempts.charge(
        accountId, guard, [&](const AccountState& s) { return guard.evaluateLogin(s, false, terminalId).newState; });
    if (charge.refused)
        refuseAudited(terminalId, accountId, *charge.refused);
    SecureBytes password = EmergencyPassword::normalise(SecureBytes::fromUtf8(r.password));
    const bool passwordOk = Argon2Kdf::verifyEncoded(charge.verifier, password);
    password.clear();
    if (!charge.known || !passwordOk)
        refuseCharged(terminalId, accountId, charge, loginFailed(), QStringLiteral("emergency"));
    // A right password for an account that cannot be used now is not a failed attempt: taken back, then refused
    // with the reason (recordUse checks again under the row lock).
    if (const auto refused = EmergencyAccounts::refusal(m_emergency.find(accountId), r.test)) {
        m_db.transaction([&] {
            m_users.store(accountId, m_attempts.refunded(accountId, charge));
            HubAuditLog(m_db).append(accountId, QStringLiteral("emergency.refused"),
                                     {{QStringLiteral("account"), accountId}, {QStringLiteral("terminal"), terminalId},
                                      {QStringLiteral("realName"), r.realName}, {QStringLiteral("code"), refused->code()},
                                      {QStringLiteral("test"), r.test}});
        });
        throw *refused;
    }
    if (r.test) {
        EmergencyAccounts::Account account;
        m_db.transaction([&] {
            AccountState proven = m_attempts.refunded(accountId, charge);
            proven.failedCount = 0;
            proven.retryNotBefore = QDateTime();
            m_users.store(accountId, proven);
            account = m_emergency.recordTest(accountId, terminalId, r.realName);
        });
        return {{QStringLiteral("test"), true}, {QStringLiteral("emergency"), account.toJson()}};
    }
    EmergencyAccounts::Account account;
    const int sessionMinutes = PolicyRules::emergencySessionMinutes(m_users.policyJson());
    QJsonObject reply = answer(
        terminalId, accountId, QStringLiteral("emergency"),
        [&] {
            AccountState s = m_attempts.refunded(accountId, charge);
            // The letter's password does not age: it is replaced after every use (BCP-1), and an expired password
            // must never stand between a clinician and the chart in an emergency.
            s.passwordChangedAt = Clock::instance().nowUtc();
            return guard.evaluateLogin(s, true, terminalId);
        },
        [&] { account = m_emergency.recordUse(accountId, terminalId, r.realName, r.reason); });
    QJsonObject e = account.toJson();
    e[QStringLiteral("realName")] = r.realName;
    e[QStringLiteral("reason")] = r.reason;
    e[QStringLiteral("sessionMinutes")] = sessionMinutes;
    reply[QStringLiteral("emergency")] = e;
    return reply;
}

QJsonObject SessionService::changePassword(const QString& terminalId, const QJsonObject& request)
{
    const SessionRequest r = SessionRequest::passwordChange(request);
    const QString& userId = r.userId;
    const QJsonObject& proof = r.cardProof;
    const bool withCode = !r.code.isEmpty();
    if (!withCode)
        requireAllowedCard(proof);
    const AccountGuard guard(m_users.passwordPolicy());
    bool factorOk = false;
    std::optional<QString> codeId;
    // AUTH-6: a wrong card, code or old password counts toward the change limit, charged before anything is checked.
    const LoginAttempts::Charge charge = m_attempts.charge(
        userId, guard,
        [&](const AccountState& s) { return guard.changePassword(s, userId, false, SecureBytes(), Argon2Params()).state; },
        [&] {
            if (withCode) {
                codeId = m_fallbackCodes.findUsable(userId, r.code);
                factorOk = codeId.has_value();
            } else {
                factorOk = checkCard(terminalId, userId, proof);
            }
        });
    if (charge.refused)
        refuseAudited(terminalId, userId, *charge.refused);
    if (!factorOk)
        refuseCharged(terminalId, userId, charge, withCode ? fallbackCodeInvalid() : loginFailed(), QStringLiteral("old password"));
    SecureBytes oldPassword = SecureBytes::fromUtf8(r.password);
    SecureBytes newPassword = SecureBytes::fromUtf8(r.newPassword);
    const bool oldOk = Argon2Kdf::verifyEncoded(charge.verifier, oldPassword);
    oldPassword.clear();
    if (!charge.known || !oldOk)
        refuseCharged(terminalId, userId, charge, loginFailed(), QStringLiteral("old password"));
    // The rules (history: several Argon2id checks) run outside the transaction on the admitted state; under the
    // row lock they run again only if another attempt or an administrator changed the account meanwhile.
    AccountChange change = guard.changePassword(charge.before, userId, true, newPassword, Argon2Params());
    m_db.transaction([&] {
        const AccountState current = m_attempts.refunded(userId, charge);
        if (current != charge.before)
            change = guard.changePassword(current, userId, true, newPassword, Argon2Params());
        m_users.store(userId, change.state, change.ok() ? change.newVerifier : QString());
        if (change.ok())
            HubAuditLog(m_db).append(userId, QStringLiteral("user.password_change"),
                                     {{QStringLiteral("user"), userId}, {QStringLiteral("terminal"), terminalId},
                                      {QStringLiteral("fallback"), withCode}});
    });
    newPassword.clear();
    if (!change.ok()) {
        QStringList violations;
        for (const auto& v : change.violations)
            violations << v.message;
        throw HubError(QStringLiteral("password_rejected"),
                       violations.isEmpty() ? UserDirectory::statusText(change) : violations.join(QLatin1Char(' ')), 400);
    }
    // The new password starts the session (a fresh decision on the stored state).
    QJsonObject reply = answer(terminalId, userId, withCode ? QStringLiteral("code") : proof.value(QStringLiteral("kind")).toString(),
                               [&] { return guard.evaluateLogin(change.state, true, terminalId); },
                               withCode ? spendFallbackCode(terminalId, userId, *codeId) : std::function<void()>());
    if (withCode)
        reply[QStringLiteral("fallback")] = true;
    return reply;
}

void SessionService::provePassword(const QString& place, const QString& userId, const SecureBytes& password)
{
    const AccountGuard guard(m_users.passwordPolicy());
    const LoginAttempts::Charge charge = m_attempts.charge(
        userId, guard, [&](const AccountState& s) { return guard.evaluateLogin(s, false, place).newState; });
    if (charge.refused)
        refuseAudited(place, userId, *charge.refused);
    if (!charge.known || !Argon2Kdf::verifyEncoded(charge.verifier, password))
        refuseCharged(place, userId, charge, loginFailed(), QStringLiteral("console password"));
    LoginDecision decision;
    m_db.transaction([&] {
        AccountState proven = m_attempts.refunded(userId, charge);
        decision = guard.evaluateLogin(proven, true, place);
        // AUTH-5: the proven password ends the run of consecutive failures (as AccountGuard does for a login); it is
        // not a login, so AUTH-9's last login stays as it was.
        proven.failedCount = 0;
        proven.retryNotBefore = QDateTime();
        m_users.store(userId, proven);
    });
    if (decision.outcome != LoginDecision::Outcome::Ok)
        refuseAudited(place, userId, decision);
}

void SessionService::refuseCharged(const QString& terminalId, const QString& userId, const LoginAttempts::Charge& charge,
                                   const HubError& wrong, const QString& lockReason)
{
    m_db.transaction([&] {
        // Issue 14: every failed login the hub sees, attributed to the person (the id given) and the terminal.
        HubAuditLog(m_db).append(userId, QStringLiteral("session.failed"),
                                 {{QStringLiteral("user"), userId}, {QStringLiteral("terminal"), terminalId},
                                  {QStringLiteral("reason"), lockReason}, {QStringLiteral("code"), wrong.code()},
                                  {QStringLiteral("known"), charge.known}});
        if (charge.known && charge.lockedNow())
            // AUTH-5: administrators are alerted from the hub audit chain.
            HubAuditLog(m_db).append(QStringLiteral("hub"), QStringLiteral("user.locked"),
                                     {{QStringLiteral("user"), userId}, {QStringLiteral("terminal"), terminalId},
                                      {QStringLiteral("reason"), lockReason}});
    });
    if (charge.charged.isLocked()) {
        LoginDecision locked;
        locked.outcome = LoginDecision::Outcome::Locked;
        throw HubError(QStringLiteral("account_locked"), locked.message(), 403);
    }
    throw wrong;
}

QJsonObject SessionService::succeed(const QString& terminalId, const QString& userId, const QString& factor,
                                    const LoginAttempts::Charge& charge, const AccountGuard& guard,
                                    const std::function<void()>& onSession)
{
    return answer(terminalId, userId, factor,
                  [&] { return guard.evaluateLogin(m_attempts.refunded(userId, charge), true, terminalId); }, onSession);
}

QJsonObject SessionService::answer(const QString& terminalId, const QString& userId, const QString& factor,
                                   const std::function<LoginDecision()>& decide,
                                   const std::function<void()>& onSession)
{
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    QString token;
    qint64 expiresAt = 0;
    LoginDecision decision;
    m_db.transaction([&] {
        decision = decide();
        // The decision's state is stored whatever the outcome: failures and locks are never lost (AUTH-5).
        m_users.store(userId, decision.newState);
        if (decision.lockedNow)
            // AUTH-5: administrators are alerted from the hub audit chain.
            HubAuditLog(m_db).append(QStringLiteral("hub"), QStringLiteral("user.locked"),
                                     {{QStringLiteral("user"), userId}, {QStringLiteral("terminal"), terminalId}});
        if (decision.allowsSession()) {
            const QByteArray raw = Random::bytes(32);
            token = QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
            expiresAt = now + qint64(kTokenMinutes) * 60000;
            m_db.exec(QStringLiteral("INSERT INTO sessions (token_hash, user_id, terminal_id, created_at, expires_at, factor, last_used_at)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      {hashHex(raw), userId, terminalId, now, expiresAt, factor, now});
            // Issue 14: every login the hub grants, with the person, the terminal and the first factor.
            HubAuditLog(m_db).append(userId, QStringLiteral("session.open"),
                                     {{QStringLiteral("user"), userId}, {QStringLiteral("terminal"), terminalId},
                                      {QStringLiteral("factor"), factor}});
            if (onSession)
                onSession();
        }
    });
    if (!decision.allowsSession())
        refuseAudited(terminalId, userId, decision);
    const auto user = m_users.find(userId);
    const AccountGuard guard(m_users.passwordPolicy());
    QJsonObject reply{
        {QStringLiteral("token"), token},
        {QStringLiteral("expiresAt"), iso(expiresAt)},
        {QStringLiteral("profile"), QJsonObject{{QStringLiteral("userId"), userId},
                                                {QStringLiteral("displayName"), user->displayName},
                                                {QStringLiteral("wards"), QJsonArray::fromStringList(user->wards)},
                                                {QStringLiteral("privileged"), user->privileged}}},
        {QStringLiteral("roles"), QJsonArray::fromStringList(user->roles)},
        // AUTH-9: where and when the previous login was, and the failures since.
        {QStringLiteral("lastLogin"),
         QJsonObject{{QStringLiteral("at"), decision.previousSuccessAt.isValid() ? decision.previousSuccessAt.toString(Qt::ISODateWithMs) : QString()},
                     {QStringLiteral("terminal"), decision.previousSuccessTerminal},
                     // A person recognises the terminal by the name IT gave it, not by its ID.
                     {QStringLiteral("terminalName"), terminalName(decision.previousSuccessTerminal)},
                     {QStringLiteral("failedAttemptsSince"), decision.failuresSincePreviousSuccess},
                     {QStringLiteral("lastFailureAt"), decision.lastFailureAt.isValid() ? decision.lastFailureAt.toString(Qt::ISODateWithMs) : QString()},
                     {QStringLiteral("lastFailureTerminal"), decision.lastFailureTerminal}}},
        {QStringLiteral("passwordStatus"),
         QJsonObject{{QStringLiteral("expiresAt"), guard.passwordExpiresAt(decision.newState).toString(Qt::ISODateWithMs)},
                     {QStringLiteral("warningDays"), decision.expiryWarningDays}}},
        {QStringLiteral("policy"), guard.policy().toJson()},
    };
    if (const QString contact = m_users.helpContact(); !contact.isEmpty())
        reply[QStringLiteral("help")] = QJsonObject{{QStringLiteral("contact"), contact}};
    // Where UID badges are allowed, the key of the terminals' UID digests (the user items of /changes carry only
    // those digests), so a terminal can recognise a badge offline without the UID being stored anywhere.
    if (m_users.allowsUidBadges())
        reply[QStringLiteral("uidDigestKey")] = QString::fromLatin1(m_users.uidTerminalKey().toQByteArrayUnsafe().toBase64());
    // Only a live certificate: after a revocation the terminal must certify a new key (issue 10).
    if (const auto cert = m_certs.currentCertificateOf(userId))
        reply[QStringLiteral("certificate")] = QString::fromLatin1(cert->toPem());
    return reply;
}

void SessionService::refuseAudited(const QString& terminalId, const QString& userId, const LoginDecision& decision)
{
    try {
        refuse(decision);
    } catch (const HubError& e) {
        // Issue 14: a login refused on the account's state (locked, throttled, disabled, password to change…).
        m_db.transaction([&] {
            HubAuditLog(m_db).append(userId, QStringLiteral("session.refused"),
                                     {{QStringLiteral("user"), userId}, {QStringLiteral("terminal"), terminalId},
                                      {QStringLiteral("code"), e.code()}});
        });
        throw;
    }
}

QString SessionService::userForToken(const QString& terminalId, const QString& bearerToken)
{
    const QByteArray token = QByteArray::fromBase64(bearerToken.toLatin1(), QByteArray::Base64UrlEncoding);
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id"
                                           " WHERE s.token_hash = ? AND s.terminal_id = ? AND s.expires_at > ? AND u.status = 'active'"),
                            {hashHex(token), terminalId, now});
    if (token.size() != 32 || !q.next())
        throw HubError(QStringLiteral("session_invalid"), tr("The session has expired or is not valid here. Log in again."), 401);
    return q.value(0).toString();
}

QString SessionService::terminalName(const QString& terminalId)
{
    if (terminalId.isEmpty())
        return QString();
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT name FROM terminals WHERE id = ?"), {terminalId});
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace ward::hub
