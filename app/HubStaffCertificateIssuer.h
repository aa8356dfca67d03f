#pragma once

#include "records/SigningIdentity.h"

#include <QSslConfiguration>
#include <QString>
#include <QUrl>

namespace ward {

// SigningIdentity's issuer on a terminal (DATA-3): the CSR goes to the hub's POST /api/v1/staff-cert over
// mutual TLS with the login's session token, and the hub's staff CA answers with the certificate (CN = the
// session's user, whatever the CSR says). Blocking by design (SigningIdentity::obtain is synchronous):
// it runs its own event loop and must be called from a worker thread, never the UI thread.
class HubStaffCertificateIssuer
{
public:
    static constexpr int kDefaultTimeoutMs = 10000;

    HubStaffCertificateIssuer(QUrl hubUrl, QSslConfiguration tls, QString sessionToken,
                              int timeoutMs = kDefaultTimeoutMs);

    // nullopt with a reason (no session token, hub unreachable, refused, or an answer that is not a
    // certificate) in *error.
    std::optional<Certificate> issue(const QByteArray& csrPem, QString* error) const;
    SigningIdentity::Issuer asIssuer() const;

private:
    QUrl m_hubUrl;
    QSslConfiguration m_tls;
    QString m_token;
    int m_timeoutMs;
};

} // namespace ward
