#include "audit/AuditEntry.h"

#include "crypto/Digest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ward {

QByteArray AuditEntry::canonicalBytes() const
{
    const QJsonArray fields{QStringLiteral("ward-audit-v1"),
                            seq,
                            time.toUTC().toString(Qt::ISODateWithMs),
                            terminal,
                            user,
                            action,
                            patient,
                            object,
                            outcome,
                            detail};
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

QByteArray AuditEntry::computeHash() const
{
    return Digest::sha256(prevHash + canonicalBytes());
}

QByteArray AuditEntry::genesisHash()
{
    return QByteArray(32, '\0');
}

} // namespace ward
