#include "crypto/TimestampVerifier.h"

#include "crypto/CertificateCache.h"
#include "crypto/CryptoError.h"
#include "crypto/OpenSsl.h"
#include "crypto/SignedDataLayout.h"

#include <atomic>

#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>

#include <cstring>
#include <optional>

namespace ward {

namespace {

using OpenSsl::X509Stack;
using EssSigningCert = std::unique_ptr<ESS_SIGNING_CERT, OpenSsl::Deleter<ESS_SIGNING_CERT, ESS_SIGNING_CERT_free>>;
using EssSigningCertV2 =
    std::unique_ptr<ESS_SIGNING_CERT_V2, OpenSsl::Deleter<ESS_SIGNING_CERT_V2, ESS_SIGNING_CERT_V2_free>>;

// The certificates a token carries (the TSA certificate, and the hub's CA as TimestampAuthority adds it), decoded,
// with the TSA certificate's chain verified once with the time-stamping purpose.
struct CachedTsa
{
    X509Stack carried;
    Certificate signer;
    X509Stack chain;
};

// OpenSSL's own rule (ossl_x509_check_cert_time): notBefore <= t < notAfter, compared with X509_cmp_time, for
// every certificate of the chain (X509_verify_cert checks them all).
bool chainValidAt(const STACK_OF(X509) * chain, time_t t)
{
    for (int i = 0; i < sk_X509_num(chain); ++i) {
        X509* c = sk_X509_value(chain, i);
        if (X509_cmp_time(X509_get0_notBefore(c), &t) != -1 || X509_cmp_time(X509_get0_notAfter(c), &t) != 1)
            return false;
    }
    return true;
}

// ts_check_signing_certs: each ESS attribute may be absent, but present it must decode; one must name the signer.
bool signingCertificatesMatch(PKCS7_SIGNER_INFO* si, const STACK_OF(X509) * chain)
{
    EssSigningCert v1;
    EssSigningCertV2 v2;
    if (ASN1_TYPE* a = PKCS7_get_signed_attribute(si, NID_id_smime_aa_signingCertificate)) {
        if (a->type != V_ASN1_SEQUENCE)
            return false;
        const unsigned char* q = ASN1_STRING_get0_data(a->value.sequence);
        v1.reset(d2i_ESS_SIGNING_CERT(nullptr, &q, ASN1_STRING_length(a->value.sequence)));
        if (!v1)
            return false;
    }
    if (ASN1_TYPE* a = PKCS7_get_signed_attribute(si, NID_id_smime_aa_signingCertificateV2)) {
        if (a->type != V_ASN1_SEQUENCE)
            return false;
        const unsigned char* q = ASN1_STRING_get0_data(a->value.sequence);
        v2.reset(d2i_ESS_SIGNING_CERT_V2(nullptr, &q, ASN1_STRING_length(a->value.sequence)));
        if (!v2)
            return false;
    }
    return OSSL_ESS_check_signing_certs(v1.get(), v2.get(), chain, 1) > 0;
}

// TS_VFY_DATA: the imprint is the hash of data with the imprint's own algorithm, parameters absent or NULL.
bool imprintMatches(TS_TST_INFO* info, const QByteArray& data)
{
    TS_MSG_IMPRINT* imprint = TS_TST_INFO_get_msg_imprint(info);
    X509_ALGOR* alg = TS_MSG_IMPRINT_get_algo(imprint);
    const ASN1_OBJECT* oid = nullptr;
    int paramType = 0;
    const void* param = nullptr;
    X509_ALGOR_get0(&oid, &paramType, &param, alg);
    if (paramType != V_ASN1_UNDEF && paramType != V_ASN1_NULL)
        return false;
    const EVP_MD* md = EVP_get_digestbyobj(oid);
    if (!md)
        return false;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), digest, &len, md, nullptr) != 1)
        return false;
    const ASN1_OCTET_STRING* msg = TS_MSG_IMPRINT_get_msg(imprint);
    return ASN1_STRING_length(msg) == static_cast<int>(len)
        && std::memcmp(ASN1_STRING_get0_data(msg), digest, len) == 0;
}

