#pragma once

#include "crypto/Certificate.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace ward::hub {

class HubDatabase;
class HubPki;

// Staff signing certificates (DATA-3): issued by the hub CA from a CSR whose key the user's terminal made;
// every certificate a user ever had is kept, so records signed before a password reset (new key) still verify.
// Issue 10: retiring, disabling, resetting the password of a user and revoking their card revoke all their
// certificates (staff_certs.revoked_at); ingest refuses records signed after that, and holds for review those
// signed before it but arriving afterwards (RecordIngest, ReviewQueue).
class StaffCertificates
{
public:
    StaffCertificates(HubDatabase& db, HubPki& pki);

    // Throws HubError bad_csr. CN = user id; profile StaffSigning.
    Certificate issue(const QString& userId, const QByteArray& csrPem, const QString& actor);
    // All of the user's certificates (revoked ones too: old signatures must stay verifiable), newest first.
    QList<Certificate> certificatesOf(const QString& userId);
    // The newest unrevoked certificate, if any (what a login reply names as the user's signing certificate).
    std::optional<Certificate> currentCertificateOf(const QString& userId);
    // Serial (hex) → revocation time (epoch ms) of the user's revoked certificates.
    QHash<QString, qint64> revocationsOf(const QString& userId);
    // Revokes every unrevoked certificate of the user, audited as staff_cert.revoke with the reason; the rows
    // take new change sequence numbers so terminals learn it through /changes. Call inside a transaction.
    // Returns how many were revoked.
    static int revokeAllOf(HubDatabase& db, const QString& userId, const QString& reason, const QString& actor);

private:
    HubDatabase& m_db;
    HubPki& m_pki;
};

} // namespace ward::hub
