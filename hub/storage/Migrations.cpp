#include "hub/storage/Migrations.h"

#include "hub/HubError.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QSqlQuery>
#include <QStringList>

namespace ward::hub {

namespace {

// {BLOB} and {SEQ} differ between dialects; everything else is common SQL. Times are epoch milliseconds
// (BIGINT) so comparisons and indexes behave the same on both.
QStringList step1(bool pg)
{
    QStringList s{
        QStringLiteral("CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO counters (name, value) VALUES ('change', 0)"),
        QStringLiteral("INSERT INTO counters (name, value) VALUES ('audit', 0)"),
        // Data keys wrapped under the master key file (see hub/README.md, key hierarchy).
        QStringLiteral("CREATE TABLE data_keys (name TEXT PRIMARY KEY, wrapped {BLOB} NOT NULL, created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE wards (id TEXT PRIMARY KEY, name TEXT NOT NULL, seq BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE terminals (id TEXT PRIMARY KEY, name TEXT NOT NULL, ward TEXT NOT NULL REFERENCES wards(id),"
                       " cert_serial TEXT NOT NULL, cert_fingerprint TEXT NOT NULL UNIQUE, cert_der {BLOB} NOT NULL,"
                       " status TEXT NOT NULL CHECK (status IN ('enrolled','revoked')), enrolled_at BIGINT NOT NULL,"
                       " revoked_at BIGINT, slot_key {BLOB} NOT NULL)"),
        QStringLiteral("CREATE TABLE enrol_codes (code_hash TEXT PRIMARY KEY, ward TEXT NOT NULL REFERENCES wards(id),"
                       " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT, terminal_id TEXT)"),
        QStringLiteral("CREATE TABLE roles (id TEXT PRIMARY KEY, name TEXT NOT NULL, permissions TEXT NOT NULL, seq BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY, display_name {BLOB} NOT NULL, roles TEXT NOT NULL,"
                       " wards TEXT NOT NULL, privileged INTEGER NOT NULL DEFAULT 0,"
                       " status TEXT NOT NULL CHECK (status IN ('active','disabled','retired')),"
                       " password_verifier TEXT NOT NULL, account_state TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL, seq BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE card_bindings (user_id TEXT NOT NULL REFERENCES users(id), kind TEXT NOT NULL"
                       " CHECK (kind IN ('piv','uid')), key_id TEXT NOT NULL, public_key {BLOB}, bound_at BIGINT NOT NULL,"
                       " revoked_at BIGINT, PRIMARY KEY (user_id, kind, key_id))"),
        QStringLiteral("CREATE TABLE staff_certs (serial TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),"
                       " cert_der {BLOB} NOT NULL, valid_from BIGINT NOT NULL, valid_to BIGINT NOT NULL,"
                       " issued_at BIGINT NOT NULL, seq BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX staff_certs_user ON staff_certs(user_id)"),
        QStringLiteral("CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),"
                       " terminal_id TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)"),
        // One-time card challenges the hub hands out before a login (a replayed card signature is useless).
        QStringLiteral("CREATE TABLE card_challenges (nonce_hash TEXT PRIMARY KEY, terminal_id TEXT NOT NULL,"
                       " expires_at BIGINT NOT NULL, used_at BIGINT)"),
        QStringLiteral("CREATE TABLE patients (id TEXT PRIMARY KEY, ward TEXT NOT NULL REFERENCES wards(id),"
                       " identity {BLOB} NOT NULL, updated_at BIGINT NOT NULL, seq BIGINT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE INDEX patients_ward_seq ON patients(ward, seq)"),
        // body: AES-256-GCM under the HEALTH key; body_mac: HMAC under a key derived from it, so a re-push can
        // be recognised as identical without decrypting and without a plain hash of health data.
        QStringLiteral("CREATE TABLE records (record_id TEXT NOT NULL, version INTEGER NOT NULL, patient_id TEXT NOT NULL"
                       " REFERENCES patients(id), type TEXT NOT NULL, ward TEXT NOT NULL, author TEXT NOT NULL,"
                       " prev_hash TEXT NOT NULL, body {BLOB} NOT NULL, body_mac {BLOB} NOT NULL,"
                       " signature {BLOB} NOT NULL, ts_token {BLOB} NOT NULL, terminal_id TEXT NOT NULL,"
                       " received_at BIGINT NOT NULL, seq BIGINT NOT NULL UNIQUE, PRIMARY KEY (record_id, version))"),
        QStringLiteral("CREATE INDEX records_ward_seq ON records(ward, seq)"),
        QStringLiteral("CREATE TABLE policy (version INTEGER PRIMARY KEY, json TEXT NOT NULL, updated_at BIGINT NOT NULL,"
                       " seq BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE hub_audit (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL,"
                       " action TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"),
    };
    // Append-only at the storage level too: a bug or a hand-typed UPDATE cannot rewrite a record or the
    // hub's audit chain.
    if (pg) {
        s << QStringLiteral("CREATE FUNCTION ward_append_only() RETURNS trigger LANGUAGE plpgsql AS"
                            " $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$")
          << QStringLiteral("CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON records"
                            " FOR EACH ROW EXECUTE FUNCTION ward_append_only()")
          << QStringLiteral("CREATE TRIGGER hub_audit_append_only BEFORE UPDATE OR DELETE ON hub_audit"
                            " FOR EACH ROW EXECUTE FUNCTION ward_append_only()");
    } else {
        for (const char* t : {"records", "hub_audit"})
            for (const char* op : {"UPDATE", "DELETE"})
                s << QStringLiteral("CREATE TRIGGER %1_no_%2 BEFORE %3 ON %1 BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END")
                         .arg(QLatin1String(t), QString::fromLatin1(op).toLower(), QLatin1String(op));
    }
    return s;
}

// AUTH-2: one-time card-less login codes (only the SHA-256 of a code is stored).
QStringList step2(bool)
{
    return {
        QStringLiteral("CREATE TABLE fallback_codes (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),"
                       " code_hash TEXT NOT NULL, issued_by TEXT NOT NULL, issued_at BIGINT NOT NULL,"
                       " expires_at BIGINT NOT NULL, used_at BIGINT, used_terminal TEXT)"),
        QStringLiteral("CREATE INDEX fallback_codes_user ON fallback_codes(user_id, code_hash)"),
    };
}

// Issue 10: decoy accounts for unknown user ids (AUTH-5 counting without user enumeration), revocation of staff
// signing certificates, the review queue for records signed outside the offline grace window, and keyed UID
// digests (the old unkeyed digests cannot be converted: those bindings are revoked and must be bound again).
QStringList step3(bool)
{
    return {
        QStringLiteral("CREATE TABLE login_decoys (user_id TEXT PRIMARY KEY, account_state TEXT NOT NULL, updated_at BIGINT NOT NULL)"),
        QStringLiteral("ALTER TABLE staff_certs ADD COLUMN revoked_at BIGINT"),
        QStringLiteral("ALTER TABLE staff_certs ADD COLUMN revoked_reason TEXT"),
        QStringLiteral("CREATE TABLE records_review (record_id TEXT NOT NULL, version INTEGER NOT NULL, patient_id TEXT NOT NULL,"
                       " type TEXT NOT NULL, ward TEXT NOT NULL, author TEXT NOT NULL, prev_hash TEXT NOT NULL,"
                       " body {BLOB} NOT NULL, body_mac {BLOB} NOT NULL, signature {BLOB} NOT NULL, terminal_id TEXT NOT NULL,"
                       " received_at BIGINT NOT NULL, signed_at BIGINT NOT NULL, reason TEXT NOT NULL,"
                       " status TEXT NOT NULL CHECK (status IN ('pending','accepted','refused')), reviewed_by TEXT,"
                       " reviewed_at BIGINT, PRIMARY KEY (record_id, version))"),
        QStringLiteral("UPDATE card_bindings SET revoked_at = 0 WHERE kind = 'uid' AND revoked_at IS NULL"),
        QStringLiteral("ALTER TABLE card_bindings ADD COLUMN terminal_key_id TEXT"),
    };
}

// Issue 12: the administration API. users.version is the optimistic version every admin change checks and bumps;
// users.kana is the reading (sealed like the name). sessions.factor says how the session was opened (an admin
// session needs a card: "piv"/"uid", never "code"); last_used_at is for the admin idle limit (AUTH-10).
// admin_requests: privilege grants waiting for a second person (AC-4).
QStringList step4(bool)
{
    return {
        QStringLiteral("ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 1"),
        QStringLiteral("ALTER TABLE users ADD COLUMN kana {BLOB}"),
        // The staff search's fingerprint (count, newest seq, sum of versions) from this small index alone, not from
        // rows that carry kilobytes of account state each.
        QStringLiteral("CREATE INDEX users_version ON users(version, seq)"),
        QStringLiteral("ALTER TABLE sessions ADD COLUMN factor TEXT"),
        QStringLiteral("ALTER TABLE sessions ADD COLUMN last_used_at BIGINT"),
        QStringLiteral("CREATE TABLE admin_requests (id TEXT PRIMARY KEY, kind TEXT NOT NULL"
                       " CHECK (kind IN ('register','roles')), user_id TEXT NOT NULL, body TEXT NOT NULL,"
                       " requested_by TEXT NOT NULL, requested_terminal TEXT NOT NULL, requested_at BIGINT NOT NULL,"
                       " status TEXT NOT NULL CHECK (status IN ('pending','approved','refused')),"
                       " decided_by TEXT, decided_terminal TEXT, decided_at BIGINT, decision_reason TEXT)"),
        QStringLiteral("CREATE INDEX admin_requests_status ON admin_requests(status, requested_at)"),
    };
}

// Issue 13: the IT console's terminal list. What each terminal last told the hub (contact, sync, program version,
// its clock against the hub's) and who revoked it, when and why.
QStringList step5(bool)
{
    return {
        QStringLiteral("ALTER TABLE terminals ADD COLUMN revoked_by TEXT"),
        QStringLiteral("ALTER TABLE terminals ADD COLUMN revoked_reason TEXT"),
        QStringLiteral("ALTER TABLE terminals ADD COLUMN last_contact_at BIGINT"),
        QStringLiteral("ALTER TABLE terminals ADD COLUMN last_sync_at BIGINT"),
        QStringLiteral("ALTER TABLE terminals ADD COLUMN program_version TEXT"),
        QStringLiteral("ALTER TABLE terminals ADD COLUMN clock_skew_ms BIGINT"),
    };
}

// CFG-2: each policy version carries the hub's signature (base64 CMS DER over SignedPolicy::canonicalBytes).
// Versions stored before have none: terminals refuse them, so a hub upgraded in place sets its policy once again.
QStringList step6(bool)
{
    return {QStringLiteral("ALTER TABLE policy ADD COLUMN signature TEXT")};
}

// Issue 13 (DATA-5): what a terminal reports of its own disposal, and the terminal audit chains shipped to the hub
// (before a wipe, so nothing of the chain is lost with the vault). Both append-only like records.
QStringList step7(bool)
{
    return {
        QStringLiteral("CREATE TABLE terminal_disposals (id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL,"
                       " disposed_at BIGINT NOT NULL, operator TEXT NOT NULL, method TEXT NOT NULL, reason TEXT NOT NULL,"
                       " files TEXT NOT NULL, bytes_overwritten BIGINT NOT NULL, lost_records BIGINT NOT NULL,"
                       " lost_audit BIGINT NOT NULL, received_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX terminal_disposals_terminal ON terminal_disposals(terminal_id, disposed_at)"),
        QStringLiteral("CREATE TABLE terminal_audit (terminal_id TEXT NOT NULL, seq BIGINT NOT NULL, entry TEXT NOT NULL,"
                       " hash TEXT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (terminal_id, seq))"),
    };
}

// Issue 13 (AC-1, AC-4): the roles table follows the policy (a removed role stays as a row marked removed so the
// terminals learn of it), and policy versions that grant privileges wait for a second person.
QStringList step8(bool)
{
    return {
        QStringLiteral("ALTER TABLE roles ADD COLUMN removed_at BIGINT"),
        QStringLiteral("CREATE TABLE policy_requests (id TEXT PRIMARY KEY, base_version INTEGER NOT NULL, policy TEXT NOT NULL,"
                       " grants TEXT NOT NULL, reason TEXT NOT NULL, requested_by TEXT NOT NULL, requested_terminal TEXT NOT NULL,"
                       " requested_at BIGINT NOT NULL, status TEXT NOT NULL CHECK (status IN ('pending','approved','refused')),"
                       " decided_by TEXT, decided_terminal TEXT, decided_at BIGINT, decision_reason TEXT, version INTEGER)"),
        QStringLiteral("CREATE INDEX policy_requests_status ON policy_requests(status, requested_at)"),
    };
}

// Issue 14 (AUD-2): the terminal chain heads the hub acknowledged with its signature (so `wardhub check` sees a head
// that later disappears, forks or is rewritten), and the signed checkpoints of the hub's own chain (tail truncation).
// Append-only like the chain they anchor.
QStringList step9(bool pg)
{
    QStringList s{
        QStringLiteral("CREATE TABLE terminal_audit_acks (terminal_id TEXT NOT NULL, seq BIGINT NOT NULL, hash TEXT NOT NULL,"
                       " acknowledged_at BIGINT NOT NULL, PRIMARY KEY (terminal_id, seq))"),
        QStringLiteral("CREATE TABLE hub_audit_checkpoints (seq BIGINT PRIMARY KEY, hash TEXT NOT NULL, at BIGINT NOT NULL,"
                       " signature TEXT NOT NULL)"),
    };
    for (const char* t : {"terminal_audit_acks", "hub_audit_checkpoints"}) {
        if (pg) {
            s << QStringLiteral("CREATE TRIGGER %1_append_only BEFORE UPDATE OR DELETE ON %1 FOR EACH ROW EXECUTE FUNCTION ward_append_only()")
                     .arg(QLatin1String(t));
        } else {
            for (const char* op : {"UPDATE", "DELETE"})
                s << QStringLiteral("CREATE TRIGGER %1_no_%2 BEFORE %3 ON %1 BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END")
                         .arg(QLatin1String(t), QString::fromLatin1(op).toLower(), QLatin1String(op));
        }
    }
    return s;
}

// Issue 14: the auditor's review. terminal_audit gets the columns a search needs (entry time, user, action,
// outcome, the terminal's and the patient's ward); an entry that names a patient is kept sealed under the HEALTH key
// (`sealed`, `entry` then empty) and found by patient_mac, a keyed blind index, never a plain patient column.
// audit_btg_reviews: the auditor's mark on each break-the-glass entry (one per entry, AC-3).
QStringList step10(bool)
{
    QStringList s;
    for (const char* column : {"at BIGINT", "user_id TEXT", "action TEXT", "outcome TEXT", "terminal_ward TEXT",
                               "patient_ward TEXT", "patient_mac TEXT", "sealed {BLOB}"})
        s << QStringLiteral("ALTER TABLE terminal_audit ADD COLUMN %1").arg(QLatin1String(column));
    for (const char* index : {"at", "user_id, at", "patient_mac, at", "action, at", "terminal_ward, at", "patient_ward, at"})
        s << QStringLiteral("CREATE INDEX terminal_audit_%1 ON terminal_audit(%2)")
                 .arg(QString::fromLatin1(index).section(QLatin1Char(','), 0, 0), QLatin1String(index));
    s << QStringLiteral("CREATE INDEX hub_audit_at ON hub_audit(at)")
      << QStringLiteral("CREATE INDEX hub_audit_actor ON hub_audit(actor, at)")
      << QStringLiteral("CREATE INDEX hub_audit_action ON hub_audit(action, at)")
      << QStringLiteral("CREATE TABLE audit_btg_reviews (terminal_id TEXT NOT NULL, seq BIGINT NOT NULL, reviewed_by TEXT NOT NULL,"
                        " reviewed_terminal TEXT NOT NULL, reviewed_at BIGINT NOT NULL, comment TEXT NOT NULL,"
                        " PRIMARY KEY (terminal_id, seq))");
    return s;
}

// Issue 14 (IHE ATNA): how far each audit stream (the hub chain "hub", each terminal's chain "terminal/<id>") has
// reached the collector, and the stream's state for `wardhub audit stream-status` (one row).
QStringList step11(bool)
{
    return {
        QStringLiteral("CREATE TABLE atna_cursor (stream TEXT PRIMARY KEY, seq BIGINT NOT NULL, sent_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE atna_status (id INTEGER PRIMARY KEY CHECK (id = 1), state TEXT NOT NULL, error TEXT,"
                       " error_at BIGINT, updated_at BIGINT NOT NULL)"),
    };
}

// BCP-1: the wards' emergency accounts (each also a row of users): the request awaiting a second person, the
// approved letter, the use period that began with the first use, the last periodic test.
QStringList step12(bool)
{
    return {
        QStringLiteral("CREATE TABLE emergency_accounts (user_id TEXT PRIMARY KEY REFERENCES users(id),"
                       " ward TEXT NOT NULL REFERENCES wards(id), state TEXT NOT NULL CHECK (state IN ('awaiting','active')),"
                       " requested_by TEXT, requested_at BIGINT, approved_by TEXT, approved_at BIGINT,"
                       " letter_serial INTEGER NOT NULL, first_used_at BIGINT, usable_until BIGINT, last_test_at BIGINT,"
                       " created_at BIGINT NOT NULL)"),
    };
}

// BCP-1 offline: each approved letter's key (its private half sealed under the letter's password, EmergencyLetterKey)
// and a change-feed seq, so the ward's terminals learn of new letters and of uses and make their emergency slots.
QStringList step13(bool)
{
    return {
        QStringLiteral("ALTER TABLE emergency_accounts ADD COLUMN letter_key TEXT"),
        QStringLiteral("ALTER TABLE emergency_accounts ADD COLUMN seq BIGINT"),
        QStringLiteral("CREATE INDEX emergency_accounts_seq ON emergency_accounts(seq)"),
    };
}

const QList<QStringList (*)(bool)>& steps()
{
    static const QList<QStringList (*)(bool)> all{&step1, &step2, &step3, &step4, &step5, &step6, &step7, &step8, &step9, &step10,
                                                  &step11, &step12, &step13};
    return all;
}

} // namespace

int Migrations::latestVersion()
{
    return static_cast<int>(steps().size());
}

int Migrations::currentVersion(HubDatabase& db)
{
    const QStringList tables = db.connection().tables();
    if (!tables.contains(QStringLiteral("schema_version")))
        return 0;
    QSqlQuery q = db.exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    return q.next() ? q.value(0).toInt() : 0;
}

void Migrations::migrate(HubDatabase& db)
{
    db.execDirect(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"));
    const int current = currentVersion(db);
    if (current > latestVersion())
        throw HubError(QStringLiteral("storage"),
                       QStringLiteral("database schema %1 is newer than this wardhub (%2): upgrade wardhub")
                           .arg(current)
                           .arg(latestVersion()));
    for (int v = current + 1; v <= latestVersion(); ++v) {
        db.transaction([&] {
            for (QString sql : steps().at(v - 1)(db.isPostgres())) {
                sql.replace(QLatin1String("{BLOB}"), db.blobType());
                db.execDirect(sql);
            }
            db.exec(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"),
                    {v, Clock::instance().nowUtc().toMSecsSinceEpoch()});
        });
    }
}

} // namespace ward::hub