// TS_VFY_SIGNATURE's signature part: digest the encapsulated TSTInfo and check the SignerInfo against signer.
bool signatureVerifies(PKCS7* p7, PKCS7_SIGNER_INFO* si, X509* signer)
{
    OpenSsl::Bio bio(PKCS7_dataInit(p7, nullptr));
    if (!bio)
        return false;
    char buf[4096];
    int n = 0;
    while ((n = BIO_read(bio.get(), buf, sizeof buf)) > 0) {
    }
    return n >= 0 && PKCS7_signatureVerify(bio.get(), p7, si, signer) > 0;
}

} // namespace

struct TimestampVerifier::Impl
{
    QList<Certificate> trustedCas;
    QList<QByteArray> trustedDer;
    OpenSsl::X509Store store;
    // As in CmsVerifier: with two trusted certificates of one name the chain may differ per genTime, so it is not
    // reused then.
    bool chainReusable = true;

    CertificateCache<CachedTsa> cache;

    mutable std::atomic<quint64> acceptedFast{0};
    mutable std::atomic<quint64> fullPath{0};
    mutable std::atomic<quint64> certificatesDecoded{0};
    mutable std::atomic<quint64> chainsVerified{0};

    bool sharesTrustedSubject(X509* cert) const;
    std::optional<TimestampVerification> verifyCached(const QByteArray& token, const QByteArray& data) const;
};

bool TimestampVerifier::Impl::sharesTrustedSubject(X509* cert) const
{
    for (const Certificate& ca : trustedCas)
        if (!ca.isNull() && X509_NAME_cmp(X509_get_subject_name(ca.get()), X509_get_subject_name(cert)) == 0)
            return true;
    return false;
}

