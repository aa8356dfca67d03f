#include "crypto/CertificateAuthority.h"

#include "crypto/CryptoError.h"
#include "crypto/OpenSsl.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <stdexcept>

namespace ward {

namespace {

constexpr int kMaxCommonNameChars = 64; // RFC 5280 ub-common-name

bool commonNameAcceptable(const QString& commonName)
{
    return !commonName.trimmed().isEmpty() && commonName.size() <= kMaxCommonNameChars;
}

OpenSsl::X509Name nameWithCommonName(const QString& commonName)
{
    OpenSsl::X509Name name(X509_NAME_new());
    const QByteArray cn = commonName.toUtf8();
    if (!name
        || X509_NAME_add_entry_by_NID(name.get(), NID_commonName, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(cn.constData()),
                                      static_cast<int>(cn.size()), -1, 0)
            != 1)
        throw CryptoError("subject name encoding failed: " + OpenSsl::takeErrors());
    return name;
}

void addExtension(X509* cert, X509V3_CTX* ctx, int nid, const char* value)
{
    // Only fixed strings from this file reach the config parser; names from callers are built as ASN.1 directly.
    OpenSsl::X509Ext ext(X509V3_EXT_nconf_nid(nullptr, ctx, nid, value));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        throw CryptoError(std::string("adding extension ") + OBJ_nid2sn(nid) + " failed: " + OpenSsl::takeErrors());
}

// RFC 1123 host name labels, optionally one leading wildcard label.
bool isHostName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return name.size() <= 253 && re.match(name).hasMatch();
}

// nullopt + reason when a name is neither an IP address nor a host name.
std::optional<OpenSsl::GeneralNames> subjectAltNames(const QStringList& names, QString* reason)
{
    OpenSsl::GeneralNames out(sk_GENERAL_NAME_new_null());
    if (!out)
        throw CryptoError("sk_GENERAL_NAME_new_null failed");
    for (const QString& name : names) {
        GENERAL_NAME* gn = GENERAL_NAME_new();
        if (!gn)
            throw CryptoError("GENERAL_NAME_new failed");
        QHostAddress ip;
        if (ip.setAddress(name)) {
            const QByteArray text = ip.toString().toLatin1();
            ASN1_OCTET_STRING* octets = a2i_IPADDRESS(text.constData());
            if (!octets) {
                GENERAL_NAME_free(gn);
                OpenSsl::clearErrors();
                *reason = QCoreApplication::translate("ward::CertificateAuthority",
                                                      "\"%1\" is not a usable IP address.")
                              .arg(name);
                return std::nullopt;
            }
            GENERAL_NAME_set0_value(gn, GEN_IPADD, octets);
        } else if (isHostName(name)) {
            ASN1_IA5STRING* dns = ASN1_IA5STRING_new();
            const QByteArray text = name.toLower().toLatin1();
            if (!dns || ASN1_STRING_set(dns, text.constData(), static_cast<int>(text.size())) != 1) {
                ASN1_IA5STRING_free(dns);
                GENERAL_NAME_free(gn);
                throw CryptoError("dNSName encoding failed");
            }
            GENERAL_NAME_set0_value(gn, GEN_DNS, dns);
        } else {
            GENERAL_NAME_free(gn);
            *reason = QCoreApplication::translate("ward::CertificateAuthority",
                                                  "\"%1\" is neither a host name nor an IP address.")
                          .arg(name);
            return std::nullopt;
        }
        if (sk_GENERAL_NAME_push(out.get(), gn) <= 0) {
            GENERAL_NAME_free(gn);
            throw CryptoError("sk_GENERAL_NAME_push failed");
        }
    }
    return out;
}

struct ProfileExtensions
{
    const char* keyUsage;
    const char* extendedKeyUsage;
};

ProfileExtensions extensionsFor(CertificateProfile profile)
{
    switch (profile) {
    case CertificateProfile::TerminalClient:
        return {"critical,digitalSignature", "clientAuth"};
    case CertificateProfile::HubServer:
        return {"critical,digitalSignature", "serverAuth"};
    case CertificateProfile::StaffSigning:
        return {"critical,digitalSignature,nonRepudiation", "emailProtection"};
    case CertificateProfile::TimestampAuthority:
        return {"critical,digitalSignature", "critical,timeStamping"};
    }
    throw CryptoError("unknown certificate profile");
}

// X509_set1_notBefore etc. for a whole certificate skeleton; the caller adds extensions and signs.
OpenSsl::X509Ptr newCertificate(EVP_PKEY* subjectKey, const X509_NAME* subject, const X509_NAME* issuer,
                                const QDateTime& notBefore, const QDateTime& notAfter)
{
    OpenSsl::X509Ptr cert(X509_new());
    const OpenSsl::Asn1Integer serial = OpenSsl::randomSerial();
    const OpenSsl::Asn1Time from = OpenSsl::toAsn1Time(notBefore);
    const OpenSsl::Asn1Time until = OpenSsl::toAsn1Time(notAfter);
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1
        || X509_set_serialNumber(cert.get(), serial.get()) != 1 || X509_set_subject_name(cert.get(), subject) != 1
        || X509_set_issuer_name(cert.get(), issuer) != 1 || X509_set1_notBefore(cert.get(), from.get()) != 1
        || X509_set1_notAfter(cert.get(), until.get()) != 1 || X509_set_pubkey(cert.get(), subjectKey) != 1)
        throw CryptoError("certificate assembly failed: " + OpenSsl::takeErrors());
    return cert;
}

} // namespace

