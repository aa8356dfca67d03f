#pragma once

#include "crypto/CertificateAuthority.h"
#include "crypto/TimestampAuthority.h"
#include "hub/HubConfig.h"

#include <QJsonObject>
#include <QMutex>
#include <memory>
#include <optional>

namespace ward::hub {

// The hub's certificate authority and its own certificates. One CA signs terminal TLS certificates
// (EKU clientAuth), staff signing certificates (EKU emailProtection), the hub's TLS certificate (serverAuth)
// and the TSA certificate (timeStamping); the profiles keep each certificate to its one purpose, and a
// terminal is only accepted when its certificate's fingerprint is in the terminals table, so a staff
// certificate can never log a terminal in. The CA key lives in DIR/ca/ca.key (0600); see hub/README.md.
class HubPki
{
public:
    static constexpr int kCaDays = 20 * 365;
    static constexpr int kTlsDays = 825;
    static constexpr int kTsaDays = 10 * 365;
    static constexpr int kTerminalDays = 3 * 365;
    static constexpr int kStaffDays = 2 * 365;
    // Issue 14 (IHE ATNA): the CN of the hub's TLS client certificate towards the audit collector (DIR/syslog), the
    // name a collector permits (rsyslog: PermittedPeer).
    static constexpr const char* kSyslogClientName = "WardStation Hub Syslog";

    // init: writes DIR/ca, DIR/tls, DIR/tsa, DIR/policy, DIR/audit, DIR/syslog (keys 0600). Refuses to overwrite an existing CA.
    static void create(const HubConfig& config);
    // Throws HubError("pki", …) when a file is missing or a key does not match its certificate. A hub made before
    // CFG-2 gets its policy certificate here, once.
    static std::unique_ptr<HubPki> load(const HubConfig& config);

    const Certificate& caCertificate() const { return m_caCert; }
    const Certificate& tsaCertificate() const { return m_tsaCert; }
    // RFC 3161 token (DER TimeStampToken) over data — the record's signature DER.
    QByteArray timestamp(const QByteArray& data, const QDateTime& nowUtc) const;

    // CFG-2: the detached CMS signature of one policy version (SignedPolicy::canonicalBytes).
    QByteArray signPolicy(int version, const QJsonObject& policy) const;
    // Issue 14: the detached CMS signature (HubStatement) of an audit acknowledgement or a hub audit checkpoint, by
    // the audit certificate DIR/audit/audit.pem (CN AuditAcknowledgement::kSignerName).
    QByteArray signAuditStatement(const QJsonObject& statement) const;

    // Thread-safe wrapper around CertificateAuthority::issue (pool threads enrol concurrently).
    std::optional<Certificate> issue(const CertificateRequest& csr, CertificateProfile profile, const QString& cn,
                                     int days, QString* error);

private:
    HubPki() = default;
    QMutex m_mutex;
    std::optional<CertificateAuthority> m_ca;
    Certificate m_caCert;
    Certificate m_tsaCert;
    std::optional<TimestampAuthority> m_tsa;
    Certificate m_policyCert;
    std::optional<KeyPair> m_policyKey;
    Certificate m_auditCert;
    std::optional<KeyPair> m_auditKey;
};

} // namespace ward::hub
