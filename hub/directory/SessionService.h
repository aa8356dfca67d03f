#pragma once

#include "auth/LoginDecision.h"
#include "crypto/SecureBytes.h"
#include "hub/directory/LoginAttempts.h"

#include "hub/HubError.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace ward::hub {

class EmergencyAccounts;
class FallbackCodes;
class HubDatabase;
class StaffCertificates;
class UserDirectory;

// Online login (the hub is authoritative when reachable): card proof + password → a short-lived session token
// (random 256 bits; only its SHA-256 is stored). AUTH-1: both factors are checked before anything else is
// revealed; unknown user, wrong password and wrong card all answer the same "login_failed" after the same
// Argon2id work, and an unknown id is throttled and locked like a real one (LoginAttempts' decoy accounts).
// AUTH-5: every attempt is counted in the database before its password is checked (LoginAttempts), so
// parallel guesses meet the non-response delay and the lockout one after the other.
class SessionService
{
public:
    static constexpr int kChallengeSeconds = 120;
    // The token only authorises hub calls made for this login (staff certificate); the terminal's own session
    // rules (idle lock, AUTH-10 privileged limit from the policy) govern the chart session.
    static constexpr int kTokenMinutes = 60;

    SessionService(HubDatabase& db, UserDirectory& users, StaffCertificates& certs, FallbackCodes& fallbackCodes,
                   EmergencyAccounts& emergencyAccounts);

    // A one-time card challenge for this terminal (base64).
    QString challenge(const QString& terminalId);
    // The /api/v1/session request body → response JSON, or HubError (401 login_failed, 403 account_locked /
    // account_disabled, 400 bad_request).
    QJsonObject login(const QString& terminalId, const QJsonObject& request);
    // AUTH-2: {userId, code, password} → the login reply plus "fallback": true; the code is spent in the same
    // transaction as the session. A wrong, used or expired code is one failed attempt and answers 401
    // fallback_code_invalid; a wrong password answers login_failed (code stays unused); account rules as login.
    QJsonObject fallbackLogin(const QString& terminalId, const QJsonObject& request);
    // BCP-1: {accountId, password, realName, reason, test} for a ward's emergency account (EmergencyAccounts). Charged
    // and locked like any login; the letter's password does not age (it is replaced after every use). A real use →
    // the login reply plus "emergency": {realName, reason, ward, sessionMinutes, usableUntil}; a test → {"test": true,
    // "emergency": {…}} and no session. Refusals as login, plus 403 emergency_account_spent / emergency_not_active.
    QJsonObject emergencyLogin(const QString& terminalId, const QJsonObject& request);
    // Issue 12: a `wardhub` command that acts for a person (review, export, fallback code) proves that person by
    // their password typed at the hub console (`place`, e.g. "console@<host>"). Charged like a login before the
    // password is checked (AUTH-1/5: delay, lockout, decoy for unknown ids); a right password takes the charge
    // back and opens no session. Throws the login refusals (login_failed 401, account_locked 403, throttled 429,
    // password_change_required 403 for a temporary or expired password); nothing else changes.
    void provePassword(const QString& place, const QString& userId, const SecureBytes& password);
    // AUTH-6/7: {userId, password (old or temporary), newPassword, cardProof | code} → the same reply as login,
    // with the new password in force; HubError password_rejected (400) lists the rule violations. With `code`
    // (AUTH-2, broken card) the one-time code stands in for the card as in fallbackLogin: it is spent with the
    // session and the reply carries "fallback": true.
    QJsonObject changePassword(const QString& terminalId, const QJsonObject& request);
    // The user behind a live token issued to this terminal; HubError 401 session_invalid otherwise.
    QString userForToken(const QString& terminalId, const QString& bearerToken);

private:
    bool checkCard(const QString& terminalId, const QString& userId, const QJsonObject& proof);
    // HubError 403 uid_badge_not_allowed for a UID proof the hospital's policy does not allow.
    void requireAllowedCard(const QJsonObject& proof);
    // In one transaction: decide() (reading the row-locked state), store its state, and on Ok a session token;
    // Ok → token + profile (AUTH-9 data from the decision); other outcomes → HubError.
    // onSession runs inside the session's transaction (after the token row), only when a session is issued.
    // factor: how the first factor was proven ("piv", "uid" or "code"), kept with the session: only a card session
    // can act as an administrator (issue 12).
    QJsonObject answer(const QString& terminalId, const QString& userId, const QString& factor,
                       const std::function<LoginDecision()>& decide,
                       const std::function<void()>& onSession = {});
    // A charged attempt whose card, code or password was wrong: audits a lock it caused, then throws
    // account_locked, or `wrong` (login_failed / fallback_code_invalid).
    [[noreturn]] void refuseCharged(const QString& terminalId, const QString& userId, const LoginAttempts::Charge& charge,
                                    const HubError& wrong, const QString& lockReason);
    // refuse() for this decision, the refusal audited first as session.refused with its code (issue 14).
    [[noreturn]] void refuseAudited(const QString& terminalId, const QString& userId, const LoginDecision& decision);
    // The session issued after a proven password, on the current state with the attempt's charge taken back.
    QJsonObject succeed(const QString& terminalId, const QString& userId, const QString& factor, const LoginAttempts::Charge& charge,
                        const AccountGuard& guard, const std::function<void()>& onSession = {});
    // Spends the fallback code with the session and flags it for review (AUTH-2).
    std::function<void()> spendFallbackCode(const QString& terminalId, const QString& userId, const QString& codeId);

    QString terminalName(const QString& terminalId);

    HubDatabase& m_db;
    UserDirectory& m_users;
    StaffCertificates& m_certs;
    FallbackCodes& m_fallbackCodes;
    EmergencyAccounts& m_emergency;
    LoginAttempts m_attempts;
};

} // namespace ward::hub
