#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ward::hub {

// BCP-3: the backups of one hub in one directory, as the timers write them (wardhub-<UTC time>-full.wbk weekly,
// wardhub-<UTC time>-incremental.wbk daily). A set is a full backup and the incrementals that follow it, each on
// the one before. Headers are authenticated with the master key when listed (the parts are not read: a damaged part
// shows when a backup is based on the file, restored or drilled); a file whose header does not authenticate is
// reported, never used and never deleted.
class BackupDirectory
{
public:
    struct Backup
    {
        QString path;
        QJsonObject header;
        QDateTime createdAt;
        bool incremental = false;
    };
    struct Set
    {
        QList<Backup> backups; // the full one first
        QDateTime newest() const { return backups.last().createdAt; }
    };

    BackupDirectory(const QString& dir, const QString& masterKeyPath);

    // Oldest first.
    const QList<Set>& sets() const { return m_sets; }
    // Files that are not usable: "<path>: <reason>".
    const QStringList& problems() const { return m_problems; }
    // The file name for a new backup.
    QString newPath(const QDateTime& nowUtc, bool incremental) const;
    // The newest backup of the newest set (an incremental follows it); null when there is none.
    const Backup* latest() const;
    // The newest set's files, in restore order; empty when there is none.
    QStringList restoreChain() const;
    // Deletes the sets whose newest file is older than retentionDays, never the newest set. Returns what it deleted.
    QStringList prune(const QDateTime& nowUtc, int retentionDays);

private:
    QString m_dir;
    QList<Set> m_sets;
    QStringList m_problems;
};

} // namespace ward::hub
