#include "hub/pki/HubPki.h"

#include "hub/HubError.h"
#include "audit/AuditAcknowledgement.h"
#include "crypto/HubStatement.h"
#include "policy/SignedPolicy.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <fcntl.h>
#include <unistd.h>

namespace ward::hub {

namespace {

void writeFile(const QString& path, const QByteArray& bytes, bool secret)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, secret ? 0600 : 0644);
    if (fd < 0)
        throw HubError(QStringLiteral("pki"), QStringLiteral("cannot create %1 (does it exist already?)").arg(path));
    const bool ok = ::write(fd, bytes.constData(), static_cast<size_t>(bytes.size())) == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        throw HubError(QStringLiteral("pki"), QStringLiteral("cannot write %1").arg(path));
}

void writeSecret(const QString& path, const SecureBytes& pem)
{
    writeFile(path, pem.toQByteArrayUnsafe(), true);
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw HubError(QStringLiteral("pki"), QStringLiteral("cannot read %1").arg(path));
    return f.readAll();
}

SecureBytes readSecret(const QString& path)
{
    if ((QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) != 0)
        throw HubError(QStringLiteral("pki"), QStringLiteral("%1 is readable by others: chmod 600 it").arg(path));
    QByteArray raw = readFile(path);
    SecureBytes s = SecureBytes::fromQByteArray(raw);
    raw.fill('\0');
    return s;
}

// A statement signer of the hub (HubStatement): the S/MIME profile under the hub CA, with its purpose's CN.
void createSigner(const QString& name, const QString& keyPath, const QString& certPath, CertificateAuthority& ca,
                  const QDateTime& now)
{
    auto [key, cert] = ca.issueWithNewKey(CertificateProfile::StaffSigning, name, HubPki::kTsaDays, now);
    writeSecret(keyPath, key.privatePem());
    writeFile(certPath, cert.toPem(), false);
}

void createPolicySigner(const HubConfig& config, CertificateAuthority& ca, const QDateTime& now)
{
    createSigner(QString::fromLatin1(SignedPolicy::kSignerName), config.policyKeyPath(), config.policyCertPath(), ca, now);
}

void createAuditSigner(const HubConfig& config, CertificateAuthority& ca, const QDateTime& now)
{
    createSigner(QString::fromLatin1(AuditAcknowledgement::kSignerName), config.auditKeyPath(), config.auditCertPath(), ca, now);
}

// Issue 14: the client certificate (EKU clientAuth) the hub shows the ATNA collector. Its fingerprint is in no
// terminals row, so the hub's own API never accepts it as a terminal.
void createSyslogClient(const HubConfig& config, CertificateAuthority& ca, const QDateTime& now)
{
    auto [key, cert] = ca.issueWithNewKey(CertificateProfile::TerminalClient, QString::fromLatin1(HubPki::kSyslogClientName),
                                          HubPki::kTlsDays, now);
    writeSecret(config.syslogKeyPath(), key.privatePem());
    writeFile(config.syslogCertPath(), cert.toPem() + ca.certificate().toPem(), false);
}

} // namespace

