#pragma once

#include "audit/AuditLog.h"
#include "crypto/Argon2Kdf.h"
#include "crypto/SecureBytes.h"
#include "vault/DisposalRecord.h"
#include "vault/DraftStore.h"
#include "vault/KeySlotFile.h"
#include "vault/PatientStore.h"
#include "vault/RecordStore.h"
#include "vault/SqlCipherDatabase.h"

#include <memory>

namespace ward {

class KeyPair;

// The terminal's encrypted cache (DATA-1): one SQLCipher file opened with a random 256-bit key that
// exists on disk only inside key slots. Opening through a user slot *is* the offline password check.
// Every operation of security interest lands in the audit chain; a failed unwrap, which happens
// while the vault is still closed, is held in audit-pending.jsonl (no secrets) and chained at the
// next open.
class Vault
{
public:
    static QString databasePath(const QString& dir);
    static QString slotFilePath(const QString& dir);
    static QString disposalPath(const QString& dir);
    static QString pendingAuditPath(const QString& dir);
    static bool exists(const QString& dir);

    // A new vault with a fresh random key. It has no slots yet: the caller adds the first user or
    // network slot before closing, or the key is gone with the process.
    static std::unique_ptr<Vault> create(const QString& dir, const QString& terminalId, const Argon2Params& kdf);
    static std::unique_ptr<Vault> openWithPassword(const QString& dir, const QString& terminalId,
                                                   const QString& userId, const SecureBytes& password,
                                                   const CardKeyAgreement& card = CardKeyAgreement());
    // BCP-1 offline: through the ward's emergency slot with the sealed letter's password; with `letterKey`, the
    // letter's unsealed key is moved there (the use the terminal reports is signed with it).
    static std::unique_ptr<Vault> openWithEmergencyLetter(const QString& dir, const QString& terminalId,
                                                          const QString& accountId, const SecureBytes& password,
                                                          KeyPair* letterKey = nullptr);
    static std::unique_ptr<Vault> openWithNetworkKey(const QString& dir, const QString& terminalId,
                                                     const SecureBytes& networkKek);
    // A further connection with a key already unwrapped (e.g. for the sync thread).
    static std::unique_ptr<Vault> openWithKey(const QString& dir, const QString& terminalId, const SecureBytes& key);

    // Secure disposal (DATA-5): overwrites the database, its WAL and the slot file with random
    // bytes, fsyncs, removes them, and appends a DisposalRecord beside them, which survives.
    // Works on a vault that no longer opens (corrupt, forgotten passwords).
    static DisposalRecord wipe(const QString& dir, const QString& terminalId, const QString& operatorId,
                               const QString& reason);

    ~Vault();

    PatientStore& patients() { return m_patients; }
    RecordStore& records() { return m_records; }
    DraftStore& drafts() { return m_drafts; }
    AuditLog& audit() { return m_audit; }
    const KeySlotFile& keySlotFile() const { return m_slots; }
    SqlCipherDatabase& database() { return *m_db; }
    const SecureBytes& key() const { return m_key; }
    const QString& directory() const { return m_dir; }

    KeySlot addUserSlot(const QString& userId, const SecureBytes& password, const CardKeyAgreement& card,
                        const QString& actor);
    KeySlot addNetworkSlot(const SecureBytes& networkKek, const QString& actor);
    bool removeUserSlot(const QString& userId, const QString& actor);
    // BCP-1: the ward's emergency letters as the hub sends them (audited slot.add / slot.remove, kind emergency).
    KeySlot addEmergencySlot(const EmergencyLetterKey& letter, const QString& actor);
    bool removeEmergencySlot(const QString& accountId, const QString& actor);

    // Reads every page (PRAGMA integrity_check): for IT diagnosis, not for every open (the open
    // budget is 300 ms and a bad page is caught anyway when it is read). Throws Corrupt.
    void checkIntegrity();

    // An event while the vault is closed (PendingAudit: MAC-chained until the next open chains it, issue 14).
    static void recordPending(const QString& dir, const QString& user, const QString& action, const QString& outcome,
                              const QJsonObject& detail);

private:
    Vault(QString dir, const QString& terminalId, SecureBytes key, KeySlotFile keySlots,
          std::unique_ptr<SqlCipherDatabase> db);
    static std::unique_ptr<Vault> openLoaded(const QString& dir, const QString& terminalId, SecureBytes key,
                                             KeySlotFile keySlots, const QString& actor, const QString& via);
    static std::unique_ptr<SqlCipherDatabase> openDatabase(const QString& dir, const SecureBytes& key,
                                                           const KeySlotFile& keySlots);
    void importPending();

    QString m_dir;
    SecureBytes m_key;
    KeySlotFile m_slots;
    std::unique_ptr<SqlCipherDatabase> m_db;
    PatientStore m_patients;
    RecordStore m_records;
    DraftStore m_drafts;
    AuditLog m_audit;
};

} // namespace ward
