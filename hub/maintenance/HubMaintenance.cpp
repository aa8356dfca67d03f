#include "hub/maintenance/HubMaintenance.h"

#include "crypto/CmsSignature.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"
#include "crypto/TimestampToken.h"
#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/maintenance/BackupReader.h"
#include "hub/maintenance/BackupWriter.h"
#include "hub/records/PatientRegistry.h"
#include "hub/records/RecordIngest.h"
#include "records/RecordEnvelope.h"
#include "hub/storage/HubAuditCheckpoints.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/terminals/TerminalAuditAnchors.h"
#include "hub/storage/Migrations.h"
#include "util/Clock.h"

#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlIndex>
#include <QSqlRecord>
#include <QTextStream>

#include <memory>
#include <vector>

namespace ward::hub {

namespace {

// Columns holding bytes; everything else is text or integer.
bool isBlobColumn(const QString& table, const QString& column)
{
    static const QHash<QString, QStringList> kBlobs{
        {QStringLiteral("data_keys"), {QStringLiteral("wrapped")}},
        {QStringLiteral("terminals"), {QStringLiteral("cert_der"), QStringLiteral("slot_key")}},
        {QStringLiteral("users"), {QStringLiteral("display_name"), QStringLiteral("kana")}},
        {QStringLiteral("card_bindings"), {QStringLiteral("public_key")}},
        {QStringLiteral("staff_certs"), {QStringLiteral("cert_der")}},
        {QStringLiteral("patients"), {QStringLiteral("identity")}},
        {QStringLiteral("records"), {QStringLiteral("body"), QStringLiteral("body_mac"), QStringLiteral("signature"), QStringLiteral("ts_token")}},
        {QStringLiteral("records_review"), {QStringLiteral("body"), QStringLiteral("body_mac"), QStringLiteral("signature")}},
        {QStringLiteral("terminal_audit"), {QStringLiteral("sealed")}},
    };
    return kBlobs.value(table).contains(column);
}
} // namespace

const QStringList& HubMaintenance::notBackedUp()
{
    static const QStringList kLeftOut{QStringLiteral("atna_cursor"), QStringLiteral("atna_status")};
    return kLeftOut;
}

const QStringList& HubMaintenance::tables()
{
    // Parents before children (foreign keys).
    static const QStringList kTables{QStringLiteral("counters"), QStringLiteral("data_keys"), QStringLiteral("wards"),
                                     QStringLiteral("terminals"), QStringLiteral("enrol_codes"), QStringLiteral("roles"),
                                     QStringLiteral("users"), QStringLiteral("card_bindings"), QStringLiteral("staff_certs"),
                                     QStringLiteral("sessions"), QStringLiteral("card_challenges"), QStringLiteral("fallback_codes"),
                                     QStringLiteral("patients"),
                                     QStringLiteral("records"), QStringLiteral("records_review"), QStringLiteral("policy"),
                                     QStringLiteral("hub_audit"), QStringLiteral("login_decoys"), QStringLiteral("admin_requests"),
                                     QStringLiteral("policy_requests"), QStringLiteral("terminal_disposals"),
                                     // BCP-1: the wards' emergency accounts (letters, use periods; rows change).
                                     QStringLiteral("emergency_accounts"),
                                     // Issue 14: the terminals' shipped audit, the heads the hub acknowledged, the hub
                                     // chain's signed checkpoints and the auditors' break-the-glass reviews.
                                     QStringLiteral("terminal_audit"), QStringLiteral("terminal_audit_acks"),
                                     QStringLiteral("hub_audit_checkpoints"), QStringLiteral("audit_btg_reviews")};
    return kTables;
}

HubMaintenance::CheckReport HubMaintenance::check(HubServices& s)
{
    CheckReport report;
    if (Migrations::currentVersion(s.db) != Migrations::latestVersion())
        report.problems << QStringLiteral("schema version %1, expected %2").arg(Migrations::currentVersion(s.db)).arg(Migrations::latestVersion());
    const QList<Certificate> trusted{s.pki->caCertificate()};
    QHash<QString, QList<Certificate>> certs;
    s.db.snapshot([&] {
        QSqlQuery p = s.db.exec(QStringLiteral("SELECT id, identity FROM patients"));
        while (p.next()) {
            ++report.patients;
            QByteArray plain;
            if (!s.keys.openIdentity(p.value(1).toByteArray(), PatientRegistry::identityAad(p.value(0).toString()), &plain))
                report.problems << QStringLiteral("patient %1: identity does not decrypt (altered or moved)").arg(p.value(0).toString());
        }
        QHash<QString, QByteArray> bodyHashes; // "id#version" → SHA-256 of the body
        // Keyset pages of 500: PostgreSQL results are fetched whole (HubDatabase), so never the whole table at once.
        QString lastId = QStringLiteral(""); // empty, not null: a null QString binds as SQL NULL
        int lastVersion = 0;
        for (bool more = true; more;) {
            QSqlQuery r = s.db.exec(QStringLiteral("SELECT record_id, version, author, prev_hash, body, body_mac, signature, ts_token"
                                                   " FROM records WHERE record_id > ? OR (record_id = ? AND version > ?)"
                                                   " ORDER BY record_id, version LIMIT 500"),
                                    {lastId, lastId, lastVersion});
            more = false;
            while (r.next()) {
                ++report.records;
                more = true;
                const QString id = r.value(0).toString();
                const int version = r.value(1).toInt();
                lastId = id;
                lastVersion = version;
                const QString author = r.value(2).toString();
                const QString where = QStringLiteral("record %1 v%2").arg(id).arg(version);
                QByteArray body;
                if (!s.keys.openHealth(r.value(4).toByteArray(), RecordIngest::bodyAad(id, version), &body)) {
                    report.problems << where + QStringLiteral(": body does not decrypt (altered or moved)");
                    continue;
                }
                bodyHashes.insert(id + QLatin1Char('#') + QString::number(version), Digest::sha256(body).toHex());
                if (s.keys.healthMac(body) != r.value(5).toByteArray())
                    report.problems << where + QStringLiteral(": body MAC mismatch");
                const QByteArray signature = r.value(6).toByteArray();
                const CmsVerification v = CmsSignature::verifyDetached(body, signature, trusted);
                // The signer is the author, or the proxy of a pending entry, or the approving doctor (the envelope).
                QString problem;
                const std::optional<RecordEnvelope> envelope = RecordEnvelope::parse(body, &problem);
                if (!envelope)
                    report.problems << where + QStringLiteral(": ") + problem;
                const QString signer = envelope ? envelope->expectedSigner() : author;
                if (!certs.contains(signer))
                    certs.insert(signer, s.staffCerts.certificatesOf(signer));
                if (!v.valid)
                    report.problems << where + QStringLiteral(": signature invalid: ") + v.error;
                else if (!certs.value(signer).contains(v.signer))
                    report.problems << where + QStringLiteral(": signer is not a certificate of ") + signer;
                const TimestampVerification t = TimestampToken::verify(r.value(7).toByteArray(), signature, trusted);
                if (!t.valid)
                    report.problems << where + QStringLiteral(": timestamp token invalid: ") + t.error;
                if (version > 1) {
                    const QByteArray prev = bodyHashes.value(id + QLatin1Char('#') + QString::number(version - 1));
                    if (prev.isEmpty() || QString::fromLatin1(prev) != r.value(3).toString())
                        report.problems << where + QStringLiteral(": does not link to version %1").arg(version - 1);
                }
            }
        }
    });
    const HubAuditLog::Verdict audit = HubAuditLog(s.db).verify();
    report.auditEntries = audit.entries;
    if (!audit.ok)
        report.problems << QStringLiteral("hub audit chain: ") + audit.problem;
    // Issue 14: the anchors — the hub's signed checkpoints of its own chain (a cut tail), and the terminal chains
    // against the heads the hub acknowledged (gone, forked or rewritten).
    report.problems << HubAuditCheckpoints(s.db).verify({s.pki->caCertificate()}, &report.auditCheckpoints);
    report.problems << TerminalAuditAnchors(s.db, s.keys, *s.pki).check(&report.terminalAuditEntries);
    return report;
}

const QList<HubMaintenance::Growth>& HubMaintenance::growingTables()
{
    // Append-only at the storage level (triggers), with a seq that only grows: records and the hub chain from one
    // counter each (taken under a row lock, so a later seq never commits before an earlier one), the checkpoints
    // after the chain, a terminal's shipped chain in its own order.
    static const QList<Growth> kGrowing{{QStringLiteral("records"), QString()},
                                        {QStringLiteral("hub_audit"), QString()},
                                        {QStringLiteral("hub_audit_checkpoints"), QString()},
                                        {QStringLiteral("terminal_audit"), QStringLiteral("terminal_id")}};
    return kGrowing;
}

namespace {

const HubMaintenance::Growth* growthOf(const QString& table)
{
    for (const HubMaintenance::Growth& g : HubMaintenance::growingTables())
        if (g.table == table)
            return &g;
    return nullptr;
}

// How far each growing table reached: {"records": seq, …, "terminal_audit": {"<terminal>": seq, …}}.
QJsonObject currentMarks(HubDatabase& db)
{
    QJsonObject marks;
    for (const HubMaintenance::Growth& g : HubMaintenance::growingTables()) {
        if (g.partition.isEmpty()) {
            QSqlQuery q = db.exec(QStringLiteral("SELECT MAX(seq) FROM ") + g.table);
            marks.insert(g.table, QString::number(q.next() && !q.value(0).isNull() ? q.value(0).toLongLong() : 0));
        } else {
            QJsonObject parts;
            QSqlQuery q = db.exec(QStringLiteral("SELECT %1, MAX(seq) FROM %2 GROUP BY %1").arg(g.partition, g.table));
            while (q.next())
                parts.insert(q.value(0).toString(), QString::number(q.value(1).toLongLong()));
            marks.insert(g.table, parts);
        }
    }
    return marks;
}

qint64 markOf(const QJsonObject& marks, const QString& table, const QString& part = QString())
{
    const QJsonValue v = marks.value(table);
    return (part.isEmpty() ? v : v.toObject().value(part)).toString().toLongLong();
}

// Every row of `table` matching `where` (with its values), in primary-key order, in pages of 500 that each start
// after the key of the last row before (keyset), so a page costs the same at the end of a table of 10^7 records as
// at its start (an OFFSET would read every row before it again).
template <typename Fn> void eachRow(HubDatabase& db, const QString& table, const QString& where, const QVariantList& whereValues, Fn&& fn)
{
    const QSqlIndex key = db.connection().primaryIndex(table);
    if (key.isEmpty())
        throw HubError(QStringLiteral("backup"), QStringLiteral("table %1 has no primary key to page by").arg(table));
    QStringList keyColumns;
    for (int i = 0; i < key.count(); ++i)
        keyColumns << key.fieldName(i);
    const QString order = keyColumns.join(QStringLiteral(", "));
    const QString after = QStringLiteral("(%1) > (%2)").arg(order, QStringList(keyColumns.size(), QStringLiteral("?")).join(QLatin1Char(',')));
    QVariantList last;
    for (;;) {
        QStringList conditions;
        if (!where.isEmpty())
            conditions << where;
        if (!last.isEmpty())
            conditions << after;
        QSqlQuery q = db.exec(QStringLiteral("SELECT * FROM %1%2 ORDER BY %3 LIMIT 500")
                                  .arg(table, conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")), order),
                              whereValues + last);
        int pageRows = 0;
        while (q.next()) {
            ++pageRows;
            const QSqlRecord rec = q.record();
            last.clear();
            for (const QString& column : keyColumns)
                last << rec.value(column);
            fn(rec);
        }
        if (pageRows < 500)
            return;
    }
}

QByteArray rowLine(const QString& table, const QSqlRecord& rec)
{
    QJsonObject row;
    for (int i = 0; i < rec.count(); ++i) {
        const QString col = rec.fieldName(i);
        const QVariant v = rec.value(i);
        if (v.isNull())
            row[col] = QJsonValue::Null;
        else if (isBlobColumn(table, col))
            row[col] = QString::fromLatin1(v.toByteArray().toBase64());
        else if (rec.field(i).metaType().id() == QMetaType::QString)
            row[col] = v.toString();
        else
            row[col] = QString::number(v.toLongLong()); // 64-bit exact, never through double
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("t"), table}, {QStringLiteral("r"), row}}).toJson(QJsonDocument::Compact);
}

} // namespace

