#pragma once

#include "card/CardIdentity.h"
#include "crypto/SecureBytes.h"

#include <QString>

namespace ward {

// AUTH-6: a change needs the old (or temporary) password; the same card as the login.
struct PasswordChangeRequest
{
    QString userId;
    SecureBytes oldPassword;
    SecureBytes newPassword;
    CardIdentity card;
    QString reader;
    QString fallbackCode;
};

struct PasswordChangeVerdict
{
    enum class Outcome { Changed, WrongOldPassword, Rejected, Locked, HubUnreachable, Failed };
    Outcome outcome = Outcome::Failed;
    QString message;  // translated
};

} // namespace ward

Q_DECLARE_METATYPE(ward::PasswordChangeVerdict)
