#include "auth/PasswordRules.h"

#include "crypto/Argon2Kdf.h"

#include <QCoreApplication>
#include <algorithm>

namespace ward {

namespace {

bool isContinuation(std::uint8_t b)
{
    return (b & 0xC0) == 0x80;
}

// Walks UTF-8 strictly (no overlongs, no surrogates, nothing above U+10FFFF) and refuses C0/C1
// control characters and DEL. Returns the code point count or -1.
int strictCodePoints(const SecureBytes& s, int* classes)
{
    int count = 0;
    int seen = 0;
    const std::uint8_t* p = s.data();
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const std::uint8_t b = p[i];
        if (b < 0x80) {
            if (b < 0x20 || b == 0x7F)
                return -1;
            if (b >= 'a' && b <= 'z')
                seen |= PasswordRules::Lower;
            else if (b >= 'A' && b <= 'Z')
                seen |= PasswordRules::Upper;
            else if (b >= '0' && b <= '9')
                seen |= PasswordRules::Digit;
            else
                seen |= PasswordRules::Symbol;
            ++i;
            ++count;
            continue;
        }
        int len = 0;
        std::uint8_t lo = 0x80;
        std::uint8_t hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
            if (b == 0xC2)
                lo = 0xA0; // U+0080..U+009F are C1 controls
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            if (b == 0xE0)
                lo = 0xA0;
            else if (b == 0xED)
                hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            if (b == 0xF0)
                lo = 0x90;
            else if (b == 0xF4)
                hi = 0x8F;
        } else {
            return -1;
        }
        if (i + static_cast<std::size_t>(len) > n)
            return -1;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return -1;
        for (int k = 2; k < len; ++k) {
            if (!isContinuation(p[i + static_cast<std::size_t>(k)]))
                return -1;
        }
        // Kana, kanji, full-width forms: none of the ASCII classes, so they count as symbols.
        seen |= PasswordRules::Symbol;
        i += static_cast<std::size_t>(len);
        ++count;
    }
    if (classes)
        *classes = seen;
    return count;
}

bool containsIgnoringAsciiCase(const SecureBytes& haystack, const QString& needle)
{
    if (needle.isEmpty())
        return false;
    const QByteArray n = needle.toUtf8().toLower();
    auto lower = [](std::uint8_t c) { return (c >= 'A' && c <= 'Z') ? static_cast<std::uint8_t>(c + 32) : c; };
    const std::uint8_t* begin = haystack.data();
    const std::uint8_t* end = begin + haystack.size();
    return std::search(begin, end, n.constBegin(), n.constEnd(), [&](std::uint8_t a, char b) {
               return lower(a) == static_cast<std::uint8_t>(b);
           }) != end;
}

} // namespace

int PasswordRules::characterCount(const SecureBytes& candidate)
{
    return strictCodePoints(candidate, nullptr);
}

int PasswordRules::characterClasses(const SecureBytes& candidate)
{
    int classes = 0;
    if (strictCodePoints(candidate, &classes) < 0)
        return 0;
    return classes;
}

QList<PasswordRules::Violation> PasswordRules::check(const SecureBytes& candidate, const QString& userId,
                                                     const QStringList& historyVerifiers,
                                                     const PasswordPolicy& policy,
                                                     const QStringList& extraVerifiers)
{
    QList<Violation> out;
    auto add = [&](Kind k) { out.append(Violation{k, message(k, policy)}); };

    // Four bytes per code point at most: anything longer is over the limit without decoding it.
    if (candidate.size() > static_cast<std::size_t>(policy.maxLength) * 4) {
        add(Kind::TooLong);
        return out;
    }
    int classes = 0;
    const int length = strictCodePoints(candidate, &classes);
    if (length < 0) {
        add(Kind::InvalidCharacters);
        return out;
    }
    if (length < policy.minLength)
        add(Kind::TooShort);
    if (length > policy.maxLength)
        add(Kind::TooLong);
    const int classCount = ((classes & Lower) ? 1 : 0) + ((classes & Upper) ? 1 : 0) + ((classes & Digit) ? 1 : 0)
                           + ((classes & Symbol) ? 1 : 0);
    if (classCount < policy.minCharacterClasses)
        add(Kind::TooFewCharacterClasses);
    if (containsIgnoringAsciiCase(candidate, userId))
        add(Kind::ContainsUserId);

    // Argon2 verification is the slow part (~250 ms each in production), so it runs only for an
    // otherwise acceptable, non-empty candidate.
    if (out.isEmpty()) {
        QStringList verifiers = historyVerifiers.mid(0, policy.historyGenerations);
        verifiers += extraVerifiers;
        for (const QString& verifier : std::as_const(verifiers)) {
            if (!verifier.isEmpty() && Argon2Kdf::verifyEncoded(verifier, candidate)) {
                add(Kind::ReusedPassword);
                break;
            }
        }
    }
    return out;
}

QString PasswordRules::message(Kind kind, const PasswordPolicy& policy)
{
    switch (kind) {
    case Kind::TooShort:
        return QCoreApplication::translate("PasswordRules", "The password is too short: use at least %n character(s).",
                                           nullptr, policy.minLength);
    case Kind::TooLong:
        return QCoreApplication::translate("PasswordRules", "The password is too long: use at most %n character(s).",
                                           nullptr, policy.maxLength);
    case Kind::TooFewCharacterClasses:
        return QCoreApplication::translate("PasswordRules",
                                           "Use at least %n of these kinds of characters: lower-case letters, "
                                           "upper-case letters, digits, symbols.",
                                           nullptr, policy.minCharacterClasses);
    case Kind::ContainsUserId:
        return QCoreApplication::translate("PasswordRules", "The password must not contain your user ID.");
    case Kind::ReusedPassword:
        return QCoreApplication::translate("PasswordRules",
                                           "This password was used recently. Choose one that differs from your "
                                           "last %n password(s).",
                                           nullptr, policy.historyGenerations);
    case Kind::InvalidCharacters:
        return QCoreApplication::translate("PasswordRules",
                                           "The password contains a control character or invalid text. Use "
                                           "letters, digits and symbols.");
    }
    return QString();
}

} // namespace ward
