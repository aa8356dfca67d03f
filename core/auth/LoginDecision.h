#pragma once

#include "auth/AccountState.h"

#include <QDateTime>
#include <QString>

namespace ward {

// What AccountGuard decided about one login attempt, and the account state to store afterwards
// (the caller persists newState whatever the outcome: failures and locks must never be lost).
struct LoginDecision
{
    enum class Outcome {
        Ok,
        WrongPassword,       // remainingAttempts and delayMs are set
        Throttled,           // inside the non-response delay: refused without counting (retryAfterMs)
        Locked,              // lockedNow tells whether this very attempt caused it
        Disabled,
        Retired,
        PasswordExpired,     // password right but too old: the change-password flow must follow
        MustChangeTemporary, // temporary password right: the change-password flow must follow
        TemporaryExpired,    // temporary password right but void: reception must issue a new one
    };

    Outcome outcome = Outcome::Locked;
    AccountState newState;

    int remainingAttempts = 0;
    qint64 delayMs = 0;
    qint64 retryAfterMs = 0;
    // AUTH-5: the account locked on this attempt; the hub alerts the administrators.
    bool lockedNow = false;

    // AUTH-9, filled on Ok: the previous successful login and the failures since it.
    QDateTime previousSuccessAt;
    QString previousSuccessTerminal;
    int failuresSincePreviousSuccess = 0;
    QDateTime lastFailureAt;
    QString lastFailureTerminal;
    // AUTH-6: days until the password expires when within warnDays, else -1.
    int expiryWarningDays = -1;

    // A session may start only on Ok; the change outcomes lead to the change flow, not the chart.
    bool allowsSession() const { return outcome == Outcome::Ok; }
    bool requiresPasswordChange() const
    {
        return outcome == Outcome::PasswordExpired || outcome == Outcome::MustChangeTemporary;
    }
    // Readable English (translated) text for the login screen.
    QString message() const;
};

} // namespace ward
