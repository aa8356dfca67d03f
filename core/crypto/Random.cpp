#include "crypto/Random.h"

#include "crypto/CryptoError.h"

#include <QUuid>
#include <openssl/rand.h>

namespace ward::Random {

QByteArray bytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1)
        throw CryptoError("RAND_bytes failed");
    return out;
}

SecureBytes secureBytes(std::size_t count)
{
    SecureBytes out(count);
    if (count > 0 && RAND_bytes(out.data(), static_cast<int>(count)) != 1)
        throw CryptoError("RAND_bytes failed");
    return out;
}

QString uuid()
{
    QByteArray b = bytes(16);
    b[6] = static_cast<char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<char>((b[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(b).toString(QUuid::WithoutBraces);
}

} // namespace ward::Random
