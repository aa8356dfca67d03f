#include "hub/maintenance/BackupFormat.h"

#include "crypto/Digest.h"

#include <QtEndian>

namespace ward::hub {

SecureBytes BackupFormat::encryptionKey(const SecureBytes& keys)
{
    return SecureBytes(keys.data(), 32);
}

QByteArray BackupFormat::headerMac(const SecureBytes& keys, const QByteArray& headerLine)
{
    return Digest::hmacSha256(QByteArray(reinterpret_cast<const char*>(keys.data()) + 32, 32), headerLine).toHex();
}

QByteArray BackupFormat::keyCheck(const SecureBytes& keys)
{
    return headerMac(keys, QByteArrayLiteral("wardhub backup key check")).left(16);
}

QByteArray BackupFormat::partAad(const QByteArray& headerLine, quint64 part, bool final)
{
    QByteArray aad = Digest::sha256(headerLine);
    char number[8];
    qToBigEndian(part, number);
    aad.append(number, 8);
    aad.append(final ? '\1' : '\0');
    return aad;
}

} // namespace ward::hub
