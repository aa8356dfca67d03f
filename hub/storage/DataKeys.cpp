#include "hub/storage/DataKeys.h"

#include "crypto/Aead.h"
#include "crypto/Digest.h"
#include "crypto/Hkdf.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ward::hub {

namespace {

const char* const kNames[] = {"identity", "health", "slot"};

QByteArray keyAad(const char* name)
{
    return QByteArray("wardhub-data-key:") + name;
}

SecureBytes readMasterKey(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw HubError(QStringLiteral("keys"), QStringLiteral("cannot read the hub master key %1").arg(path));
    if ((QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) != 0)
        throw HubError(QStringLiteral("keys"),
                       QStringLiteral("the hub master key %1 is readable by others: chmod 600 it").arg(path));
    SecureBytes key(DataKeys::kKeySize);
    if (f.read(reinterpret_cast<char*>(key.data()), static_cast<qint64>(key.size())) != static_cast<qint64>(key.size())
        || !f.atEnd())
        throw HubError(QStringLiteral("keys"), QStringLiteral("the hub master key %1 is damaged").arg(path));
    return key;
}

void writeMasterKey(const QString& path, const SecureBytes& key)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    // O_EXCL: init never replaces a master key (that would orphan every data key sealed under it).
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw HubError(QStringLiteral("keys"), QStringLiteral("cannot create the hub master key %1 (does it exist already?)").arg(path));
    const ssize_t n = ::write(fd, key.data(), key.size());
    const bool ok = n == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        throw HubError(QStringLiteral("keys"), QStringLiteral("cannot write the hub master key %1").arg(path));
}

} // namespace

void DataKeys::create(HubDatabase& db, const QString& masterKeyPath)
{
    const SecureBytes master = Random::secureBytes(kKeySize);
    db.transaction([&] {
        for (const char* name : kNames) {
            const SecureBytes key = Random::secureBytes(kKeySize);
            db.exec(QStringLiteral("INSERT INTO data_keys (name, wrapped, created_at) VALUES (?, ?, ?)"),
                    {QString::fromLatin1(name), Aead::sealSecret(master, key, keyAad(name)),
                     Clock::instance().nowUtc().toMSecsSinceEpoch()});
        }
        // Written inside the transaction: if the file cannot be created, no keys exist that nobody can open.
        writeMasterKey(masterKeyPath, master);
    });
}

SecureBytes DataKeys::backupKeys(const QString& masterKeyPath, const QByteArray& salt)
{
    return Hkdf::sha256(readMasterKey(masterKeyPath), salt, QByteArrayLiteral("wardhub backup v2"), 2 * kKeySize);
}

DataKeys DataKeys::load(HubDatabase& db, const QString& masterKeyPath)
{
    const SecureBytes master = readMasterKey(masterKeyPath);
    DataKeys keys;
    SecureBytes* targets[] = {&keys.m_identity, &keys.m_health, &keys.m_slot};
    for (int i = 0; i < 3; ++i) {
        QSqlQuery q = db.exec(QStringLiteral("SELECT wrapped FROM data_keys WHERE name = ?"), {QString::fromLatin1(kNames[i])});
        if (!q.next())
            throw HubError(QStringLiteral("keys"), QStringLiteral("data key \"%1\" missing from the database").arg(QLatin1String(kNames[i])));
        if (!Aead::openSecret(master, q.value(0).toByteArray(), keyAad(kNames[i]), targets[i]) || targets[i]->size() != kKeySize)
            throw HubError(QStringLiteral("keys"),
                           QStringLiteral("the master key %1 does not open data key \"%2\" (wrong key file for this database?)")
                               .arg(masterKeyPath, QLatin1String(kNames[i])));
    }
    keys.m_healthMac = Hkdf::sha256(keys.m_health, QByteArray(), QByteArrayLiteral("wardhub body mac"), kKeySize);
    // A card UID identifies a person: its digests hang off the IDENTITY key.
    keys.m_uid = Hkdf::sha256(keys.m_identity, QByteArray(), QByteArrayLiteral("wardhub card uid digest"), kKeySize);
    keys.m_uidTerminal = Hkdf::sha256(keys.m_identity, QByteArray(), QByteArrayLiteral("wardhub terminal card uid digest"), kKeySize);
    keys.m_auditPatient = Hkdf::sha256(keys.m_identity, QByteArray(), QByteArrayLiteral("wardhub audit patient index"), kKeySize);
    return keys;
}

QByteArray DataKeys::sealIdentity(const QByteArray& plain, const QByteArray& aad) const
{
    return Aead::seal(m_identity, plain, aad);
}

bool DataKeys::openIdentity(const QByteArray& sealed, const QByteArray& aad, QByteArray* plain) const
{
    return Aead::open(m_identity, sealed, aad, plain);
}

QByteArray DataKeys::sealHealth(const QByteArray& plain, const QByteArray& aad) const
{
    return Aead::seal(m_health, plain, aad);
}

bool DataKeys::openHealth(const QByteArray& sealed, const QByteArray& aad, QByteArray* plain) const
{
    return Aead::open(m_health, sealed, aad, plain);
}

QByteArray DataKeys::sealSlot(const SecureBytes& key, const QByteArray& aad) const
{
    return Aead::sealSecret(m_slot, key, aad);
}

bool DataKeys::openSlot(const QByteArray& sealed, const QByteArray& aad, SecureBytes* key) const
{
    return Aead::openSecret(m_slot, sealed, aad, key);
}

QByteArray DataKeys::healthMac(const QByteArray& body) const
{
    return Digest::hmacSha256(m_healthMac.toQByteArrayUnsafe(), body);
}

QByteArray DataKeys::uidMac(const QByteArray& foldedUidHex) const
{
    return Digest::hmacSha256(m_uid.toQByteArrayUnsafe(), foldedUidHex);
}

QByteArray DataKeys::uidTerminalMac(const QByteArray& foldedUidHex) const
{
    return Digest::hmacSha256(m_uidTerminal.toQByteArrayUnsafe(), foldedUidHex);
}

QByteArray DataKeys::auditPatientMac(const QString& patientId) const
{
    return Digest::hmacSha256(m_auditPatient.toQByteArrayUnsafe(), patientId.toUtf8());
}

} // namespace ward::hub
