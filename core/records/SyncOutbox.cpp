#include "records/SyncOutbox.h"

#include "util/Clock.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/SqlStatement.h"

namespace ward {

SyncOutbox::SyncOutbox(SqlCipherDatabase& db) : m_db(db) {}

void SyncOutbox::enqueue(const QString& recordId, int version)
{
    SqlStatement q =
        m_db.prepare("INSERT OR IGNORE INTO outbox (record_id, version, queued_at) VALUES (?, ?, ?)");
    q.bind(1, recordId).bind(2, version).bind(3, Clock::instance().nowUtc().toString(Qt::ISODateWithMs)).run();
}

SyncOutbox::State SyncOutbox::state(const QString& recordId, int version) const
{
    SqlStatement q = m_db.prepare("SELECT sent_at FROM outbox WHERE record_id = ? AND version = ?");
    q.bind(1, recordId).bind(2, version);
    if (!q.step())
        return State::NotQueued;
    return q.isNull(0) ? State::Queued : State::Sent;
}

QHash<QString, SyncOutbox::State> SyncOutbox::statesForPatient(const QString& patientId) const
{
    SqlStatement q = m_db.prepare(
        "SELECT o.record_id, o.version, o.sent_at FROM outbox o JOIN record_versions r "
        "ON r.record_id = o.record_id AND r.version = o.version WHERE r.patient_id = ?");
    q.bind(1, patientId);
    QHash<QString, State> states;
    while (q.step())
        states.insert(stateKey(q.text(0), static_cast<int>(q.integer(1))), q.isNull(2) ? State::Queued : State::Sent);
    return states;
}

QString SyncOutbox::stateKey(const QString& recordId, int version)
{
    return recordId + QLatin1Char('#') + QString::number(version);
}

QList<SyncOutbox::Entry> SyncOutbox::pending(int limit) const
{
    SqlStatement q = m_db.prepare(
        "SELECT seq, record_id, version, queued_at FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?");
    q.bind(1, limit);
    QList<Entry> out;
    while (q.step()) {
        Entry e;
        e.seq = q.integer(0);
        e.recordId = q.text(1);
        e.version = static_cast<int>(q.integer(2));
        e.queuedAt = QDateTime::fromString(q.text(3), Qt::ISODateWithMs);
        out.append(e);
    }
    return out;
}

void SyncOutbox::markSent(const QString& recordId, int version)
{
    SqlStatement q = m_db.prepare("UPDATE outbox SET sent_at = ? WHERE record_id = ? AND version = ? AND sent_at IS NULL");
    q.bind(1, Clock::instance().nowUtc().toString(Qt::ISODateWithMs)).bind(2, recordId).bind(3, version).run();
}

QString SyncOutbox::stateName(State s)
{
    switch (s) {
    case State::NotQueued:
        return QStringLiteral("not-queued");
    case State::Queued:
        return QStringLiteral("queued");
    case State::Sent:
        return QStringLiteral("sent");
    }
    return QString();
}

} // namespace ward
