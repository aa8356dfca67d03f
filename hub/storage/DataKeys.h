#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace ward::hub {

class HubDatabase;

// The hub's key hierarchy (DATA-1, DATA-2):
//   master key  — 32 random bytes in DIR/keys/master.key (0600), never in the database or a backup of it;
//   data keys   — IDENTITY (patients' identity blobs), HEALTH (record bodies), SLOT (terminals' network-slot
//                 keys): 32 random bytes each, created once at init, stored in table data_keys sealed with
//                 AES-256-GCM under the master key (AAD names the key, so keys cannot be swapped).
// A database dump alone reveals neither identity nor health data; identity and health data under separate
// keys means one leaked key exposes one kind of data only.
class DataKeys
{
public:
    static constexpr std::size_t kKeySize = 32;

    // Writes a fresh master key file (refuses to overwrite one) and seals new data keys into the database.
    static void create(HubDatabase& db, const QString& masterKeyPath);
    // Throws HubError("keys", …) when the master key is missing/unreadable or does not open the data keys.
    static DataKeys load(HubDatabase& db, const QString& masterKeyPath);
    // BCP-3: the keys of one backup file, derived from the master key and the file's salt (HKDF, its own label, so
    // a backup key opens nothing else): 32 bytes for AES-256-GCM, then 32 for the header's HMAC. A backup holds
    // neither the master key nor this; restoring needs the master key (from its escrow, docs/DEPLOYMENT.md).
    static SecureBytes backupKeys(const QString& masterKeyPath, const QByteArray& salt);

    // Sealed blobs; aad binds each to its row (table + id + version) so a blob cannot be moved to another row.
    QByteArray sealIdentity(const QByteArray& plain, const QByteArray& aad) const;
    bool openIdentity(const QByteArray& sealed, const QByteArray& aad, QByteArray* plain) const;
    QByteArray sealHealth(const QByteArray& plain, const QByteArray& aad) const;
    bool openHealth(const QByteArray& sealed, const QByteArray& aad, QByteArray* plain) const;
    QByteArray sealSlot(const SecureBytes& key, const QByteArray& aad) const;
    bool openSlot(const QByteArray& sealed, const QByteArray& aad, SecureBytes* key) const;
    // Keyed digest of a record body (duplicate detection without a plain hash of health data).
    QByteArray healthMac(const QByteArray& body) const;
    // Issue 10: card UIDs are stored and shipped only as keyed digests. The hub's own binding key never leaves
    // it; terminals get the terminal digest and its key (uidTerminalKey) for their offline badge check.
    QByteArray uidMac(const QByteArray& foldedUidHex) const;
    QByteArray uidTerminalMac(const QByteArray& foldedUidHex) const;
    const SecureBytes& uidTerminalKey() const { return m_uidTerminal; }
    // Issue 14: the blind index of audit entries by patient (HMAC of the patient id under a key derived from the
    // IDENTITY key): the auditor finds a patient's entries without a plain patient column.
    QByteArray auditPatientMac(const QString& patientId) const;

private:
    SecureBytes m_identity;
    SecureBytes m_health;
    SecureBytes m_slot;
    SecureBytes m_healthMac;
    SecureBytes m_uid;
    SecureBytes m_uidTerminal;
    SecureBytes m_auditPatient;
};

} // namespace ward::hub
