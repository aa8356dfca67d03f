#include "auth/EmergencyPassword.h"

#include "crypto/Random.h"

namespace ward {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
constexpr int kAlphabetSize = sizeof(kAlphabet) - 1;

} // namespace

QByteArray EmergencyPassword::readableSymbols(int count)
{
    QByteArray symbols;
    // Rejection sampling keeps every symbol equally likely whatever the alphabet size.
    while (symbols.size() < count) {
        QByteArray random = Random::bytes(count);
        for (const char b : random) {
            const int v = static_cast<unsigned char>(b) & 31;
            if (v < kAlphabetSize && symbols.size() < count)
                symbols += kAlphabet[v];
        }
        random.fill('\0');
    }
    return symbols;
}

SecureBytes EmergencyPassword::generate()
{
    QByteArray symbols = readableSymbols(kSymbols);
    QByteArray grouped;
    for (int i = 0; i < kSymbols; i += 4) {
        if (i > 0)
            grouped += '-';
        grouped += symbols.mid(i, 4);
    }
    symbols.fill('\0');
    SecureBytes out = SecureBytes::fromQByteArray(grouped);
    grouped.fill('\0');
    return out;
}

SecureBytes EmergencyPassword::normalise(const SecureBytes& typed)
{
    std::size_t kept = 0;
    for (std::size_t i = 0; i < typed.size(); ++i)
        if (typed.data()[i] != '-' && typed.data()[i] != ' ' && typed.data()[i] != '\t')
            ++kept;
    SecureBytes out(kept);
    std::size_t o = 0;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const std::uint8_t c = typed.data()[i];
        if (c == '-' || c == ' ' || c == '\t')
            continue;
        out.data()[o++] = (c >= 'a' && c <= 'z') ? std::uint8_t(c - 'a' + 'A') : c;
    }
    return out;
}

} // namespace ward
