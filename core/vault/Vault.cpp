#include "vault/Vault.h"

#include "crypto/Random.h"
#include "util/Clock.h"
#include "vault/AtomicFile.h"
#include "vault/PendingAudit.h"
#include "vault/SqlStatement.h"
#include "vault/VaultError.h"
#include "vault/VaultText.h"
#include "vault/VaultSchema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ward {

namespace {


constexpr qint64 kPageSize = 4096;

qint64 overwriteWithRandom(const QString& path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    const qint64 size = QFileInfo(path).size();
    qint64 written = 0;
    while (written < size) {
        const QByteArray chunk = Random::bytes(static_cast<int>(std::min<qint64>(1 << 20, size - written)));
        const ssize_t n = ::pwrite(fd, chunk.constData(), static_cast<size_t>(chunk.size()), written);
        if (n <= 0)
            break;
        written += n;
    }
    ::fsync(fd);
    ::close(fd);
    return written;
}

} // namespace

QString Vault::databasePath(const QString& dir)
{
    return QDir(dir).filePath(QStringLiteral("vault.db"));
}

QString Vault::slotFilePath(const QString& dir)
{
    return QDir(dir).filePath(QStringLiteral("vault.slots"));
}

QString Vault::disposalPath(const QString& dir)
{
    return QDir(dir).filePath(QStringLiteral("disposal-records.jsonl"));
}

QString Vault::pendingAuditPath(const QString& dir)
{
    return PendingAudit::filePath(dir);
}

bool Vault::exists(const QString& dir)
{
    return QFileInfo::exists(databasePath(dir));
}

Vault::Vault(QString dir, const QString& terminalId, SecureBytes key, KeySlotFile keySlots,
             std::unique_ptr<SqlCipherDatabase> db)
    : m_dir(std::move(dir))
    , m_key(std::move(key))
    , m_slots(std::move(keySlots))
    , m_db(std::move(db))
    , m_patients(*m_db)
    , m_records(*m_db)
    , m_drafts(*m_db, m_key)
    , m_audit(*m_db, terminalId)
{
}

Vault::~Vault() = default;

std::unique_ptr<Vault> Vault::create(const QString& dir, const QString& terminalId, const Argon2Params& kdf)
{
    if (!QDir().mkpath(dir))
        throw VaultError(VaultError::Code::Io, VaultText::tr("The folder %1 cannot be created.").arg(dir));
    if (exists(dir) || QFileInfo::exists(slotFilePath(dir)))
        throw VaultError(VaultError::Code::InvalidInput,
                         VaultText::tr("A vault already exists in %1; wipe it before creating a new one.").arg(dir));
    SecureBytes key = Random::secureBytes(32);
    KeySlotFile keySlots = KeySlotFile::createFor(slotFilePath(dir), key, kdf);
    keySlots.save();
    auto db = std::make_unique<SqlCipherDatabase>(databasePath(dir), key, true);
    VaultSchema::migrate(*db);
    ::chmod(QFile::encodeName(databasePath(dir)).constData(), 0600);
    std::unique_ptr<Vault> vault(new Vault(dir, terminalId, std::move(key), std::move(keySlots), std::move(db)));
    vault->m_audit.append(QString(), QStringLiteral("vault.create"), QString(), QStringLiteral("vault.db"),
                          QStringLiteral("success"),
                          QJsonObject{{QStringLiteral("schema"), VaultSchema::currentVersion()},
                                      {QStringLiteral("kdf"), kdf.toJson()}});
    // What was refused before this vault existed joins its chain now, and the next closed period is protected.
    vault->importPending();
    return vault;
}

std::unique_ptr<SqlCipherDatabase> Vault::openDatabase(const QString& dir, const SecureBytes& key,
                                                       const KeySlotFile& keySlots)
{
    const QString path = databasePath(dir);
    QFile file(path);
    if (!file.exists())
        throw VaultError(VaultError::Code::NotAVault, VaultText::tr("There is no vault in %1.").arg(dir));
    const qint64 size = file.size();
    if (file.open(QIODevice::ReadOnly) && file.peek(16) == QByteArray("SQLite format 3\0", 16))
        throw VaultError(VaultError::Code::NotAVault,
                         VaultText::tr("%1 is an unencrypted SQLite file, not a WardStation vault. It was not opened.").arg(path));
    file.close();
    if (size == 0 || size % kPageSize != 0)
        throw VaultError(VaultError::Code::Corrupt,
                         VaultText::tr("The vault file is truncated (%1 bytes). No data was changed. Ask IT to restore this "
                            "terminal from the hub.")
                             .arg(size));
    try {
        auto db = std::make_unique<SqlCipherDatabase>(path, key, false);
        VaultSchema::migrate(*db);
        return db;
    } catch (const VaultError& e) {
        // The slot opened, so the key is right: a refused first page means the file is damaged.
        if (e.code() == VaultError::Code::WrongKey && keySlots.matchesKey(key))
            throw VaultError(VaultError::Code::Corrupt,
                             VaultText::tr("The vault's first page failed its integrity check. No data was changed. Ask IT to "
                                "restore this terminal from the hub."));
        throw;
    }
}