HubMaintenance::BackupResult HubMaintenance::backup(HubServices& s, const QString& outPath, const QJsonObject& base)
{
    BackupResult result;
    result.incremental = !base.isEmpty();
    result.id = QString::fromLatin1(Random::bytes(16).toHex());
    s.db.snapshot([&] {
        const QJsonObject marks = currentMarks(s.db);
        const QJsonObject baseMarks = base.value(QStringLiteral("marks")).toObject();
        QJsonObject header{{QStringLiteral("kind"), result.incremental ? QStringLiteral("incremental") : QStringLiteral("full")},
                           {QStringLiteral("id"), result.id},
                           {QStringLiteral("schemaVersion"), Migrations::currentVersion(s.db)},
                           {QStringLiteral("createdAt"), Clock::instance().nowUtc().toString(Qt::ISODateWithMs)},
                           {QStringLiteral("caFingerprint"), QString::fromLatin1(s.pki->caCertificate().sha256Fingerprint().toHex())},
                           {QStringLiteral("marks"), marks}};
        if (result.incremental) {
            header.insert(QStringLiteral("base"), base.value(QStringLiteral("id")));
            header.insert(QStringLiteral("baseMarks"), baseMarks);
        }
        BackupWriter out(outPath, s.config.masterKeyPath(), header);
        for (const QString& table : tables()) {
            const auto write = [&](const QSqlRecord& rec) {
                out.writeLine(rowLine(table, rec));
                ++result.rows;
            };
            const Growth* growth = growthOf(table);
            if (!result.incremental || !growth) {
                // A full backup, or a table rows of which change: whole (the restore takes it from the last file).
                eachRow(s.db, table, QString(), {}, write);
            } else if (growth->partition.isEmpty()) {
                eachRow(s.db, table, QStringLiteral("seq > ?"), {markOf(baseMarks, table)}, write);
            } else {
                const QJsonObject parts = marks.value(table).toObject();
                for (auto it = parts.begin(); it != parts.end(); ++it)
                    eachRow(s.db, table, QStringLiteral("%1 = ? AND seq > ?").arg(growth->partition),
                            {it.key(), markOf(baseMarks, table, it.key())}, write);
            }
        }
        out.commit();
        result.bytes = out.bytesWritten();
    });
    return result;
}

