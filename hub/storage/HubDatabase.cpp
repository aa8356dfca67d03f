#include "hub/storage/HubDatabase.h"

#include "hub/HubError.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QRegularExpression>
#include <QThread>

#include <libpq-fe.h>
#include <optional>

namespace ward::hub {

namespace {
QAtomicInteger<int> g_instances;

[[noreturn]] void fail(const QString& what, const QSqlError& e)
{
    // Issue 14 (a full disk at the hub): SQLITE_FULL (13; also a reached max_page_count) or PostgreSQL disk_full
    // (53100). The statement or transaction failed whole (rolled back by the caller), so the request is refused with
    // 507 storage_full and the sender keeps what it sent until IT frees space.
    const QString native = e.nativeErrorCode();
    if (native == QLatin1String("13") || native == QLatin1String("53100"))
        throw HubError(QStringLiteral("storage_full"), QStringLiteral("%1: the hub's storage is full: %2").arg(what, e.text()), 507);
    // The SQL error text carries no bound values, so it is safe for logs (no patient data).
    throw HubError(QStringLiteral("storage"), QStringLiteral("%1: %2").arg(what, e.text()));
}
} // namespace

HubDatabase::HubDatabase(const HubConfig& config)
    : m_config(config)
    , m_prefix(QStringLiteral("wardhub-db%1-").arg(g_instances.fetchAndAddOrdered(1)))
{
}

HubDatabase::~HubDatabase()
{
    // Only this thread's connection can be closed here; worker threads release theirs when they end.
    releaseThreadConnection();
}

bool HubDatabase::holdSessionLock(qint64 key)
{
    if (!isPostgres())
        return true;
    // Asked each time rather than remembered: a connection that was lost and opened again holds nothing.
    QSqlQuery held = exec(QStringLiteral("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted"
                                         " AND ((classid::bigint << 32) | objid::bigint) = ?"),
                          {key});
    if (held.next())
        return true;
    QSqlQuery take = exec(QStringLiteral("SELECT pg_try_advisory_lock(?)"), {key});
    return take.next() && take.value(0).toBool();
}

void HubDatabase::releaseThreadConnection()
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString HubDatabase::connectionName() const
{
    return m_prefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

QSqlDatabase HubDatabase::connection()
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        if (db.open())
            return db;
        fail(QStringLiteral("database reopen failed"), db.lastError());
    }
    QSqlDatabase db;
    if (m_config.isPostgres()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_config.pgSocketDir);
        db.setPort(m_config.pgPort);
        db.setDatabaseName(m_config.pgDatabase);
        db.setUserName(m_config.pgUser);
        db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_config.path(m_config.sqliteFile));
        // Writers wait for each other instead of failing (one connection per pool thread).
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open())
        fail(QStringLiteral("cannot open the hub database"), db.lastError());
    QSqlQuery q(db);
    if (!m_config.isPostgres()) {
        // WAL: readers never block the writer; synchronous=FULL so a committed batch survives a crash/SIGKILL
        // and power loss alike; foreign keys enforced as on PostgreSQL.
        for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"})
            if (!q.exec(QString::fromLatin1(pragma)))
                fail(QStringLiteral("SQLite setup failed"), q.lastError());
    } else {
        if (!q.exec(QStringLiteral("SET client_min_messages TO WARNING")))
            fail(QStringLiteral("PostgreSQL setup failed"), q.lastError());
    }
    return db;
}

QSqlQuery HubDatabase::exec(const QString& sql, const QVariantList& values)
{
    QSqlQuery q = prepare(sql);
    run(q, values);
    return q;
}

QSqlQuery HubDatabase::prepare(const QString& sql)
{
    QSqlQuery q(connection());
    // QPSQL runs forward-only queries in single-row mode, where a second query on the connection (a lookup while
    // iterating) silently ends the first result; so PostgreSQL results are fetched whole. Callers page big reads.
    q.setForwardOnly(!isPostgres());
    if (!q.prepare(sql))
        fail(QStringLiteral("prepare failed"), q.lastError());
    return q;
}

void HubDatabase::run(QSqlQuery& q, const QVariantList& values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        dropIfBroken(error);
        fail(QStringLiteral("query failed"), error);
    }
}

void HubDatabase::execDirect(const QString& sql)
{
    QSqlQuery q(connection());
    if (!q.exec(sql)) {
        dropIfBroken(q.lastError());
        fail(sql, q.lastError());
    }
}

