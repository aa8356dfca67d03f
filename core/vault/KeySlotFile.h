#pragma once

#include "crypto/Argon2Kdf.h"
#include "crypto/SecureBytes.h"
#include "vault/CardKeyAgreement.h"
#include "vault/KeySlot.h"

#include <QList>
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

    // Replaces this user's slot (one per user): used at first login and on password change (rewrap). With a
    // card, a fresh terminal point is made (its private half discarded) and the card's ECDH secret with it is
    // mixed into the KEK; a card that cannot answer is InvalidInput and nothing changes.
    KeySlot addUserSlot(const SecureBytes& vaultKey, const QString& userId, const SecureBytes& password,
                        const CardKeyAgreement& card);
    KeySlot addNetworkSlot(const SecureBytes& vaultKey, const SecureBytes& networkKek);
    bool removeSlot(const QString& slotId);
    bool removeUserSlot(const QString& userId);

    // The offline password check. Throws NoMatchingSlot for a wrong password, a wrong or missing card, or no
    // slot for this user, spending the same Argon2id work in each case so timing tells nothing.
    SecureBytes unwrapUser(const QString& userId, const SecureBytes& password, const CardKeyAgreement& card) const;
    SecureBytes unwrapNetwork(const SecureBytes& networkKek) const;

    // Whether `key` is the key this file was made for (tells a wrong key from a damaged database).
    bool matchesKey(const SecureBytes& key) const;

private:
    static QByteArray keyCheck(const SecureBytes& key);
    static SecureBytes userKek(const SecureBytes& password, const SecureBytes& cardSecret, const KeySlot& slot);

public:
    static constexpr int kFormatVersion = 2;  // 1: the "card secret" was a hash of the public key (re-enrol)

    QString m_path;
    Argon2Params m_kdf;
    QByteArray m_keyCheck;
    QList<KeySlot> m_slots;
};

} // namespace ward
