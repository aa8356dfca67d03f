#pragma once

#include "crypto/SecureBytes.h"

#include <QString>

struct sqlite3;

namespace ward {

class SqlStatement;

// One connection to a SQLCipher database file, opened with a raw 256-bit key (no passphrase KDF
// inside SQLCipher: the key comes from a key slot). Not thread-safe: one connection per thread.
// Every SQLite failure is turned into a typed VaultError.
class SqlCipherDatabase
{
public:
    SqlCipherDatabase(const QString& path, const SecureBytes& key, bool create);
    ~SqlCipherDatabase();
    SqlCipherDatabase(const SqlCipherDatabase&) = delete;
    SqlCipherDatabase& operator=(const SqlCipherDatabase&) = delete;

    sqlite3* handle() const { return m_db; }
    const QString& path() const { return m_path; }

    void exec(const char* sql);
    SqlStatement prepare(const char* sql);
    qint64 lastInsertRowId() const;
    int changes() const;

    // Throws the VaultError matching an SQLite result code (with the failing operation named).
    [[noreturn]] void raise(int rc, const char* operation) const;

    // Commits on scope exit only if commit() was called; otherwise rolls back. Nests (as a savepoint) inside a
    // transaction already open on this connection; only the outermost commit makes the changes durable.
    class Transaction
    {
    public:
        explicit Transaction(SqlCipherDatabase& db);
        ~Transaction();
        void commit();

    private:
        SqlCipherDatabase& m_db;
        bool m_nested;
        bool m_done = false;
    };

private:
    void applyKey(const SecureBytes& key);
    void close();
    sqlite3* m_db = nullptr;
    QString m_path;
};

} // namespace ward
