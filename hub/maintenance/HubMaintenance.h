#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class QTextStream;

namespace ward::hub {

class HubServices;

// Backup, restore and consistency check of a hub.
//
// A backup is a logical, driver-independent dump (one JSON line per row, blobs base64) taken from one read snapshot
// — a SQLite hub can be restored onto PostgreSQL and back — encrypted and authenticated as a whole (BackupFormat,
// BCP-3). Inside, record bodies and identities stay sealed and data keys stay wrapped under the master key. It does
// NOT contain DIR/keys/master.key or DIR/ca/ca.key: keep those in escrow, apart (docs/DEPLOYMENT.md); without the
// master key a backup can be neither read nor restored (that is the point).
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

    struct BackupResult
    {
        QString id;
        bool incremental = false;
        qint64 rows = 0;
        qint64 bytes = 0;
    };
    // BCP-3: writes an encrypted backup (BackupFormat) of one read snapshot. base empty: a full backup. Otherwise
    // the header of the backup this one follows: an incremental, with the rows the growing tables gained since
    // base's marks and every other table whole.
    static BackupResult backup(HubServices& services, const QString& outPath, const QJsonObject& base = {});
    // Loads a full backup and the incrementals after it (in order, each on the one before) into this hub's
    // database, which must be empty (SQLite: the current file is moved aside to hub.db.before-restore-<time>;
    // PostgreSQL: point wardhub.ini at an empty database). Refuses files that do not authenticate, are truncated,
    // do not follow each other, do not add up to the last one's marks, or whose data keys this hub's master key
    // cannot open. Runs entirely in one transaction: a refusal changes nothing.
    static qint64 restore(const QString& dir, const QStringList& inPaths, QTextStream& out);

    // Tables an incremental backup carries only the new rows of (append-only, growing seq; per partition when set).
    struct Growth
    {
        QString table;
        QString partition;
    };
    static const QList<Growth>& growingTables();
    static const QStringList& tables();
    // Tables deliberately left out of the backup: the ATNA stream's cursor and status describe the collector's copy,
    // not the hub's data; a restored hub streams its chains again from the start (docs/ARCHITECTURE.md).
    static const QStringList& notBackedUp();

private:
    static qint64 restoreFiles(const QString& dir, const QStringList& inPaths, QTextStream& out);
};

} // namespace ward::hub
