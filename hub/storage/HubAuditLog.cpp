#include "hub/storage/HubAuditLog.h"

#include "crypto/Digest.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QSysInfo>

namespace ward::hub {

namespace {
const QByteArray kGenesis(64, '0');
}

HubAuditLog::HubAuditLog(HubDatabase& db)
    : m_db(db)
{
}

QByteArray HubAuditLog::entryHash(const QByteArray& prevHashHex, qint64 seq, qint64 at, const QString& actor,
                                  const QString& action, const QString& detail)
{
    const QJsonObject entry{{QStringLiteral("seq"), QString::number(seq)}, {QStringLiteral("at"), QString::number(at)},
                            {QStringLiteral("actor"), actor}, {QStringLiteral("action"), action},
                            {QStringLiteral("detail"), detail}};
    return Digest::sha256(prevHashHex + QJsonDocument(entry).toJson(QJsonDocument::Compact)).toHex();
}

QString HubAuditLog::localOperator()
{
    return QStringLiteral("operator@") + QSysInfo::machineHostName();
}

void HubAuditLog::append(const QString& actor, const QString& action, const QJsonObject& detail)
{
    const qint64 seq = m_db.takeSequence(1, QStringLiteral("audit"));
    QByteArray prev = kGenesis;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT hash FROM hub_audit WHERE seq = ?"), {seq - 1});
    if (q.next())
        prev = q.value(0).toString().toLatin1();
    const qint64 at = Clock::instance().nowUtc().toMSecsSinceEpoch();
    const QString detailText = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    const QByteArray hash = entryHash(prev, seq, at, actor, action, detailText);
    m_db.exec(QStringLiteral("INSERT INTO hub_audit (seq, at, actor, action, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?)"),
              {seq, at, actor, action, detailText, QString::fromLatin1(prev), QString::fromLatin1(hash)});
}

namespace {
QList<HubAuditLog::Entry> entriesOf(QSqlQuery& q)
{
    QList<HubAuditLog::Entry> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                    QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object()});
    return out;
}
} // namespace

QList<HubAuditLog::Entry> HubAuditLog::entries(const QString& action)
{
    QSqlQuery q = action.isEmpty()
                      ? m_db.exec(QStringLiteral("SELECT seq, at, actor, action, detail FROM hub_audit ORDER BY seq"))
                      : m_db.exec(QStringLiteral("SELECT seq, at, actor, action, detail FROM hub_audit WHERE action = ? ORDER BY seq"),
                                  {action});
    return entriesOf(q);
}

QList<HubAuditLog::Entry> HubAuditLog::entriesAfter(qint64 seq, int limit)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT seq, at, actor, action, detail FROM hub_audit WHERE seq > ? ORDER BY seq LIMIT ?"),
                            {seq, limit});
    return entriesOf(q);
}

qint64 HubAuditLog::lastSeq()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT MAX(seq) FROM hub_audit"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

HubAuditLog::Verdict HubAuditLog::verify()
{
    Verdict v;
    QByteArray prev = kGenesis;
    qint64 expected = 1;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT seq, at, actor, action, detail, prev_hash, hash FROM hub_audit ORDER BY seq"));
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        const QByteArray storedPrev = q.value(5).toString().toLatin1();
        const QByteArray storedHash = q.value(6).toString().toLatin1();
        const QByteArray hash = entryHash(prev, seq, q.value(1).toLongLong(), q.value(2).toString(),
                                          q.value(3).toString(), q.value(4).toString());
        QString problem;
        if (seq != expected)
            problem = QStringLiteral("gap: expected entry %1, found %2").arg(expected).arg(seq);
        else if (storedPrev != prev)
            problem = QStringLiteral("entry %1 does not link to its predecessor").arg(seq);
        else if (storedHash != hash)
            problem = QStringLiteral("entry %1 was altered (hash mismatch)").arg(seq);
        if (!problem.isEmpty()) {
            v.ok = false;
            v.firstBadSeq = seq;
            v.problem = problem;
            return v;
        }
        prev = storedHash;
        ++expected;
        ++v.entries;
    }
    return v;
}

} // namespace ward::hub
