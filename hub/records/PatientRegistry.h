#pragma once

#include <QJsonObject>
#include <QString>

namespace ward::hub {

class DataKeys;
class HubDatabase;

// Patients and their identity data (name, kana, birth date, address: DATA-2), sealed under the IDENTITY key,
// apart from the health data in records.
class PatientRegistry
{
public:
    PatientRegistry(HubDatabase& db, const DataKeys& keys);

    // Creates or updates (new seq, so terminals pull the change). Throws HubError bad_request.
    void upsert(const QString& id, const QString& ward, const QJsonObject& identity, const QString& actor);
    bool exists(const QString& id);
    QJsonObject identity(const QString& id, const QByteArray& sealed);

    static bool isValidPatientId(const QString& id);
    static QByteArray identityAad(const QString& id);

private:
    HubDatabase& m_db;
    const DataKeys& m_keys;
};

} // namespace ward::hub
