#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace ward::hub {

// One record of a POST /api/v1/records batch as the terminal sent it, checked without the database or the signature:
// its shape, and (issue 9) that its body is a RecordEnvelope agreeing with the push's fields around a FHIR resource
// RecordCodec accepts. The part of ingest that every byte of an untrusted body reaches, kept pure so it can be fuzzed
// (tests/fuzz/FuzzHubRequests.cpp).
struct RecordSubmission
{
    static constexpr int kMaxRecords = 1000;
    static constexpr int kMaxBodyBytes = 256 * 1024;
    static constexpr int kMaxSignatureBytes = 16 * 1024;

    QString recordId;
    int version = 0;
    QString patientId;
    QString type;
    QString ward;
    QString author;
    QString prevHash;
    QString signer; // who must have signed: the author, the proxy of a pending entry, or the approver
    QByteArray body;
    QByteArray signature;

    // The batch's records array; HubError(400) for an unsupported protocol or an array that is not 1..kMaxRecords
    // long (then nothing of the batch is stored).
    static QJsonArray batch(const QJsonObject& request);
    // Fills *out from one element of the array; returns the rejection reason, or an empty string when well formed.
    static QString parse(const QJsonValue& value, RecordSubmission* out);
};

} // namespace ward::hub