void HubPki::create(const HubConfig& config)
{
    if (QFileInfo::exists(config.caCertPath()))
        throw HubError(QStringLiteral("pki"), QStringLiteral("a hub CA already exists in %1").arg(config.dir));
    const QDateTime now = Clock::instance().nowUtc();
    CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation Hub CA"), kCaDays, now);
    QStringList names{QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    if (!config.hostname.isEmpty() && !names.contains(config.hostname))
        names << config.hostname;
    auto [tlsKey, tlsCert] = ca.issueWithNewKey(CertificateProfile::HubServer, config.hostname, kTlsDays, now, names);
    auto [tsaKey, tsaCert] = ca.issueWithNewKey(CertificateProfile::TimestampAuthority,
                                                QStringLiteral("WardStation Hub TSA"), kTsaDays, now);
    writeSecret(config.caKeyPath(), ca.privateKeyPem());
    writeFile(config.caCertPath(), ca.certificate().toPem(), false);
    writeSecret(config.tlsKeyPath(), tlsKey.privatePem());
    // The server presents its chain: leaf then CA.
    writeFile(config.tlsCertPath(), tlsCert.toPem() + ca.certificate().toPem(), false);
    writeSecret(config.tsaKeyPath(), tsaKey.privatePem());
    writeFile(config.tsaCertPath(), tsaCert.toPem(), false);
    createPolicySigner(config, ca, now);
    createAuditSigner(config, ca, now);
    createSyslogClient(config, ca, now);
}

std::unique_ptr<HubPki> HubPki::load(const HubConfig& config)
{
    std::unique_ptr<HubPki> pki(new HubPki);
    pki->m_ca = CertificateAuthority::load(readFile(config.caCertPath()), readSecret(config.caKeyPath()));
    if (!pki->m_ca)
        throw HubError(QStringLiteral("pki"), QStringLiteral("the CA key in %1 does not match its certificate").arg(config.caKeyPath()));
    pki->m_caCert = pki->m_ca->certificate();
    auto tsa = Certificate::fromPem(readFile(config.tsaCertPath()));
    if (!tsa || !tsa->isIssuedBy(pki->m_caCert))
        throw HubError(QStringLiteral("pki"), QStringLiteral("%1 is not a TSA certificate of this hub's CA").arg(config.tsaCertPath()));
    pki->m_tsaCert = *tsa;
    auto tsaKey = KeyPair::fromPrivatePem(readSecret(config.tsaKeyPath()));
    QString error;
    if (tsaKey)
        pki->m_tsa = TimestampAuthority::create(*tsa, std::move(*tsaKey), {pki->m_caCert}, &error);
    if (!pki->m_tsa)
        throw HubError(QStringLiteral("pki"), QStringLiteral("the TSA key %1 does not fit its certificate: %2").arg(config.tsaKeyPath(), error));
    // A hub made before a signer existed gets it here, once. `serve` and a command of the same hub may start together:
    // the lock lets one make the key and certificate while the other waits and then loads them.
    QLockFile signersLock(QDir(config.dir).filePath(QStringLiteral("pki.lock")));
    signersLock.setStaleLockTime(0);
    if (!signersLock.lock())
        throw HubError(QStringLiteral("pki"), QStringLiteral("cannot lock %1").arg(signersLock.fileName()));
    if (!QFileInfo::exists(config.policyCertPath()))
        createPolicySigner(config, *pki->m_ca, Clock::instance().nowUtc());
    if (!QFileInfo::exists(config.auditCertPath()))
        createAuditSigner(config, *pki->m_ca, Clock::instance().nowUtc());
    if (!QFileInfo::exists(config.syslogCertPath()))
        createSyslogClient(config, *pki->m_ca, Clock::instance().nowUtc());
    signersLock.unlock();
    auto policy = Certificate::fromPem(readFile(config.policyCertPath()));
    if (!policy || !policy->isIssuedBy(pki->m_caCert) || policy->subjectCommonName() != QLatin1String(SignedPolicy::kSignerName))
        throw HubError(QStringLiteral("pki"), QStringLiteral("%1 is not the policy certificate of this hub's CA").arg(config.policyCertPath()));
    pki->m_policyCert = *policy;
    pki->m_policyKey = KeyPair::fromPrivatePem(readSecret(config.policyKeyPath()));
    if (!pki->m_policyKey || SignedPolicy::sign(0, {}, pki->m_policyCert, *pki->m_policyKey).isEmpty())
        throw HubError(QStringLiteral("pki"), QStringLiteral("the policy key %1 does not fit its certificate").arg(config.policyKeyPath()));
    auto audit = Certificate::fromPem(readFile(config.auditCertPath()));
    if (!audit || !audit->isIssuedBy(pki->m_caCert)
        || audit->subjectCommonName() != QLatin1String(AuditAcknowledgement::kSignerName))
        throw HubError(QStringLiteral("pki"), QStringLiteral("%1 is not the audit certificate of this hub's CA").arg(config.auditCertPath()));
    pki->m_auditCert = *audit;
    pki->m_auditKey = KeyPair::fromPrivatePem(readSecret(config.auditKeyPath()));
    if (!pki->m_auditKey || HubStatement::sign({}, pki->m_auditCert, *pki->m_auditKey).isEmpty())
        throw HubError(QStringLiteral("pki"), QStringLiteral("the audit key %1 does not fit its certificate").arg(config.auditKeyPath()));
    return pki;
}

QByteArray HubPki::signAuditStatement(const QJsonObject& statement) const
{
    const QByteArray signature = HubStatement::sign(statement, m_auditCert, *m_auditKey);
    if (signature.isEmpty())
        throw HubError(QStringLiteral("pki"), QStringLiteral("the audit statement could not be signed"));
    return signature;
}

QByteArray HubPki::timestamp(const QByteArray& data, const QDateTime& nowUtc) const
{
    // TimestampAuthority::stamp is documented thread-safe (fresh OpenSSL context per call).
    const QByteArray token = m_tsa->stamp(data, nowUtc);
    if (token.isEmpty())
        throw HubError(QStringLiteral("pki"), QStringLiteral("the TSA could not issue a token"));
    return token;
}

QByteArray HubPki::signPolicy(int version, const QJsonObject& policy) const
{
    const QByteArray signature = SignedPolicy::sign(version, policy, m_policyCert, *m_policyKey);
    if (signature.isEmpty())
        throw HubError(QStringLiteral("pki"), QStringLiteral("the policy could not be signed"));
    return signature;
}

std::optional<Certificate> HubPki::issue(const CertificateRequest& csr, CertificateProfile profile, const QString& cn,
                                         int days, QString* error)
{
    QMutexLocker lock(&m_mutex);
    return m_ca->issue(csr, profile, cn, days, Clock::instance().nowUtc(), {}, error);
}

} // namespace ward::hub
