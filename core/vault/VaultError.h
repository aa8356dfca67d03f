#pragma once

#include <QString>
#include <stdexcept>

namespace ward {

// Every way opening or using the vault can fail, each with a message a person can act on.
class VaultError : public std::runtime_error
{
public:
    enum class Code {
        WrongKey,           // the key does not open this database
        NoMatchingSlot,     // wrong password/card, or no slot for this user (indistinguishable on purpose)
        SlotFileMissing,
        SlotFileCorrupt,
        SlotFormatOutdated, // made by a WardStation whose card binding is no longer accepted: re-enrol
        NotAVault,          // a file that is not a SQLCipher vault (e.g. plain SQLite, random bytes)
        Corrupt,            // truncated, or a page failed its HMAC
        Locked,             // another process holds the database
        DiskFull,
        AppendOnly,         // an attempt to change or delete confirmed data
        InvalidInput,
        Io,
    };

    VaultError(Code code, const QString& message);
    Code code() const { return m_code; }
    QString message() const { return m_message; }
    static QString codeName(Code code);

private:
    Code m_code;
    QString m_message;
};

} // namespace ward
