#pragma once

#include "audit/AuditEntry.h"
#include "hub/atna/SyslogMessage.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/terminals/TerminalAuditRows.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ward::hub {

class DataKeys;
class HubDatabase;

// Issue 14 (IHE ATNA): the disk-backed queue of the audit stream. Nothing is copied: the hub's own audit tables are
// the queue (the hub chain, stream "hub"; each terminal's chain as shipped, stream "terminal/<id>"), and atna_cursor
// records per stream the last seq the collector is known to have. Each stream goes out in its seq order; a restart
// or an outage resumes after the cursor. The stream's state and last failure (atna_status) are for
// `wardhub audit stream-status`.
class AtnaQueue
{
public:
    AtnaQueue(HubDatabase& db, const DataKeys& keys, const QString& hostname);

    struct Pending
    {
        QString stream;
        qint64 seq = 0;
        QByteArray message; // the event as an RFC 5424 SYSLOG-MSG (the transport frames it)
    };
    // Up to maxMessages events after the cursors, each stream in order. Streams share the batch so a busy one
    // does not hold the others back.
    QList<Pending> next(int maxMessages);
    // The collector has every event of `batch` (and so everything before each, per stream): the cursors move.
    void delivered(const QList<Pending>& batch);

    struct StreamState
    {
        QString stream;
        qint64 sent = 0;    // cursor
        qint64 written = 0; // newest seq in the audit table
    };
    struct Status
    {
        QList<StreamState> streams;
        qint64 backlog = 0;
        QString state; // "off", "connected", "failing" (empty: never ran)
        QString lastError;
        qint64 errorAtMs = 0;
        qint64 updatedAtMs = 0;
    };
    Status status();
    // The streaming loop's state: connected (error kept for the record) or failing with a reason (never patient data).
    void recordState(const QString& state, const QString& error = QString());

    static SyslogMessage hubMessage(const HubAuditLog::Entry& e, const QString& hostname);
    static SyslogMessage terminalMessage(const AuditEntry& e, const QString& terminalId, const QString& hostname);
    static QString terminalStream(const QString& terminalId) { return QStringLiteral("terminal/") + terminalId; }

private:
    QList<StreamState> streams();
    QList<Pending> terminalEvents(const QString& terminalId, qint64 after, int limit);

    HubDatabase& m_db;
    TerminalAuditRows m_rows;
    QString m_hostname;
};

} // namespace ward::hub
