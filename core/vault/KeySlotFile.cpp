#include "vault/KeySlotFile.h"

#include "crypto/Aead.h"
#include "crypto/Digest.h"
#include "crypto/Hkdf.h"
#include "crypto/KeyPair.h"
#include "crypto/Random.h"
#include "util/Clock.h"
#include "vault/AtomicFile.h"
#include "vault/VaultError.h"
#include "vault/VaultText.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>

namespace ward {

namespace {

constexpr qint64 kMaxSlotFileBytes = 256 * 1024;
const char kFormat[] = "wardstation-keyslots";

// Read-modify-write of the slot file by the connections of one process (the session's and the sync thread's).
QMutex& slotFileMutex()
{
    static QMutex m;
    return m;
}


VaultError corrupt(const QString& path)
{
    return VaultError(VaultError::Code::SlotFileCorrupt,
                      VaultText::tr("The key slot file %1 is damaged. The vault cannot be opened on this terminal; ask IT to "
                         "re-enrol it (the hub holds the records).")
                          .arg(path));
}

VaultError noMatch()
{
    return VaultError(VaultError::Code::NoMatchingSlot,
                      VaultText::tr("The password or card does not open this terminal's vault."));
}

} // namespace

KeySlotFile::KeySlotFile(QString path)
    : m_path(std::move(path))
{
}

KeySlotFile KeySlotFile::createFor(const QString& path, const SecureBytes& vaultKey, const Argon2Params& kdf)
{
    KeySlotFile f(path);
    f.m_kdf = kdf;
    f.m_keyCheck = keyCheck(vaultKey);
    return f;
}

QByteArray KeySlotFile::keyCheck(const SecureBytes& key)
{
    return Digest::hmacSha256(key.toQByteArrayUnsafe(), "ward-vault-key-check-v1").left(16);
}

bool KeySlotFile::matchesKey(const SecureBytes& key) const
{
    return !m_keyCheck.isEmpty() && keyCheck(key) == m_keyCheck;
}

KeySlotFile KeySlotFile::latest() const
{
    if (!QFile::exists(m_path))
        return *this;
    KeySlotFile onDisk(m_path);
    try {
        onDisk.load();
    } catch (const VaultError&) {
        return *this;  // a damaged file is replaced by this good copy plus the change
    }
    return onDisk.m_keyCheck == m_keyCheck ? onDisk : *this;
}

void KeySlotFile::commit(KeySlotFile next)
{
    next.save();  // only a durable file changes the in-memory state
    m_slots = next.m_slots;
}

void KeySlotFile::load()
{
    QFile file(m_path);
    if (!file.exists())
        throw VaultError(VaultError::Code::SlotFileMissing,
                         VaultText::tr("The key slot file %1 is missing. The vault cannot be opened on this terminal; ask IT to "
                            "re-enrol it.")
                             .arg(m_path));
    if (!file.open(QIODevice::ReadOnly))
        throw VaultError(VaultError::Code::Io, VaultText::tr("The key slot file %1 cannot be read.").arg(m_path));
    if (file.size() > kMaxSlotFileBytes)
        throw corrupt(m_path);
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        throw corrupt(m_path);
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() == QLatin1String(kFormat)
        && root.value(QStringLiteral("version")).toInt() == 1)
        // Issue 10: version 1 bound slots to a hash of the card's public key, which the disk itself gives away.
        // Such slots are never opened; no deployed vault has them, so the terminal is simply enrolled again.
        throw VaultError(VaultError::Code::SlotFormatOutdated,
                         VaultText::tr("This terminal's vault was made by an older WardStation whose card protection is "
                                       "no longer accepted. Ask IT to re-enrol the terminal (wipe and enrol again); the "
                                       "hub holds every record."));
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)
        || root.value(QStringLiteral("version")).toInt() != kFormatVersion || !root.value(QStringLiteral("slots")).isArray())
        throw corrupt(m_path);
    Argon2Params kdf;
    if (!Argon2Params::fromJson(root.value(QStringLiteral("kdf")).toObject(), &kdf))
        throw corrupt(m_path);
    auto check = QByteArray::fromBase64Encoding(root.value(QStringLiteral("keyCheck")).toString().toLatin1(),
                                                QByteArray::AbortOnBase64DecodingErrors);
    if (!check || check.decoded.size() != 16)
        throw corrupt(m_path);
    QList<KeySlot> loaded;
    for (const QJsonValue& v : root.value(QStringLiteral("slots")).toArray()) {
        KeySlot slot;
        if (!v.isObject() || !KeySlot::fromJson(v.toObject(), &slot))
            throw corrupt(m_path);
        loaded.append(slot);
    }
    m_kdf = kdf;
    m_keyCheck = *check;
    m_slots = loaded;
}

