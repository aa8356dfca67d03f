#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace ward::hub {

class HubServices;

// Backup, restore and consistency check of a hub.
//
// A backup is a logical, driver-independent dump (JSON lines: a header, then one line per row, blobs base64) taken
// from one read snapshot — a SQLite hub can be restored onto PostgreSQL and back. It contains what the database
// contains: record bodies and identities stay sealed, data keys stay wrapped under the master key. It does NOT
// contain DIR/keys/master.key or DIR/ca/ca.key: keep those in a separate, offline place; without the master key
// a backup is unreadable (that is the point).
class HubMaintenance
{
public:
    struct CheckReport
    {
        qint64 records = 0;
        qint64 patients = 0;
        qint64 auditEntries = 0;
        qint64 auditCheckpoints = 0;      // issue 14: signed checkpoints of the hub chain verified
        qint64 terminalAuditEntries = 0;  // issue 14: entries of terminal chains walked
        QStringList problems;
        bool ok() const { return problems.isEmpty(); }
    };

    // Re-verifies everything: data keys, every patient identity and record body opens under its own AAD, every
    // record's CMS signature (hub CA, author's certificates), body MAC, version chain (prevHash) and timestamp
    // token, the hub audit chain and its signed checkpoints, and the terminals' audit chains against the heads the
    // hub acknowledged (issue 14).
    static CheckReport check(HubServices& services);

    // Returns the number of rows written.
    static qint64 backup(HubServices& services, const QString& outPath);
    // Loads a backup into this hub's database, which must be empty (SQLite: the current file is moved aside to
    // hub.db.before-restore-<time>; PostgreSQL: point wardhub.ini at an empty database). Refuses a backup whose
    // data keys this hub's master key cannot open. Runs entirely in one transaction.
    static qint64 restore(const QString& dir, const QString& inPath, QTextStream& out);

    static const QStringList& tables();
    // Tables deliberately left out of the backup: the ATNA stream's cursor and status describe the collector's copy,
    // not the hub's data; a restored hub streams its chains again from the start (docs/ARCHITECTURE.md).
    static const QStringList& notBackedUp();
};

} // namespace ward::hub
