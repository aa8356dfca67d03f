#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>

namespace ward::Aead {

// AES-256-GCM (CRYPTREC; EX-3). Sealed form: 12-byte random nonce || ciphertext || 16-byte tag.
// The associated data binds a ciphertext to its context (slot id, record id) so it cannot be moved.
constexpr int kKeySize = 32;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;

QByteArray seal(const SecureBytes& key, const QByteArray& plaintext, const QByteArray& aad);
QByteArray sealSecret(const SecureBytes& key, const SecureBytes& plaintext, const QByteArray& aad);

// False when the key is wrong or the data was altered; out is untouched then.
bool open(const SecureBytes& key, const QByteArray& sealed, const QByteArray& aad, QByteArray* out);
bool openSecret(const SecureBytes& key, const QByteArray& sealed, const QByteArray& aad, SecureBytes* out);

} // namespace ward::Aead