void KeySlotFile::save() const
{
    QJsonArray slotArray;
    for (const KeySlot& s : m_slots)
        slotArray.append(s.toJson());
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)},
                           {QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("kdf"), m_kdf.toJson()},
                           {QStringLiteral("keyCheck"), QString::fromLatin1(m_keyCheck.toBase64())},
                           {QStringLiteral("slots"), slotArray}};
    AtomicFile::write(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented));
}

bool KeySlotFile::hasUserSlot(const QString& userId) const
{
    return std::any_of(m_slots.begin(), m_slots.end(),
                       [&](const KeySlot& s) { return s.kind == KeySlot::Kind::User && s.userId == userId; });
}

bool KeySlotFile::hasNetworkSlot() const
{
    return std::any_of(m_slots.begin(), m_slots.end(),
                       [](const KeySlot& s) { return s.kind == KeySlot::Kind::Network; });
}

SecureBytes KeySlotFile::userKek(const SecureBytes& password, const SecureBytes& cardSecret, const KeySlot& slot)
{
    const SecureBytes pwKey = Argon2Kdf::derive(password, slot.salt, slot.kdf);
    SecureBytes ikm(pwKey.size() + cardSecret.size());
    std::copy(pwKey.data(), pwKey.data() + pwKey.size(), ikm.data());
    if (!cardSecret.isEmpty())
        std::copy(cardSecret.data(), cardSecret.data() + cardSecret.size(), ikm.data() + pwKey.size());
    const QByteArray info = (slot.cardBound ? QStringLiteral("ward-user-kek-v2|card|%1")
                                            : QStringLiteral("ward-user-kek-v2|password|%1"))
                                .arg(slot.userId)
                                .toUtf8();
    return Hkdf::sha256(ikm, slot.salt, info, Aead::kKeySize);
}

KeySlot KeySlotFile::addUserSlot(const SecureBytes& vaultKey, const QString& userId, const SecureBytes& password,
                                 const CardKeyAgreement& card)
{
    if (userId.isEmpty() || password.isEmpty())
        throw VaultError(VaultError::Code::InvalidInput, VaultText::tr("A user slot needs a user ID and a password."));
    KeySlot slot;
    slot.id = Random::uuid();
    slot.kind = KeySlot::Kind::User;
    slot.userId = userId;
    slot.salt = Random::bytes(16);
    slot.kdf = m_kdf;
    slot.cardBound = card.isPresent();
    slot.createdAt = Clock::instance().nowUtc();
    SecureBytes cardSecret;
    if (slot.cardBound) {
        // A fresh point per slot whose private half dies here: the same card with the same point gives the
        // same secret later, and nothing on disk lets anyone else compute it.
        slot.cardPoint = KeyPair::generateP256().publicPoint();
        cardSecret = card.agree(slot.cardPoint);
        if (cardSecret.size() != 32)
            throw VaultError(VaultError::Code::InvalidInput,
                             VaultText::tr("The card did not answer the key agreement (key 9D). Insert the card "
                                           "again; if this repeats, ask reception to check the card."));
    }
    slot.wrappedKey = Aead::sealSecret(userKek(password, cardSecret, slot), vaultKey, slot.aad());
    QMutexLocker lock(&slotFileMutex());
    KeySlotFile next = latest();
    next.m_slots.erase(std::remove_if(next.m_slots.begin(), next.m_slots.end(),
                                      [&](const KeySlot& s) {
                                          return s.kind == KeySlot::Kind::User && s.userId == userId;
                                      }),
                       next.m_slots.end());
    next.m_slots.append(slot);
    commit(std::move(next));
    return slot;
}

