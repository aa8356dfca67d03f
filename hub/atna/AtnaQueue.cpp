#include "hub/atna/AtnaQueue.h"

#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace ward::hub {

namespace {
const QString kHubStream = QStringLiteral("hub");

QString compact(const QJsonObject& o)
{
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

AtnaQueue::AtnaQueue(HubDatabase& db, const DataKeys& keys, const QString& hostname)
    : m_db(db)
    , m_rows(db, keys)
    , m_hostname(hostname)
{
}

SyslogMessage AtnaQueue::hubMessage(const HubAuditLog::Entry& e, const QString& hostname)
{
    SyslogMessage m;
    const QString outcome = e.detail.value(QStringLiteral("outcome")).toString();
    m.severity = SyslogMessage::severityOf(e.action, outcome);
    m.timeMs = e.at;
    m.hostname = hostname;
    m.msgId = e.action;
    // The hub chain's details hold ids only (HubAuditLog): staff, terminal, ward, patient ids where the event names one.
    m.params = {{QStringLiteral("id"), kHubStream + QLatin1Char('/') + QString::number(e.seq)},
                {QStringLiteral("stream"), kHubStream},
                {QStringLiteral("seq"), QString::number(e.seq)},
                {QStringLiteral("user"), e.actor},
                {QStringLiteral("terminal"), e.detail.value(QStringLiteral("terminal")).toString()},
                {QStringLiteral("action"), e.action},
                {QStringLiteral("outcome"), outcome},
                {QStringLiteral("patient"), e.detail.value(QStringLiteral("patient")).toString()}};
    m.text = compact(e.detail);
    return m;
}

SyslogMessage AtnaQueue::terminalMessage(const AuditEntry& e, const QString& terminalId, const QString& hostname)
{
    SyslogMessage m;
    m.severity = SyslogMessage::severityOf(e.action, e.outcome);
    m.timeMs = e.time.toMSecsSinceEpoch();
    m.hostname = hostname;
    m.msgId = e.action;
    const QString stream = terminalStream(terminalId);
    // The patient id (never name or clinical text) goes to the hospital's audit repository: that is what ATNA is for
    // (who looked at which patient). The detail may hold a break-the-glass reason typed by staff.
    m.params = {{QStringLiteral("id"), stream + QLatin1Char('/') + QString::number(e.seq)},
                {QStringLiteral("stream"), stream},
                {QStringLiteral("seq"), QString::number(e.seq)},
                {QStringLiteral("user"), e.user},
                {QStringLiteral("terminal"), terminalId},
                {QStringLiteral("action"), e.action},
                {QStringLiteral("outcome"), e.outcome},
                {QStringLiteral("patient"), e.patient},
                {QStringLiteral("object"), e.object}};
    m.text = compact(e.detail);
    return m;
}

QList<AtnaQueue::StreamState> AtnaQueue::streams()
{
    QHash<QString, qint64> sent;
    QSqlQuery cursors = m_db.exec(QStringLiteral("SELECT stream, seq FROM atna_cursor"));
    while (cursors.next())
        sent.insert(cursors.value(0).toString(), cursors.value(1).toLongLong());
    QList<StreamState> out{{kHubStream, sent.value(kHubStream), HubAuditLog(m_db).lastSeq()}};
    // One index seek per terminal (primary key terminal_id, seq), not a scan of every entry each poll.
    QStringList terminals;
    QSqlQuery ids = m_db.exec(QStringLiteral("SELECT id FROM terminals ORDER BY id"));
    while (ids.next())
        terminals << ids.value(0).toString();
    for (const QString& id : terminals) {
        QSqlQuery head = m_db.exec(QStringLiteral("SELECT MAX(seq) FROM terminal_audit WHERE terminal_id = ?"), {id});
        const qint64 written = head.next() ? head.value(0).toLongLong() : 0;
        if (written > 0)
            out.append({terminalStream(id), sent.value(terminalStream(id)), written});
    }
    return out;
}

QList<AtnaQueue::Pending> AtnaQueue::terminalEvents(const QString& terminalId, qint64 after, int limit)
{
    // TerminalAuditRows is the one reader of terminal_audit (sealed rows opened where they name a patient).
    QList<Pending> out;
    for (const AuditEntry& e : m_rows.after(terminalId, after, limit))
        out.append({terminalStream(terminalId), e.seq, terminalMessage(e, terminalId, m_hostname).toBytes()});
    return out;
}

QList<AtnaQueue::Pending> AtnaQueue::next(int maxMessages)
{
    QList<StreamState> pending = streams();
    pending.erase(std::remove_if(pending.begin(), pending.end(), [](const StreamState& s) { return s.written <= s.sent; }),
                  pending.end());
    QList<Pending> out;
    for (qsizetype i = 0; i < pending.size() && out.size() < maxMessages; ++i) {
        const StreamState& s = pending.at(i);
        const int left = maxMessages - int(out.size());
        const int share = std::max(1, left / int(pending.size() - i));
        if (s.stream == kHubStream) {
            for (const HubAuditLog::Entry& e : HubAuditLog(m_db).entriesAfter(s.sent, share))
                out.append({kHubStream, e.seq, hubMessage(e, m_hostname).toBytes()});
        } else {
            out += terminalEvents(s.stream.mid(QStringLiteral("terminal/").size()), s.sent, share);
        }
    }
    return out;
}

void AtnaQueue::delivered(const QList<Pending>& batch)
{
    QHash<QString, qint64> last;
    for (const Pending& p : batch)
        last[p.stream] = std::max(last.value(p.stream), p.seq);
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    m_db.transaction([&] {
        for (auto it = last.cbegin(); it != last.cend(); ++it)
            m_db.exec(QStringLiteral("INSERT INTO atna_cursor (stream, seq, sent_at) VALUES (?, ?, ?)"
                                     " ON CONFLICT (stream) DO UPDATE SET seq = excluded.seq, sent_at = excluded.sent_at"),
                      {it.key(), it.value(), now});
    });
}

void AtnaQueue::recordState(const QString& state, const QString& error)
{
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    const QVariant errorValue = error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error);
    const QVariant errorAt = error.isEmpty() ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(now);
    m_db.transaction([&] {
        // A success keeps the last failure on record (IT sees what happened last night); a new failure replaces it.
        m_db.exec(QStringLiteral("INSERT INTO atna_status (id, state, error, error_at, updated_at) VALUES (1, ?, ?, ?, ?)"
                                 " ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,"
                                 " error = COALESCE(excluded.error, atna_status.error),"
                                 " error_at = COALESCE(excluded.error_at, atna_status.error_at)"),
                  {state, errorValue, errorAt, now});
    });
}

AtnaQueue::Status AtnaQueue::status()
{
    Status s;
    s.streams = streams();
    for (const StreamState& st : s.streams)
        s.backlog += std::max<qint64>(0, st.written - st.sent);
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT state, error, error_at, updated_at FROM atna_status WHERE id = 1"));
    if (q.next()) {
        s.state = q.value(0).toString();
        s.lastError = q.value(1).toString();
        s.errorAtMs = q.value(2).toLongLong();
        s.updatedAtMs = q.value(3).toLongLong();
    }
    return s;
}

} // namespace ward::hub
