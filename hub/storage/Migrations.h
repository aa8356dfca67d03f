#pragma once

namespace ward::hub {

class HubDatabase;

// Versioned schema for both dialects. Each step runs in one transaction and records itself in
// schema_version, so a hub that crashes mid-upgrade retries the step from the start.
class Migrations
{
public:
    static int latestVersion();
    // 0 when the database is empty.
    static int currentVersion(HubDatabase& db);
    // Applies every missing step; throws HubError("storage", …). Refuses a database newer than this binary.
    static void migrate(HubDatabase& db);
};

} // namespace ward::hub
