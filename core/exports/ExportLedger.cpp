#include "exports/ExportLedger.h"

#include "audit/AuditLog.h"

#include <stdexcept>

namespace ward {

ExportLedger::ExportLedger(AuditLog& log)
    : m_log(log)
{
}

QString ExportLedger::ledgerNumber(const QString& terminalId, qint64 seq)
{
    return QStringLiteral("%1-%2").arg(terminalId).arg(seq, 6, 10, QLatin1Char('0'));
}

QJsonObject ExportLedger::detail(const ExportRequest& r)
{
    QJsonObject d{{QStringLiteral("kind"), ExportRequest::kindName(r.kind)},
                  {QStringLiteral("purpose"), r.purpose},
                  {QStringLiteral("destination"), ExportRequest::destinationName(r.destination)},
                  {QStringLiteral("target"), r.target}};
    if (!r.purposeText.trimmed().isEmpty())
        d.insert(QStringLiteral("purposeText"), r.purposeText.trimmed());
    if (ExportRequest::hasPeriod(r.kind)) {
        d.insert(QStringLiteral("from"), r.from.toString(Qt::ISODate));
        d.insert(QStringLiteral("to"), r.to.toString(Qt::ISODate));
    }
    return d;
}

QString ExportLedger::issue(const QString& user, const ExportRequest& request)
{
    // The number is the entry's own place in the chain: unique on this terminal, and the hub's trail has the
    // terminal id beside it.
    const qint64 seq = m_log.headSeq() + 1;
    const QString number = ledgerNumber(m_log.terminalId(), seq);
    QJsonObject d = detail(request);
    d.insert(QStringLiteral("ledger"), number);
    const AuditEntry e = m_log.append(user, QStringLiteral("export"), request.patientId, number, QStringLiteral("issued"), d);
    if (e.seq != seq) {
        // Another writer took that place between the two calls: this number is void, and says so in the trail.
        failed(user, number, request, QStringLiteral("ledger number not at its place in the trail (entry %1)").arg(e.seq));
        throw std::runtime_error("export ledger: the audit trail moved while a number was issued");
    }
    return number;
}

void ExportLedger::done(const QString& user, const QString& ledgerNumber, const ExportRequest& request, const QJsonObject& produced)
{
    QJsonObject d = detail(request);
    d.insert(QStringLiteral("ledger"), ledgerNumber);
    for (auto it = produced.begin(); it != produced.end(); ++it)
        d.insert(it.key(), it.value());
    m_log.append(user, QStringLiteral("export"), request.patientId, ledgerNumber, QStringLiteral("done"), d);
}

void ExportLedger::failed(const QString& user, const QString& ledgerNumber, const ExportRequest& request, const QString& reason)
{
    QJsonObject d = detail(request);
    d.insert(QStringLiteral("ledger"), ledgerNumber);
    d.insert(QStringLiteral("reason"), reason);
    m_log.append(user, QStringLiteral("export"), request.patientId, ledgerNumber, QStringLiteral("failed"), d);
}

void ExportLedger::refused(const QString& user, const ExportRequest& request, const QString& reason)
{
    QJsonObject d = detail(request);
    d.insert(QStringLiteral("reason"), reason);
    m_log.append(user, QStringLiteral("export"), request.patientId, QString(), QStringLiteral("refused"), d);
}

} // namespace ward
