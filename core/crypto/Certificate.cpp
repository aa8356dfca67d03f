#include "crypto/Certificate.h"

#include "crypto/CryptoError.h"
#include "crypto/OpenSsl.h"

#include <QHostAddress>
#include <QStringList>
#include <openssl/pem.h>

namespace ward {

namespace {

QString commonNameOf(const X509_NAME* name)
{
    const int idx = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (idx < 0)
        return {};
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx));
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, value);
    if (len < 0) {
        OpenSsl::clearErrors();
        return {};
    }
    QString out = QString::fromUtf8(reinterpret_cast<const char*>(utf8), len);
    OPENSSL_free(utf8);
    return out;
}

} // namespace

Certificate Certificate::adopt(X509* owned)
{
    Certificate c;
    if (owned)
        c.m_cert.reset(owned, X509_free);
    return c;
}

std::optional<Certificate> Certificate::fromPem(const QByteArray& pem)
{
    OpenSsl::Bio bio = OpenSsl::readBio(pem);
    X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (!x) {
        OpenSsl::clearErrors();
        return std::nullopt;
    }
    return adopt(x);
}

std::optional<Certificate> Certificate::fromDer(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    OpenSsl::X509Ptr x(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!x || p != reinterpret_cast<const unsigned char*>(der.constData()) + der.size()) {
        OpenSsl::clearErrors();
        return std::nullopt;
    }
    return adopt(x.release());
}

QByteArray Certificate::toPem() const
{
    if (!m_cert)
        return {};
    OpenSsl::Bio bio = OpenSsl::memoryBio();
    if (PEM_write_bio_X509(bio.get(), m_cert.get()) != 1)
        throw CryptoError("PEM encoding of a certificate failed: " + OpenSsl::takeErrors());
    return OpenSsl::bioBytes(bio.get());
}

QByteArray Certificate::toDer() const
{
    if (!m_cert)
        return {};
    unsigned char* der = nullptr;
    const int len = i2d_X509(m_cert.get(), &der);
    if (len <= 0)
        throw CryptoError("DER encoding of a certificate failed: " + OpenSsl::takeErrors());
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

QString Certificate::subjectCommonName() const
{
    return m_cert ? commonNameOf(X509_get_subject_name(m_cert.get())) : QString();
}

QString Certificate::issuerCommonName() const
{
    return m_cert ? commonNameOf(X509_get_issuer_name(m_cert.get())) : QString();
}

QString Certificate::serialHex() const
{
    if (!m_cert)
        return {};
    OpenSsl::BigNum bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(m_cert.get()), nullptr));
    if (!bn)
        throw CryptoError("serial number decoding failed");
    char* hex = BN_bn2hex(bn.get());
    if (!hex)
        throw CryptoError("BN_bn2hex failed");
    QString out = QString::fromLatin1(hex).toLower();
    OPENSSL_free(hex);
    return out;
}

QDateTime Certificate::notBefore() const
{
    return m_cert ? OpenSsl::toDateTime(X509_get0_notBefore(m_cert.get())) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return m_cert ? OpenSsl::toDateTime(X509_get0_notAfter(m_cert.get())) : QDateTime();
}

bool Certificate::isValidAt(const QDateTime& utc) const
{
    return m_cert && notBefore() <= utc && utc <= notAfter();
}

QByteArray Certificate::sha256Fingerprint() const
{
    if (!m_cert)
        return {};
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (X509_digest(m_cert.get(), EVP_sha256(), md, &len) != 1)
        throw CryptoError("certificate fingerprint failed: " + OpenSsl::takeErrors());
    return QByteArray(reinterpret_cast<const char*>(md), static_cast<qsizetype>(len));
}

QString Certificate::sha256FingerprintText() const
{
    const QByteArray hex = sha256Fingerprint().toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs << QString::fromLatin1(hex.mid(i, 2));
    return pairs.join(QLatin1Char(':'));
}

QByteArray Certificate::publicKeyDer() const
{
    if (!m_cert)
        return {};
    return OpenSsl::publicKeyDer(X509_get0_pubkey(m_cert.get()));
}

bool Certificate::isCa() const
{
    return m_cert && (X509_get_extension_flags(m_cert.get()) & EXFLAG_CA);
}

QStringList Certificate::subjectAltNames() const
{
    QStringList out;
    if (!m_cert)
        return out;
    OpenSsl::GeneralNames names(
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(m_cert.get(), NID_subject_alt_name, nullptr, nullptr)));
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names.get(), i);
        if (gn->type == GEN_DNS) {
            const ASN1_STRING* s = gn->d.dNSName;
            out << QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
        } else if (gn->type == GEN_IPADD) {
            const ASN1_STRING* s = gn->d.iPAddress;
            const auto* b = ASN1_STRING_get0_data(s);
            if (ASN1_STRING_length(s) == 4)
                out << QHostAddress(quint32((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3])).toString();
            else if (ASN1_STRING_length(s) == 16)
                out << QHostAddress(b).toString();
        }
    }
    return out;
}

bool Certificate::isIssuedBy(const Certificate& ca) const
{
    if (!m_cert || !ca.m_cert)
        return false;
    if (X509_NAME_cmp(X509_get_issuer_name(m_cert.get()), X509_get_subject_name(ca.m_cert.get())) != 0)
        return false;
    EVP_PKEY* caKey = X509_get0_pubkey(ca.m_cert.get());
    const bool ok = caKey && X509_verify(m_cert.get(), caKey) == 1;
    OpenSsl::clearErrors();
    return ok;
}

bool Certificate::operator==(const Certificate& other) const
{
    if (!m_cert || !other.m_cert)
        return !m_cert && !other.m_cert;
    return X509_cmp(m_cert.get(), other.m_cert.get()) == 0;
}

} // namespace ward