// The checks of TimestampToken::verify (and of the TS_RESP_verify_token it calls) in the same order, on the
// ContentInfo decoded without its certificate, with the TSA certificate and its chain from the cache. Returns a
// verdict only when every check passed; nullopt sends the call to TimestampToken::verify, which gives the reason.
std::optional<TimestampVerification> TimestampVerifier::Impl::verifyCached(const QByteArray& token,
                                                                           const QByteArray& data) const
{
    const std::optional<SignedDataLayout> layout = SignedDataLayout::locate(token);
    if (!layout)
        return std::nullopt;
    const QByteArray& stripped = layout->withoutCertificates();
    const auto* p = reinterpret_cast<const unsigned char*>(stripped.constData());
    OpenSsl::Pkcs7 p7(d2i_PKCS7(nullptr, &p, static_cast<long>(stripped.size())));
    if (!p7 || p != reinterpret_cast<const unsigned char*>(stripped.constData()) + stripped.size()
        || !PKCS7_type_is_signed(p7.get()) || PKCS7_get_detached(p7.get()))
        return std::nullopt;
    // PKCS7_to_TS_TST_INFO also insists on the id-smime-ct-TSTInfo content type (TS_RESP_verify_signature's check).
    OpenSsl::TsTstInfo info(PKCS7_to_TS_TST_INFO(p7.get()));
    if (!info)
        return std::nullopt;
    TimestampVerification r;
    r.genTime = OpenSsl::toDateTime(TS_TST_INFO_get_time(info.get()));
    if (OpenSsl::BigNum serial{ASN1_INTEGER_to_BN(TS_TST_INFO_get_serial(info.get()), nullptr)}) {
        if (char* hex = BN_bn2hex(serial.get())) {
            r.serialHex = QString::fromLatin1(hex).toLower();
            OPENSSL_free(hex);
        }
    }
    if (!r.genTime.isValid())
        return std::nullopt;
    const ASN1_OBJECT* imprintOid = nullptr;
    X509_ALGOR_get0(&imprintOid, nullptr, nullptr, TS_MSG_IMPRINT_get_algo(TS_TST_INFO_get_msg_imprint(info.get())));
    const int imprintNid = OBJ_obj2nid(imprintOid);
    if (imprintNid != NID_sha256 && imprintNid != NID_sha384 && imprintNid != NID_sha512)
        return std::nullopt;

    // The certificates: by the hash of their exact bytes (all of them, in order), decoded only on a miss.
    const SignedDataLayout::Span set = layout->certificateSet();
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int hashLen = 0;
    if (EVP_Digest(token.constData() + set.offset, static_cast<size_t>(set.length), hash, &hashLen, EVP_sha256(),
                   nullptr)
        != 1)
        return std::nullopt;
    const QByteArray key(reinterpret_cast<const char*>(hash), static_cast<int>(hashLen));
    std::shared_ptr<const CachedTsa> cached = cache.lookup(key);
    std::shared_ptr<CachedTsa> fresh;
    const STACK_OF(X509)* carried = nullptr;
    if (cached) {
        carried = cached->carried.get();
    } else {
        fresh = std::make_shared<CachedTsa>();
        fresh->carried.reset(sk_X509_new_null());
        if (!fresh->carried)
            throw CryptoError("sk_X509_new_null failed");
        for (const SignedDataLayout::Span& span : layout->certificates()) {
            const auto* c = reinterpret_cast<const unsigned char*>(token.constData() + span.offset);
            X509* x = d2i_X509(nullptr, &c, span.length);
            if (!x)
                return std::nullopt;
            if (sk_X509_push(fresh->carried.get(), x) <= 0) {
                X509_free(x);
                throw CryptoError("sk_X509_push failed");
            }
            ++certificatesDecoded;
            if (c != reinterpret_cast<const unsigned char*>(token.constData() + span.offset) + span.length)
                return std::nullopt;
        }
        carried = fresh->carried.get();
    }
    // The SignerInfo's issuerAndSerialNumber must name exactly one carried certificate, as PKCS7_get0_signers does
    // on the fully decoded token in the full path.
    STACK_OF(X509)* signers = PKCS7_get0_signers(p7.get(), const_cast<STACK_OF(X509)*>(carried), 0);
    X509* signer = sk_X509_num(signers) == 1 ? sk_X509_value(signers, 0) : nullptr;
    sk_X509_free(signers);
    if (!signer || (cached && signer != cached->signer.get()))
        return std::nullopt;
    if (!cached) {
        // Besides the TSA certificate only byte-for-byte copies of trust anchors: another certificate could steer
        // chain building differently at another genTime, and then the verified chain could not be reused.
        for (int i = 0; i < sk_X509_num(carried); ++i) {
            if (sk_X509_value(carried, i) == signer)
                continue;
            const SignedDataLayout::Span span = layout->certificates().at(i);
            if (!trustedDer.contains(QByteArray::fromRawData(token.constData() + span.offset, span.length)))
                return std::nullopt;
        }
        X509_up_ref(signer);
        fresh->signer = Certificate::adopt(signer);
    }
    STACK_OF(PKCS7_SIGNER_INFO)* infos = PKCS7_get_signer_info(p7.get());
    PKCS7_SIGNER_INFO* si = sk_PKCS7_SIGNER_INFO_num(infos) == 1 ? sk_PKCS7_SIGNER_INFO_value(infos, 0) : nullptr;
    if (!si || !OpenSsl::signedDataCanonical(token, 3, si->digest_alg, si->digest_enc_alg, X509_get0_pubkey(signer)))
        return std::nullopt;

    const auto genSecs = static_cast<time_t>(r.genTime.toSecsSinceEpoch());
    const STACK_OF(X509)* chain = nullptr;
    if (cached) {
        // Outside the window the chain would not verify (or might be built differently): the full path decides.
        if (!chainValidAt(cached->chain.get(), genSecs))
            return std::nullopt;
        chain = cached->chain.get();
    } else {
        OpenSsl::X509StoreCtx ctx(X509_STORE_CTX_new());
        if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), signer, const_cast<STACK_OF(X509)*>(carried)) != 1)
            throw CryptoError("X509_STORE_CTX_init failed: " + OpenSsl::takeErrors());
        X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_TIMESTAMP_SIGN);
        X509_STORE_CTX_set_time(ctx.get(), 0, genSecs);
        ++chainsVerified;
        if (X509_verify_cert(ctx.get()) != 1)
            return std::nullopt;
        fresh->chain.reset(X509_STORE_CTX_get1_chain(ctx.get()));
        if (!fresh->chain || !chainValidAt(fresh->chain.get(), genSecs))
            return std::nullopt;
        chain = fresh->chain.get();
    }
    if (!OpenSsl::certificatesAllInChain(carried, chain))
        return std::nullopt;

    // What TS_RESP_verify_token checks with TS_VFY_SIGNATURE | TS_VFY_VERSION | TS_VFY_DATA, minus the chain
    // verification it would repeat.
    if (!signingCertificatesMatch(si, chain) || !signatureVerifies(p7.get(), si, signer)
        || TS_TST_INFO_get_version(info.get()) != 1 || !imprintMatches(info.get(), data))
        return std::nullopt;

    if (!cached && chainReusable && !sharesTrustedSubject(signer))
        cache.insert(key, std::move(fresh));
    r.valid = true;
    return r;
}

