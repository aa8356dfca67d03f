#pragma once

#include "exports/ExportRequest.h"

#include <QJsonObject>
#include <QString>

namespace ward {

class AuditLog;

// DATA-4: the export ledger (持出し台帳). Every print or export, and every attempt refused, is an entry of the
// terminal's hash-chained audit trail with action "export" (AUD-1), so it reaches the hub with the rest of the
// trail and the auditor finds it there. The ledger number is issued *before* anything is printed or written — it
// is on every page and in the file's name — so no output can carry a number the trail does not have:
//   outcome "issued"   who, which patient, what, why, where to; the ledger number "<terminal>-<seq>"
//   outcome "done"     the same number with what was produced (pages, records, bytes)
//   outcome "failed"   the same number with the reason (printer error, full medium, …)
//   outcome "refused"  no number: the rule that stopped it (no permission, no purpose, destination forbidden)
class ExportLedger
{
public:
    explicit ExportLedger(AuditLog& log);

    QString issue(const QString& user, const ExportRequest& request);
    void done(const QString& user, const QString& ledgerNumber, const ExportRequest& request, const QJsonObject& produced);
    void failed(const QString& user, const QString& ledgerNumber, const ExportRequest& request, const QString& reason);
    void refused(const QString& user, const ExportRequest& request, const QString& reason);

    static QString ledgerNumber(const QString& terminalId, qint64 seq);
    // The detail every entry carries.
    static QJsonObject detail(const ExportRequest& request);

private:
    AuditLog& m_log;
};

} // namespace ward
