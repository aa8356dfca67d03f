#pragma once

#include "crypto/Argon2Kdf.h"
#include "crypto/SecureBytes.h"
#include "vault/CardKeyAgreement.h"
#include "vault/KeySlot.h"

#include <QList>
#include <optional>
#include <QString>

namespace ward {

// The small file beside the vault that holds its key slots. Written atomically (temp, fsync,
// rename). Reading validates the whole structure: anything malformed is SlotFileCorrupt, a missing
// file SlotFileMissing. Each slot authenticates its own wrapped key (AES-GCM), so a tampered slot
// can never yield a key.
class KeySlotFile
{
public:
    explicit KeySlotFile(QString path);

    // A new, empty slot file for a new vault key. `kdf` are this terminal's calibrated parameters.
    static KeySlotFile createFor(const QString& path, const SecureBytes& vaultKey, const Argon2Params& kdf);
    void load();
    void save() const;

    const QString& path() const { return m_path; }
    const QList<KeySlot>& keySlots() const { return m_slots; }
    const Argon2Params& defaultKdf() const { return m_kdf; }
    bool hasUserSlot(const QString& userId) const;
    bool hasNetworkSlot() const;
    // BCP-1: the emergency account's slot on this terminal, if its ward's letter reached it.
    std::optional<KeySlot> emergencySlot(const QString& accountId) const;

    // Replaces this user's slot (one per user): used at first login and on password change (rewrap). With a
    // card, a fresh terminal point is made (its private half discarded) and the card's ECDH secret with it is
    // mixed into the KEK; a card that cannot answer is InvalidInput and nothing changes.
    KeySlot addUserSlot(const SecureBytes& vaultKey, const QString& userId, const SecureBytes& password,
                        const CardKeyAgreement& card);
    KeySlot addNetworkSlot(const SecureBytes& vaultKey, const SecureBytes& networkKek);
    // BCP-1: wraps the vault key to an emergency letter's public point (a fresh terminal point whose private half
    // dies here), replacing the account's slot for an earlier letter. InvalidInput for a malformed letter.
    KeySlot addEmergencySlot(const SecureBytes& vaultKey, const EmergencyLetterKey& letter);
    // The slot removed (as the file on disk held it), or nullopt when the account had none.
    std::optional<KeySlot> removeEmergencySlot(const QString& accountId);
    bool removeSlot(const QString& slotId);
    bool removeUserSlot(const QString& userId);

    // The offline password check. Throws NoMatchingSlot for a wrong password, a wrong or missing card, or no
    // slot for this user, spending the same Argon2id work in each case so timing tells nothing.
    SecureBytes unwrapUser(const QString& userId, const SecureBytes& password, const CardKeyAgreement& card) const;
    SecureBytes unwrapNetwork(const SecureBytes& networkKek) const;
    // BCP-1 offline: the letter's password unseals the letter's key, which agrees with the slot's point. Throws
    // NoMatchingSlot for a wrong password or no slot, spending the same Argon2id work in each case. With
    // `letterKey`, the unsealed letter key is moved there (to sign the use it reports: EmergencyLetterKey::proveUse).
    SecureBytes unwrapEmergency(const QString& accountId, const SecureBytes& password, KeyPair* letterKey = nullptr) const;

    // Whether `key` is the key this file was made for (tells a wrong key from a damaged database).
    bool matchesKey(const SecureBytes& key) const;

private:
    // The file as it is on disk now (another connection of this process, e.g. the sync thread's, may have changed
    // it since this copy was loaded), or this copy when there is none yet: each change starts from it, so one
    // connection's change never drops another's slot.
    KeySlotFile latest() const;
    void commit(KeySlotFile next);
    static QByteArray keyCheck(const SecureBytes& key);
    static SecureBytes userKek(const SecureBytes& password, const SecureBytes& cardSecret, const KeySlot& slot);
    static SecureBytes emergencyKek(const SecureBytes& ecdhSecret, const KeySlot& slot);

public:
    static constexpr int kFormatVersion = 2;  // 1: the "card secret" was a hash of the public key (re-enrol)

    QString m_path;
    Argon2Params m_kdf;
    QByteArray m_keyCheck;
    QList<KeySlot> m_slots;
};

} // namespace ward
