#include "crypto/Digest.h"

#include "crypto/CryptoError.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace ward::Digest {

QByteArray sha256(const QByteArray& data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), reinterpret_cast<unsigned char*>(out.data()),
                   &len, EVP_sha256(), nullptr) != 1)
        throw CryptoError("EVP_Digest(SHA-256) failed");
    return out;
}

QByteArray hmacSha256(const QByteArray& key, const QByteArray& data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.constData(), key.size(), reinterpret_cast<const unsigned char*>(data.constData()),
              static_cast<size_t>(data.size()), reinterpret_cast<unsigned char*>(out.data()), &len))
        throw CryptoError("HMAC-SHA-256 failed");
    return out;
}

} // namespace ward::Digest