TimestampVerifier::TimestampVerifier(const QList<Certificate>& trustedCas, int cacheCapacity)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->trustedCas = trustedCas;
    m_impl->cache.setCapacity(cacheCapacity);
    m_impl->store.reset(X509_STORE_new());
    if (!m_impl->store)
        throw CryptoError("X509_STORE_new failed");
    for (const Certificate& ca : trustedCas) {
        if (ca.isNull())
            continue;
        m_impl->trustedDer.append(ca.toDer());
        if (X509_STORE_add_cert(m_impl->store.get(), ca.get()) != 1)
            OpenSsl::clearErrors(); // the same CA listed twice
    }
    for (int i = 0; i < trustedCas.size(); ++i)
        for (int j = i + 1; j < trustedCas.size(); ++j)
            if (!trustedCas[i].isNull() && !trustedCas[j].isNull() && trustedCas[i] != trustedCas[j]
                && X509_NAME_cmp(X509_get_subject_name(trustedCas[i].get()),
                                 X509_get_subject_name(trustedCas[j].get()))
                    == 0)
                m_impl->chainReusable = false;
}

TimestampVerifier::~TimestampVerifier() = default;
TimestampVerifier::TimestampVerifier(TimestampVerifier&&) noexcept = default;
TimestampVerifier& TimestampVerifier::operator=(TimestampVerifier&&) noexcept = default;

TimestampVerification TimestampVerifier::verify(const QByteArray& token, const QByteArray& data) const
{
    if (m_impl->cache.capacity() > 0) {
        std::optional<TimestampVerification> fast = m_impl->verifyCached(token, data);
        OpenSsl::clearErrors();
        if (fast) {
            ++m_impl->acceptedFast;
            return *std::move(fast);
        }
    }
    ++m_impl->fullPath;
    return TimestampToken::verify(token, data, m_impl->trustedCas);
}

TimestampVerifier::Stats TimestampVerifier::stats() const
{
    Stats s;
    s.acceptedFast = m_impl->acceptedFast;
    s.fullPath = m_impl->fullPath;
    s.certificatesDecoded = m_impl->certificatesDecoded;
    s.chainsVerified = m_impl->chainsVerified;
    return s;
}

int TimestampVerifier::cachedCertificates() const
{
    return m_impl->cache.size();
}

int TimestampVerifier::cacheCapacity() const
{
    return m_impl->cache.capacity();
}

void TimestampVerifier::clearCache()
{
    m_impl->cache.clear();
}

} // namespace ward
