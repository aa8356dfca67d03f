#include "audit/AuditAcknowledgement.h"

#include "crypto/HubStatement.h"

namespace ward {

QJsonObject AuditAcknowledgement::statement() const
{
    return {{QStringLiteral("kind"), QStringLiteral("audit.ack")},
            {QStringLiteral("terminal"), terminal},
            {QStringLiteral("seq"), QString::number(seq)},
            {QStringLiteral("entryHash"), QString::fromLatin1(entryHash.toHex())},
            {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)}};
}

AuditAcknowledgement AuditAcknowledgement::make(const QString& terminal, qint64 seq, const QByteArray& entryHash,
                                                const QDateTime& time)
{
    AuditAcknowledgement a;
    a.terminal = terminal;
    a.seq = seq;
    a.entryHash = entryHash;
    a.time = time.toUTC();
    return a;
}

void AuditAcknowledgement::sign(const Certificate& signerCert, const KeyPair& signerKey)
{
    signature = HubStatement::sign(statement(), signerCert, signerKey);
}

QJsonObject AuditAcknowledgement::toJson() const
{
    QJsonObject o = statement();
    o.insert(QStringLiteral("signature"), QString::fromLatin1(signature.toBase64()));
    return o;
}

AuditAcknowledgement AuditAcknowledgement::fromJson(const QJsonObject& json)
{
    AuditAcknowledgement a;
    if (json.value(QStringLiteral("kind")).toString() != QLatin1String("audit.ack"))
        return a;
    a.terminal = json.value(QStringLiteral("terminal")).toString();
    a.seq = json.value(QStringLiteral("seq")).toString().toLongLong();
    a.entryHash = QByteArray::fromHex(json.value(QStringLiteral("entryHash")).toString().toLatin1());
    a.time = QDateTime::fromString(json.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    a.signature = QByteArray::fromBase64(json.value(QStringLiteral("signature")).toString().toLatin1());
    return a;
}

QString AuditAcknowledgement::problem(const QList<Certificate>& hubCas, const QString& terminalId, qint64 expectedSeq,
                                      const QByteArray& expectedHash) const
{
    const HubStatement::Check c = HubStatement::verify(statement(), signature, hubCas, QLatin1String(kSignerName));
    switch (c.problem) {
    case HubStatement::Problem::None: break;
    case HubStatement::Problem::Unsigned: return tr("The hub's acknowledgement of the audit chain is not signed.");
    case HubStatement::Problem::BadSignature:
        return tr("The hub's acknowledgement of the audit chain does not verify against this terminal's hub: %1").arg(c.detail);
    case HubStatement::Problem::WrongSigner:
        return tr("The acknowledgement of the audit chain is signed by %1, not by the hub's audit certificate.").arg(c.detail);
    }
    if (terminal != terminalId)
        return tr("The hub acknowledged the audit chain of another terminal (%1).").arg(terminal);
    if (seq != expectedSeq || entryHash != expectedHash)
        return tr("The hub acknowledged audit entry %1, which is not this terminal's entry %2.").arg(seq).arg(expectedSeq);
    if (!time.isValid())
        return tr("The hub's acknowledgement of the audit chain has no time.");
    return QString();
}

} // namespace ward
