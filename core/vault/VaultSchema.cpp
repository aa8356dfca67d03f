#include "vault/VaultSchema.h"

#include "vault/SqlCipherDatabase.h"
#include "vault/SqlStatement.h"
#include "vault/VaultError.h"

#include <QCoreApplication>
#include <QString>

namespace ward {

namespace {

// Identity data (patients) and health data (record_versions) are separate tables (DATA-2).
// Confirmed record versions and the audit log are append-only, enforced by triggers so that no code
// path, including a future bug, can rewrite history (DATA-3, AUD-2).
const char* const kMigrations[] = {
    // 1: the first schema
    R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE patients (
  patient_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kana TEXT NOT NULL DEFAULT '',
  folded TEXT NOT NULL DEFAULT '',
  birth_date TEXT,
  sex TEXT,
  address TEXT,
  ward TEXT NOT NULL,
  bed TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX patients_ward ON patients(ward, bed);
CREATE VIRTUAL TABLE patient_search USING fts4(tokens, tokenize=simple);

CREATE TABLE record_versions (
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  patient_id TEXT NOT NULL,
  type TEXT NOT NULL,
  classification INTEGER NOT NULL CHECK (classification BETWEEN 1 AND 4),
  compartment TEXT NOT NULL,
  author TEXT NOT NULL,
  proxy_author TEXT NOT NULL DEFAULT '',
  approver TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  prev_hash BLOB,
  body BLOB NOT NULL,
  signature BLOB,
  timestamp_token BLOB,
  status TEXT NOT NULL,
  PRIMARY KEY (record_id, version)
);
CREATE INDEX record_versions_patient ON record_versions(patient_id, created_at);

CREATE TRIGGER record_versions_no_delete BEFORE DELETE ON record_versions
BEGIN SELECT RAISE(ABORT, 'append-only: record versions cannot be deleted'); END;

-- The only change allowed: the hub's timestamp token arriving for a version that had none.
CREATE TRIGGER record_versions_no_update BEFORE UPDATE ON record_versions
WHEN NOT (OLD.timestamp_token IS NULL AND NEW.timestamp_token IS NOT NULL
  AND NEW.record_id IS OLD.record_id AND NEW.version IS OLD.version AND NEW.patient_id IS OLD.patient_id
  AND NEW.type IS OLD.type AND NEW.classification IS OLD.classification AND NEW.compartment IS OLD.compartment
  AND NEW.author IS OLD.author AND NEW.proxy_author IS OLD.proxy_author AND NEW.approver IS OLD.approver
  AND NEW.created_at IS OLD.created_at AND NEW.confirmed_at IS OLD.confirmed_at AND NEW.prev_hash IS OLD.prev_hash
  AND NEW.body IS OLD.body AND NEW.signature IS OLD.signature AND NEW.status IS OLD.status)
BEGIN SELECT RAISE(ABORT, 'append-only: record versions cannot be changed'); END;

CREATE TABLE drafts (
  draft_id TEXT PRIMARY KEY,
  author TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  type TEXT NOT NULL,
  base_record_id TEXT NOT NULL DEFAULT '',
  base_version INTEGER NOT NULL DEFAULT 0,
  sealed_body BLOB NOT NULL,
  saved_at TEXT NOT NULL
);
CREATE INDEX drafts_author ON drafts(author);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  terminal TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  patient TEXT NOT NULL,
  object TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL
);
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'append-only: the audit log cannot be deleted'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'append-only: the audit log cannot be changed'); END;
)SQL",
    // sync (issue 3; branch `sync`, written as the migration after main's last one — the lead renumbers it
    // when merging next to the chart's `outbox`/`signing_keys` migration). What sync keeps between runs:
    // the queue of confirmed versions still owed to the hub (BCP-2: offline work is never lost, sent
    // exactly once), the pull cursor and last success, and the hub's directory and policy as it sent them.
    R"SQL(
CREATE TABLE sync_outbox (
  seq INTEGER PRIMARY KEY,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  queued_at TEXT NOT NULL,
  done_at TEXT,
  verdict TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  UNIQUE (record_id, version)
);
CREATE INDEX sync_outbox_pending ON sync_outbox(done_at, seq);

CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE sync_directory (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);

CREATE TABLE sync_policy (
  version INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  json TEXT NOT NULL
);
)SQL",
};

constexpr int kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);

int userVersion(SqlCipherDatabase& db)
{
    SqlStatement q = db.prepare("PRAGMA user_version");
    q.step();
    return static_cast<int>(q.integer(0));
}

} // namespace

int VaultSchema::currentVersion()
{
    return kMigrationCount;
}

void VaultSchema::migrate(SqlCipherDatabase& db)
{
    const int have = userVersion(db);
    if (have > kMigrationCount)
        throw VaultError(VaultError::Code::InvalidInput,
                         QCoreApplication::translate("Vault", "This vault was written by a newer WardStation (schema "
                                                              "%1, this program knows %2). Update this terminal.")
                             .arg(have)
                             .arg(kMigrationCount));
    for (int v = have; v < kMigrationCount; ++v) {
        SqlCipherDatabase::Transaction tx(db);
        db.exec(kMigrations[v]);
        db.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1).toUtf8().constData());
        tx.commit();
    }
}

} // namespace ward
