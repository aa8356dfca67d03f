#include "session/OfflineAccountCache.h"

#include "vault/AtomicFile.h"
#include "vault/VaultError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ward {

OfflineAccountCache::OfflineAccountCache(QString path)
    : m_path(std::move(path))
{
}

QString OfflineAccountCache::pathFor(const QString& vaultDir)
{
    return QDir(vaultDir).filePath(QStringLiteral("login-cache.json"));
}

bool OfflineAccountCache::load(QString* error)
{
    accounts.clear();
    uidBindings.clear();
    failures = OfflineFailureCounter();
    QFile f(m_path);
    if (!f.exists())
        return true;
    const auto fail = [&](const QString& why) {
        accounts.clear();
        uidBindings.clear();
        failures = OfflineFailureCounter();
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
    const QJsonObject root = doc.object();
    JsonFieldError fe;
    PasswordPolicy p;
    if (!PasswordPolicy::fromJson(root.value(QStringLiteral("policy")).toObject(), &p, &fe))
        return fail(QStringLiteral("policy"));
    policy = p;
    allowUidBadges = root.value(QStringLiteral("allowUidBadges")).toBool();
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
    OfflineFailureCounter counter;
    if (!OfflineFailureCounter::fromJson(root.value(QStringLiteral("failures")).toObject(), &counter, &fe))
        return fail(QStringLiteral("failures"));
    failures = counter;
    return true;
}

bool OfflineAccountCache::save(QString* error) const
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
    const QJsonObject root{{QStringLiteral("policy"), policy.toJson()},
                           {QStringLiteral("allowUidBadges"), allowUidBadges},
                           {QStringLiteral("accounts"), accs},
                           {QStringLiteral("uidBindings"), uids},
                           {QStringLiteral("failures"), failures.toJson()}};
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
