#pragma once

#include "audit/AuditAcknowledgement.h"
#include "hub/terminals/TerminalAuditRows.h"

#include <QDateTime>
#include <QStringList>

namespace ward::hub {

class DataKeys;
class HubDatabase;
class HubPki;

// Issue 14 (AUD-2): the outside anchor of each terminal's audit chain. Every head the hub acknowledges (with its
// signature, AuditAcknowledgement) is recorded in terminal_audit_acks; `wardhub check` then finds a terminal chain
// at the hub whose acknowledged head later disappears (truncated), is rewritten (another hash at that seq), or
// whose entries no longer link (a fork or an altered entry), naming the terminal and the sequence.
class TerminalAuditAnchors
{
public:
    TerminalAuditAnchors(HubDatabase& db, const DataKeys& keys, HubPki& pki);

    // Records that the hub acknowledges entry `head` (with `hash`) of terminalId's chain at `at`, once per head;
    // inside the transaction that stored it (TerminalAuditChains::receive), so a head the terminal may rely on is
    // always one the check compares.
    void record(const QString& terminalId, qint64 head, const QByteArray& hash, const QDateTime& at);
    // The signed acknowledgement of a recorded head, sent to the terminal after the commit.
    AuditAcknowledgement sign(const QString& terminalId, qint64 head, const QByteArray& hash, const QDateTime& at) const;

    // Every problem of the stored terminal chains against themselves and against the heads acknowledged.
    QStringList check(qint64* entriesChecked = nullptr);

private:
    HubDatabase& m_db;
    TerminalAuditRows m_rows;  // entries naming a patient are sealed
    HubPki& m_pki;
};

} // namespace ward::hub
