#pragma once

#include "hub/terminals/TerminalAuditRows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QString>

#include <functional>

namespace ward::hub {

class DataKeys;
class HubDatabase;

// The terminals' own audit chains (AUD-1, AUD-2) as shipped to the hub: each entry is checked (its hash recomputed,
// its link to the entry before it, its terminal) before it is kept, so the hub's copy is a verified continuation of
// what it already holds. The head it returns is the acknowledgement the terminal keeps: entries up to it may go with
// the vault (DATA-5), entries after it would be lost.
class TerminalAuditChains
{
    Q_DECLARE_TR_FUNCTIONS(ward::hub::TerminalAuditChains)

public:
    static constexpr int kMaxEntriesPerRequest = 1000;

    TerminalAuditChains(HubDatabase& db, const DataKeys& keys);

    // Runs inside receive's transaction once the entries are stored, with the chain's head (seq 0 when the hub
    // holds nothing of it) and that entry's hash: the acknowledgement is recorded in the same commit.
    using InTransaction = std::function<void(qint64 head, const QByteArray& headHash)>;

    // Appends `entries` (AuditEntry::toJson, in order) to terminalId's chain; entries the hub already holds with
    // the same hash are accepted again (a resend). Returns the acknowledged head seq. HubError 400 bad_request for
    // a malformed entry, 409 audit_chain_break for one that does not continue the stored chain (nothing stored).
    qint64 receive(const QString& terminalId, const QJsonArray& entries, const InTransaction& inTransaction = {});
    qint64 head(const QString& terminalId);

private:
    HubDatabase& m_db;
    const DataKeys& m_keys;
    TerminalAuditRows m_rows;
};

} // namespace ward::hub
