#pragma once

#include "auth/PasswordPolicy.h"
#include "crypto/SecureBytes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ward {

// AUTH-6 / 002 §2.6.14(18): the quality bar every new password must pass, applied identically at the
// hub (authoritative) and on the terminal (to tell the user before a round trip).
class PasswordRules
{
public:
    enum class Kind {
        TooShort,
        TooLong,
        TooFewCharacterClasses,
        ContainsUserId,
        ReusedPassword,
        // Invalid UTF-8 or control characters: cannot be typed again reliably on another terminal.
        InvalidCharacters,
    };

    struct Violation
    {
        Kind kind;
        QString message;
    };

    // Bit flags of the character classes present.
    enum CharacterClass { Lower = 1, Upper = 2, Digit = 4, Symbol = 8 };

    // candidate is UTF-8. historyVerifiers are Argon2id PHC strings, newest first; only the first
    // policy.historyGenerations are consulted (AUTH-4: history is never kept in a reversible form).
    // extraVerifiers are always consulted (e.g. the current temporary password). Every cheap violation
    // is reported, in a stable order, so the form can show them all at once; reuse (slow: one Argon2
    // verification per generation) is checked only for an otherwise acceptable candidate.
    static QList<Violation> check(const SecureBytes& candidate, const QString& userId,
                                  const QStringList& historyVerifiers, const PasswordPolicy& policy,
                                  const QStringList& extraVerifiers = {});

    // Code points in valid UTF-8, or -1 when the bytes are not valid UTF-8 / contain control characters.
    static int characterCount(const SecureBytes& candidate);
    static int characterClasses(const SecureBytes& candidate);

    static QString message(Kind kind, const PasswordPolicy& policy);
};

} // namespace ward
