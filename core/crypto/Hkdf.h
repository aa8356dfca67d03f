#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>

namespace ward::Hkdf {

// HKDF-SHA-256 (RFC 5869). Used to mix independent secrets (password-derived key and card secret)
// into one key-encryption key, with `info` naming the purpose so keys never serve two roles.
SecureBytes sha256(const SecureBytes& ikm, const QByteArray& salt, const QByteArray& info, std::size_t length);

} // namespace ward::Hkdf