std::unique_ptr<Vault> Vault::openLoaded(const QString& dir, const QString& terminalId, SecureBytes key,
                                         KeySlotFile keySlots, const QString& actor, const QString& via)
{
    auto db = openDatabase(dir, key, keySlots);
    std::unique_ptr<Vault> vault(new Vault(dir, terminalId, std::move(key), std::move(keySlots), std::move(db)));
    vault->importPending();
    vault->m_audit.append(actor, QStringLiteral("vault.open"), QString(), QStringLiteral("vault.db"),
                          QStringLiteral("success"), QJsonObject{{QStringLiteral("via"), via}});
    return vault;
}

std::unique_ptr<Vault> Vault::openWithPassword(const QString& dir, const QString& terminalId, const QString& userId,
                                               const SecureBytes& password, const CardKeyAgreement& card)
{
    KeySlotFile keySlots(slotFilePath(dir));
    keySlots.load();
    SecureBytes key;
    try {
        key = keySlots.unwrapUser(userId, password, card);
    } catch (const VaultError& e) {
        if (e.code() == VaultError::Code::NoMatchingSlot)
            recordPending(dir, userId, QStringLiteral("vault.unwrap"), QStringLiteral("failure"),
                          QJsonObject{{QStringLiteral("slot"), QStringLiteral("user")},
                                      {QStringLiteral("card"), card.isPresent()}});
        throw;
    }
    return openLoaded(dir, terminalId, std::move(key), std::move(keySlots), userId, QStringLiteral("user-slot"));
}

std::unique_ptr<Vault> Vault::openWithEmergencyLetter(const QString& dir, const QString& terminalId,
                                                      const QString& accountId, const SecureBytes& password, KeyPair* letterKey)
{
    KeySlotFile keySlots(slotFilePath(dir));
    keySlots.load();
    SecureBytes key;
    try {
        key = keySlots.unwrapEmergency(accountId, password, letterKey);
    } catch (const VaultError& e) {
        if (e.code() == VaultError::Code::NoMatchingSlot)
            recordPending(dir, accountId, QStringLiteral("vault.unwrap"), QStringLiteral("failure"),
                          QJsonObject{{QStringLiteral("slot"), QStringLiteral("emergency")}});
        throw;
    }
    return openLoaded(dir, terminalId, std::move(key), std::move(keySlots), accountId, QStringLiteral("emergency-slot"));
}

std::unique_ptr<Vault> Vault::openWithNetworkKey(const QString& dir, const QString& terminalId,
                                                 const SecureBytes& networkKek)
{
    KeySlotFile keySlots(slotFilePath(dir));
    keySlots.load();
    SecureBytes key;
    try {
        key = keySlots.unwrapNetwork(networkKek);
    } catch (const VaultError& e) {
        if (e.code() == VaultError::Code::NoMatchingSlot)
            recordPending(dir, QString(), QStringLiteral("vault.unwrap"), QStringLiteral("failure"),
                          QJsonObject{{QStringLiteral("slot"), QStringLiteral("network")}});
        throw;
    }
    return openLoaded(dir, terminalId, std::move(key), std::move(keySlots), QString(), QStringLiteral("network-slot"));
}

std::unique_ptr<Vault> Vault::openWithKey(const QString& dir, const QString& terminalId, const SecureBytes& key)
{
    KeySlotFile keySlots(slotFilePath(dir));
    keySlots.load();
    auto db = openDatabase(dir, key, keySlots);
    return std::unique_ptr<Vault>(new Vault(dir, terminalId, key, std::move(keySlots), std::move(db)));
}

void Vault::recordPending(const QString& dir, const QString& user, const QString& action, const QString& outcome,
                          const QJsonObject& detail)
{
    PendingAudit::append(dir, {{QStringLiteral("time"), Clock::instance().nowUtc().toString(Qt::ISODateWithMs)},
                               {QStringLiteral("user"), user},
                               {QStringLiteral("action"), action},
                               {QStringLiteral("outcome"), outcome},
                               {QStringLiteral("detail"), detail}});
}

