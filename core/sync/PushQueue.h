#pragma once

#include <QList>
#include <QString>

namespace ward {

class SqlCipherDatabase;

// Confirmed record versions this terminal owes the hub, kept in the vault (the chart's `outbox` table, where ChartService queues
// every confirmed version; sync adds the hub's verdict) so that work
// done offline survives restarts and is sent once the hub is back (BCP-2). An entry is done when the hub
// gave a verdict: stored or duplicate (it has the version) or rejected (it never will; audited). Until then
// it is resent as often as needed — the hub is idempotent on record id + version, so a resend after a
// lost answer or a hub crash stores nothing twice.
class PushQueue
{
public:
    struct Entry
    {
        QString recordId;
        int version = 0;
    };

    explicit PushQueue(SqlCipherDatabase& db);

    // Idempotent: queuing the same version twice keeps one entry (and does not reopen a done one).
    void enqueue(const QString& recordId, int version);
    // Oldest first.
    QList<Entry> pending(int limit) const;
    qint64 pendingCount() const;
    // verdict: stored | duplicate | rejected. Caller holds a transaction for batches.
    void markDone(const QString& recordId, int version, const QString& verdict, const QString& reason);
    // The verdict of a version ("" while pending, or when never queued).
    QString verdict(const QString& recordId, int version) const;

private:
    SqlCipherDatabase& m_db;
};

} // namespace ward
