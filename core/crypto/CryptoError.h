#pragma once

#include <stdexcept>
#include <string>

namespace ward {

// An OpenSSL or libargon2 call failed in a way that is a bug or a broken platform, not bad input:
// bad input is reported through each API's own result type.
class CryptoError : public std::runtime_error
{
public:
    explicit CryptoError(const std::string& what)
        : std::runtime_error(what)
    {
    }
};

} // namespace ward
