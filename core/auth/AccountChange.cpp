#include "auth/AccountChange.h"

#include <QCoreApplication>

namespace ward {

QString AccountChange::describe(Error error)
{
    const char* ctx = "AccountChange";
    switch (error) {
    case Error::None:
        return QString();
    case Error::AccountRetired:
        return QCoreApplication::translate(ctx, "This user ID is retired; retired IDs are never re-enabled or "
                                                "reused.");
    case Error::AccountDisabled:
        return QCoreApplication::translate(ctx, "This user ID is disabled.");
    case Error::AccountLocked:
        return QCoreApplication::translate(ctx, "This account is locked. Ask an administrator to unlock it.");
    case Error::NotLocked:
        return QCoreApplication::translate(ctx, "This account is not locked.");
    case Error::AlreadyActive:
        return QCoreApplication::translate(ctx, "This user ID is already enabled.");
    case Error::AlreadyDisabled:
        return QCoreApplication::translate(ctx, "This user ID is already disabled.");
    case Error::InvalidActor:
        return QCoreApplication::translate(ctx, "The administrator's user ID is not valid; the change was not "
                                                "made.");
    case Error::SelfAdministration:
        return QCoreApplication::translate(ctx, "Administrators cannot make this change to their own account; "
                                                "ask another administrator.");
    case Error::IdentityNotVerified:
        return QCoreApplication::translate(ctx, "Record how the person's identity was verified before issuing "
                                                "a password.");
    case Error::OldPasswordWrong:
        return QCoreApplication::translate(ctx, "The current password is not correct.");
    case Error::PasswordRejected:
        return QCoreApplication::translate(ctx, "The new password does not meet the password policy.");
    case Error::TemporaryExpired:
        return QCoreApplication::translate(ctx, "Your temporary password has expired. Ask reception for a new "
                                                "one.");
    case Error::InvalidUserId:
        return QCoreApplication::translate(ctx, "The user ID is not valid.");
    }
    return QString();
}

} // namespace ward