KeySlot KeySlotFile::addNetworkSlot(const SecureBytes& vaultKey, const SecureBytes& networkKek)
{
    if (networkKek.size() != Aead::kKeySize)
        throw VaultError(VaultError::Code::InvalidInput, VaultText::tr("The network key must be 32 bytes."));
    KeySlot slot;
    slot.id = Random::uuid();
    slot.kind = KeySlot::Kind::Network;
    slot.salt = Random::bytes(16);
    slot.createdAt = Clock::instance().nowUtc();
    const SecureBytes kek = Hkdf::sha256(networkKek, slot.salt, "ward-network-kek-v1", Aead::kKeySize);
    slot.wrappedKey = Aead::sealSecret(kek, vaultKey, slot.aad());
    QMutexLocker lock(&slotFileMutex());
    KeySlotFile next = latest();
    next.m_slots.erase(std::remove_if(next.m_slots.begin(), next.m_slots.end(),
                                      [](const KeySlot& s) { return s.kind == KeySlot::Kind::Network; }),
                       next.m_slots.end());
    next.m_slots.append(slot);
    commit(std::move(next));
    return slot;
}

SecureBytes KeySlotFile::emergencyKek(const SecureBytes& secret, const KeySlot& slot)
{
    const QByteArray info = QStringLiteral("ward-emergency-kek-v1|%1|%2").arg(slot.userId).arg(slot.letter.serial).toUtf8();
    return Hkdf::sha256(secret, slot.salt, info, Aead::kKeySize);
}

KeySlot KeySlotFile::addEmergencySlot(const SecureBytes& vaultKey, const EmergencyLetterKey& letter)
{
    const std::optional<KeyPair> letterPoint = letter.isValid() ? KeyPair::fromPublicPoint(letter.publicPoint) : std::nullopt;
    if (!letterPoint)
        throw VaultError(VaultError::Code::InvalidInput, VaultText::tr("The emergency letter's key from the hub is malformed."));
    KeySlot slot;
    slot.id = Random::uuid();
    slot.kind = KeySlot::Kind::Emergency;
    slot.userId = letter.accountId;
    slot.salt = Random::bytes(16);
    slot.letter = letter;
    slot.createdAt = Clock::instance().nowUtc();
    // The same ECDH the letter's key will do with this point; the point's private half dies here.
    const KeyPair terminalPoint = KeyPair::generateP256();
    slot.cardPoint = terminalPoint.publicPoint();
    const SecureBytes secret = terminalPoint.agree(letter.publicPoint);
    slot.wrappedKey = Aead::sealSecret(emergencyKek(secret, slot), vaultKey, slot.aad());
    QMutexLocker lock(&slotFileMutex());
    KeySlotFile next = latest();
    next.m_slots.erase(std::remove_if(next.m_slots.begin(), next.m_slots.end(),
                                      [&](const KeySlot& s) {
                                          return s.kind == KeySlot::Kind::Emergency && s.userId == letter.accountId;
                                      }),
                       next.m_slots.end());
    next.m_slots.append(slot);
    commit(std::move(next));
    return slot;
}

std::optional<KeySlot> KeySlotFile::removeEmergencySlot(const QString& accountId)
{
    const std::optional<KeySlot> slot = latest().emergencySlot(accountId);
    if (slot && removeSlot(slot->id))
        return slot;
    return std::nullopt;
}

std::optional<KeySlot> KeySlotFile::emergencySlot(const QString& accountId) const
{
    for (const KeySlot& s : m_slots)
        if (s.kind == KeySlot::Kind::Emergency && s.userId == accountId)
            return s;
    return std::nullopt;
}

