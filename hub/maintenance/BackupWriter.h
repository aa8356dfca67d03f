#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QString>

namespace ward::hub {

// BCP-3: writes one encrypted backup file (BackupFormat). The file appears under its name only when commit()
// succeeds (QSaveFile), so a backup cut off by a crash or a full disk never looks complete. Throws HubError.
class BackupWriter
{
public:
    // header: the fields of BackupFormat's line 1 except format, formatVersion, salt and keyCheck, added here.
    BackupWriter(const QString& path, const QString& masterKeyPath, QJsonObject header);
    BackupWriter(const BackupWriter&) = delete;
    BackupWriter& operator=(const BackupWriter&) = delete;

    // One backup line (a newline is added).
    void writeLine(const QByteArray& line);
    void commit();
    qint64 bytesWritten() const { return m_written; }

private:
    void writePart(bool final);

    QString m_path;
    QSaveFile m_file;
    SecureBytes m_key;
    QByteArray m_headerLine;
    QByteArray m_part;
    quint64 m_partNumber = 0;
    qint64 m_written = 0;
};

} // namespace ward::hub
