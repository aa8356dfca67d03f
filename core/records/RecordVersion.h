#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace ward {

// One version of one clinical entry (DATA-3). Versions are append-only: a correction or an
// "entered in error" is a new version whose prevHash is the hash of the version before it.
// The body holds the exact signed bytes and is never re-serialised.
struct RecordVersion
{
    enum class Status { Confirmed, PendingApproval, EnteredInError };

    QString recordId;        // UUID
    int version = 1;
    QString patientId;
    QString type;            // progress-note, nursing-note, vital-signs, lab-result, allergy, medication-order, flag
    int classification = 2;  // 重要性分類 I–IV as 1..4 (AC-2)
    QString compartment;     // ward or department (AC-2)
    QString author;
    QString proxyAuthor;     // 代行入力 (AC-5): who typed it, when not the author
    QString approver;
    QDateTime createdAt;
    QDateTime confirmedAt;
    QByteArray prevHash;     // versionHash() of version - 1; empty for version 1
    QByteArray body;         // exact bytes (JSON, FHIR-shaped where a resource fits)
    QByteArray signature;    // detached CMS (CAdES-BES), DER
    QByteArray timestampToken; // RFC 3161, from the hub; empty until synced
    Status status = Status::Confirmed;

    // SHA-256 over the identifying fields, the body and the signature: what the next version links to.
    QByteArray versionHash() const;
    static QString statusName(Status s);
    static bool statusFromName(const QString& name, Status* out);
};

} // namespace ward
