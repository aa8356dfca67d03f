#include "auth/TemporaryPassword.h"

#include "crypto/Random.h"

#include <QByteArray>
#include <algorithm>
#include <cstring>

namespace ward {

const char TemporaryPassword::kLower[] = "abcdefghijkmnpqrstuvwxyz";
const char TemporaryPassword::kUpper[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const char TemporaryPassword::kDigits[] = "23456789";
const char TemporaryPassword::kSymbols[] = "#%+=?@*";

namespace {

// Uniform in [0, n) by rejection sampling: a plain modulo would favour the first characters.
std::uint32_t uniformBelow(std::uint32_t n)
{
    const std::uint32_t limit = UINT32_MAX - (UINT32_MAX % n);
    for (;;) {
        const QByteArray raw = Random::bytes(4);
        std::uint32_t v = 0;
        std::memcpy(&v, raw.constData(), sizeof v);
        if (v < limit)
            return v % n;
    }
}

char pick(const char* set)
{
    return set[uniformBelow(static_cast<std::uint32_t>(std::strlen(set)))];
}

bool containsIgnoringCase(const SecureBytes& s, const QByteArray& needle)
{
    if (needle.isEmpty() || needle.size() > static_cast<qsizetype>(s.size()))
        return false;
    const QByteArray lowerNeedle = needle.toLower();
    for (std::size_t i = 0; i + static_cast<std::size_t>(needle.size()) <= s.size(); ++i) {
        bool match = true;
        for (qsizetype k = 0; k < lowerNeedle.size() && match; ++k) {
            std::uint8_t c = s.data()[i + static_cast<std::size_t>(k)];
            if (c >= 'A' && c <= 'Z')
                c = static_cast<std::uint8_t>(c + 32);
            match = c == static_cast<std::uint8_t>(lowerNeedle[k]);
        }
        if (match)
            return true;
    }
    return false;
}

} // namespace

SecureBytes TemporaryPassword::generate(const PasswordPolicy& policy, const QString& userId)
{
    // Four characters at least, one per class; a policy that cannot hold them was refused by validate().
    const int shortest = std::max(policy.minLength, 4);
    const int length = std::clamp(policy.temporaryPasswordLength, shortest, std::max(shortest, policy.maxLength));
    const std::string all = std::string(kLower) + kUpper + kDigits + kSymbols;
    const QByteArray id = userId.toUtf8();
    for (;;) {
        SecureBytes out(static_cast<std::size_t>(length));
        std::uint8_t* p = out.data();
        // One of each class first so any complexity setting (up to all four) is met, then the rest
        // from the whole alphabet, then a Fisher–Yates shuffle so the classes sit anywhere.
        p[0] = static_cast<std::uint8_t>(pick(kLower));
        p[1] = static_cast<std::uint8_t>(pick(kUpper));
        p[2] = static_cast<std::uint8_t>(pick(kDigits));
        p[3] = static_cast<std::uint8_t>(pick(kSymbols));
        for (int i = 4; i < length; ++i)
            p[i] = static_cast<std::uint8_t>(pick(all.c_str()));
        for (int i = length - 1; i > 0; --i)
            std::swap(p[i], p[uniformBelow(static_cast<std::uint32_t>(i + 1))]);
        // Practically never (a 10-character ID inside a 12-character random string); retry, not patch.
        if (!containsIgnoringCase(out, id))
            return out;
    }
}

} // namespace ward
