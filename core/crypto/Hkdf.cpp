#include "crypto/Hkdf.h"

#include "crypto/CryptoError.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/kdf.h>

namespace ward::Hkdf {

SecureBytes sha256(const SecureBytes& ikm, const QByteArray& salt, const QByteArray& info, std::size_t length)
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr),
                                                                    &EVP_PKEY_CTX_free);
    SecureBytes out(length);
    size_t outLen = length;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 || EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) <= 0
        || EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), ikm.data(), static_cast<int>(ikm.size())) <= 0
        || EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), reinterpret_cast<const unsigned char*>(salt.constData()),
                                       static_cast<int>(salt.size())) <= 0
        || EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), reinterpret_cast<const unsigned char*>(info.constData()),
                                       static_cast<int>(info.size())) <= 0
        || EVP_PKEY_derive(ctx.get(), out.data(), &outLen) <= 0 || outLen != length)
        throw CryptoError("HKDF-SHA-256 failed");
    return out;
}

} // namespace ward::Hkdf
