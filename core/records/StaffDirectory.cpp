#include "records/StaffDirectory.h"

#include "sync/HubReplica.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

namespace ward {

StaffDirectory::StaffDirectory(Vault& vault) : m_vault(vault) {}

QString StaffDirectory::displayName(const QString& userId) const
{
    if (userId.isEmpty())
        return QString();
    const auto cached = m_names.constFind(userId);
    if (cached != m_names.constEnd())
        return *cached;
    QString name;
    try {
        if (const auto item = HubReplica(m_vault.database()).directoryItem(QStringLiteral("user"), userId))
            name = item->value(QStringLiteral("displayName")).toString().trimmed();
    } catch (const VaultError&) {
        // A directory that cannot be read leaves the ID on screen; it is not worth failing the chart for.
    }
    m_names.insert(userId, name);
    return name;
}

QString StaffDirectory::label(const QString& userId) const
{
    const QString name = displayName(userId);
    return name.isEmpty() ? userId : name;
}

} // namespace ward
