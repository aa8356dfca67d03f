#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace ward {

// An EC P-256 key (EX-3: ECDSA P-256), private or public-only. Owns its EVP_PKEY; movable, not copyable,
// so a private key exists in one place and is freed (and scrubbed by OpenSSL) with its owner.
// Thread safety: const methods may be called from several threads at once.
class KeyPair
{
public:
    KeyPair() = default;
    // Takes ownership. Does not check the curve: internal use by the PKI classes.
    explicit KeyPair(EVP_PKEY* owned);
    KeyPair(KeyPair&& other) noexcept;
    KeyPair& operator=(KeyPair&& other) noexcept;
    KeyPair(const KeyPair&) = delete;
    KeyPair& operator=(const KeyPair&) = delete;
    ~KeyPair();

    static KeyPair generateP256();
    // PKCS#8 or traditional EC PEM, unencrypted. nullopt for garbage, encrypted PEM or a key that is not P-256.
    static std::optional<KeyPair> fromPrivatePem(const SecureBytes& pem);
    // SubjectPublicKeyInfo DER of a P-256 key; nullopt otherwise (trailing bytes included).
    static std::optional<KeyPair> fromPublicDer(const QByteArray& spkiDer);
    // An uncompressed P-256 point (04 || X || Y, 65 bytes) on the curve; nullopt otherwise.
    static std::optional<KeyPair> fromPublicPoint(const QByteArray& point);

    // PKCS#8 PEM ("BEGIN PRIVATE KEY"), unencrypted: wrap it before it leaves memory. Throws CryptoError if
    // public-only.
    SecureBytes privatePem() const;
    // SubjectPublicKeyInfo DER.
    QByteArray publicDer() const;
    // The public key as an uncompressed point (04 || X || Y), as PIV key establishment carries it.
    QByteArray publicPoint() const;
    // ECDH (SP 800-56A, cofactor 1 on P-256): the X coordinate of d·peer, 32 bytes; empty for a point that is
    // not on the curve. Throws CryptoError if public-only.
    SecureBytes agree(const QByteArray& peerPoint) const;
    // ECDSA-SHA256 over data; DER-encoded ECDSA-Sig-Value. Throws CryptoError if public-only.
    QByteArray sign(const QByteArray& data) const;
    // False for a wrong, malformed or empty signature, and for a null key.
    bool verify(const QByteArray& data, const QByteArray& derSig) const;

    bool hasPrivate() const { return m_hasPrivate; }
    EVP_PKEY* get() const { return m_key; }
    bool isNull() const { return m_key == nullptr; }

private:
    EVP_PKEY* m_key = nullptr;
    bool m_hasPrivate = false;
};

} // namespace ward
