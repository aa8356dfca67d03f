#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace ward::hub {

class HubServices;

// Issue 14 (exports in the field's standards): every audit entry of a time range, the hub's own chain and the
// terminals' shipped chains, as FHIR R4 AuditEvent resources in one Bundle of type `collection` (a file handed to an
// auditor or another system, not the answer to a RESTful search: no server base, no paging, no search scores). The
// entries are read through AuditReview (the auditor's search: sealed terminal entries opened with the hub's data
// keys); this class is only the mapping to DICOM/IHE audit vocabulary (docs/ARCHITECTURE.md, "FHIR AuditEvent
// export") and the audited write.
class AuditEventExport
{
    Q_DECLARE_TR_FUNCTIONS(ward::hub::AuditEventExport)

public:
    static constexpr const char* kDicomSystem = "http://dicom.nema.org/resources/ontology/DCM";
    static constexpr const char* kActionSystem = "http://wardstation.jp/fhir/CodeSystem/audit-action";
    static constexpr const char* kStaffIdSystem = "http://wardstation.jp/fhir/sid/staff-id";
    static constexpr const char* kTerminalIdSystem = "http://wardstation.jp/fhir/sid/terminal-id";
    static constexpr const char* kHubIdSystem = "http://wardstation.jp/fhir/sid/hub";

    struct Result
    {
        int entries = 0;
        QMap<QString, int> byType; // DICOM event type code → entries
    };

    explicit AuditEventExport(HubServices& services);

    // The Bundle of every entry with fromMs <= time < toMs, oldest first.
    QJsonObject bundle(qint64 fromMs, qint64 toMs, Result* result = nullptr);
    // Writes bundle() to outPath (0600) and records the export in the hub chain as `audit.export` by `actor` with the
    // period, the count and the file; both or neither (HubError export: nothing written, nothing recorded).
    Result write(qint64 fromMs, qint64 toMs, const QString& outPath, const QString& actor, const QJsonObject& auditContext);

    // One row of AuditReview (source terminal|hub, terminal, seq, time, user, action, patient, object, outcome, ward,
    // detail) as an AuditEvent. hubName: the hub's host name (the observer of the hub's own entries).
    static QJsonObject auditEvent(const QJsonObject& row, const QString& hubName);

    // --from / --to: ISO 8601 with a zone (2026-12-01T09:00:00+09:00, …Z) or a date alone, taken in UTC; a date
    // alone as `to` covers that whole day. Invalid QDateTime when the text does not read.
    static QDateTime parseBound(const QString& text, bool isEnd);

private:
    HubServices& m_services;
};

} // namespace ward::hub
