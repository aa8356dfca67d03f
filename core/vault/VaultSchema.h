#pragma once

namespace ward {

class SqlCipherDatabase;

// Versioned migrations, tracked in PRAGMA user_version. Each migration runs in one transaction;
// a vault written by a newer WardStation is refused rather than guessed at.
class VaultSchema
{
public:
    static int currentVersion();
    static void migrate(SqlCipherDatabase& db);
};

} // namespace ward
