#include "hub/records/PatientRegistry.h"

#include "hub/HubError.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

namespace ward::hub {

PatientRegistry::PatientRegistry(HubDatabase& db, const DataKeys& keys)
    : m_db(db)
    , m_keys(keys)
{
}

bool PatientRegistry::isValidPatientId(const QString& id)
{
    static const QRegularExpression kId(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return kId.match(id).hasMatch();
}

QByteArray PatientRegistry::identityAad(const QString& id)
{
    return QByteArrayLiteral("patients/") + id.toUtf8() + QByteArrayLiteral("/identity");
}

void PatientRegistry::upsert(const QString& id, const QString& ward, const QJsonObject& identity, const QString& actor)
{
    if (!isValidPatientId(id))
        throw HubError(QStringLiteral("bad_request"), QCoreApplication::translate("PatientRegistry", "Invalid patient id."), 400);
    const QByteArray sealed = m_keys.sealIdentity(QJsonDocument(identity).toJson(QJsonDocument::Compact), identityAad(id));
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    m_db.transaction([&] {
        QSqlQuery w = m_db.exec(QStringLiteral("SELECT 1 FROM wards WHERE id = ?"), {ward});
        if (!w.next())
            throw HubError(QStringLiteral("bad_request"), QCoreApplication::translate("PatientRegistry", "Unknown ward \"%1\".").arg(ward), 400);
        const qint64 seq = m_db.takeSequence();
        if (exists(id))
            m_db.exec(QStringLiteral("UPDATE patients SET ward = ?, identity = ?, updated_at = ?, seq = ? WHERE id = ?"),
                      {ward, sealed, now, seq, id});
        else
            m_db.exec(QStringLiteral("INSERT INTO patients (id, ward, identity, updated_at, seq) VALUES (?, ?, ?, ?, ?)"),
                      {id, ward, sealed, now, seq});
        HubAuditLog(m_db).append(actor, QStringLiteral("patient.upsert"), {{QStringLiteral("patient"), id}, {QStringLiteral("ward"), ward}});
    });
}

bool PatientRegistry::exists(const QString& id)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM patients WHERE id = ?"), {id});
    return q.next();
}

QJsonObject PatientRegistry::identity(const QString& id, const QByteArray& sealed)
{
    QByteArray plain;
    if (!m_keys.openIdentity(sealed, identityAad(id), &plain))
        throw HubError(QStringLiteral("keys"), QStringLiteral("identity of patient %1 does not open").arg(id));
    return QJsonDocument::fromJson(plain).object();
}

} // namespace ward::hub
