#include "session/OfflineAccountCache.h"

#include "crypto/Digest.h"
#include "crypto/Hkdf.h"
#include "vault/AtomicFile.h"
#include "vault/VaultError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <openssl/crypto.h>

namespace ward {

namespace {

const char kFormat[] = "wardstation-login-cache";
constexpr int kVersion = 2;  // 1: one unauthenticated object (refused: log in online once)

} // namespace

OfflineAccountCache::OfflineAccountCache(QString path)
    : m_path(std::move(path))
{
}

QString OfflineAccountCache::pathFor(const QString& vaultDir)
{
    return QDir(vaultDir).filePath(QStringLiteral("login-cache.json"));
}

QByteArray OfflineAccountCache::tagFor(const QJsonObject& hub, const SecureBytes& vaultKey)
{
    // Its own key, derived from the vault key: the tag reveals nothing about the vault key and is good for
    // nothing else. QJsonObject keeps keys sorted, so the compact text is canonical.
    const SecureBytes macKey = Hkdf::sha256(vaultKey, QByteArray(), "ward-login-cache-mac-v1", 32);
    return Digest::hmacSha256(macKey.toQByteArrayUnsafe(), QJsonDocument(hub).toJson(QJsonDocument::Compact));
}

bool OfflineAccountCache::load(QString* error)
{
    accounts.clear();
    uidBindings.clear();
    refusals.clear();
    failures = OfflineFailureCounter();
    m_loadedHub = QJsonObject();
    m_loadedTag.clear();
    QFile f(m_path);
    if (!f.exists())
        return true;
    const auto fail = [&](const QString& why) {
        accounts.clear();
        uidBindings.clear();
        refusals.clear();
        failures = OfflineFailureCounter();
        m_loadedHub = QJsonObject();
        m_loadedTag.clear();
        if (error)
            *error = QCoreApplication::translate("OfflineAccountCache", "The offline login cache %1 is damaged (%2). "
                                                                        "Log in once while the hub is reachable.")
                         .arg(m_path, why);
        return false;
    };
    if (!f.open(QIODevice::ReadOnly))
        return fail(f.errorString());
    // A cache over 4 MiB is damaged; checking the size first reads only what the file holds, instead of
    // allocating a 4 MiB buffer on every load (the login-cache fuzz target loads it ~10^6 times).
    constexpr qint64 kMaxBytes = 4 * 1024 * 1024;
    if (f.size() > kMaxBytes)
        return fail(QStringLiteral("larger than 4 MiB"));
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return fail(pe.errorString());
    const QJsonObject file = doc.object();
    if (file.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)
        || file.value(QStringLiteral("version")).toInt() != kVersion)
        return fail(QStringLiteral("format"));
    const QJsonObject root = file.value(QStringLiteral("hub")).toObject();
    const QByteArray tag = QByteArray::fromBase64(file.value(QStringLiteral("tag")).toString().toLatin1());
    // No hub part at all (failures recorded before any online login): nothing to authenticate, nothing granted.
    const bool noHubPart = root.isEmpty() && tag.isEmpty();
    if (!noHubPart && tag.size() != 32)
        return fail(QStringLiteral("tag"));
    JsonFieldError fe;
    PasswordPolicy p;
    if (!noHubPart && !PasswordPolicy::fromJson(root.value(QStringLiteral("policy")).toObject(), &p, &fe))
        return fail(QStringLiteral("policy"));
    policy = p;
    allowUidBadges = root.value(QStringLiteral("allowUidBadges")).toBool();
    helpContact = root.value(QStringLiteral("helpContact")).toString().left(kMaxHelpContactLength);
    const QJsonObject accs = root.value(QStringLiteral("accounts")).toObject();
    for (auto it = accs.begin(); it != accs.end(); ++it) {
        const QJsonObject a = it.value().toObject();
        Account acc;
        if (!AccountState::fromJson(a.value(QStringLiteral("state")).toObject(), &acc.state, &fe))
            return fail(it.key());
        for (const QJsonValue& v : a.value(QStringLiteral("roles")).toArray())
            acc.roles << v.toString();
        for (const QJsonValue& v : a.value(QStringLiteral("compartments")).toArray())
            acc.compartments << v.toString();
        for (const QJsonValue& v : a.value(QStringLiteral("pivKeyHashes")).toArray())
            acc.pivKeyHashes << QByteArray::fromHex(v.toString().toLatin1());
        accounts.insert(it.key(), acc);
    }
    const QJsonObject uids = root.value(QStringLiteral("uidBindings")).toObject();
    for (auto it = uids.begin(); it != uids.end(); ++it)
        uidBindings.insert(QByteArray::fromHex(it.key().toLatin1()), it.value().toString());
    const QJsonObject local = file.value(QStringLiteral("local")).toObject();
    OfflineFailureCounter counter;
    if (!OfflineFailureCounter::fromJson(local.value(QStringLiteral("failures")).toObject(), &counter, &fe))
        return fail(QStringLiteral("failures"));
    failures = counter;
    const QJsonObject refused = local.value(QStringLiteral("refusals")).toObject();
    for (auto it = refused.begin(); it != refused.end(); ++it)
        refusals.insert(it.key(), it.value().toString());
    m_loadedHub = root;
    m_loadedTag = tag;
    return true;
}

