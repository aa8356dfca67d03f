#include "sync/HubReplica.h"

#include <QJsonArray>

#include "vault/SqlCipherDatabase.h"
#include "vault/SqlStatement.h"

#include <QJsonDocument>

namespace ward {

HubReplica::HubReplica(SqlCipherDatabase& db)
    : m_db(db)
{
}

void HubReplica::storeDirectoryItem(const QString& kind, const QString& id, qint64 seq, const QJsonObject& item)
{
    m_db.prepare("INSERT OR REPLACE INTO sync_directory (kind, id, seq, json) VALUES (?, ?, ?, ?)")
        .bind(1, kind)
        .bind(2, id)
        .bind(3, seq)
        .bind(4, QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Compact)))
        .run();
}

void HubReplica::removeDirectoryItem(const QString& kind, const QString& id)
{
    m_db.prepare("DELETE FROM sync_directory WHERE kind = ? AND id = ?").bind(1, kind).bind(2, id).run();
}

std::optional<QJsonObject> HubReplica::directoryItem(const QString& kind, const QString& id) const
{
    SqlStatement q = m_db.prepare("SELECT json FROM sync_directory WHERE kind = ? AND id = ?");
    q.bind(1, kind).bind(2, id);
    if (!q.step())
        return std::nullopt;
    return QJsonDocument::fromJson(q.text(0).toUtf8()).object();
}

qint64 HubReplica::directoryCount(const QString& kind) const
{
    SqlStatement q = m_db.prepare("SELECT count(*) FROM sync_directory WHERE kind = ?");
    q.bind(1, kind);
    q.step();
    return q.integer(0);
}

QStringList HubReplica::directoryIds(const QString& kind) const
{
    SqlStatement q = m_db.prepare("SELECT id FROM sync_directory WHERE kind = ? ORDER BY id");
    q.bind(1, kind);
    QStringList ids;
    while (q.step())
        ids << q.text(0);
    return ids;
}

void HubReplica::storePolicy(int version, qint64 seq, const QJsonObject& policy)
{
    m_db.prepare("INSERT OR REPLACE INTO sync_policy (version, seq, json) VALUES (?, ?, ?)")
        .bind(1, version)
        .bind(2, seq)
        .bind(3, QString::fromUtf8(QJsonDocument(policy).toJson(QJsonDocument::Compact)))
        .run();
}

std::optional<QJsonObject> HubReplica::currentPolicy() const
{
    SqlStatement q = m_db.prepare("SELECT json FROM sync_policy ORDER BY version DESC LIMIT 1");
    if (!q.step())
        return std::nullopt;
    return QJsonDocument::fromJson(q.text(0).toUtf8()).object();
}

int HubReplica::currentPolicyVersion() const
{
    SqlStatement q = m_db.prepare("SELECT COALESCE(MAX(version), 0) FROM sync_policy");
    q.step();
    return static_cast<int>(q.integer(0));
}

QString HubReplica::state(const char* key) const
{
    SqlStatement q = m_db.prepare("SELECT value FROM sync_state WHERE key = ?");
    q.bind(1, QString::fromLatin1(key));
    return q.step() ? q.text(0) : QString();
}

void HubReplica::setState(const char* key, const QString& value)
{
    m_db.prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)").bind(1, QString::fromLatin1(key)).bind(2, value).run();
}

qint64 HubReplica::cursor() const
{
    return state("cursor").toLongLong();
}

QStringList HubReplica::permissionsOf(const QStringList& roles) const
{
    QStringList out;
    for (const QString& role : roles) {
        const auto item = directoryItem(QStringLiteral("role"), role);
        if (!item)
            continue;
        for (const QJsonValue& p : item->value(QStringLiteral("permissions")).toArray())
            if (!out.contains(p.toString()))
                out << p.toString();
    }
    return out;
}

qint64 HubReplica::acknowledgedAuditSeq() const
{
    return state("auditAcknowledged").toLongLong();
}

void HubReplica::setAcknowledgedAuditSeq(qint64 seq)
{
    setState("auditAcknowledged", QString::number(seq));
}

std::optional<AuditAcknowledgement> HubReplica::auditAcknowledgement() const
{
    const QString text = state("auditAcknowledgement");
    if (text.isEmpty())
        return std::nullopt;
    return AuditAcknowledgement::fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
}

void HubReplica::setAuditAcknowledgement(const AuditAcknowledgement& ack)
{
    setState("auditAcknowledgement", QString::fromUtf8(QJsonDocument(ack.toJson()).toJson(QJsonDocument::Compact)));
    setAcknowledgedAuditSeq(ack.seq);
}

void HubReplica::setCursor(qint64 cursor)
{
    setState("cursor", QString::number(cursor));
}

QDateTime HubReplica::lastSuccessfulSync() const
{
    return QDateTime::fromString(state("lastSuccessfulSync"), Qt::ISODateWithMs);
}

void HubReplica::setLastSuccessfulSync(const QDateTime& time)
{
    setState("lastSuccessfulSync", time.toUTC().toString(Qt::ISODateWithMs));
}

} // namespace ward
