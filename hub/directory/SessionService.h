#pragma once

#include "auth/LoginDecision.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace ward::hub {

class FallbackCodes;
class HubDatabase;
class StaffCertificates;
class UserDirectory;

// Online login (the hub is authoritative when reachable): card proof + password → a short-lived session token
// (random 256 bits; only its SHA-256 is stored). AUTH-1: both factors are checked before anything else is
// revealed; unknown user, wrong password and wrong card all answer the same "login_failed".
class SessionService
{
public:
    static constexpr int kChallengeSeconds = 120;
    // The token only authorises hub calls made for this login (staff certificate); the terminal's own session
    // rules (idle lock, AUTH-10 privileged limit from the policy) govern the chart session.
    static constexpr int kTokenMinutes = 60;

    SessionService(HubDatabase& db, UserDirectory& users, StaffCertificates& certs, FallbackCodes& fallbackCodes);

    // A one-time card challenge for this terminal (base64).
    QString challenge(const QString& terminalId);
    // The /api/v1/session request body → response JSON, or HubError (401 login_failed, 403 account_locked /
    // account_disabled, 400 bad_request).
    QJsonObject login(const QString& terminalId, const QJsonObject& request);
    // AUTH-2: {userId, code, password} → the login reply plus "fallback": true; the code is spent in the same
    // transaction as the session. A wrong, used or expired code is one failed attempt and answers 401
    // fallback_code_invalid; a wrong password answers login_failed (code stays unused); account rules as login.
    QJsonObject fallbackLogin(const QString& terminalId, const QJsonObject& request);
    // AUTH-6/7: {userId, password (old or temporary), newPassword, cardProof} → the same reply as login, with
    // the new password in force; HubError password_rejected (400) lists the rule violations.
    QJsonObject changePassword(const QString& terminalId, const QJsonObject& request);
    // The user behind a live token issued to this terminal; HubError 401 session_invalid otherwise.
    QString userForToken(const QString& terminalId, const QString& bearerToken);

private:
    bool checkCard(const QString& terminalId, const QString& userId, const QJsonObject& proof);
    // Ok decision → token + profile (AUTH-9 data from the decision); other outcomes → HubError.
    // onSession runs inside the session's transaction (after the token row), only when a session is issued.
    QJsonObject answer(const QString& terminalId, const QString& userId, const LoginDecision& decision,
                       const std::function<void()>& onSession = {});

    HubDatabase& m_db;
    UserDirectory& m_users;
    StaffCertificates& m_certs;
    FallbackCodes& m_fallbackCodes;
};

} // namespace ward::hub
