#pragma once

#include "crypto/SecureBytes.h"
#include "sync/SyncError.h"

#include <QString>
#include <functional>
#include <memory>

namespace ward {

class HubClient;
class Vault;

// The vault's network slot (DESIGN: the Clevis/Tang idea): its unwrapping key is held by the hub and handed
// only to this terminal, over mutual TLS, while it is enrolled and not revoked, and only on behalf of a user who
// has just logged in there (issue 10: the session token; the terminal certificate on a stolen disk is not
// enough). Revoking the terminal at the hub makes the slot useless to whoever holds the disk.
class NetworkSlot
{
public:
    using KeyCallback = std::function<void(const SecureBytes& key, const SyncError& error)>;

    static constexpr int kKeyBytes = 32;

    // GET /api/v1/network-slot-key with the user's session token; `done` gets the key, or an empty key and the
    // typed error (403 when revoked, 401 without a live session).
    static void fetchKey(HubClient& client, const QString& sessionToken, KeyCallback done);
    // Adds the network slot to an open vault (audited by the vault as slot.add).
    static void addTo(Vault& vault, const SecureBytes& key, const QString& actor);
    // Opens the vault with a key fetched from the hub; throws VaultError when the key does not unwrap it.
    static std::unique_ptr<Vault> open(const QString& vaultDir, const QString& terminalId, const SecureBytes& key);
};

} // namespace ward
