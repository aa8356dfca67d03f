#include "hub/maintenance/BackupWriter.h"

#include "crypto/Aead.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/maintenance/BackupFormat.h"
#include "hub/storage/DataKeys.h"

#include <QJsonDocument>
#include <QtEndian>

namespace ward::hub {

BackupWriter::BackupWriter(const QString& path, const QString& masterKeyPath, QJsonObject header)
    : m_path(path)
    , m_file(path)
{
    const QByteArray salt = Random::bytes(BackupFormat::kSaltSize);
    const SecureBytes keys = DataKeys::backupKeys(masterKeyPath, salt);
    m_key = BackupFormat::encryptionKey(keys);
    header.insert(QStringLiteral("format"), QLatin1String(BackupFormat::kFormat));
    header.insert(QStringLiteral("formatVersion"), BackupFormat::kVersion);
    header.insert(QStringLiteral("salt"), QString::fromLatin1(salt.toHex()));
    header.insert(QStringLiteral("keyCheck"), QString::fromLatin1(BackupFormat::keyCheck(keys)));
    m_headerLine = QJsonDocument(header).toJson(QJsonDocument::Compact);
    if (!m_file.open(QIODevice::WriteOnly))
        throw HubError(QStringLiteral("backup"), QStringLiteral("cannot write %1: %2").arg(path, m_file.errorString()));
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray start = m_headerLine + '\n' + BackupFormat::headerMac(keys, m_headerLine) + '\n';
    if (m_file.write(start) != start.size())
        throw HubError(QStringLiteral("backup"), QStringLiteral("cannot write %1: %2").arg(path, m_file.errorString()));
    m_written = start.size();
    m_part.reserve(BackupFormat::kPartSize + 4096);
}

void BackupWriter::writeLine(const QByteArray& line)
{
    m_part += line;
    m_part += '\n';
    while (m_part.size() >= BackupFormat::kPartSize)
        writePart(false);
}

void BackupWriter::writePart(bool final)
{
    const qsizetype take = final ? m_part.size() : BackupFormat::kPartSize;
    const QByteArray sealed = Aead::seal(m_key, m_part.left(take), BackupFormat::partAad(m_headerLine, m_partNumber++, final));
    m_part.remove(0, take);
    char length[4];
    qToBigEndian(quint32(sealed.size()), length);
    if (m_file.write(length, 4) != 4 || m_file.write(sealed) != sealed.size())
        throw HubError(QStringLiteral("backup"), QStringLiteral("cannot write %1: %2").arg(m_path, m_file.errorString()));
    m_written += 4 + sealed.size();
}

void BackupWriter::commit()
{
    while (m_part.size() >= BackupFormat::kPartSize)
        writePart(false);
    writePart(true);
    if (!m_file.commit())
        throw HubError(QStringLiteral("backup"), QStringLiteral("cannot complete %1: %2").arg(m_path, m_file.errorString()));
}

} // namespace ward::hub
