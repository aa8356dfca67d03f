#include "crypto/OpenSsl.h"

#include "crypto/CryptoError.h"

#include <QTimeZone>
#include <openssl/buffer.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/rand.h>

#include <cstring>
#include <ctime>

namespace ward::OpenSsl {

Bio readBio(const QByteArray& bytes)
{
    return readBio(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

Bio readBio(const void* data, std::size_t size)
{
    Bio bio(BIO_new_mem_buf(size == 0 ? "" : data, static_cast<int>(size)));
    if (!bio)
        throw CryptoError("BIO_new_mem_buf failed");
    return bio;
}

Bio memoryBio()
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio)
        throw CryptoError("BIO_new(BIO_s_mem) failed");
    return bio;
}

Bio secureMemoryBio()
{
    Bio bio(BIO_new(BIO_s_secmem()));
    if (!bio)
        throw CryptoError("BIO_new(BIO_s_secmem) failed");
    return bio;
}

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    if (len <= 0 || !data)
        return {};
    return QByteArray(data, static_cast<qsizetype>(len));
}

QDateTime toDateTime(const ASN1_TIME* time)
{
    if (!time || ASN1_TIME_check(time) != 1)
        return {};
    std::tm tm{};
    if (ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    int ms = 0;
    // ASN1_TIME_to_tm drops fractions; RFC 3161 genTime may carry them (we emit milliseconds).
    const auto* s = reinterpret_cast<const char*>(ASN1_STRING_get0_data(time));
    const int len = ASN1_STRING_length(time);
    if (const void* dot = s ? std::memchr(s, '.', static_cast<std::size_t>(len)) : nullptr) {
        const char* p = static_cast<const char*>(dot) + 1;
        int scale = 100;
        while (p < s + len && *p >= '0' && *p <= '9') {
            ms += (*p - '0') * scale;
            scale /= 10;
            ++p;
        }
    }
    const QDate date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    const QTime clock(tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
    return QDateTime(date, clock, QTimeZone::utc());
}

Asn1Time toAsn1Time(const QDateTime& utc)
{
    Asn1Time t(ASN1_TIME_set(nullptr, static_cast<time_t>(utc.toSecsSinceEpoch())));
    if (!t)
        throw CryptoError("ASN1_TIME_set failed");
    return t;
}

Asn1Integer randomSerial()
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw CryptoError("RAND_bytes failed");
    // Fixed length and positive: first octet 0x01..0x7f.
    bytes[0] = static_cast<unsigned char>((bytes[0] & 0x7f) | 0x01);
    BigNum bn(BN_bin2bn(bytes, sizeof bytes, nullptr));
    Asn1Integer serial(bn ? BN_to_ASN1_INTEGER(bn.get(), nullptr) : nullptr);
    if (!serial)
        throw CryptoError("serial number encoding failed");
    return serial;
}

bool isP256(EVP_PKEY* key)
{
    if (!key || !EVP_PKEY_is_a(key, "EC"))
        return false;
    char group[64] = {};
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1)
        return false;
    return std::strcmp(group, "prime256v1") == 0 || std::strcmp(group, "P-256") == 0;
}

bool isAllowedPublicKey(EVP_PKEY* key, QString* reason)
{
    if (!key) {
        *reason = QStringLiteral("no public key");
        return false;
    }
    if (EVP_PKEY_is_a(key, "EC")) {
        char group[64] = {};
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) == 1
            && (std::strcmp(group, "prime256v1") == 0 || std::strcmp(group, "secp384r1") == 0))
            return true;
        *reason = QStringLiteral("EC key on a curve other than P-256/P-384 (EX-3)");
        return false;
    }
    if (EVP_PKEY_is_a(key, "RSA")) {
        if (EVP_PKEY_get_bits(key) >= 2048)
            return true;
        *reason = QStringLiteral("RSA key shorter than 2048 bits (EX-3)");
        return false;
    }
    *reason = QStringLiteral("key type not allowed (EX-3: ECDSA P-256/P-384 or RSA ≥ 2048)");
    return false;
}

namespace {

// Hash and ECDSA/RSA PKCS#1 algorithm identifiers take no parameters: absent or NULL (RFC 5754 §2, §3).
bool parametersAbsentOrNull(const X509_ALGOR* alg)
{
    int type = V_ASN1_UNDEF;
    const void* value = nullptr;
    X509_ALGOR_get0(nullptr, &type, &value, alg);
    return type == V_ASN1_UNDEF || type == V_ASN1_NULL;
}

} // namespace

namespace {

// One DER TLV; definite lengths only (BER indefinite forms are refused, which DER forbids anyway).
struct Tlv
{
    const unsigned char* start = nullptr;
    const unsigned char* content = nullptr;
    const unsigned char* end = nullptr;
    int tag = -1;
    int cls = -1;
};

bool readTlv(const unsigned char*& p, const unsigned char* end, Tlv* t)
{
    if (p >= end)
        return false;
    t->start = p;
    long len = 0;
    const int flags = ASN1_get_object(&p, &len, &t->tag, &t->cls, end - p);
    if ((flags & 0x80) || (flags & 0x01))
        return false;
    t->content = p;
    p += len;
    t->end = p;
    return p <= end;
}

bool isUniversal(const Tlv& t, int tag)
{
    return t.cls == V_ASN1_UNIVERSAL && t.tag == tag;
}

// INTEGER of one content octet equal to value (all versions here are small).
bool isSmallInteger(const Tlv& t, long value)
{
    return isUniversal(t, V_ASN1_INTEGER) && t.end - t.content == 1 && t.content[0] == value;
}

} // namespace

