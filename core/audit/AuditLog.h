#pragma once

#include "audit/AuditEntry.h"

#include <QList>
#include <QString>

namespace ward {

class SqlCipherDatabase;

// What verify() found: ok, or the first sequence number at which the chain breaks and why.
struct AuditVerification
{
    bool ok = true;
    qint64 entries = 0;
    qint64 firstBadSeq = 0;
    QString reason;
};

// The terminal's append-only, hash-chained audit trail, stored in the vault (AUD-1, AUD-2).
// The table refuses UPDATE and DELETE; verify() finds what someone holding the vault key could
// still do to the file directly: delete, alter, reorder or insert entries. Cutting entries off the
// end is caught against the hub, which acknowledges the chain head it has received.
class AuditLog
{
public:
    AuditLog(SqlCipherDatabase& db, QString terminalId);

    AuditEntry append(const QString& user, const QString& action, const QString& patient, const QString& object,
                      const QString& outcome, const QJsonObject& detail = {});
    // For entries recorded while the vault was closed (e.g. a failed unwrap): keeps their time.
    AuditEntry appendAt(const QDateTime& time, const QString& user, const QString& action, const QString& patient,
                        const QString& object, const QString& outcome, const QJsonObject& detail);

    AuditVerification verify() const;
    QList<AuditEntry> entries(qint64 fromSeq = 1, int limit = 1000) const;
    qint64 headSeq() const;
    const QString& terminalId() const { return m_terminal; }

private:
    SqlCipherDatabase& m_db;
    QString m_terminal;
};

} // namespace ward
