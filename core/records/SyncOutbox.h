#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace ward {

class SqlCipherDatabase;

// Confirmed versions waiting to go to the hub (BCP-2: new entries queue while offline). The sync
// engine reads pending() and calls markSent() when the hub has accepted a version.
class SyncOutbox
{
public:
    enum class State { NotQueued, Queued, Sent };
    struct Entry
    {
        qint64 seq = 0;
        QString recordId;
        int version = 0;
        QDateTime queuedAt;
        QDateTime sentAt;
    };

    explicit SyncOutbox(SqlCipherDatabase& db);

    // Idempotent: queuing the same version twice keeps the first entry.
    void enqueue(const QString& recordId, int version);
    State state(const QString& recordId, int version) const;
    // The state of every queued version of one patient's records, in one query (a chart shows hundreds of rows;
    // a version missing from the map is NotQueued). Keyed by stateKey().
    QHash<QString, State> statesForPatient(const QString& patientId) const;
    static QString stateKey(const QString& recordId, int version);
    QList<Entry> pending(int limit = 500) const;
    void markSent(const QString& recordId, int version);
    static QString stateName(State s);

private:
    SqlCipherDatabase& m_db;
};

} // namespace ward
