#pragma once

#include "crypto/CertificateAuthority.h"
#include "records/Patient.h"
#include "records/SigningIdentity.h"
#include "session/UserSession.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ward {

class Vault;

// A small Japanese ward for the demo, the GUI tests and the benchmarks: patients with kanji and kana
// names, vital-sign courses, SOAP and nursing notes, labs, allergies and medication orders (all from
// DemoClinicalCourse, through RecordCodec), every version signed by locally generated staff keys. Contents are deterministic for a seed; keys and
// signatures are fresh each run (ECDSA is randomised).
class DemoWard
{
public:
    static constexpr quint32 kSeed = 20260401;

    struct Staff
    {
        QString userId;
        QString displayName;
        QStringList roles;
        QStringList compartments;
    };

    struct Summary
    {
        QList<Patient> patients;
        QList<SigningIdentity> signers;  // one per staff member who signed demo records
        int recordVersions = 0;
    };

    static QList<Staff> staff();
    static Staff staffMember(const QString& userId);
    static UserSession session(const Staff& staff, const QString& terminalId, Vault* vault = nullptr);

    // A staff CA whose validity starts well before the oldest demo record (signatures are checked
    // against the certificate at signing time).
    static CertificateAuthority createStaffCa(const QDateTime& now);

    // Writes patients and records into the vault (one transaction each). Records span the `days` days
    // before `now` (DemoClinicalCourse, the same generator as the hub's demo hospital). Patients: wards W3 and
    // W4, one in the special compartment PSY.
    static Summary populate(Vault& vault, CertificateAuthority& ca, const QDateTime& now, quint32 seed = kSeed,
                            int patientsPerWard = 6, int days = 21);
};

} // namespace ward