namespace {

// One backup file being read table by table, one line ahead.
struct BackupSource
{
    std::unique_ptr<BackupReader> reader;
    QString table; // of the line ahead; empty at the end
    QJsonObject row;
    qint64 lineNumber = 0;

    void advance()
    {
        QByteArray line;
        if (!reader->readLine(&line)) {
            table.clear();
            return;
        }
        ++lineNumber;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        table = o.value(QStringLiteral("t")).toString();
        row = o.value(QStringLiteral("r")).toObject();
        if (!HubMaintenance::tables().contains(table) || row.isEmpty())
            throw HubError(QStringLiteral("restore"), QStringLiteral("the backup %1 is damaged at line %2; nothing was restored")
                                                          .arg(reader->path()).arg(lineNumber));
    }
};

} // namespace

qint64 HubMaintenance::restore(const QString& dir, const QStringList& inPaths, QTextStream& out)
{
    try {
        return restoreFiles(dir, inPaths, out);
    } catch (const HubError& e) {
        if (e.code() != QLatin1String("backup-file"))
            throw;
        throw HubError(QStringLiteral("restore"), e.message() + QStringLiteral("; nothing was restored"));
    }
}

qint64 HubMaintenance::restoreFiles(const QString& dir, const QStringList& inPaths, QTextStream& out)
{
    if (inPaths.isEmpty())
        throw HubError(QStringLiteral("restore"), QStringLiteral("no backup to restore"));
    const HubConfig config = HubConfig::load(dir);
    // The files must be one full backup and the incrementals that follow it, each on the one before.
    std::vector<BackupSource> sources;
    for (const QString& path : inPaths) {
        BackupSource source;
        source.reader = std::make_unique<BackupReader>(path, config.masterKeyPath());
        const QJsonObject& h = source.reader->header();
        const bool incremental = h.value(QStringLiteral("kind")).toString() == QLatin1String("incremental");
        if (h.value(QStringLiteral("schemaVersion")).toInt() != Migrations::latestVersion())
            throw HubError(QStringLiteral("restore"), QStringLiteral("the backup %1 has schema %2, this wardhub %3; nothing was restored")
                                                          .arg(path).arg(h.value(QStringLiteral("schemaVersion")).toInt()).arg(Migrations::latestVersion()));
        if (sources.empty() && incremental)
            throw HubError(QStringLiteral("restore"), QStringLiteral("%1 is an incremental backup: restore starts from a full backup"
                                                                     " and the incrementals after it; nothing was restored").arg(path));
        if (!sources.empty()) {
            const QJsonObject& before = sources.back().reader->header();
            if (!incremental)
                throw HubError(QStringLiteral("restore"), QStringLiteral("%1 is a full backup: only incrementals may follow %2; nothing was restored")
                                                              .arg(path, sources.back().reader->path()));
            if (h.value(QStringLiteral("base")) != before.value(QStringLiteral("id"))
                || h.value(QStringLiteral("baseMarks")) != before.value(QStringLiteral("marks")))
                throw HubError(QStringLiteral("restore"), QStringLiteral("the incremental backup %1 does not follow %2 (an incremental between them"
                                                                         " is missing, or they are of different chains); nothing was restored")
                                                              .arg(path, sources.back().reader->path()));
            if (h.value(QStringLiteral("caFingerprint")) != before.value(QStringLiteral("caFingerprint")))
                throw HubError(QStringLiteral("restore"), QStringLiteral("%1 is of another hub than %2; nothing was restored")
                                                              .arg(path, sources.back().reader->path()));
        }
        sources.push_back(std::move(source));
    }
    const QJsonObject finalMarks = sources.back().reader->header().value(QStringLiteral("marks")).toObject();
    // Every part of every file authenticates and each ends where it should, before the database is touched: a
    // damaged or altered backup is refused as such, whatever state the target is in.
    for (const BackupSource& source : sources)
        BackupReader(source.reader->path(), config.masterKeyPath()).verifyToEnd();

    // SQLite: restore into a side file and swap it in only after a complete, verified load, so a refused or
    // failed restore leaves the hub as it was.
    HubConfig target = config;
    if (!config.isPostgres()) {
        target.sqliteFile = config.sqliteFile + QStringLiteral(".restoring");
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(target.path(target.sqliteFile) + suffix);
    }
    qint64 rows = 0;
    try {
        HubDatabase database(target);
        Migrations::migrate(database);
        for (const QString& table : tables()) {
            QSqlQuery q = database.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
            // Migrations insert the counters; everything else must be empty.
            if (table != QLatin1String("counters") && q.next() && q.value(0).toLongLong() > 0)
                throw HubError(QStringLiteral("restore"),
                               QStringLiteral("the target database is not empty (table %1): point wardhub.ini at an empty database").arg(table));
        }
        database.transaction([&] {
            database.exec(QStringLiteral("DELETE FROM counters"));
            for (BackupSource& source : sources)
                source.advance();
            // Table by table (parents before children), across the files: a growing table gets the rows of every
            // file, in order; any other table is taken whole from the last file, the state it describes.
            for (const QString& table : tables()) {
                const QSqlRecord shape = database.connection().record(table);
                for (std::size_t i = 0; i < sources.size(); ++i) {
                    BackupSource& source = sources[i];
                    const bool take = growthOf(table) || i + 1 == sources.size();
                    for (; source.table == table; source.advance()) {
                        if (!take)
                            continue;
                        QStringList cols, marks;
                        QVariantList values;
                        for (auto it = source.row.begin(); it != source.row.end(); ++it) {
                            if (shape.indexOf(it.key()) < 0)
                                throw HubError(QStringLiteral("restore"), QStringLiteral("unknown column %1.%2 in backup").arg(table, it.key()));
                            cols << it.key();
                            marks << QStringLiteral("?");
                            if (it.value().isNull())
                                values << QVariant(shape.field(it.key()).metaType());
                            else if (isBlobColumn(table, it.key()))
                                values << QByteArray::fromBase64(it.value().toString().toLatin1());
                            else if (shape.field(it.key()).metaType().id() == QMetaType::QString)
                                values << it.value().toString();
                            else
                                values << it.value().toString().toLongLong();
                        }
                        database.exec(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, cols.join(QLatin1Char(',')), marks.join(QLatin1Char(','))),
                                      values);
                        ++rows;
                    }
                }
            }
            for (const BackupSource& source : sources)
                if (!source.table.isEmpty())
                    throw HubError(QStringLiteral("restore"), QStringLiteral("the backup %1 is damaged at line %2 (table %3 out of order); nothing was"
                                                                             " restored")
                                                                  .arg(source.reader->path()).arg(source.lineNumber).arg(source.table));
            // The chain restored to exactly the state of the last backup: every growing table reaches its marks.
            if (sources.back().reader->header().value(QStringLiteral("formatVersion")).toInt() >= 2 && currentMarks(database) != finalMarks)
                throw HubError(QStringLiteral("restore"), QStringLiteral("the backups do not add up to the state of %1 (rows missing between them);"
                                                                         " nothing was restored")
                                                              .arg(sources.back().reader->path()));
            // The backup's data keys must open with this hub's master key, or the restored data would be unreadable.
            DataKeys::load(database, config.masterKeyPath());
        });
    } catch (...) {
        if (!config.isPostgres())
            for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(target.path(target.sqliteFile) + suffix);
        throw;
    }
    if (!config.isPostgres()) {
        const QString db = config.path(config.sqliteFile);
        const QString aside = db + QStringLiteral(".before-restore-") + Clock::instance().nowUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            if (QFile::exists(db + suffix) && !QFile::rename(db + suffix, aside + suffix))
                throw HubError(QStringLiteral("restore"), QStringLiteral("cannot move %1 aside").arg(db + suffix));
        if (!QFile::rename(target.path(target.sqliteFile), db))
            throw HubError(QStringLiteral("restore"), QStringLiteral("cannot move the restored database into place"));
        out << "previous database kept as " << aside << Qt::endl;
    }
    return rows;
}

} // namespace ward::hub
