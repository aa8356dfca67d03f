#pragma once

#include <QHash>
#include <QString>

namespace ward {

class Vault;

// Staff names for the chart (author, proxy, approver), from the hub directory the terminal already replicates
// (HubReplica, kind "user"): records carry user IDs, people read names. Looked up once per ID and kept until
// reload() (after a sync brought a newer directory). An ID the directory does not know has no name; the
// chart then shows the ID itself.
class StaffDirectory
{
public:
    explicit StaffDirectory(Vault& vault);

    // Empty when unknown.
    QString displayName(const QString& userId) const;
    // The name, or the ID when there is none.
    QString label(const QString& userId) const;
    void reload() { m_names.clear(); }

private:
    Vault& m_vault;
    mutable QHash<QString, QString> m_names;
};

} // namespace ward
