#pragma once

#include "auth/AccountState.h"
#include "auth/PasswordRules.h"
#include "crypto/SecureBytes.h"

#include <QList>
#include <QString>

namespace ward {

// The result of an administrative or self-service change to an account (unlock, disable, enable,
// retire, issue, reset, change password). On error, state is the input state unless the attempt
// itself must be remembered (a wrong old password counts, AUTH-6), so the caller always stores state.
struct AccountChange
{
    enum class Error {
        None,
        AccountRetired,       // AUTH-3: retired is final
        AccountDisabled,
        AccountLocked,
        NotLocked,
        AlreadyActive,
        AlreadyDisabled,
        InvalidActor,         // the acting admin's ID is not a valid user ID
        SelfAdministration,   // an admin acting on their own account
        IdentityNotVerified,  // AUTH-12
        OldPasswordWrong,     // remainingAttempts set; lockedNow when the limit was reached
        PasswordRejected,     // violations set
        TemporaryExpired,     // AUTH-7
        InvalidUserId,
    };

    Error error = Error::None;
    QString message;
    AccountState state;

    int remainingAttempts = 0;
    bool lockedNow = false;
    QList<PasswordRules::Violation> violations;
    // Issue / reset: the temporary password for the sealed letter (shown once, never stored).
    SecureBytes temporaryPassword;
    // Issue / reset / change: the new login verifier the hub directory stores.
    QString newVerifier;

    bool ok() const { return error == Error::None; }
    static QString describe(Error error);
};

} // namespace ward
