#pragma once

#include "crypto/Certificate.h"

#include <QList>
#include <QString>

namespace ward::hub {

class HubDatabase;
class HubPki;

// Staff signing certificates (DATA-3): issued by the hub CA from a CSR whose key the user's terminal made;
// every certificate a user ever had is kept, so records signed before a password reset (new key) still verify.
class StaffCertificates
{
public:
    StaffCertificates(HubDatabase& db, HubPki& pki);

    // Throws HubError bad_csr. CN = user id; profile StaffSigning.
    Certificate issue(const QString& userId, const QByteArray& csrPem, const QString& actor);
    // All of the user's certificates, newest first.
    QList<Certificate> certificatesOf(const QString& userId);

private:
    HubDatabase& m_db;
    HubPki& m_pki;
};

} // namespace ward::hub
