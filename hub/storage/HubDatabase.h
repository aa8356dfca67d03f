#pragma once

#include "hub/HubConfig.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace ward::hub {

// The hub's database, SQLite (default) or PostgreSQL through one Qt SQL code path. Qt connections belong to
// the thread that opened them (PLATFORM-NOTES), so every thread gets its own named connection, opened lazily;
// the HTTP server's worker threads keep theirs for their lifetime and release it as they end. Every failure
// throws HubError("storage", …).
class HubDatabase
{
public:
    explicit HubDatabase(const HubConfig& config);
    ~HubDatabase();
    HubDatabase(const HubDatabase&) = delete;
    HubDatabase& operator=(const HubDatabase&) = delete;

    bool isPostgres() const { return m_config.isPostgres(); }
    // This thread's connection, opened on first use.
    QSqlDatabase connection();
    // Closes and forgets this thread's connection (a worker thread calls it as it ends, so a later thread that
    // happens to get the same thread id never inherits a connection Qt ties to another thread).
    void releaseThreadConnection();

    // Issue 16: true while this thread's connection holds the hub-wide lock `key` (PostgreSQL: a session advisory lock,
    // taken here if free; it goes with the connection, so a process that dies frees it at once). Several hub
    // processes share one PostgreSQL; a task only one of them may do (the ATNA stream) runs where this is true.
    // SQLite is one process: always true.
    bool holdSessionLock(qint64 key);

    // Prepares, binds positional values and executes; throws on failure.
    QSqlQuery exec(const QString& sql, const QVariantList& values = {});
    // A statement parsed once and run many times with new values (bulk inserts: parsing a statement of a few hundred
    // placeholders costs more than running it); `run` throws on failure like `exec`.
    QSqlQuery prepare(const QString& sql);
    void run(QSqlQuery& prepared, const QVariantList& values);
    // Unprepared statement (DDL, transaction control: QPSQL cannot PREPARE those); throws on failure.
    void execDirect(const QString& sql);
    // Appends rows (each one value per column, in order; a null QVariant is SQL NULL) inside the caller's
    // transaction. PostgreSQL: one COPY … FROM STDIN on this thread's connection (issue 14, ≥ 20,000 audit
    // entries/s: QPSQL sends bound values as literals inside EXECUTE, which the server parses again per row);
    // SQLite: multi-row INSERTs. Throws like exec; on PostgreSQL the transaction is then aborted (the caller rolls back).
    void appendRows(const QString& table, const QStringList& columns, const QList<QVariantList>& rows);
    // Runs fn inside one transaction; rolls back and rethrows if fn throws.
    template <typename Fn> auto transaction(Fn&& fn) -> decltype(fn());
    // A read-only snapshot (every statement in fn sees the same committed state); never blocks writers.
    template <typename Fn> auto snapshot(Fn&& fn) -> decltype(fn());

    // Type names that differ between the two dialects, for migrations.
    QString blobType() const { return isPostgres() ? QStringLiteral("BYTEA") : QStringLiteral("BLOB"); }
    // Appended to a SELECT inside a transaction to hold the selected rows until commit. PostgreSQL locks the
    // rows (FOR UPDATE); SQLite needs nothing, as every write transaction starts with BEGIN IMMEDIATE and so
    // already excludes every other writer. Read-modify-write of a counter is then atomic on both.
    QString forUpdate() const { return isPostgres() ? QStringLiteral(" FOR UPDATE") : QString(); }

    // Takes the next `count` values of the global change sequence (cursors of /changes). Must run inside a
    // transaction: the counter row stays locked until commit, so sequence order is commit order and a
    // reader that sees seq N has already seen every seq below N — even with several hub processes.
    qint64 takeSequence(int count = 1, const QString& counter = QStringLiteral("change"));

    // PostgreSQL only: creates config.pgDatabase through the maintenance database when it does not exist
    // (init, tests). Throws HubError("storage", …).
    static void createPostgresDatabaseIfMissing(const HubConfig& config, bool dropFirst = false);

    // DB reachable (for /readyz).
    bool ping();

private:
    void copyRows(const QString& table, const QStringList& columns, const QList<QVariantList>& rows);
    void begin(bool readOnly = false);
    void dropIfBroken(const QSqlError& error);
    void commit();
    void rollback() noexcept;
    QString connectionName() const;

    HubConfig m_config;
    QString m_prefix;
};

template <typename Fn> auto HubDatabase::snapshot(Fn&& fn) -> decltype(fn())
{
    begin(true);
    try {
        if constexpr (std::is_void_v<decltype(fn())>) {
            fn();
            commit();
        } else {
            auto result = fn();
            commit();
            return result;
        }
    } catch (...) {
        rollback();
        throw;
    }
}

template <typename Fn> auto HubDatabase::transaction(Fn&& fn) -> decltype(fn())
{
    begin();
    try {
        if constexpr (std::is_void_v<decltype(fn())>) {
            fn();
            commit();
        } else {
            auto result = fn();
            commit();
            return result;
        }
    } catch (...) {
        rollback();
        throw;
    }
}

} // namespace ward::hub
