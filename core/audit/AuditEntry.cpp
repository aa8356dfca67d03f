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

QJsonObject AuditEntry::toJson() const
{
    return {{QStringLiteral("seq"), seq},
            {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("terminal"), terminal},
            {QStringLiteral("user"), user},
            {QStringLiteral("action"), action},
            {QStringLiteral("patient"), patient},
            {QStringLiteral("object"), object},
            {QStringLiteral("outcome"), outcome},
            {QStringLiteral("detail"), detail},
            {QStringLiteral("prevHash"), QString::fromLatin1(prevHash.toHex())},
            {QStringLiteral("hash"), QString::fromLatin1(hash.toHex())}};
}

AuditEntry AuditEntry::fromJson(const QJsonObject& json)
{
    AuditEntry e;
    e.seq = json.value(QStringLiteral("seq")).toInteger();
    e.time = QDateTime::fromString(json.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    e.terminal = json.value(QStringLiteral("terminal")).toString();
    e.user = json.value(QStringLiteral("user")).toString();
    e.action = json.value(QStringLiteral("action")).toString();
    e.patient = json.value(QStringLiteral("patient")).toString();
    e.object = json.value(QStringLiteral("object")).toString();
    e.outcome = json.value(QStringLiteral("outcome")).toString();
    e.detail = json.value(QStringLiteral("detail")).toObject();
    e.prevHash = QByteArray::fromHex(json.value(QStringLiteral("prevHash")).toString().toLatin1());
    e.hash = QByteArray::fromHex(json.value(QStringLiteral("hash")).toString().toLatin1());
    return e;
}

QByteArray AuditEntry::genesisHash()
{
    return QByteArray(32, '\0');
}

} // namespace ward