bool signedDataCanonical(const QByteArray& der, long signedDataVersion, const X509_ALGOR* digestAlg,
                         const X509_ALGOR* signatureAlg, EVP_PKEY* signerKey)
{
    if (!digestAlg || !signatureAlg || !signerKey || !parametersAbsentOrNull(digestAlg)
        || !parametersAbsentOrNull(signatureAlg))
        return false;
    // ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT SignedData }
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    const unsigned char* end = p + der.size();
    Tlv contentInfo, type, explicitTag, signedData, version, digestSet;
    if (!readTlv(p, end, &contentInfo) || !isUniversal(contentInfo, V_ASN1_SEQUENCE))
        return false;
    p = contentInfo.content;
    if (!readTlv(p, contentInfo.end, &type) || !readTlv(p, contentInfo.end, &explicitTag)
        || explicitTag.cls != V_ASN1_CONTEXT_SPECIFIC || explicitTag.tag != 0)
        return false;
    p = explicitTag.content;
    if (!readTlv(p, explicitTag.end, &signedData) || !isUniversal(signedData, V_ASN1_SEQUENCE))
        return false;
    // SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo, [0] certs, [1] crls, signerInfos }
    p = signedData.content;
    if (!readTlv(p, signedData.end, &version) || !isSmallInteger(version, signedDataVersion)
        || !readTlv(p, signedData.end, &digestSet) || !isUniversal(digestSet, V_ASN1_SET))
        return false;
    // digestAlgorithms must list exactly the signer's digest, encoded the same way.
    unsigned char* signerDigestDer = nullptr;
    const int signerDigestLen = i2d_X509_ALGOR(digestAlg, &signerDigestDer);
    const bool digestListed = signerDigestLen > 0 && digestSet.end - digestSet.content == signerDigestLen
        && std::memcmp(digestSet.content, signerDigestDer, static_cast<std::size_t>(signerDigestLen)) == 0;
    OPENSSL_free(signerDigestDer);
    if (!digestListed)
        return false;
    Tlv field, signerInfos, signerInfo, signerVersion;
    bool found = false;
    while (!found && p < signedData.end) {
        if (!readTlv(p, signedData.end, &field))
            return false;
        found = isUniversal(field, V_ASN1_SET) && p == signedData.end;
        if (found)
            signerInfos = field;
    }
    p = signerInfos.content;
    if (!found || !readTlv(p, signerInfos.end, &signerInfo) || p != signerInfos.end
        || !isUniversal(signerInfo, V_ASN1_SEQUENCE))
        return false;
    p = signerInfo.content;
    if (!readTlv(p, signerInfo.end, &signerVersion) || !isSmallInteger(signerVersion, 1))
        return false;

    const ASN1_OBJECT* digestOid = nullptr;
    const ASN1_OBJECT* sigOid = nullptr;
    X509_ALGOR_get0(&digestOid, nullptr, nullptr, digestAlg);
    X509_ALGOR_get0(&sigOid, nullptr, nullptr, signatureAlg);
    const int digestNid = OBJ_obj2nid(digestOid);
    const int sigNid = OBJ_obj2nid(sigOid);
    int mdNid = NID_undef;
    int keyNid = NID_undef;
    if (sigNid == NID_X9_62_id_ecPublicKey || sigNid == NID_rsaEncryption)
        keyNid = sigNid; // RFC 5753 / 3370 allow naming the key algorithm alone
    else if (OBJ_find_sigid_algs(sigNid, &mdNid, &keyNid) != 1)
        return false;
    return (mdNid == NID_undef || mdNid == digestNid) && keyNid == EVP_PKEY_get_base_id(signerKey);
}

bool certificatesAllInChain(const STACK_OF(X509) * carried, const STACK_OF(X509) * chain)
{
    for (int i = 0; i < sk_X509_num(carried); ++i) {
        bool found = false;
        for (int j = 0; !found && j < sk_X509_num(chain); ++j)
            found = X509_cmp(sk_X509_value(carried, i), sk_X509_value(chain, j)) == 0;
        if (!found)
            return false;
    }
    return true;
}

std::string takeErrors()
{
    std::string out;
    unsigned long code = 0;
    const char* data = nullptr;
    int flags = 0;
    while ((code = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) != 0) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        if (!out.empty())
            out += "; ";
        out += buf;
        if (data && (flags & ERR_TXT_STRING) && *data) {
            out += " (";
            out += data;
            out += ")";
        }
    }
    return out;
}

void clearErrors()
{
    ERR_clear_error();
}

QByteArray publicKeyDer(const EVP_PKEY* key)
{
    unsigned char* der = nullptr;
    const int len = key ? i2d_PUBKEY(key, &der) : 0;
    if (len <= 0) {
        clearErrors();
        return {};
    }
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

} // namespace ward::OpenSsl