void HubDatabase::appendRows(const QString& table, const QStringList& columns, const QList<QVariantList>& rows)
{
    if (rows.isEmpty())
        return;
    if (isPostgres()) {
        copyRows(table, columns, rows);
        return;
    }
    // SQLite: its parameter lookup grows with the square of one statement's parameters, so chunks of kRows rows,
    // the full chunk's statement parsed once.
    constexpr int kRows = 25;
    const QString head = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(table, columns.join(QLatin1Char(',')));
    const QString tuple = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const auto insert = [&](qsizetype n) { return head + QStringList(n, tuple).join(QLatin1Char(',')); };
    std::optional<QSqlQuery> full;
    for (qsizetype first = 0; first < rows.size(); first += kRows) {
        const qsizetype n = qMin<qsizetype>(kRows, rows.size() - first);
        QVariantList values;
        values.reserve(n * columns.size());
        for (qsizetype i = first; i < first + n; ++i)
            values += rows.at(i);
        if (n < kRows) {
            exec(insert(n), values);
            continue;
        }
        if (!full)
            full = prepare(insert(n));
        run(*full, values);
    }
}

namespace {

// As Qt SQL binds it: an invalid variant, or a null string or byte array, is SQL NULL (QVariant::isNull() no longer
// looks inside since Qt 6).
bool isSqlNull(const QVariant& v)
{
    if (!v.isValid())
        return true;
    if (v.metaType().id() == QMetaType::QString)
        return static_cast<const QString*>(v.constData())->isNull();
    if (v.metaType().id() == QMetaType::QByteArray)
        return static_cast<const QByteArray*>(v.constData())->isNull();
    return v.isNull();
}

// One value in COPY's text format: \N for NULL, bytea as \\x + hex, text with backslash, newline, carriage
// return and tab escaped (the format's delimiters).
void appendCopyValue(QByteArray& out, const QVariant& v)
{
    if (isSqlNull(v)) {
        out += "\\N";
        return;
    }
    switch (v.metaType().id()) {
    case QMetaType::QByteArray:
        out += "\\\\x";
        out += v.toByteArray().toHex();
        return;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
        out += QByteArray::number(v.toLongLong());
        return;
    case QMetaType::Bool:
        out += v.toBool() ? 't' : 'f';
        return;
    default:
        break;
    }
    const QByteArray text = v.toString().toUtf8();
    const char* from = text.constData();
    const char* const end = from + text.size();
    for (const char* p = from; p != end; ++p) {
        const char* escaped = *p == '\\' ? "\\\\" : *p == '\n' ? "\\n" : *p == '\r' ? "\\r" : *p == '\t' ? "\\t" : nullptr;
        if (!escaped)
            continue;
        out.append(from, p - from);
        out.append(escaped);
        from = p + 1;
    }
    out.append(from, end - from);
}

QString pgMessage(PGconn* conn, const PGresult* result)
{
    const char* message = result ? PQresultErrorMessage(result) : nullptr;
    return QString::fromUtf8(message && *message ? message : PQerrorMessage(conn)).trimmed();
}

} // namespace

void HubDatabase::copyRows(const QString& table, const QStringList& columns, const QList<QVariantList>& rows)
{
    const QVariant handle = connection().driver()->handle();
    // QPSQL hands out its libpq connection; Qt 6 names the type after the struct behind the PGconn typedef.
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        throw HubError(QStringLiteral("storage"), QStringLiteral("COPY %1: not a PostgreSQL connection").arg(table));
    PGconn* const conn = *static_cast<PGconn* const*>(handle.constData());
    QByteArray data;
    data.reserve(rows.size() * 256);
    for (const QVariantList& row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                data += '\t';
            appendCopyValue(data, row.at(c));
        }
        data += '\n';
    }
    // The error of a failed COPY (the SQL state decides storage_full; the message names no value, so it is safe
    // for logs); a broken connection is closed so the next request reconnects, as for a failed query.
    const auto failCopy = [&](PGresult* result) {
        const QString state = QString::fromLatin1(result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr);
        const QString message = pgMessage(conn, result);
        PQclear(result);
        while (PGresult* more = PQgetResult(conn))
            PQclear(more);
        const QSqlError error(QStringLiteral("COPY"), message,
                              PQstatus(conn) == CONNECTION_OK ? QSqlError::StatementError : QSqlError::ConnectionError, state);
        dropIfBroken(error);
        fail(QStringLiteral("COPY %1").arg(table), error);
    };
    const QByteArray sql = QStringLiteral("COPY %1 (%2) FROM STDIN").arg(table, columns.join(QLatin1Char(','))).toUtf8();
    PGresult* started = PQexec(conn, sql.constData());
    if (PQresultStatus(started) != PGRES_COPY_IN)
        failCopy(started);
    PQclear(started);
    if (PQputCopyData(conn, data.constData(), static_cast<int>(data.size())) != 1 || PQputCopyEnd(conn, nullptr) != 1)
        failCopy(nullptr);
    PGresult* ended = PQgetResult(conn);
    if (PQresultStatus(ended) != PGRES_COMMAND_OK)
        failCopy(ended);
    PQclear(ended);
    while (PGresult* more = PQgetResult(conn))
        PQclear(more);
}

