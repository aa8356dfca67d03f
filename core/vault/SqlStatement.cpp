#include "vault/SqlStatement.h"

#include "vault/SqlCipherDatabase.h"

#include <sqlcipher/sqlite3.h>

namespace ward {

SqlStatement::SqlStatement(SqlCipherDatabase& db, sqlite3_stmt* stmt)
    : m_db(&db)
    , m_stmt(stmt)
{
}

SqlStatement::~SqlStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

SqlStatement::SqlStatement(SqlStatement&& other) noexcept
    : m_db(other.m_db)
    , m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

SqlStatement& SqlStatement::bind(int index, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    const int rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_db->raise(rc, "bind");
    return *this;
}

SqlStatement& SqlStatement::bind(int index, const QByteArray& blob)
{
    const int rc = blob.isNull() ? sqlite3_bind_null(m_stmt, index)
                                 : sqlite3_bind_blob(m_stmt, index, blob.constData(), static_cast<int>(blob.size()),
                                                     SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_db->raise(rc, "bind");
    return *this;
}

SqlStatement& SqlStatement::bind(int index, qint64 value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK)
        m_db->raise(rc, "bind");
    return *this;
}

SqlStatement& SqlStatement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK)
        m_db->raise(rc, "bind");
    return *this;
}

bool SqlStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    m_db->raise(rc, "step");
}

void SqlStatement::run()
{
    while (step()) {
    }
}

void SqlStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

QString SqlStatement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
}

QByteArray SqlStatement::blob(int column) const
{
    const void* p = sqlite3_column_blob(m_stmt, column);
    return p ? QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

qint64 SqlStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool SqlStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace ward
