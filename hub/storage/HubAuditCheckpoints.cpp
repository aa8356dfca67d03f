#include "hub/storage/HubAuditCheckpoints.h"

#include "audit/AuditAcknowledgement.h"
#include "crypto/HubStatement.h"
#include "hub/pki/HubPki.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QDateTime>

namespace ward::hub {

HubAuditCheckpoints::HubAuditCheckpoints(HubDatabase& db) : m_db(db) {}

QJsonObject HubAuditCheckpoints::statement(qint64 seq, const QString& hashHex, qint64 atMs)
{
    return {{QStringLiteral("kind"), QStringLiteral("hub.audit.checkpoint")},
            {QStringLiteral("seq"), QString::number(seq)},
            {QStringLiteral("hash"), hashHex},
            {QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODateWithMs)}};
}

qint64 HubAuditCheckpoints::take(const HubPki& pki)
{
    return m_db.transaction([&]() -> qint64 {
        QSqlQuery head = m_db.exec(QStringLiteral("SELECT seq, hash FROM hub_audit ORDER BY seq DESC LIMIT 1"));
        if (!head.next())
            return 0;
        const qint64 seq = head.value(0).toLongLong();
        const QString hash = head.value(1).toString();
        QSqlQuery last = m_db.exec(QStringLiteral("SELECT MAX(seq) FROM hub_audit_checkpoints"));
        if (last.next() && !last.value(0).isNull() && last.value(0).toLongLong() >= seq)
            return 0;
        const qint64 at = Clock::instance().nowUtc().toMSecsSinceEpoch();
        const QByteArray signature = pki.signAuditStatement(statement(seq, hash, at));
        m_db.exec(QStringLiteral("INSERT INTO hub_audit_checkpoints (seq, hash, at, signature) VALUES (?,?,?,?)"),
                  {seq, hash, at, QString::fromLatin1(signature.toBase64())});
        return seq;
    });
}

QStringList HubAuditCheckpoints::verify(const QList<Certificate>& hubCas, qint64* checkpoints)
{
    QStringList problems;
    qint64 n = 0;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT c.seq, c.hash, c.at, c.signature, a.hash FROM hub_audit_checkpoints c"
                                           " LEFT JOIN hub_audit a ON a.seq = c.seq ORDER BY c.seq"));
    while (q.next()) {
        ++n;
        const qint64 seq = q.value(0).toLongLong();
        const QString hash = q.value(1).toString();
        const QByteArray signature = QByteArray::fromBase64(q.value(3).toString().toLatin1());
        const HubStatement::Check c = HubStatement::verify(statement(seq, hash, q.value(2).toLongLong()), signature, hubCas,
                                                           QLatin1String(AuditAcknowledgement::kSignerName));
        if (!c.ok())
            problems << QStringLiteral("hub audit checkpoint %1: the signature does not verify (%2)").arg(seq).arg(c.detail);
        else if (q.value(4).isNull())
            problems << QStringLiteral("hub audit chain: entry %1, signed in a checkpoint, is missing (the chain was cut)").arg(seq);
        else if (q.value(4).toString() != hash)
            problems << QStringLiteral("hub audit chain: entry %1 differs from the one signed in its checkpoint").arg(seq);
    }
    if (checkpoints)
        *checkpoints = n;
    return problems;
}

} // namespace ward::hub
