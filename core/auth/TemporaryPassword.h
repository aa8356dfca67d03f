#pragma once

#include "auth/PasswordPolicy.h"
#include "crypto/SecureBytes.h"

#include <QString>

namespace ward {

// AUTH-7 / 002 §2.6.14(17): the temporary password printed on reception's sealed letter. Random from
// the CSPRNG, and readable: no characters that look alike on paper (0/O/o, 1/l/I), and only symbols
// that are easy to find on a Japanese keyboard. It always passes PasswordRules for the given policy,
// so the first-login change never fails because of the password reception issued.
class TemporaryPassword
{
public:
    static const char kLower[];
    static const char kUpper[];
    static const char kDigits[];
    static const char kSymbols[];

    // UTF-8 (ASCII) bytes, policy.temporaryPasswordLength long (clamped to the policy's length range),
    // with at least one character of every class, and never containing userId.
    static SecureBytes generate(const PasswordPolicy& policy, const QString& userId = QString());
};

} // namespace ward
