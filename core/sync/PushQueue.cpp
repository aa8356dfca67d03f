#include "sync/PushQueue.h"

#include "util/Clock.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/SqlStatement.h"

namespace ward {

PushQueue::PushQueue(SqlCipherDatabase& db)
    : m_db(db)
{
}

void PushQueue::enqueue(const QString& recordId, int version)
{
    m_db.prepare("INSERT OR IGNORE INTO outbox (record_id, version, queued_at) VALUES (?, ?, ?)")
        .bind(1, recordId)
        .bind(2, version)
        .bind(3, Clock::instance().nowUtc().toString(Qt::ISODateWithMs))
        .run();
}

QList<PushQueue::Entry> PushQueue::pending(int limit) const
{
    SqlStatement q = m_db.prepare("SELECT record_id, version FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?");
    q.bind(1, limit);
    QList<Entry> out;
    while (q.step())
        out.append({q.text(0), static_cast<int>(q.integer(1))});
    return out;
}

qint64 PushQueue::pendingCount() const
{
    SqlStatement q = m_db.prepare("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
    q.step();
    return q.integer(0);
}

void PushQueue::markDone(const QString& recordId, int version, const QString& verdict, const QString& reason)
{
    m_db.prepare("UPDATE outbox SET sent_at = ?, verdict = ?, reason = ? WHERE record_id = ? AND version = ? AND sent_at IS NULL")
        .bind(1, Clock::instance().nowUtc().toString(Qt::ISODateWithMs))
        .bind(2, verdict)
        .bind(3, reason)
        .bind(4, recordId)
        .bind(5, version)
        .run();
}

QString PushQueue::verdict(const QString& recordId, int version) const
{
    SqlStatement q = m_db.prepare("SELECT verdict FROM outbox WHERE record_id = ? AND version = ?");
    q.bind(1, recordId).bind(2, version);
    return q.step() ? q.text(0) : QString();
}

} // namespace ward