QJsonObject OfflineAccountCache::hubPart() const
{
    QJsonObject accs;
    for (auto it = accounts.begin(); it != accounts.end(); ++it) {
        QJsonArray keys;
        for (const QByteArray& k : it->pivKeyHashes)
            keys.append(QString::fromLatin1(k.toHex()));
        accs.insert(it.key(), QJsonObject{{QStringLiteral("state"), it->state.toJson()},
                                          {QStringLiteral("roles"), QJsonArray::fromStringList(it->roles)},
                                          {QStringLiteral("compartments"), QJsonArray::fromStringList(it->compartments)},
                                          {QStringLiteral("pivKeyHashes"), keys}});
    }
    QJsonObject uids;
    for (auto it = uidBindings.begin(); it != uidBindings.end(); ++it)
        uids.insert(QString::fromLatin1(it.key().toHex()), it.value());
    QJsonObject hub{{QStringLiteral("policy"), policy.toJson()},
                    {QStringLiteral("allowUidBadges"), allowUidBadges},
                    {QStringLiteral("accounts"), accs},
                    {QStringLiteral("uidBindings"), uids}};
    // Only when set, so a cache written before the field existed keeps its tag.
    if (!helpContact.isEmpty())
        hub.insert(QStringLiteral("helpContact"), helpContact);
    return hub;
}

bool OfflineAccountCache::isAuthentic(const SecureBytes& vaultKey) const
{
    if (m_loadedTag.isEmpty())
        return accounts.isEmpty() && uidBindings.isEmpty();
    const QByteArray expected = tagFor(m_loadedHub, vaultKey);
    return CRYPTO_memcmp(expected.constData(), m_loadedTag.constData(), 32) == 0;
}

bool OfflineAccountCache::save(QString* error, const SecureBytes& vaultKey) const
{
    const QJsonObject hub = hubPart();
    QByteArray tag;
    if (!vaultKey.isEmpty()) {
        tag = tagFor(hub, vaultKey);
    } else if (!m_loadedTag.isEmpty() && hub == m_loadedHub) {
        tag = m_loadedTag;  // unchanged, and still carrying the tag it was written with
    } else if (m_loadedTag.isEmpty() && accounts.isEmpty() && uidBindings.isEmpty() && !allowUidBadges) {
        // Nothing from the hub yet: only the local part is written.
    } else {
        if (error)
            *error = QStringLiteral("the hub's account state can only be saved with the vault open");
        return false;
    }
    QJsonObject refused;
    for (auto it = refusals.begin(); it != refusals.end(); ++it)
        refused.insert(it.key(), it.value());
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("hub"), tag.isEmpty() ? QJsonObject() : hub},
                           {QStringLiteral("tag"), QString::fromLatin1(tag.toBase64())},
                           {QStringLiteral("local"), QJsonObject{{QStringLiteral("failures"), failures.toJson()},
                                                                 {QStringLiteral("refusals"), refused}}}};
    try {
        AtomicFile::write(m_path, QJsonDocument(root).toJson(QJsonDocument::Compact));
    } catch (const VaultError& e) {
        if (error)
            *error = e.message();
        return false;
    }
    return true;
}

} // namespace ward
