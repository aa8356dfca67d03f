#pragma once

#include "hub/records/RecordSubmission.h"
#include "hub/terminals/TerminalRegistry.h"

#include <QJsonObject>

namespace ward::hub {

class DataKeys;
class HubDatabase;
class HubPki;
class StaffCertificates;

// POST /api/v1/records: verifies every record of a batch on arrival and stores the valid ones in one transaction.
// Per record: the body is a signed RecordEnvelope whose identity and place (record ID, version, patient, type, ward,
// author, prevHash) equal the push's fields ("envelope_mismatch: <field> …") and whose FHIR resource RecordCodec
// accepts ("invalid_body: <field>: …"); its CMS signature over the exact body bytes must verify against the hub CA
// (at the signing time), the signer must be one of the expected signer's staff certificates (current or past: the
// author, the proxy for a pending entry, the approving doctor for an approval), the patient must exist, the
// record's ward must be the terminal's, and prevHash must link to the previous version. Idempotent on
// (recordId, version): an identical re-push answers "duplicate" with the token already issued; different bytes
// for an existing version answer "rejected"/"conflict". Each stored record gets an RFC 3161 token over its
// signature DER.
//
// prevHash: version 1 has ""; version n > 1 carries the lower-case hex SHA-256 of version n−1's exact body bytes.
class RecordIngest
{
public:
    static constexpr int kMaxRecords = RecordSubmission::kMaxRecords;
    static constexpr int kMaxBodyBytes = RecordSubmission::kMaxBodyBytes;
    static constexpr int kMaxSignatureBytes = RecordSubmission::kMaxSignatureBytes;

    RecordIngest(HubDatabase& db, const DataKeys& keys, HubPki& pki, StaffCertificates& certs);

    // The request JSON → {"results":[{recordId, version, status, reason?, timestampToken?}], stored, duplicates,
    // rejected}. Throws HubError(400) when the batch itself is malformed (nothing stored then).
    QJsonObject ingest(const TerminalRegistry::Terminal& terminal, const QJsonObject& request);

    static QByteArray bodyAad(const QString& recordId, int version);

    // Issue 9: a hub whose records are in the shape used before signed FHIR envelopes cannot serve them
    // truthfully; throws HubError saying the hub must be re-seeded (there is no deployed data to convert).
    static void requireCurrentFormat(HubDatabase& db, const DataKeys& keys);

private:
    HubDatabase& m_db;
    const DataKeys& m_keys;
    HubPki& m_pki;
    StaffCertificates& m_certs;
};

} // namespace ward::hub
