#include "vault/SqlCipherDatabase.h"

#include "vault/SqlStatement.h"
#include "vault/VaultError.h"
#include "vault/VaultText.h"

#include <QCoreApplication>
#include <QFile>
#include <sqlcipher/sqlite3.h>

namespace ward {

namespace {


} // namespace

SqlCipherDatabase::SqlCipherDatabase(const QString& path, const SecureBytes& key, bool create)
    : m_path(path)
{
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const int code = rc;
        close();
        if (code == SQLITE_CANTOPEN)
            throw VaultError(VaultError::Code::Io, VaultText::tr("The vault file %1 cannot be opened.").arg(path));
        raise(code, "open");
    }
    try {
        // An empty key opens an unencrypted file: only the benchmark's plain-SQLite baseline does
        // that (the Vault never passes an empty key).
        if (!key.isEmpty())
            applyKey(key);
        // The first read decrypts page 1: a wrong key or a non-vault file fails here.
        exec("SELECT count(*) FROM sqlite_master");
        exec("PRAGMA secure_delete = ON");
        exec("PRAGMA temp_store = MEMORY");
        // WAL: readers (the chart) never wait for the writer (sync); synchronous=FULL makes every
        // commit durable across power loss, which drafts need (SES-4).
        exec("PRAGMA journal_mode = WAL");
        exec("PRAGMA synchronous = FULL");
        exec("PRAGMA foreign_keys = ON");
        sqlite3_busy_timeout(m_db, 2000);
    } catch (...) {
        close();
        throw;
    }
}

void SqlCipherDatabase::applyKey(const SecureBytes& key)
{
    // Raw key in SQLCipher's blob-literal form: no passphrase KDF, the key already has full entropy.
    SecureBytes literal(key.size() * 2 + 3);
    const SecureBytes hex = key.toHex();
    literal.data()[0] = 'x';
    literal.data()[1] = '\'';
    std::copy(hex.data(), hex.data() + hex.size(), literal.data() + 2);
    literal.data()[literal.size() - 1] = '\'';
    if (sqlite3_key(m_db, literal.data(), static_cast<int>(literal.size())) != SQLITE_OK)
        throw VaultError(VaultError::Code::WrongKey, VaultText::tr("The vault key was refused."));
    // Not stored in the file: must be set on every open, before the first read.
    exec("PRAGMA cipher_page_size = 4096");
}

SqlCipherDatabase::~SqlCipherDatabase()
{
    close();
}

void SqlCipherDatabase::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void SqlCipherDatabase::exec(const char* sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        raise(rc, "exec");
}

SqlStatement SqlCipherDatabase::prepare(const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK)
        raise(rc, "prepare");
    return SqlStatement(*this, stmt);
}

qint64 SqlCipherDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqlCipherDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

void SqlCipherDatabase::raise(int rc, const char* operation) const
{
    const QString detail = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        throw VaultError(VaultError::Code::WrongKey,
                         VaultText::tr("The vault cannot be opened with this key, or it is not a WardStation vault."));
    case SQLITE_CORRUPT:
        throw VaultError(VaultError::Code::Corrupt,
                         VaultText::tr("The vault is damaged (%1). No data was changed. Ask IT to restore this terminal from "
                            "the hub.")
                             .arg(detail));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw VaultError(VaultError::Code::Locked,
                         VaultText::tr("The vault is in use by another program. Close other WardStation windows and try again."));
    case SQLITE_FULL:
        throw VaultError(VaultError::Code::DiskFull,
                         VaultText::tr("The disk is full; the last change was not saved. Ask IT to free space."));
    case SQLITE_CONSTRAINT:
        if (detail.contains(QLatin1String("append-only")))
            throw VaultError(VaultError::Code::AppendOnly,
                             VaultText::tr("Confirmed entries cannot be changed or deleted; write a correction instead."));
        throw VaultError(VaultError::Code::InvalidInput, VaultText::tr("The data was refused by the vault (%1).").arg(detail));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    default:
        throw VaultError(VaultError::Code::Io,
                         VaultText::tr("The vault could not be read or written (%1 during %2).")
                             .arg(detail, QString::fromLatin1(operation)));
    }
}

SqlCipherDatabase::Transaction::Transaction(SqlCipherDatabase& db)
    : m_db(db)
    , m_nested(sqlite3_get_autocommit(db.handle()) == 0)
{
    // Inside an open transaction a savepoint: steps that must happen together (a confirmed version, its outbox
    // entry and its audit entry) can each keep their own transaction and still commit or fail as one.
    m_db.exec(m_nested ? "SAVEPOINT ward_nested" : "BEGIN IMMEDIATE");
}

SqlCipherDatabase::Transaction::~Transaction()
{
    if (m_done)
        return;
    if (m_nested)
        sqlite3_exec(m_db.handle(), "ROLLBACK TO ward_nested; RELEASE ward_nested", nullptr, nullptr, nullptr);
    else
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqlCipherDatabase::Transaction::commit()
{
    m_db.exec(m_nested ? "RELEASE ward_nested" : "COMMIT");
    m_done = true;
}

} // namespace ward
