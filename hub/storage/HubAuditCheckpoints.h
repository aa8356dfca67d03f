#pragma once

#include "crypto/Certificate.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ward::hub {

class HubDatabase;
class HubPki;

// Issue 14 (AUD-2): the hub's own audit chain is anchored like the terminals' chains. A hash chain shows an edit
// but not its end cut off; a checkpoint is the chain's head (seq, hash) signed by the hub's audit certificate
// (HubStatement, CN AuditAcknowledgement::kSignerName) at a time. `wardhub serve` takes one every kIntervalSeconds
// when the chain has grown, and at its stop; `wardhub check` verifies every checkpoint's signature and that the
// chain still holds the entry each names with the same hash, so a truncation behind a checkpoint is reported.
class HubAuditCheckpoints
{
public:
    static constexpr int kIntervalSeconds = 300;

    explicit HubAuditCheckpoints(HubDatabase& db);

    // Signs and stores the current head when it is past the last checkpoint; returns its seq (0: nothing new).
    qint64 take(const HubPki& pki);

    // Checkpoints verified, and every problem (bad signature, entry missing or different).
    QStringList verify(const QList<Certificate>& hubCas, qint64* checkpoints = nullptr);

    static QJsonObject statement(qint64 seq, const QString& hashHex, qint64 atMs);

private:
    HubDatabase& m_db;
};

} // namespace ward::hub
