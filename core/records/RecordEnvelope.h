#pragma once

#include "records/RecordVersion.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <optional>

namespace ward {

// What a record signature covers (DATA-3): the record's identity and place together with the exact FHIR bytes,
// so a signed body cannot be re-sent under another patient, record, version, type or ward. RecordVersion::body
// holds these bytes; they are signed (detached CMS), stored and sent verbatim, never re-serialised.
//
//   WARD-RECORD/1 LF
//   header LF        compact JSON object, keys sorted, every key present:
//                    approver, author, classification (1..4), clinicalTime (ISO-8601 UTC with ms), compartment,
//                    patientId, prevHash (hex SHA-256 of version n-1's envelope bytes, "" for version 1),
//                    proxyAuthor, recordId, status (confirmed | pending-approval | entered-in-error), type, version
//   resource         the FHIR R4 resource, JSON, exactly as RecordCodec::encode wrote it (to the end of the bytes)
//
// parse() accepts only the canonical form (the header re-encodes to the same bytes), so one record has one
// envelope. `openssl cms -verify -content <body>` verifies the signature over these bytes as they are.
struct RecordEnvelope
{
    Q_DECLARE_TR_FUNCTIONS(ward::RecordEnvelope)

public:
    static constexpr const char* kMagic = "WARD-RECORD/1";

    QString recordId;
    int version = 1;
    QString patientId;
    QString type;
    QString author;
    QString proxyAuthor;
    QString approver;
    QString compartment;
    int classification = 2;
    QString prevHash;  // hex SHA-256 of the previous version's envelope bytes (the hub's chain link)
    QDateTime clinicalTime;
    RecordVersion::Status status = RecordVersion::Status::Confirmed;
    QByteArray resource;  // exact FHIR bytes

    QByteArray encode() const;
    // nullopt and *problem (translated, names what is wrong) when the bytes are not a canonical envelope —
    // including bodies in the record shape used before issue 9, which must be re-seeded.
    static std::optional<RecordEnvelope> parse(const QByteArray& body, QString* problem = nullptr);
    // True when the bytes start like an envelope at all (anything else is the previous record shape).
    static bool looksLikeEnvelope(const QByteArray& body);

    // The envelope for a version being created: its metadata from `r`, the hub link from the previous version's
    // body (empty for version 1).
    static RecordEnvelope forVersion(const RecordVersion& r, const QByteArray& previousBody, const QDateTime& clinicalTime,
                                     const QByteArray& resource);
    static QString prevHashOf(const QByteArray& previousBody);
    // Who must have signed (AC-5): the proxy for a pending entry, the approving doctor for an approved one,
    // otherwise the author.
    QString expectedSigner() const;

    // The first metadata field of `r` that disagrees with what was signed ("recordId", "version", "patientId",
    // "type", "author", "proxyAuthor", "approver", "compartment", "classification", "status"); empty when all agree.
    QString mismatch(const RecordVersion& r) const;
    // The same for what the sync protocol carries about a record (a push to the hub, the hub's change feed): the
    // first of "recordId", "version", "patientId", "type", "ward", "author", "prevHash" that disagrees, or empty.
    // `type` in the chart's spelling (vital-signs).
    QString wireMismatch(const QString& recordId, int version, const QString& patientId, const QString& type,
                         const QString& ward, const QString& author, const QString& prevHash) const;
};

} // namespace ward
