#pragma once

#include "hub/terminals/TerminalRegistry.h"

#include <QJsonObject>

namespace ward::hub {

class DataKeys;
class HubDatabase;

// GET /api/v1/changes?cursor=N&limit=M: everything that changed after cursor N, in commit order (the global
// change sequence, see HubDatabase::takeSequence), paged. Items: wards, roles, users (public fields; card
// bindings only for users of the terminal's ward), staff certificates (all: any author's signature must be
// checkable), policy versions, and the terminal ward's patients (identity) and records (body, signature,
// timestamp token). A terminal stores nextCursor only after it has applied the page.
class ChangeFeed
{
public:
    static constexpr int kDefaultLimit = 500;
    static constexpr int kMaxLimit = 1000;

    ChangeFeed(HubDatabase& db, const DataKeys& keys);

    QJsonObject changes(const TerminalRegistry::Terminal& terminal, qint64 cursor, int limit);

private:
    HubDatabase& m_db;
    const DataKeys& m_keys;
};

} // namespace ward::hub
