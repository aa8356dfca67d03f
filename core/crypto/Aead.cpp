#include "crypto/Aead.h"

#include "crypto/CryptoError.h"
#include "crypto/Random.h"

#include <memory>
#include <openssl/evp.h>

namespace ward::Aead {

namespace {

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

QByteArray sealRaw(const SecureBytes& key, const std::uint8_t* pt, int ptLen, const QByteArray& aad)
{
    if (key.size() != kKeySize)
        throw CryptoError("AES-256-GCM needs a 32-byte key");
    const QByteArray nonce = Random::bytes(kNonceSize);
    QByteArray out(kNonceSize + ptLen + kTagSize, Qt::Uninitialized);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    std::copy(nonce.begin(), nonce.end(), out.begin());
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    int total = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), o) != 1
        || (!aad.isEmpty()
            && EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.constData()),
                                 aad.size()) != 1)
        || EVP_EncryptUpdate(ctx.get(), o + kNonceSize, &len, pt, ptLen) != 1)
        throw CryptoError("AES-256-GCM encryption failed");
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), o + kNonceSize + total, &len) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, o + kNonceSize + ptLen) != 1)
        throw CryptoError("AES-256-GCM finalisation failed");
    return out;
}

bool openRaw(const SecureBytes& key, const QByteArray& sealed, const QByteArray& aad, std::uint8_t* out)
{
    if (key.size() != kKeySize || sealed.size() < kNonceSize + kTagSize)
        return false;
    const auto* s = reinterpret_cast<const unsigned char*>(sealed.constData());
    const int ctLen = static_cast<int>(sealed.size()) - kNonceSize - kTagSize;
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), s) != 1)
        throw CryptoError("AES-256-GCM init failed");
    if (!aad.isEmpty()
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.constData()),
                             aad.size()) != 1)
        return false;
    if (EVP_DecryptUpdate(ctx.get(), out, &len, s + kNonceSize, ctLen) != 1)
        return false;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize,
                            const_cast<unsigned char*>(s + kNonceSize + ctLen)) != 1)
        return false;
    return EVP_DecryptFinal_ex(ctx.get(), out + len, &len) == 1;
}

} // namespace

QByteArray seal(const SecureBytes& key, const QByteArray& plaintext, const QByteArray& aad)
{
    return sealRaw(key, reinterpret_cast<const std::uint8_t*>(plaintext.constData()),
                   static_cast<int>(plaintext.size()), aad);
}

QByteArray sealSecret(const SecureBytes& key, const SecureBytes& plaintext, const QByteArray& aad)
{
    return sealRaw(key, plaintext.data(), static_cast<int>(plaintext.size()), aad);
}

bool open(const SecureBytes& key, const QByteArray& sealed, const QByteArray& aad, QByteArray* out)
{
    const qsizetype ctLen = sealed.size() - kNonceSize - kTagSize;
    if (ctLen < 0)
        return false;
    QByteArray plain(ctLen, Qt::Uninitialized);
    if (!openRaw(key, sealed, aad, reinterpret_cast<std::uint8_t*>(plain.data())))
        return false;
    *out = plain;
    return true;
}

bool openSecret(const SecureBytes& key, const QByteArray& sealed, const QByteArray& aad, SecureBytes* out)
{
    const qsizetype ctLen = sealed.size() - kNonceSize - kTagSize;
    if (ctLen < 0)
        return false;
    SecureBytes plain(static_cast<std::size_t>(ctLen));
    if (!openRaw(key, sealed, aad, plain.data()))
        return false;
    *out = std::move(plain);
    return true;
}

} // namespace ward::Aead
