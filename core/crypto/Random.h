#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>

namespace ward::Random {

// Bytes from OpenSSL's CSPRNG. Throws CryptoError if the generator is not seeded.
QByteArray bytes(int count);
SecureBytes secureBytes(std::size_t count);
// An RFC 4122 version-4 UUID in lower-case text form without braces.
QString uuid();

} // namespace ward::Random
