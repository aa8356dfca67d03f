#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3_stmt;

namespace ward {

class SqlCipherDatabase;

// A prepared statement (RAII). bind* take 1-based indexes as SQLite does.
class SqlStatement
{
public:
    SqlStatement(SqlCipherDatabase& db, sqlite3_stmt* stmt);
    ~SqlStatement();
    SqlStatement(SqlStatement&& other) noexcept;
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    SqlStatement& bind(int index, const QString& value);
    SqlStatement& bind(int index, const QByteArray& blob);
    SqlStatement& bind(int index, qint64 value);
    SqlStatement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    SqlStatement& bindNull(int index);

    // True while a row is available; false when done. Errors throw VaultError.
    bool step();
    void run();  // step() until done
    void reset();

    QString text(int column) const;
    QByteArray blob(int column) const;
    qint64 integer(int column) const;
    bool isNull(int column) const;

private:
    SqlCipherDatabase* m_db;
    sqlite3_stmt* m_stmt;
};

} // namespace ward