CertificateAuthority::CertificateAuthority(Certificate cert, KeyPair key)
    : m_cert(std::move(cert))
    , m_key(std::move(key))
{
}

CertificateAuthority CertificateAuthority::create(const QString& commonName, int validityDays, const QDateTime& nowUtc)
{
    if (!commonNameAcceptable(commonName))
        throw std::invalid_argument("CA common name must be 1-64 characters");
    if (validityDays < 1 || validityDays > kMaxValidityDays)
        throw std::invalid_argument("CA validity out of range");
    if (!nowUtc.isValid())
        throw std::invalid_argument("CA creation time is invalid");
    KeyPair key = KeyPair::generateP256();
    const OpenSsl::X509Name name = nameWithCommonName(commonName);
    OpenSsl::X509Ptr cert = newCertificate(key.get(), name.get(), name.get(), nowUtc.addSecs(-kClockSkewAllowanceSecs),
                                           nowUtc.addDays(validityDays));
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    addExtension(cert.get(), &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        throw CryptoError("CA self-signature failed: " + OpenSsl::takeErrors());
    return CertificateAuthority(Certificate::adopt(cert.release()), std::move(key));
}

std::optional<CertificateAuthority> CertificateAuthority::load(const QByteArray& certPem, const SecureBytes& keyPem)
{
    std::optional<Certificate> cert = Certificate::fromPem(certPem);
    std::optional<KeyPair> key = KeyPair::fromPrivatePem(keyPem);
    if (!cert || !key || !cert->isCa())
        return std::nullopt;
    const bool matches = X509_check_private_key(cert->get(), key->get()) == 1;
    OpenSsl::clearErrors();
    if (!matches)
        return std::nullopt;
    return CertificateAuthority(std::move(*cert), std::move(*key));
}

std::optional<Certificate> CertificateAuthority::issue(const CertificateRequest& csr, CertificateProfile profile,
                                                       const QString& commonName, int validityDays,
                                                       const QDateTime& nowUtc, const QStringList& dnsNames,
                                                       QString* error)
{
    QString reason;
    std::optional<Certificate> out;
    if (!csr.get())
        reason = QCoreApplication::translate("ward::CertificateAuthority", "The certificate request is empty.");
    else if (!csr.signatureValid())
        reason = QCoreApplication::translate(
            "ward::CertificateAuthority",
            "The certificate request's signature is invalid: it does not prove possession of the key.");
    else if (!OpenSsl::isAllowedPublicKey(X509_REQ_get0_pubkey(csr.get()), &reason))
        reason = QCoreApplication::translate("ward::CertificateAuthority",
                                             "The certificate request's key is not allowed: %1.")
                     .arg(reason);
    else
        out = issueForKey(X509_REQ_get0_pubkey(csr.get()), profile, commonName, validityDays, nowUtc, dnsNames,
                          &reason);
    if (!out && error)
        *error = reason;
    return out;
}

std::pair<KeyPair, Certificate> CertificateAuthority::issueWithNewKey(CertificateProfile profile,
                                                                      const QString& commonName, int validityDays,
                                                                      const QDateTime& nowUtc,
                                                                      const QStringList& dnsNames)
{
    KeyPair key = KeyPair::generateP256();
    QString reason;
    std::optional<Certificate> cert = issueForKey(key.get(), profile, commonName, validityDays, nowUtc, dnsNames,
                                                  &reason);
    if (!cert)
        throw std::invalid_argument(reason.toStdString());
    return {std::move(key), std::move(*cert)};
}

std::optional<Certificate> CertificateAuthority::issueForKey(EVP_PKEY* subjectKey, CertificateProfile profile,
                                                             const QString& commonName, int validityDays,
                                                             const QDateTime& nowUtc, const QStringList& dnsNames,
                                                             QString* error) const
{
    if (!commonNameAcceptable(commonName)) {
        *error = QCoreApplication::translate("ward::CertificateAuthority",
                                             "The common name must be 1 to 64 characters.");
        return std::nullopt;
    }
    if (validityDays < 1 || validityDays > kMaxValidityDays || !nowUtc.isValid()) {
        *error = QCoreApplication::translate("ward::CertificateAuthority", "The validity period is out of range.");
        return std::nullopt;
    }
    std::optional<OpenSsl::GeneralNames> altNames;
    if (profile == CertificateProfile::HubServer && !dnsNames.isEmpty()) {
        altNames = subjectAltNames(dnsNames, error);
        if (!altNames)
            return std::nullopt;
    }
    const QDateTime notBefore = nowUtc.addSecs(-kClockSkewAllowanceSecs);
    const QDateTime notAfter = std::min(nowUtc.addDays(validityDays), m_cert.notAfter());
    if (notAfter <= nowUtc || m_cert.notBefore() > nowUtc) {
        *error = QCoreApplication::translate(
                     "ward::CertificateAuthority",
                     "The CA certificate is not valid at this time (valid %1 to %2); no certificate was issued.")
                     .arg(m_cert.notBefore().toString(Qt::ISODate), m_cert.notAfter().toString(Qt::ISODate));
        return std::nullopt;
    }

    const OpenSsl::X509Name subject = nameWithCommonName(commonName);
    OpenSsl::X509Ptr cert = newCertificate(subjectKey, subject.get(), X509_get_subject_name(m_cert.get()), notBefore,
                                           notAfter);
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, m_cert.get(), cert.get(), nullptr, nullptr, 0);
    const ProfileExtensions ext = extensionsFor(profile);
    addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), &ctx, NID_key_usage, ext.keyUsage);
    addExtension(cert.get(), &ctx, NID_ext_key_usage, ext.extendedKeyUsage);
    addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash");
    addExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always");
    if (altNames && X509_add1_ext_i2d(cert.get(), NID_subject_alt_name, altNames->get(), 0, X509V3_ADD_DEFAULT) != 1)
        throw CryptoError("subjectAltName encoding failed: " + OpenSsl::takeErrors());
    if (X509_sign(cert.get(), m_key.get(), EVP_sha256()) <= 0)
        throw CryptoError("certificate signing failed: " + OpenSsl::takeErrors());
    return Certificate::adopt(cert.release());
}

} // namespace ward
