#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ward::hub {

// BCP-3: the layout of a backup file (format version 2), shared by BackupWriter and BackupReader.
//
//   line 1   the header, compact JSON, readable without a key: format, formatVersion 2, kind (full|incremental), id,
//            base (the backup an incremental follows), createdAt, schemaVersion, caFingerprint, marks (how far each
//            growing table reached), salt (hex) and keyCheck (tells a wrong master key from an altered file)
//   line 2   HMAC-SHA-256 of line 1 (hex) under the header key: the header cannot be changed unnoticed
//   parts    4-byte big-endian length, then AES-256-GCM of up to kPartSize bytes of backup lines; the associated data
//            is SHA-256(line 1) || part number (8 bytes, big-endian) || final flag (1 byte), so parts cannot be
//            altered, reordered, moved to another backup or cut off: the last part carries the final flag and
//            nothing may follow it.
// Keys: DataKeys::backupKeys(master key, salt).
struct BackupFormat
{
    static constexpr const char* kFormat = "wardhub-backup";
    static constexpr int kVersion = 2;
    static constexpr int kPartSize = 1 << 20;
    static constexpr int kSaltSize = 32;
    // A sealed part is never larger than this (a length above it is damage, not a reason to allocate).
    static constexpr int kMaxSealed = kPartSize + 64;

    static SecureBytes encryptionKey(const SecureBytes& keys);
    static QByteArray headerMac(const SecureBytes& keys, const QByteArray& headerLine);
    static QByteArray keyCheck(const SecureBytes& keys);
    static QByteArray partAad(const QByteArray& headerLine, quint64 part, bool final);
};

} // namespace ward::hub