SecureBytes KeySlotFile::unwrapEmergency(const QString& accountId, const SecureBytes& password, KeyPair* letterKeyOut) const
{
    const std::optional<KeySlot> slot = emergencySlot(accountId);
    if (!slot) {
        // Same Argon2id work as a real attempt (with the terminal's parameters: the hub's letters use the defaults).
        Argon2Kdf::derive(password, Digest::sha256(accountId.toUtf8()).left(16), Argon2Params());
        throw noMatch();
    }
    std::optional<KeyPair> letterKey = slot->letter.open(password);
    if (!letterKey)
        throw noMatch();
    const SecureBytes secret = letterKey->agree(slot->cardPoint);
    SecureBytes key;
    if (secret.size() != 32 || !Aead::openSecret(emergencyKek(secret, *slot), slot->wrappedKey, slot->aad(), &key))
        throw noMatch();
    if (letterKeyOut)
        *letterKeyOut = std::move(*letterKey);
    return key;
}

bool KeySlotFile::removeSlot(const QString& slotId)
{
    QMutexLocker lock(&slotFileMutex());
    KeySlotFile next = latest();
    const auto before = next.m_slots.size();
    next.m_slots.erase(std::remove_if(next.m_slots.begin(), next.m_slots.end(),
                                      [&](const KeySlot& s) { return s.id == slotId; }),
                       next.m_slots.end());
    if (next.m_slots.size() == before)
        return false;
    commit(std::move(next));
    return true;
}

bool KeySlotFile::removeUserSlot(const QString& userId)
{
    for (const KeySlot& s : m_slots) {
        if (s.kind == KeySlot::Kind::User && s.userId == userId)
            return removeSlot(s.id);
    }
    return false;
}

SecureBytes KeySlotFile::unwrapUser(const QString& userId, const SecureBytes& password,
                                    const CardKeyAgreement& card) const
{
    const KeySlot* found = nullptr;
    for (const KeySlot& s : m_slots) {
        if (s.kind == KeySlot::Kind::User && s.userId == userId)
            found = &s;
    }
    if (!found) {
        // Same work as a real attempt: an observer cannot learn who has a slot here.
        KeySlot decoy;
        decoy.id = QStringLiteral("decoy");
        decoy.userId = userId;
        decoy.salt = Digest::sha256(userId.toUtf8()).left(16);
        decoy.kdf = m_kdf;
        decoy.cardBound = card.isPresent();
        // The card's key agreement too (a few ms on a real card), on a point nobody keeps.
        const SecureBytes decoySecret = card.isPresent() ? card.agree(KeyPair::generateP256().publicPoint()) : SecureBytes();
        const SecureBytes kek = userKek(password, decoySecret.isEmpty() ? SecureBytes(32) : decoySecret, decoy);
        SecureBytes ignored;
        Aead::openSecret(kek, Random::bytes(12 + 32 + 16), decoy.aad(), &ignored);
        throw noMatch();
    }
    // Without its card a card-bound slot cannot open: the secret is computed on the card, from the slot's point.
    const SecureBytes cardSecret = found->cardBound ? card.agree(found->cardPoint) : SecureBytes();
    if (found->cardBound != card.isPresent() || (found->cardBound && cardSecret.size() != 32)) {
        userKek(password, cardSecret, *found);
        throw noMatch();
    }
    SecureBytes key;
    if (!Aead::openSecret(userKek(password, cardSecret, *found), found->wrappedKey, found->aad(), &key))
        throw noMatch();
    return key;
}

SecureBytes KeySlotFile::unwrapNetwork(const SecureBytes& networkKek) const
{
    for (const KeySlot& s : m_slots) {
        if (s.kind != KeySlot::Kind::Network)
            continue;
        const SecureBytes kek = Hkdf::sha256(networkKek, s.salt, "ward-network-kek-v1", Aead::kKeySize);
        SecureBytes key;
        if (Aead::openSecret(kek, s.wrappedKey, s.aad(), &key))
            return key;
    }
    throw noMatch();
}

} // namespace ward
