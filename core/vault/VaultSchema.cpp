#include "vault/VaultSchema.h"

#include "records/RecordEnvelope.h"

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
    // 2: the chart (issue 5). Confirmed versions waiting for the hub (BCP-2: entries queue offline),
    // and each user's signing key, wrapped under a key derived from their password — never in clear
    // (DESIGN: signing). Old keys stay with their certificates so old signatures remain verifiable.
    R"SQL(
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  queued_at TEXT NOT NULL,
  sent_at TEXT,
  UNIQUE (record_id, version)
);
CREATE INDEX outbox_unsent ON outbox(sent_at);

CREATE TABLE signing_keys (
  user_id TEXT NOT NULL,
  cert_serial TEXT NOT NULL,
  certificate BLOB NOT NULL,
  wrapped_key BLOB NOT NULL,
  kdf TEXT NOT NULL,
  salt BLOB NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT,
  PRIMARY KEY (user_id, cert_serial)
);
)SQL",
    // 3: sync (issue 3). The chart's outbox (2) is the push queue; sync adds the hub's final verdict per
    // version (stored | duplicate | rejected, with the hub's reason) so a rejected version is not resent and
    // the reason can be shown. Plus what sync keeps between runs: the pull cursor and last success, and the
    // hub's directory and policy as it sent them (read by login and access rules offline).
    R"SQL(
ALTER TABLE outbox ADD COLUMN verdict TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN reason TEXT NOT NULL DEFAULT '';

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
    // Issue 9: records are signed FHIR envelopes now. A vault from before holds bodies this program cannot show
    // truthfully; say so plainly instead of showing half-read records (there is no deployed data to convert).
    SqlStatement first = db.prepare("SELECT body FROM record_versions ORDER BY rowid LIMIT 1");
    if (first.step() && !RecordEnvelope::looksLikeEnvelope(first.blob(0)))
        throw VaultError(VaultError::Code::InvalidInput,
                         QCoreApplication::translate("Vault", "This terminal's vault holds records in the format of an "
                                                              "earlier WardStation version, which this version cannot "
                                                              "show. Ask IT to wipe and re-enrol this terminal; its "
                                                              "records come back from the hub."));
}

} // namespace ward
