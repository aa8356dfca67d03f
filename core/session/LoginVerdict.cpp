#include "session/LoginVerdict.h"

#include "session/UserSession.h"
#include "util/Clock.h"
#include "vault/Vault.h"

#include <QCoreApplication>

namespace ward {

UserSession LoginVerdict::sessionFor(const QString& userId, const QString& terminalId) const
{
    UserSession s;
    s.userId = userId;
    s.displayName = displayName;
    s.roles = roles;
    s.compartments = compartments;
    s.privileged = privileged;
    s.loginAt = Clock::instance().nowUtc();
    s.terminalId = terminalId;
    s.vault = vault.get();
    s.previousLoginAt = previousSuccessAt;
    s.previousLoginTerminal = previousSuccessTerminal;
    s.previousLoginTerminalName = previousSuccessTerminalName;
    s.failedAttemptsSincePreviousLogin = failuresSincePreviousSuccess;
    s.passwordExpiresInDays = expiryWarningDays;
    s.online = online;
    s.emergency = emergency;
    s.emergencyRealName = emergencyRealName;
    s.emergencySessionMinutes = emergencySessionMinutes;
    s.emergencyUsableUntil = emergencyUsableUntil;
    return s;
}

QString LoginVerdict::text() const
{
    if (!message.isEmpty())
        return message;
    switch (outcome) {
    case Outcome::Ok:
        return QString();
    case Outcome::WrongPassword:
        if (remainingAttempts >= 0)
            return QCoreApplication::translate("LoginVerdict", "The password is not correct. %n attempt(s) left before "
                                                               "the account is locked.",
                                               nullptr, remainingAttempts);
        return QCoreApplication::translate("LoginVerdict", "The password is not correct. Type it again.");
    case Outcome::Throttled:
        return QCoreApplication::translate("LoginVerdict", "Please wait %n second(s) before trying again.", nullptr,
                                           static_cast<int>((delayMs + 999) / 1000));
    case Outcome::Locked:
        return QCoreApplication::translate("LoginVerdict", "This account is locked after too many failed attempts. Ask "
                                                           "an administrator to unlock it.");
    case Outcome::Disabled:
        return QCoreApplication::translate("LoginVerdict", "This user ID is disabled. Ask reception to re-enable it.");
    case Outcome::Retired:
        return QCoreApplication::translate("LoginVerdict", "This user ID has been retired and can no longer be used.");
    case Outcome::PasswordExpired:
        return QCoreApplication::translate("LoginVerdict", "Your password has expired. Choose a new password to "
                                                           "continue.");
    case Outcome::MustChangeTemporary:
        return QCoreApplication::translate("LoginVerdict", "You are using a temporary password. Choose your own "
                                                           "password to continue.");
    case Outcome::TemporaryExpired:
        return QCoreApplication::translate("LoginVerdict", "Your temporary password has expired. Ask reception for a "
                                                           "new one.");
    case Outcome::CardNotBound:
        return QCoreApplication::translate("LoginVerdict", "This card is not registered to this user ID. Use your own "
                                                           "card or ask reception to register it.");
    case Outcome::HubUnreachable:
        return QCoreApplication::translate("LoginVerdict", "The hub cannot be reached. Check the network cable or ask "
                                                           "IT.");
    case Outcome::FirstLoginNeedsHub:
        return QCoreApplication::translate("LoginVerdict", "Your first login on this terminal needs the hub, which "
                                                           "cannot be reached now. Use a terminal that is online or ask "
                                                           "IT.");
    case Outcome::FallbackCodeInvalid:
        return QCoreApplication::translate("LoginVerdict", "The one-time code is not valid (wrong, already used or "
                                                           "expired). Ask reception for a new code.");
    case Outcome::EmergencyTested:
        return QCoreApplication::translate("LoginVerdict", "Test passed: the emergency account and its letter work. No "
                                                           "session was opened; the test is recorded.");
    case Outcome::EmergencyUnavailable:
        return QCoreApplication::translate("LoginVerdict", "This emergency account cannot be used now. Call IT.");
    case Outcome::Failed:
        return QCoreApplication::translate("LoginVerdict", "Login failed. Try again or ask IT.");
    }
    return QString();
}

const char* LoginVerdict::code(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok: return "ok";
    case Outcome::WrongPassword: return "wrong-password";
    case Outcome::Throttled: return "throttled";
    case Outcome::Locked: return "locked";
    case Outcome::Disabled: return "disabled";
    case Outcome::Retired: return "retired";
    case Outcome::PasswordExpired: return "password-expired";
    case Outcome::MustChangeTemporary: return "temporary-password";
    case Outcome::TemporaryExpired: return "temporary-expired";
    case Outcome::CardNotBound: return "card-not-bound";
    case Outcome::HubUnreachable: return "hub-unreachable";
    case Outcome::FirstLoginNeedsHub: return "first-login-needs-hub";
    case Outcome::FallbackCodeInvalid: return "fallback-code-invalid";
    case Outcome::EmergencyTested: return "emergency-tested";
    case Outcome::EmergencyUnavailable: return "emergency-unavailable";
    case Outcome::Failed: return "failed";
    }
    return "failed";
}

} // namespace ward
