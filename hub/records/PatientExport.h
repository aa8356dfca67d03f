#pragma once

#include <QJsonObject>
#include <QString>

namespace ward::hub {

class HubServices;

// `wardhub export patient` (DATA-4, DATA-6): a patient's current records as a FHIR R4 Bundle (type collection)
// with the JP Core Patient resource. Current = the latest version of each record, unless that version withdrew
// it (entered in error); each record resource is exactly the FHIR its author signed, checked again through
// RecordCodec and the signed envelope before it is written. The export is audited in the hub's chain with the
// staff member who ran it (--by, proved by their password at the console, issue 12) and the console's operator.
class PatientExport
{
public:
    struct Result
    {
        int records = 0;
    };
    // Throws HubError (unknown patient or operator, a stored record that does not read) before anything is written.
    static Result run(HubServices& services, const QString& patientId, const QString& outPath, const QString& operatorId,
                      const QJsonObject& auditContext = {});
};

} // namespace ward::hub
