#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QFile>
#include <QJsonObject>
#include <QString>

namespace ward::hub {

// BCP-3: reads one backup file. The header is authenticated on opening; every part is authenticated before a line
// of it is handed out, and the end must be the part marked final. Anything else throws HubError("backup-file", …)
// with what is wrong (the master key does not fit, the file was altered, it is truncated), so a restore that reads
// a bad file stops inside its transaction and changes nothing. Reads the unencrypted format version 1 too.
class BackupReader
{
public:
    BackupReader(const QString& path, const QString& masterKeyPath);
    BackupReader(const BackupReader&) = delete;
    BackupReader& operator=(const BackupReader&) = delete;

    const QJsonObject& header() const { return m_header; }
    const QString& path() const { return m_path; }
    // The next backup line (without its newline); false once the authenticated end was reached.
    bool readLine(QByteArray* line);
    // Reads every remaining part (a check of the whole file).
    void verifyToEnd();

private:
    bool nextPart();
    [[noreturn]] void fail(const QString& why) const;

    QString m_path;
    QFile m_file;
    QJsonObject m_header;
    QByteArray m_headerLine;
    SecureBytes m_key;
    int m_version = 0;
    QByteArray m_part;
    qsizetype m_at = 0;
    quint64 m_partNumber = 0;
    bool m_ended = false;
};

} // namespace ward::hub
