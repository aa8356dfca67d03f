#include "vault/PendingAudit.h"

#include "crypto/Digest.h"
#include "crypto/Random.h"
#include "vault/AtomicFile.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/SqlStatement.h"
#include "vault/VaultError.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace ward {

namespace {

const char* kEpochMeta = "pendingAudit.epoch";
const char* kKeyMeta = "pendingAudit.key0";

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject readKeyFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void writeKeyFile(const QString& path, const QByteArray& epoch, qint64 n, const QByteArray& key)
{
    AtomicFile::write(path, compact({{QStringLiteral("epoch"), QString::fromLatin1(epoch.toHex())},
                                     {QStringLiteral("n"), QString::number(n)},
                                     {QStringLiteral("key"), QString::fromLatin1(key.toHex())}}));
}

QString meta(SqlCipherDatabase& db, const char* key)
{
    SqlStatement q = db.prepare("SELECT value FROM meta WHERE key = ?");
    q.bind(1, QString::fromLatin1(key));
    return q.step() ? q.text(0) : QString();
}

void setMeta(SqlCipherDatabase& db, const char* key, const QString& value)
{
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").bind(1, QString::fromLatin1(key)).bind(2, value).run();
}

} // namespace

QString PendingAudit::filePath(const QString& vaultDir)
{
    return QDir(vaultDir).filePath(QStringLiteral("audit-pending.jsonl"));
}

QString PendingAudit::keyPath(const QString& vaultDir)
{
    return QDir(vaultDir).filePath(QStringLiteral("audit-pending.key"));
}

QByteArray PendingAudit::evolve(const QByteArray& key)
{
    return Digest::sha256(QByteArrayLiteral("ward-pending-audit") + key);
}

QByteArray PendingAudit::mac(const QByteArray& key, const QByteArray& epoch, qint64 n, const QJsonObject& event)
{
    return Digest::hmacSha256(key, epoch + QByteArray::number(n) + '\n' + compact(event));
}

void PendingAudit::append(const QString& vaultDir, const QJsonObject& event)
{
    // Before the first login on a terminal the vault folder may not exist yet; the events must still wait there
    // for the vault that the first successful login creates (no key yet: nothing could be expected of them).
    if (vaultDir.isEmpty() || !QDir().mkpath(vaultDir))
        return;
    try {
        const QJsonObject k = readKeyFile(keyPath(vaultDir));
        const QByteArray epoch = QByteArray::fromHex(k.value(QStringLiteral("epoch")).toString().toLatin1());
        const QByteArray key = QByteArray::fromHex(k.value(QStringLiteral("key")).toString().toLatin1());
        const qint64 n = k.value(QStringLiteral("n")).toString().toLongLong();
        QJsonObject line{{QStringLiteral("event"), event}};
        if (epoch.size() == 16 && key.size() == 32) {
            line.insert(QStringLiteral("epoch"), QString::fromLatin1(epoch.toHex()));
            line.insert(QStringLiteral("n"), QString::number(n));
            line.insert(QStringLiteral("mac"), QString::fromLatin1(mac(key, epoch, n, event).toHex()));
        }
        AtomicFile::appendLine(filePath(vaultDir), compact(line));
        if (epoch.size() == 16 && key.size() == 32)
            writeKeyFile(keyPath(vaultDir), epoch, n + 1, evolve(key));  // K_n is gone from the disk
    } catch (const VaultError&) {
        // The login result is what the person must see; a full disk is reported by the vault at its next write.
    }
}

PendingAudit::Taken PendingAudit::takeAndRearm(const QString& vaultDir, SqlCipherDatabase& db)
{
    Taken taken;
    const QByteArray epoch = QByteArray::fromHex(meta(db, kEpochMeta).toLatin1());
    const QByteArray key0 = QByteArray::fromHex(meta(db, kKeyMeta).toLatin1());
    const bool armed = epoch.size() == 16 && key0.size() == 32;

    QFile file(filePath(vaultDir));
    const bool hasFile = file.open(QIODevice::ReadOnly);
    const QList<QByteArray> lines = hasFile ? file.readAll().split('\n') : QList<QByteArray>();
    file.close();
    QByteArray key = key0;
    qint64 expected = 0;
    for (const QByteArray& text : lines) {
        const QJsonObject line = QJsonDocument::fromJson(text).object();
        if (line.isEmpty()) {
            if (!text.trimmed().isEmpty())
                taken.problems << QStringLiteral("a line that is not JSON");
            continue;
        }
        Event e{line.value(QStringLiteral("event")).toObject(), false};
        if (armed) {
            const qint64 n = line.value(QStringLiteral("n")).toString().toLongLong();
            const bool sameEpoch = QByteArray::fromHex(line.value(QStringLiteral("epoch")).toString().toLatin1()) == epoch;
            if (sameEpoch && n == expected
                && mac(key, epoch, n, e.event).toHex() == line.value(QStringLiteral("mac")).toString().toLatin1()) {
                e.verified = true;
                key = evolve(key);
                ++expected;
            } else {
                taken.problems << QStringLiteral("event %1 of %2 does not verify").arg(taken.events.size() + 1).arg(lines.size());
            }
        }
        taken.events << e;
    }
    if (armed) {
        const QJsonObject k = readKeyFile(keyPath(vaultDir));
        const qint64 written = k.value(QStringLiteral("n")).toString().toLongLong();
        if (k.isEmpty())
            taken.problems << QStringLiteral("the key file is missing (events written while the vault was closed may have been deleted)");
        else if (QByteArray::fromHex(k.value(QStringLiteral("epoch")).toString().toLatin1()) != epoch)
            taken.problems << QStringLiteral("the key file is not the one this vault left");
        else if (written > expected)
            taken.problems << QStringLiteral("%1 of %2 events written while the vault was closed are missing").arg(written - expected).arg(written);
        else if (written == expected && QByteArray::fromHex(k.value(QStringLiteral("key")).toString().toLatin1()) != key)
            taken.problems << QStringLiteral("the key file was altered");
    }
    // The next epoch: the vault keeps K0 (encrypted with it), the disk only the key for the next line.
    const QByteArray nextEpoch = Random::bytes(16);
    const QByteArray nextKey = Random::bytes(32);
    setMeta(db, kEpochMeta, QString::fromLatin1(nextEpoch.toHex()));
    setMeta(db, kKeyMeta, QString::fromLatin1(nextKey.toHex()));
    writeKeyFile(keyPath(vaultDir), nextEpoch, 0, nextKey);
    QFile::remove(filePath(vaultDir));
    return taken;
}

} // namespace ward
