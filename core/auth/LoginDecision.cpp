#include "auth/LoginDecision.h"

#include <QCoreApplication>

namespace ward {

QString LoginDecision::message() const
{
    const char* ctx = "LoginDecision";
    switch (outcome) {
    case Outcome::Ok:
        return QString();
    case Outcome::WrongPassword:
        // Which factor failed is not said beyond "password": the card was already accepted.
        return QCoreApplication::translate(ctx, "The password is not correct. %n attempt(s) left before the "
                                                "account is locked.",
                                           nullptr, remainingAttempts);
    case Outcome::Throttled:
        return QCoreApplication::translate(ctx, "Please wait %n second(s) before trying again.", nullptr,
                                           static_cast<int>((retryAfterMs + 999) / 1000));
    case Outcome::Locked:
        return QCoreApplication::translate(ctx, "This account is locked after too many failed attempts. Ask "
                                                "an administrator to unlock it.");
    case Outcome::Disabled:
        return QCoreApplication::translate(ctx, "This user ID is disabled. Ask reception to re-enable it.");
    case Outcome::Retired:
        return QCoreApplication::translate(ctx, "This user ID has been retired and can no longer be used.");
    case Outcome::PasswordExpired:
        return QCoreApplication::translate(ctx, "Your password has expired. Choose a new password to continue.");
    case Outcome::MustChangeTemporary:
        return QCoreApplication::translate(ctx, "You are using a temporary password. Choose your own password "
                                                "to continue.");
    case Outcome::TemporaryExpired:
        return QCoreApplication::translate(ctx, "Your temporary password has expired. Ask reception for a new "
                                                "one.");
    }
    return QString();
}

} // namespace ward
