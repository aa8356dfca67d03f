#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <memory>

namespace ward {

class Vault;
struct UserSession;

// What a LoginBackend decided about one login attempt (online: the hub's answer; offline: the vault slot
// and the cached account state). Carries everything the login screen shows and the session needs.
struct LoginVerdict
{
    enum class Outcome {
        Ok,
        WrongPassword,        // remainingAttempts (-1 when the backend does not say) and delayMs
        Throttled,            // AUTH-5: inside the non-response delay (delayMs)
        Locked,
        Disabled,
        Retired,
        PasswordExpired,      // right password, too old: change required
        MustChangeTemporary,  // AUTH-7: temporary password: change required
        TemporaryExpired,
        CardNotBound,         // the card's key or UID is not bound to this user
        HubUnreachable,       // network or TLS failure: the caller may try offline
        FirstLoginNeedsHub,   // offline, and this terminal has no slot for the user
        FallbackCodeInvalid,  // AUTH-2: wrong, used or expired one-time code
        EmergencyTested,      // BCP-1: the periodic test of an emergency account passed; no session
        EmergencyUnavailable, // BCP-1: the emergency account is not approved yet, or closed after its use period
        Failed,               // anything else (message says what)
    };

    Outcome outcome = Outcome::Failed;
    QString message;           // translated; empty means "use the default text for the outcome"
    int remainingAttempts = -1;
    qint64 delayMs = 0;
    bool online = false;

    // Filled on Ok.
    QString displayName;
    QStringList roles;
    QStringList compartments;
    bool privileged = false;
    QString token;             // the hub's session token (online only)
    // Online only: the serial of the user's staff certificate the hub still honours ("" = none: certify a new key).
    QString liveCertificateSerial;
    // AUTH-9
    QDateTime previousSuccessAt;
    QString previousSuccessTerminal;
    QString previousSuccessTerminalName;  // as IT named it at enrolment; empty offline
    int failuresSincePreviousSuccess = 0;
    int expiryWarningDays = -1;
    // Filled on Ok and on the change outcomes: the history to check a new password against locally
    // (offline cache; the hub checks its own authoritatively).
    QStringList passwordHistory;
    std::shared_ptr<Vault> vault;
    // BCP-1, on Ok for an emergency account: the hub's session length and the end of the account's use period.
    bool emergency = false;
    QString emergencyRealName;
    int emergencySessionMinutes = 0;
    QDateTime emergencyUsableUntil;

    bool allowsSession() const { return outcome == Outcome::Ok; }
    bool requiresPasswordChange() const
    {
        return outcome == Outcome::PasswordExpired || outcome == Outcome::MustChangeTemporary;
    }
    // The session an Ok verdict starts for `userId` at `terminalId` (login, and takeover at the lock screen).
    UserSession sessionFor(const QString& userId, const QString& terminalId) const;
    // The message, or the default translated text for the outcome.
    QString text() const;
    static const char* code(Outcome outcome);
};

} // namespace ward

Q_DECLARE_METATYPE(ward::LoginVerdict)
