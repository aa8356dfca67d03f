#pragma once

#include "crypto/Certificate.h"
#include "crypto/CmsVerifier.h"
#include "crypto/TimestampVerifier.h"
#include "records/RecordVersion.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ward {

// A record version as the hub's change feed delivers it, checked before it may enter the vault:
// the CMS signature over the exact body bytes chains to the hub's staff CA and was made by the named author,
// and the hub's RFC 3161 token covers that signature. Checking is CPU-only and thread-safe, so a page of
// records is verified on worker threads while the sync thread stays responsive.
struct IncomingRecord
{
    qint64 seq = 0;
    RecordVersion record;  // prevHash empty here: the vault links versions by its own hash (see SyncEngine)
    QString hubPrevHash;   // hex SHA-256 of the previous version's body, as the hub chains versions
    QString rejection;     // why it must not be stored; empty when it passed

    // Fields of the wire format; sets rejection for anything malformed, for hub metadata that disagrees with the
    // signed envelope ("metadata_mismatch: …", naming the field) and for a body the codec refuses.
    static IncomingRecord fromChange(const QJsonObject& item);
    // Sets rejection when the signature, the author or the timestamp token does not hold. The verifiers are the
    // engine's, shared by its worker threads, so a pull decodes and chain-checks each certificate once.
    void verify(const CmsVerifier& signatures, const TimestampVerifier& timestamps);
    // One-off form with uncached verifiers (same verdicts), for callers that check a single record.
    void verify(const QList<Certificate>& trustedCas);

    // The hub's type names use '_' (its schema: [a-z][a-z_]*), the chart's use '-'; one mapping each way.
    static QString typeToHub(const QString& vaultType);
    static QString typeFromHub(const QString& hubType);

private:
    QString adoptEnvelope();
};

} // namespace ward
