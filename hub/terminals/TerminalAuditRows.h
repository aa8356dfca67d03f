#pragma once

#include "audit/AuditEntry.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace ward::hub {

class DataKeys;
class HubDatabase;

// Issue 14: how a terminal's audit entry is kept at the hub so that the auditor can search it (AUD-3, JAHIS 09-001
// §6) without the hub holding patient data in the clear (DATA-1, DATA-2). The searchable facts (time, user, action,
// outcome, the terminal's ward and the patient's ward) are columns; an entry that names a patient is sealed whole
// under the HEALTH key (its detail may carry a break-the-glass reason) and found through patient_mac, the keyed
// blind index DataKeys::auditPatientMac. Entries without a patient stay readable JSON.
class TerminalAuditRows
{
public:
    TerminalAuditRows(HubDatabase& db, const DataKeys& keys);

    // The ward the terminal is enrolled in (empty for an unknown terminal).
    QString terminalWard(const QString& terminalId);
    // What of a row needs only the entry and the keys (no database): safe to make on several threads at once, and
    // before the transaction that stores it.
    struct Sealed
    {
        QString plain;       // the entry's JSON when it names no patient, else "" (never null: the column is NOT NULL)
        QVariant patientMac; // patientIndex() when it names one
        QByteArray sealed;   // the entry's JSON sealed under the HEALTH key when it names one
    };
    Sealed seal(const QString& terminalId, const AuditEntry& entry) const;
    // Verified entries of terminalId's chain, in order, each with its seal(); inside the caller's transaction.
    // Issue 14 (≥ 20,000 entries/s): one bulk append (HubDatabase::appendRows: COPY on PostgreSQL), not a statement
    // per entry, and the patients' wards in one query.
    void store(const QString& terminalId, const QString& terminalWard, const QList<AuditEntry>& entries,
               const QList<Sealed>& sealed, qint64 receivedAtMs);
    // Rows stored before the search columns existed (schema 10): indexed and, where they name a patient, sealed now,
    // so no entry keeps a patient in the clear. Returns how many. Run when the hub opens its services.
    int indexEarlierRows();
    // The entry of a stored row: `plain` when it names no patient, else `sealed` opened. Throws HubError storage
    // when a sealed entry does not open under this row (moved or altered).
    AuditEntry entry(const QString& terminalId, qint64 seq, const QString& plain, const QByteArray& sealed) const;
    // Up to `limit` entries of the terminal after `seq`, in order, each opened by entry() (the ATNA stream).
    QList<AuditEntry> after(const QString& terminalId, qint64 seq, int limit) const;
    // The blind index of a patient id, as stored in patient_mac (hex).
    QString patientIndex(const QString& patientId) const;

    static QByteArray sealAad(const QString& terminalId, qint64 seq);

private:
    // The wards of the patients `entries` name that are not yet in m_patientWards, in one query per 100.
    void lookUpPatientWards(const QList<AuditEntry>& entries);
    // entry, at, user_id, action, outcome, terminal_ward, patient_ward, patient_mac, sealed.
    QVariantList columns(const QString& terminalWard, const AuditEntry& entry, const Sealed& sealed);

    HubDatabase& m_db;
    const DataKeys& m_keys;
    // Patient → ward as the hub knows it, for one store() call (a batch names the same few patients again and again).
    QHash<QString, QVariant> m_patientWards;
};

} // namespace ward::hub
