#pragma once

#include "audit/AuditEntry.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ward::hub {

class HubDatabase;

// Issue 14: what the hub learns only from a terminal's shipped chain — a break-the-glass access, and the logins it
// did not see itself because the terminal was offline (logins, card-less fallback logins, lockouts) — goes into the
// hub's own audit chain as "terminal.<action>", attributed to the person and the terminal, with the terminal entry's
// seq to find the full entry (terminal_audit). The typed break-the-glass reason stays in terminal_audit: the hub
// chain holds ids only. Online logins are already there (SessionService: session.open/failed/refused).
class TerminalAuditEvents
{
public:
    // Actions mirrored whatever the mode; the offline login actions only when detail.mode is "offline".
    static const QStringList& alwaysMirrored();
    static const QStringList& offlineMirrored();

    // Mirrors the newly stored `entries` into the hub chain. Runs inside the caller's transaction (the one that
    // stores them: TerminalAuditChains::receive), so a batch is stored with its mirror or not at all.
    static int mirror(HubDatabase& db, const QString& terminalId, const QList<AuditEntry>& entries);
};

} // namespace ward::hub
