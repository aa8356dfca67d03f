#pragma once

#include "sync/SyncError.h"

#include <QCoreApplication>
#include <functional>

namespace ward {

class HubClient;
class Vault;

// Ships this terminal's audit chain to the hub (POST /api/v1/terminal/audit, AUD-1/AUD-2) from the entry after the
// head the hub last acknowledged, in batches, and keeps the hub's new acknowledgement in the vault (HubReplica).
// While the hub checks and stores one batch, the next is read and encoded (issue 14: ≥ 20,000 entries/s); it is
// sent only if the hub acknowledged exactly the batch before it.
// What is after the acknowledged head exists only in this vault: before a wipe (DATA-5) it is shipped, or counted
// as lost. Asynchronous; the vault must stay open until `done` runs.
class AuditShipment
{
    Q_DECLARE_TR_FUNCTIONS(ward::AuditShipment)

public:
    static constexpr int kBatch = 1000;  // the hub's TerminalAuditChains::kMaxEntriesPerRequest
    static constexpr qint64 kMaxBatchBytes = 1024 * 1024;  // well under the hub's request body limit (8 MiB)
    // unsent: entries still after the acknowledged head when it stopped (0 on success).
    using Done = std::function<void(qint64 unsent, const SyncError& error)>;

    static qint64 unsentCount(Vault& vault);
    static void ship(Vault& vault, HubClient& client, Done done);
};

} // namespace ward
