#include "hub/maintenance/BackupDirectory.h"

#include "hub/HubError.h"
#include "hub/maintenance/BackupReader.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace ward::hub {

BackupDirectory::BackupDirectory(const QString& dir, const QString& masterKeyPath)
    : m_dir(dir)
{
    QList<Backup> all;
    const QStringList names = QDir(dir).entryList({QStringLiteral("wardhub-*.wbk")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QString path = QDir(dir).filePath(name);
        try {
            BackupReader reader(path, masterKeyPath);
            Backup b;
            b.path = path;
            b.header = reader.header();
            b.createdAt = QDateTime::fromString(b.header.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
            b.incremental = b.header.value(QStringLiteral("kind")).toString() == QLatin1String("incremental");
            all << b;
        } catch (const HubError& e) {
            m_problems << QStringLiteral("%1: %2").arg(path, e.message());
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const Backup& a, const Backup& b) { return a.createdAt < b.createdAt; });
    for (const Backup& b : all) {
        if (!b.incremental) {
            m_sets.append(Set{{b}});
            continue;
        }
        // An incremental belongs to the set whose last backup it follows.
        auto set = std::find_if(m_sets.rbegin(), m_sets.rend(), [&](const Set& s) {
            return s.backups.last().header.value(QStringLiteral("id")) == b.header.value(QStringLiteral("base"));
        });
        if (set == m_sets.rend())
            m_problems << QStringLiteral("%1: follows no backup in %2 (the one before it is missing)").arg(b.path, dir);
        else
            set->backups.append(b);
    }
}

QString BackupDirectory::newPath(const QDateTime& nowUtc, bool incremental) const
{
    const QString base = QStringLiteral("wardhub-%1-%2").arg(nowUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'")),
                                                              incremental ? QStringLiteral("incremental") : QStringLiteral("full"));
    QString path = QDir(m_dir).filePath(base + QStringLiteral(".wbk"));
    for (int n = 2; QFile::exists(path); ++n)
        path = QDir(m_dir).filePath(QStringLiteral("%1-%2.wbk").arg(base).arg(n));
    return path;
}

const BackupDirectory::Backup* BackupDirectory::latest() const
{
    return m_sets.isEmpty() ? nullptr : &m_sets.last().backups.last();
}

QStringList BackupDirectory::restoreChain() const
{
    QStringList chain;
    if (!m_sets.isEmpty())
        for (const Backup& b : m_sets.last().backups)
            chain << b.path;
    return chain;
}

QStringList BackupDirectory::prune(const QDateTime& nowUtc, int retentionDays)
{
    QStringList deleted;
    const QDateTime limit = nowUtc.addDays(-retentionDays);
    while (m_sets.size() > 1 && m_sets.first().newest() < limit) {
        for (const Backup& b : m_sets.first().backups) {
            if (!QFile::remove(b.path))
                throw HubError(QStringLiteral("backup"), QStringLiteral("cannot delete the expired backup %1").arg(b.path));
            deleted << b.path;
        }
        m_sets.removeFirst();
    }
    return deleted;
}

} // namespace ward::hub
