#include "hub/directory/StaffCertificates.h"

#include "hub/HubError.h"
#include "hub/pki/HubPki.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

namespace ward::hub {

StaffCertificates::StaffCertificates(HubDatabase& db, HubPki& pki)
    : m_db(db)
    , m_pki(pki)
{
}

Certificate StaffCertificates::issue(const QString& userId, const QByteArray& csrPem, const QString& actor)
{
    const auto csr = CertificateRequest::fromPem(csrPem);
    if (!csr || !csr->signatureValid())
        throw HubError(QStringLiteral("bad_csr"),
                       QCoreApplication::translate("StaffCertificates", "The certificate request is not a valid, self-signed PKCS#10 PEM."), 400);
    QString error;
    const auto cert = m_pki.issue(*csr, CertificateProfile::StaffSigning, userId, HubPki::kStaffDays, &error);
    if (!cert)
        throw HubError(QStringLiteral("bad_csr"),
                       QCoreApplication::translate("StaffCertificates", "The hub cannot certify this request: %1").arg(error), 400);
    m_db.transaction([&] {
        m_db.exec(QStringLiteral("INSERT INTO staff_certs (serial, user_id, cert_der, valid_from, valid_to, issued_at, seq)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                  {cert->serialHex(), userId, cert->toDer(), cert->notBefore().toMSecsSinceEpoch(),
                   cert->notAfter().toMSecsSinceEpoch(), Clock::instance().nowUtc().toMSecsSinceEpoch(), m_db.takeSequence()});
        HubAuditLog(m_db).append(actor, QStringLiteral("staff_cert.issue"),
                                 {{QStringLiteral("user"), userId}, {QStringLiteral("serial"), cert->serialHex()}});
    });
    return *cert;
}

QList<Certificate> StaffCertificates::certificatesOf(const QString& userId)
{
    QList<Certificate> out;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT cert_der FROM staff_certs WHERE user_id = ? ORDER BY issued_at DESC"), {userId});
    while (q.next())
        if (auto c = Certificate::fromDer(q.value(0).toByteArray()))
            out << *c;
    return out;
}

std::optional<Certificate> StaffCertificates::currentCertificateOf(const QString& userId)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT cert_der FROM staff_certs WHERE user_id = ? AND revoked_at IS NULL"
                                           " ORDER BY issued_at DESC LIMIT 1"),
                            {userId});
    return q.next() ? Certificate::fromDer(q.value(0).toByteArray()) : std::nullopt;
}

QHash<QString, qint64> StaffCertificates::revocationsOf(const QString& userId)
{
    QHash<QString, qint64> out;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT serial, revoked_at FROM staff_certs WHERE user_id = ? AND revoked_at IS NOT NULL"), {userId});
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

int StaffCertificates::revokeAllOf(HubDatabase& db, const QString& userId, const QString& reason, const QString& actor)
{
    QStringList serials;
    QSqlQuery q = db.exec(QStringLiteral("SELECT serial FROM staff_certs WHERE user_id = ? AND revoked_at IS NULL"), {userId});
    while (q.next())
        serials << q.value(0).toString();
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    for (const QString& serial : serials)
        db.exec(QStringLiteral("UPDATE staff_certs SET revoked_at = ?, revoked_reason = ?, seq = ? WHERE serial = ?"),
                {now, reason, db.takeSequence(), serial});
    if (!serials.isEmpty())
        HubAuditLog(db).append(actor, QStringLiteral("staff_cert.revoke"),
                               {{QStringLiteral("user"), userId}, {QStringLiteral("serials"), QJsonArray::fromStringList(serials)},
                                {QStringLiteral("reason"), reason}});
    return static_cast<int>(serials.size());
}

} // namespace ward::hub
