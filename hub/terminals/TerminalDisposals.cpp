#include "hub/terminals/TerminalDisposals.h"

#include "hub/HubError.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace ward::hub {

namespace {

QString boundedText(const QJsonObject& o, const char* key, bool required)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString() || (required && v.toString().trimmed().isEmpty())
        || v.toString().size() > TerminalDisposals::kMaxTextLength)
        throw HubError(QStringLiteral("bad_request"),
                       TerminalDisposals::tr("The disposal record's field \"%1\" is missing or longer than %2 characters.")
                           .arg(QLatin1String(key))
                           .arg(TerminalDisposals::kMaxTextLength),
                       400);
    return v.toString();
}

qint64 count(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 9.0e15)
        throw HubError(QStringLiteral("bad_request"),
                       TerminalDisposals::tr("The disposal record's field \"%1\" must be a count.").arg(QLatin1String(key)),
                       400);
    return v.toInteger();
}

} // namespace

TerminalDisposals::TerminalDisposals(HubDatabase& db) : m_db(db) {}

bool TerminalDisposals::store(const QString& terminalId, const QJsonObject& record)
{
    const QString id = boundedText(record, "id", true);
    if (QUuid::fromString(id).isNull())
        throw HubError(QStringLiteral("bad_request"), tr("The disposal record's id must be a UUID."), 400);
    if (boundedText(record, "terminal", true) != terminalId)
        throw HubError(QStringLiteral("bad_request"),
                       tr("The disposal record names another terminal than the one that sent it; nothing was stored."), 400);
    const QDateTime at = QDateTime::fromString(boundedText(record, "time", true), Qt::ISODateWithMs);
    if (!at.isValid())
        throw HubError(QStringLiteral("bad_request"), tr("The disposal record's time is not an ISO 8601 time."), 400);
    const QString operatorId = boundedText(record, "operator", true);
    const QString method = boundedText(record, "method", true);
    const QString reason = boundedText(record, "reason", false);
    const QJsonValue files = record.value(QStringLiteral("files"));
    if (!files.isArray() || files.toArray().size() > kMaxFiles)
        throw HubError(QStringLiteral("bad_request"), tr("The disposal record's file list is missing or too long."), 400);
    for (const QJsonValue& f : files.toArray())
        if (!f.isString() || f.toString().size() > kMaxTextLength)
            throw HubError(QStringLiteral("bad_request"), tr("The disposal record's file list holds something that is not a file name."), 400);
    const qint64 bytes = count(record, "bytesOverwritten");
    const qint64 lostRecords = count(record, "lostRecords");
    const qint64 lostAudit = count(record, "lostAudit");
    if ((lostRecords > 0 || lostAudit > 0) && reason.trimmed().isEmpty())
        throw HubError(QStringLiteral("bad_request"),
                       tr("A disposal that lost unsent records or audit entries must give the operator's reason."), 400);

    return m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM terminal_disposals WHERE id = ?"), {id});
        if (q.next())
            return false;
        m_db.exec(QStringLiteral("INSERT INTO terminal_disposals (id, terminal_id, disposed_at, operator, method, reason, files,"
                                 " bytes_overwritten, lost_records, lost_audit, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
                  {id, terminalId, at.toMSecsSinceEpoch(), operatorId, method, reason,
                   QString::fromUtf8(QJsonDocument(files.toArray()).toJson(QJsonDocument::Compact)), bytes, lostRecords,
                   lostAudit, Clock::instance().nowUtc().toMSecsSinceEpoch()});
        // The operator is the IT user the terminal names: the hub did not see that login, so the entry says who
        // reported it (the terminal) and whom it named.
        HubAuditLog(m_db).append(QStringLiteral("terminal:") + terminalId, QStringLiteral("terminal.disposal"),
                                 {{QStringLiteral("terminal"), terminalId},
                                  {QStringLiteral("disposal"), id},
                                  {QStringLiteral("operator"), operatorId},
                                  {QStringLiteral("lostRecords"), lostRecords},
                                  {QStringLiteral("lostAudit"), lostAudit}});
        return true;
    });
}

QJsonArray TerminalDisposals::list(const QString& terminalId, int limit)
{
    QJsonArray out;
    m_db.snapshot([&] {
        QSqlQuery q = terminalId.isEmpty()
                          ? m_db.exec(QStringLiteral("SELECT id, terminal_id, disposed_at, operator, method, reason, files,"
                                                     " bytes_overwritten, lost_records, lost_audit, received_at FROM terminal_disposals"
                                                     " ORDER BY disposed_at DESC, id LIMIT ?"),
                                      {limit})
                          : m_db.exec(QStringLiteral("SELECT id, terminal_id, disposed_at, operator, method, reason, files,"
                                                     " bytes_overwritten, lost_records, lost_audit, received_at FROM terminal_disposals"
                                                     " WHERE terminal_id = ? ORDER BY disposed_at DESC, id LIMIT ?"),
                                      {terminalId, limit});
        auto iso = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); };
        while (q.next())
            out.append(QJsonObject{{QStringLiteral("id"), q.value(0).toString()},
                                   {QStringLiteral("terminal"), q.value(1).toString()},
                                   {QStringLiteral("time"), iso(q.value(2).toLongLong())},
                                   {QStringLiteral("operator"), q.value(3).toString()},
                                   {QStringLiteral("method"), q.value(4).toString()},
                                   {QStringLiteral("reason"), q.value(5).toString()},
                                   {QStringLiteral("files"), QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array()},
                                   {QStringLiteral("bytesOverwritten"), q.value(7).toLongLong()},
                                   {QStringLiteral("lostRecords"), q.value(8).toLongLong()},
                                   {QStringLiteral("lostAudit"), q.value(9).toLongLong()},
                                   {QStringLiteral("receivedAt"), iso(q.value(10).toLongLong())}});
    });
    return out;
}

} // namespace ward::hub
