#include "hub/maintenance/BackupReader.h"

#include "crypto/Aead.h"
#include "hub/HubError.h"
#include "hub/maintenance/BackupFormat.h"
#include "hub/storage/DataKeys.h"

#include <QJsonDocument>
#include <QtEndian>

namespace ward::hub {

BackupReader::BackupReader(const QString& path, const QString& masterKeyPath)
    : m_path(path)
    , m_file(path)
{
    if (!m_file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot be read: %1").arg(m_file.errorString()));
    m_headerLine = m_file.readLine(64 * 1024);
    if (m_headerLine.endsWith('\n'))
        m_headerLine.chop(1);
    m_header = QJsonDocument::fromJson(m_headerLine).object();
    if (m_header.value(QStringLiteral("format")).toString() != QLatin1String(BackupFormat::kFormat))
        fail(QStringLiteral("is not a wardhub backup"));
    m_version = m_header.value(QStringLiteral("formatVersion")).toInt();
    if (m_version == 1)
        return; // plain JSON lines, from before backups were encrypted
    if (m_version != BackupFormat::kVersion)
        fail(QStringLiteral("has backup format %1, which this wardhub does not read").arg(m_version));
    const QByteArray salt = QByteArray::fromHex(m_header.value(QStringLiteral("salt")).toString().toLatin1());
    if (salt.size() != BackupFormat::kSaltSize)
        fail(QStringLiteral("was altered: its header does not authenticate"));
    const SecureBytes keys = DataKeys::backupKeys(masterKeyPath, salt);
    if (m_header.value(QStringLiteral("keyCheck")).toString().toLatin1() != BackupFormat::keyCheck(keys))
        fail(QStringLiteral("does not open with this hub's master key %1 (a backup of another hub, or the master key must first be"
                            " restored from its escrow)")
                 .arg(masterKeyPath));
    QByteArray mac = m_file.readLine(256);
    if (mac.endsWith('\n'))
        mac.chop(1);
    if (mac != BackupFormat::headerMac(keys, m_headerLine))
        fail(QStringLiteral("was altered: its header does not authenticate"));
    m_key = BackupFormat::encryptionKey(keys);
}

void BackupReader::fail(const QString& why) const
{
    throw HubError(QStringLiteral("backup-file"), QStringLiteral("the backup %1 %2").arg(m_path, why));
}

bool BackupReader::nextPart()
{
    if (m_ended)
        return false;
    char length[4];
    const qint64 got = m_file.read(length, 4);
    if (got == 0 && m_file.atEnd())
        fail(QStringLiteral("is truncated: it ends after part %1, before its last part").arg(m_partNumber));
    if (got != 4)
        fail(QStringLiteral("is truncated inside part %1").arg(m_partNumber + 1));
    const quint32 size = qFromBigEndian<quint32>(length);
    if (size > quint32(BackupFormat::kMaxSealed))
        fail(QStringLiteral("was altered or damaged: part %1 has an impossible length").arg(m_partNumber + 1));
    const QByteArray sealed = m_file.read(size);
    if (sealed.size() != qsizetype(size))
        fail(QStringLiteral("is truncated inside part %1").arg(m_partNumber + 1));
    // The final flag is not stored: a part opens under exactly one of the two associated data.
    QByteArray plain;
    bool final = false;
    if (!Aead::open(m_key, sealed, BackupFormat::partAad(m_headerLine, m_partNumber, false), &plain)) {
        if (!Aead::open(m_key, sealed, BackupFormat::partAad(m_headerLine, m_partNumber, true), &plain))
            fail(QStringLiteral("was altered or damaged: part %1 does not authenticate").arg(m_partNumber + 1));
        final = true;
    }
    ++m_partNumber;
    if (final) {
        m_ended = true;
        if (!m_file.atEnd())
            fail(QStringLiteral("was altered: data follows its last part"));
    }
    m_part = std::move(plain);
    m_at = 0;
    return true;
}

bool BackupReader::readLine(QByteArray* line)
{
    if (m_version == 1) {
        for (;;) {
            if (m_file.atEnd())
                return false;
            *line = m_file.readLine();
            if (line->endsWith('\n'))
                line->chop(1);
            if (!line->trimmed().isEmpty())
                return true;
        }
    }
    // A line may run over several parts.
    for (;;) {
        const qsizetype end = m_part.indexOf('\n', m_at);
        if (end >= 0) {
            *line = m_part.mid(m_at, end - m_at);
            m_at = end + 1;
            return true;
        }
        QByteArray rest = m_part.mid(m_at);
        if (!nextPart()) {
            if (!rest.isEmpty())
                fail(QStringLiteral("was altered or damaged: it ends inside a line"));
            return false;
        }
        m_part.prepend(rest);
    }
}

void BackupReader::verifyToEnd()
{
    if (m_version == 1)
        return;
    while (nextPart()) {
    }
}

} // namespace ward::hub
