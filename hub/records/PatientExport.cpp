#include "hub/records/PatientExport.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/storage/HubAuditLog.h"
#include "records/RecordCodec.h"
#include "records/RecordEnvelope.h"
#include "util/Clock.h"

#include <QHash>
#include <QSaveFile>
#include <QSqlQuery>

namespace ward::hub {

PatientExport::Result PatientExport::run(HubServices& s, const QString& patientId, const QString& outPath, const QString& operatorId,
                                         const QJsonObject& auditContext)
{
    if (operatorId.isEmpty() || !s.users.find(operatorId))
        throw HubError(QStringLiteral("export"), QStringLiteral("--by must name an existing staff ID (who runs the export is audited)"));
    QSqlQuery p = s.db.exec(QStringLiteral("SELECT ward, identity FROM patients WHERE id = ?"), {patientId});
    if (!p.next())
        throw HubError(QStringLiteral("export"), QStringLiteral("unknown patient %1").arg(patientId));
    const QJsonObject identity = s.patients.identity(patientId, p.value(1).toByteArray());
    Patient patient;
    patient.patientId = patientId;
    patient.ward = p.value(0).toString();
    patient.name = identity.value(QStringLiteral("name")).toString();
    patient.kana = identity.value(QStringLiteral("kana")).toString();
    patient.birthDate = QDate::fromString(identity.value(QStringLiteral("birthDate")).toString(), Qt::ISODate);
    const QString sex = identity.value(QStringLiteral("sex")).toString();
    patient.sex = sex == QLatin1String("female") ? QStringLiteral("F") : sex == QLatin1String("male") ? QStringLiteral("M")
                  : sex == QLatin1String("other") ? QStringLiteral("O") : QStringLiteral("U");

    // The latest version of each record.
    QHash<QString, QPair<int, QByteArray>> latest;
    QStringList order;
    QSqlQuery r = s.db.exec(QStringLiteral("SELECT record_id, version, body FROM records WHERE patient_id = ? ORDER BY seq"), {patientId});
    while (r.next()) {
        const QString id = r.value(0).toString();
        const int version = r.value(1).toInt();
        if (!latest.contains(id))
            order << id;
        else if (latest.value(id).first > version)
            continue;
        latest.insert(id, {version, r.value(2).toByteArray()});
    }
    QList<QPair<QString, QByteArray>> resources;
    for (const QString& id : order) {
        const auto& [version, sealed] = latest.value(id);
        QByteArray body;
        if (!s.keys.openHealth(sealed, RecordIngest::bodyAad(id, version), &body))
            throw HubError(QStringLiteral("keys"), QStringLiteral("record %1 v%2 does not decrypt").arg(id).arg(version));
        QString problem;
        const std::optional<RecordEnvelope> envelope = RecordEnvelope::parse(body, &problem);
        QList<ValidationProblem> problems;
        if (!envelope || !RecordCodec::decode(*envelope, &problems))
            throw HubError(QStringLiteral("export"), QStringLiteral("record %1 v%2 does not read: %3")
                                                         .arg(id)
                                                         .arg(version)
                                                         .arg(envelope ? problems.value(0).message : problem));
        if (envelope->patientId != patientId)
            throw HubError(QStringLiteral("export"), QStringLiteral("record %1 v%2 was signed for another patient").arg(id).arg(version));
        if (envelope->status == RecordVersion::Status::EnteredInError)
            continue;
        resources.append({id, envelope->resource});
    }

    const QDateTime now = Clock::instance().nowUtc();
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(RecordCodec::collectionBundle(patient, resources, now)) < 0)
        throw HubError(QStringLiteral("export"), QStringLiteral("cannot write %1").arg(outPath));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // Audited before the file becomes visible: an export that is not in the chain never appears.
    s.db.transaction([&] {
        QJsonObject detail = auditContext;
        detail[QStringLiteral("patient")] = patientId;
        detail[QStringLiteral("records")] = QString::number(resources.size());
        detail[QStringLiteral("format")] = QStringLiteral("fhir-r4-bundle-collection");
        HubAuditLog(s.db).append(operatorId, QStringLiteral("patient.export"), detail);
    });
    if (!out.commit())
        throw HubError(QStringLiteral("export"), QStringLiteral("cannot write %1").arg(outPath));
    return {static_cast<int>(resources.size())};
}

} // namespace ward::hub