void Vault::importPending()
{
    // Issue 14: checked against the key this vault left (PendingAudit), so a deletion or an edit is chained too.
    const PendingAudit::Taken taken = PendingAudit::takeAndRearm(m_dir, *m_db);
    for (const PendingAudit::Event& e : taken.events) {
        const QJsonObject& o = e.event;
        QDateTime t = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        if (!t.isValid())
            t = Clock::instance().nowUtc();
        QJsonObject detail = o.value(QStringLiteral("detail")).toObject();
        detail.insert(QStringLiteral("recordedWhileClosed"), true);
        if (!e.verified)
            detail.insert(QStringLiteral("verified"), false);
        m_audit.appendAt(t, o.value(QStringLiteral("user")).toString(), o.value(QStringLiteral("action")).toString(),
                         QString(), QString(), o.value(QStringLiteral("outcome")).toString(), detail);
    }
    if (!taken.problems.isEmpty())
        m_audit.append(QString(), QStringLiteral("audit.pending.tampered"), QString(), QStringLiteral("audit-pending.jsonl"),
                       QStringLiteral("failure"), QJsonObject{{QStringLiteral("problems"), QJsonArray::fromStringList(taken.problems)}});
}

KeySlot Vault::addUserSlot(const QString& userId, const SecureBytes& password, const CardKeyAgreement& card,
                           const QString& actor)
{
    const KeySlot slot = m_slots.addUserSlot(m_key, userId, password, card);
    m_audit.append(actor, QStringLiteral("slot.add"), QString(), slot.id, QStringLiteral("success"),
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("user")},
                               {QStringLiteral("slotUser"), userId},
                               {QStringLiteral("card"), slot.cardBound}});
    return slot;
}

KeySlot Vault::addNetworkSlot(const SecureBytes& networkKek, const QString& actor)
{
    const KeySlot slot = m_slots.addNetworkSlot(m_key, networkKek);
    m_audit.append(actor, QStringLiteral("slot.add"), QString(), slot.id, QStringLiteral("success"),
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("network")}});
    return slot;
}

KeySlot Vault::addEmergencySlot(const EmergencyLetterKey& letter, const QString& actor)
{
    const KeySlot slot = m_slots.addEmergencySlot(m_key, letter);
    m_audit.append(actor, QStringLiteral("slot.add"), QString(), slot.id, QStringLiteral("success"),
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("emergency")},
                               {QStringLiteral("slotUser"), letter.accountId},
                               {QStringLiteral("letter"), letter.serial}});
    return slot;
}

bool Vault::removeEmergencySlot(const QString& accountId, const QString& actor)
{
    const std::optional<KeySlot> slot = m_slots.removeEmergencySlot(accountId);
    if (!slot)
        return false;
    m_audit.append(actor, QStringLiteral("slot.remove"), QString(), slot->id, QStringLiteral("success"),
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("emergency")}, {QStringLiteral("slotUser"), accountId}});
    return true;
}

bool Vault::removeUserSlot(const QString& userId, const QString& actor)
{
    const bool removed = m_slots.removeUserSlot(userId);
    m_audit.append(actor, QStringLiteral("slot.remove"), QString(), userId,
                   removed ? QStringLiteral("success") : QStringLiteral("failure"),
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("user")}});
    return removed;
}

void Vault::checkIntegrity()
{
    QStringList problems;
    try {
        SqlStatement q = m_db->prepare("PRAGMA integrity_check");
        while (q.step()) {
            if (q.text(0) != QLatin1String("ok"))
                problems << q.text(0);
        }
    } catch (const VaultError& e) {
        // SQLCipher aborts the check with a generic error when a page fails its HMAC.
        if (e.code() == VaultError::Code::Locked)
            throw;
        problems << e.message();
    }
    if (!problems.isEmpty())
        throw VaultError(VaultError::Code::Corrupt,
                         VaultText::tr("The vault failed its integrity check (%1).").arg(problems.first()));
}

DisposalRecord Vault::wipe(const QString& dir, const QString& terminalId, const QString& operatorId,
                           const QString& reason)
{
    DisposalRecord record;
    record.terminal = terminalId;
    record.operatorId = operatorId;
    record.reason = reason;
    // The data was only ever stored encrypted; destroying every key slot makes it unreadable even
    // where flash wear-levelling keeps old blocks. The overwrite covers what the filesystem lets us.
    record.method = QStringLiteral("crypto-erase (key slots destroyed) + overwrite 1 pass random + fsync + unlink");
    for (const QString& path : {slotFilePath(dir), databasePath(dir), databasePath(dir) + QStringLiteral("-wal"),
                                databasePath(dir) + QStringLiteral("-shm"), slotFilePath(dir) + QStringLiteral(".tmp"),
                                pendingAuditPath(dir), PendingAudit::keyPath(dir)}) {
        if (!QFileInfo::exists(path))
            continue;
        record.bytesOverwritten += overwriteWithRandom(path);
        if (!QFile::remove(path))
            throw VaultError(VaultError::Code::Io, VaultText::tr("%1 could not be removed during the wipe.").arg(path));
        record.files << QFileInfo(path).fileName();
    }
    record.time = Clock::instance().nowUtc();
    AtomicFile::appendLine(disposalPath(dir), QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact));
    return record;
}

} // namespace ward