void HubDatabase::dropIfBroken(const QSqlError& error)
{
    // A restarted or unreachable PostgreSQL leaves this thread's connection dead; closing it makes the next
    // request reconnect instead of failing for the life of the pool thread.
    if (!isPostgres())
        return;
    QSqlDatabase db = QSqlDatabase::database(connectionName(), false);
    if (error.type() == QSqlError::ConnectionError || !db.isOpen()
        || error.text().contains(QLatin1String("server closed the connection"), Qt::CaseInsensitive)
        || error.text().contains(QLatin1String("terminating connection"), Qt::CaseInsensitive)
        || error.text().contains(QLatin1String("no connection to the server"), Qt::CaseInsensitive))
        db.close();
}

void HubDatabase::begin(bool readOnly)
{
    if (readOnly) {
        execDirect(isPostgres() ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") : QStringLiteral("BEGIN"));
        return;
    }
    // SQLite: IMMEDIATE takes the write lock up front, so a transaction that reads before it writes cannot
    // fail half-way with SQLITE_BUSY_SNAPSHOT; it waits (busy timeout) instead.
    execDirect(isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
}

void HubDatabase::commit()
{
    execDirect(QStringLiteral("COMMIT"));
}

void HubDatabase::rollback() noexcept
{
    try {
        execDirect(QStringLiteral("ROLLBACK"));
    } catch (...) {
    }
}

qint64 HubDatabase::takeSequence(int count, const QString& counter)
{
    exec(QStringLiteral("UPDATE counters SET value = value + ? WHERE name = ?"), {count, counter});
    QSqlQuery q = exec(QStringLiteral("SELECT value FROM counters WHERE name = ?"), {counter});
    if (!q.next())
        throw HubError(QStringLiteral("storage"), QStringLiteral("change counter missing: database not migrated"));
    return q.value(0).toLongLong() - count + 1;
}

void HubDatabase::createPostgresDatabaseIfMissing(const HubConfig& config, bool dropFirst)
{
    static const QRegularExpression kSafeName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
    if (!kSafeName.match(config.pgDatabase).hasMatch())
        throw HubError(QStringLiteral("storage"), QStringLiteral("invalid PostgreSQL database name \"%1\"").arg(config.pgDatabase));
    const QString name = QStringLiteral("wardhub-maintenance-%1").arg(g_instances.fetchAndAddOrdered(1));
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(config.pgSocketDir);
        db.setPort(config.pgPort);
        db.setDatabaseName(QStringLiteral("postgres"));
        db.setUserName(config.pgUser);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (dropFirst && !q.exec(QStringLiteral("DROP DATABASE IF EXISTS \"%1\"").arg(config.pgDatabase)))
                error = q.lastError().text();
            else if (!q.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1'").arg(config.pgDatabase)))
                error = q.lastError().text();
            else if (!q.next() && !q.exec(QStringLiteral("CREATE DATABASE \"%1\" ENCODING 'UTF8'").arg(config.pgDatabase)))
                error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!error.isEmpty())
        throw HubError(QStringLiteral("storage"), QStringLiteral("cannot prepare PostgreSQL database %1: %2").arg(config.pgDatabase, error));
}

bool HubDatabase::ping()
{
    try {
        QSqlQuery q = exec(QStringLiteral("SELECT 1"));
        return q.next();
    } catch (const HubError&) {
        // A dropped PostgreSQL connection: forget it so the next request reconnects.
        const QString name = connectionName();
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        return false;
    }
}

} // namespace ward::hub
