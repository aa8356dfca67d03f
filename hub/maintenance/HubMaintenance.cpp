#include "hub/maintenance/HubMaintenance.h"

#include "crypto/CmsSignature.h"
#include "crypto/Digest.h"
#include "crypto/TimestampToken.h"
#include "hub/HubError.h"
#include "hub/HubServices.h"
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
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlIndex>
#include <QSqlRecord>
#include <QTextStream>

namespace ward::hub {

namespace {
constexpr const char* kFormat = "wardhub-backup";

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

qint64 HubMaintenance::backup(HubServices& s, const QString& outPath)
{
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly))
        throw HubError(QStringLiteral("backup"), QStringLiteral("cannot write %1").arg(outPath));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qint64 rows = 0;
    s.db.snapshot([&] {
        const QJsonObject header{{QStringLiteral("format"), QLatin1String(kFormat)}, {QStringLiteral("formatVersion"), 1},
                                 {QStringLiteral("schemaVersion"), Migrations::currentVersion(s.db)},
                                 {QStringLiteral("createdAt"), Clock::instance().nowUtc().toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("caFingerprint"), QString::fromLatin1(s.pki->caCertificate().sha256Fingerprint().toHex())}};
        file.write(QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n');
        for (const QString& table : tables()) {
            // Pages of 500 inside the one snapshot (consistent), so memory stays flat on PostgreSQL too. Each page
            // starts after the primary key of the last row of the one before (keyset), so a page costs the same at
            // the end of a table of 10^7 records as at its start (an OFFSET would read every row before it again).
            const QSqlIndex key = s.db.connection().primaryIndex(table);
            if (key.isEmpty())
                throw HubError(QStringLiteral("backup"), QStringLiteral("table %1 has no primary key to page by").arg(table));
            QStringList keyColumns;
            for (int i = 0; i < key.count(); ++i)
                keyColumns << key.fieldName(i);
            const QString order = keyColumns.join(QStringLiteral(", "));
            const QString after = QStringLiteral("(%1) > (%2)").arg(order, QStringList(keyColumns.size(), QStringLiteral("?")).join(QLatin1Char(',')));
            QVariantList last;
            for (;;) {
                QSqlQuery q = s.db.exec(QStringLiteral("SELECT * FROM %1%2 ORDER BY %3 LIMIT 500")
                                            .arg(table, last.isEmpty() ? QString() : QStringLiteral(" WHERE ") + after, order),
                                        last);
                int pageRows = 0;
                while (q.next()) {
                    ++pageRows;
                    const QSqlRecord rec = q.record();
                    last.clear();
                    for (const QString& column : keyColumns)
                        last << rec.value(column);
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
                    file.write(QJsonDocument(QJsonObject{{QStringLiteral("t"), table}, {QStringLiteral("r"), row}}).toJson(QJsonDocument::Compact) + '\n');
                    ++rows;
                }
                if (pageRows < 500)
                    break;
            }
        }
    });
    if (!file.commit())
        throw HubError(QStringLiteral("backup"), QStringLiteral("cannot complete %1").arg(outPath));
    return rows;
}

qint64 HubMaintenance::restore(const QString& dir, const QString& inPath, QTextStream& out)
{
    QFile in(inPath);
    if (!in.open(QIODevice::ReadOnly))
        throw HubError(QStringLiteral("restore"), QStringLiteral("cannot read %1").arg(inPath));
    const QJsonObject header = QJsonDocument::fromJson(in.readLine()).object();
    if (header.value(QStringLiteral("format")).toString() != QLatin1String(kFormat) || header.value(QStringLiteral("formatVersion")).toInt() != 1)
        throw HubError(QStringLiteral("restore"), QStringLiteral("%1 is not a wardhub backup").arg(inPath));
    if (header.value(QStringLiteral("schemaVersion")).toInt() != Migrations::latestVersion())
        throw HubError(QStringLiteral("restore"), QStringLiteral("backup schema %1 differs from this wardhub's %2")
                                                      .arg(header.value(QStringLiteral("schemaVersion")).toInt()).arg(Migrations::latestVersion()));

    const HubConfig config = HubConfig::load(dir);
    // SQLite: restore into a side file and swap it in only after a complete, verified load, so a refused or
    // failed restore leaves the hub as it was.
    HubConfig target = config;
    if (!config.isPostgres()) {
        target.sqliteFile = config.sqliteFile + QStringLiteral(".restoring");
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(target.path(target.sqliteFile) + suffix);
    }
    qint64 rows = 0;
    {
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
            while (!in.atEnd()) {
                const QByteArray line = in.readLine();
                if (line.trimmed().isEmpty())
                    continue;
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                const QString table = o.value(QStringLiteral("t")).toString();
                const QJsonObject row = o.value(QStringLiteral("r")).toObject();
                if (!tables().contains(table) || row.isEmpty())
                    throw HubError(QStringLiteral("restore"), QStringLiteral("damaged backup line %1").arg(rows + 2));
                QStringList cols, marks;
                QVariantList values;
                const QSqlRecord shape = database.connection().record(table);
                for (auto it = row.begin(); it != row.end(); ++it) {
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
            // The backup's data keys must open with this hub's master key, or the restored data would be unreadable.
            DataKeys::load(database, config.masterKeyPath());
        });
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
