#pragma once

#include "crypto/Certificate.h"
#include "crypto/KeyPair.h"

#include <QString>
#include <QUrl>
#include <memory>
#include <optional>

namespace ward {

// What enrolment leaves on the terminal: its id and ward at the hub, its TLS certificate and private key,
// the hub's address and the hub CA that IT confirmed.
//
// Storage, in <dataDir>/terminal/ (directory 0700, every file 0600, written atomically):
//   terminal.json       id, ward, hub URL
//   certificate.pem     the terminal certificate (public)
//   hub-ca.pem          the pinned hub CA (public; its fingerprint was confirmed by IT)
//   terminal-key.pem    the terminal's P-256 private key, PKCS#8 PEM, unencrypted
// The key is a machine credential: it must open without a person present (background sync, the vault's
// network slot after a reboot), so there is nothing to wrap it under that would not sit beside it. Its
// protection is the file mode (root-owned service account), full-disk encryption of the ward PC, and
// revocation at the hub (`wardhub revoke-terminal`), which ends both sync and the network slot for a stolen
// disk. It never leaves the terminal: the hub only ever sees the CSR.
class TerminalIdentity
{
public:
    QString terminalId;
    QString ward;
    QUrl hubUrl;
    Certificate certificate;
    Certificate hubCa;
    std::shared_ptr<const KeyPair> key;

    static QString directory(const QString& dataDir);
    static bool exists(const QString& dataDir);
    // Throws SyncError(Storage) when a file cannot be written; nothing half-written is left behind.
    void save(const QString& dataDir) const;
    // nullopt with a reason when missing, unreadable, inconsistent (key not matching the certificate,
    // certificate not issued by the CA) or with loose file permissions.
    static std::optional<TerminalIdentity> load(const QString& dataDir, QString* error = nullptr);
};

} // namespace ward
