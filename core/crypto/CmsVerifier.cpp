#include "crypto/CmsVerifier.h"

#include "crypto/CertificateCache.h"
#include "crypto/CryptoError.h"
#include "crypto/OpenSsl.h"
#include "crypto/SignedDataLayout.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <atomic>
#include <ctime>

#include <openssl/cmserr.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

namespace ward {

namespace {

using OpenSsl::X509Stack;
using EssSigningCertV2 =
    std::unique_ptr<ESS_SIGNING_CERT_V2, OpenSsl::Deleter<ESS_SIGNING_CERT_V2, ESS_SIGNING_CERT_V2_free>>;

// The single value of a signed attribute, or nullptr if absent or multi-valued.
ASN1_TYPE* signedAttribute(CMS_SignerInfo* si, int nid)
{
    const int idx = CMS_signed_get_attr_by_NID(si, nid, -1);
    if (idx < 0 || CMS_signed_get_attr_by_NID(si, nid, idx) >= 0)
        return nullptr;
    X509_ATTRIBUTE* attr = CMS_signed_get_attr(si, idx);
    if (!attr || X509_ATTRIBUTE_count(attr) != 1)
        return nullptr;
    return X509_ATTRIBUTE_get0_type(attr, 0);
}

QString describe(const Certificate& cert)
{
    return QStringLiteral("\"%1\" (serial %2)").arg(cert.subjectCommonName(), cert.serialHex());
}

CmsVerification fail(CmsVerification r, const QString& reason)
{
    r.valid = false;
    r.error = reason;
    OpenSsl::clearErrors();
    return r;
}

X509Stack stackOf(X509* cert)
{
    X509Stack s(sk_X509_new_null());
    if (!s || sk_X509_push(s.get(), cert) <= 0)
        throw CryptoError("sk_X509_push failed");
    X509_up_ref(cert);
    return s;
}

// A signer certificate whose chain verified once with the S/MIME signing purpose.
struct CachedSigner
{
    Certificate cert;
    X509Stack chain;
    // When every certificate of the chain is valid (notBefore <= t < notAfter), decoded once from the chain.
    time_t validFrom = 0;
    time_t validUntil = 0;
    // The signing-certificate-v2 attribute (DER) that was checked against this chain: a later signature carrying
    // the same bytes names the same certificate, so the check is not repeated.
    QByteArray checkedEss;
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

// The window in which the whole chain is valid, or false if a time does not decode.
bool chainWindow(const STACK_OF(X509) * chain, time_t* from, time_t* until)
{
    bool first = true;
    for (int i = 0; i < sk_X509_num(chain); ++i) {
        X509* c = sk_X509_value(chain, i);
        struct tm nb = {}, na = {};
        if (ASN1_TIME_to_tm(X509_get0_notBefore(c), &nb) != 1 || ASN1_TIME_to_tm(X509_get0_notAfter(c), &na) != 1)
            return false;
        const time_t b = timegm(&nb), a = timegm(&na);
        if (first || b > *from)
            *from = b;
        if (first || a < *until)
            *until = a;
        first = false;
    }
    return !first;
}

} // namespace

struct CmsVerifier::Impl
{
    QList<Certificate> trustedCas;
    OpenSsl::X509Store store;
    // Chain building in OpenSSL picks among same-named issuer candidates by time; with more than one trusted
    // certificate of a name the chain could differ per signing time, so the verified chain is not reused then.
    bool chainReusable = true;

    CertificateCache<CachedSigner> cache;

    mutable std::atomic<quint64> acceptedFast{0};
    mutable std::atomic<quint64> fullPath{0};
    mutable std::atomic<quint64> certificatesDecoded{0};
    mutable std::atomic<quint64> chainsVerified{0};

    bool sharesTrustedSubject(X509* cert) const;

    CmsVerification verifyFull(const QByteArray& body, const QByteArray& cmsDer, const Certificate* expectedSigner) const;
    std::optional<CmsVerification> verifyCached(const QByteArray& body, const QByteArray& cmsDer,
                                                const Certificate* expectedSigner) const;
};

bool CmsVerifier::Impl::sharesTrustedSubject(X509* cert) const
{
    for (const Certificate& ca : trustedCas)
        if (!ca.isNull() && X509_NAME_cmp(X509_get_subject_name(ca.get()), X509_get_subject_name(cert)) == 0)
            return true;
    return false;
}

// The reference path: everything decoded and checked afresh (formerly CmsSignature::verifyDetached).
CmsVerification CmsVerifier::Impl::verifyFull(const QByteArray& body, const QByteArray& cmsDer,
                                              const Certificate* expectedSigner) const
{
    ++fullPath;
    CmsVerification r;
    const auto* p = reinterpret_cast<const unsigned char*>(cmsDer.constData());
    OpenSsl::Cms cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(cmsDer.size())));
    if (!cms || p != reinterpret_cast<const unsigned char*>(cmsDer.constData()) + cmsDer.size()
        || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
        return fail(r,
                    QCoreApplication::translate("ward::CmsSignature",
                                                "The signature is not a well-formed CMS SignedData structure."));
    if (CMS_is_detached(cms.get()) != 1)
        return fail(r,
                    QCoreApplication::translate(
                        "ward::CmsSignature",
                        "The signature embeds its own content; a detached signature over the record body was "
                        "expected."));
    STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
    if (sk_CMS_SignerInfo_num(infos) != 1)
        return fail(r,
                    QCoreApplication::translate("ward::CmsSignature", "The signature must have exactly one signer."));
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);

    X509_ALGOR* digestAlg = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digestAlg, nullptr);
    const ASN1_OBJECT* digestOid = nullptr;
    X509_ALGOR_get0(&digestOid, nullptr, nullptr, digestAlg);
    const int digestNid = OBJ_obj2nid(digestOid);
    if (digestNid != NID_sha256 && digestNid != NID_sha384 && digestNid != NID_sha512)
        return fail(r,
                    QCoreApplication::translate(
                        "ward::CmsSignature",
                        "The signature uses a digest algorithm that is not allowed (EX-3 requires SHA-256 or "
                        "stronger)."));

    const ASN1_TYPE* timeAttr = signedAttribute(si, NID_pkcs9_signingTime);
    if (timeAttr && (timeAttr->type == V_ASN1_UTCTIME || timeAttr->type == V_ASN1_GENERALIZEDTIME))
        r.signingTime = OpenSsl::toDateTime(timeAttr->value.utctime);
    if (!r.signingTime.isValid())
        return fail(r,
                    QCoreApplication::translate("ward::CmsSignature",
                                                "The signature has no valid signing time (CAdES-BES requires one)."));
    const ASN1_TYPE* essAttr = signedAttribute(si, NID_id_smime_aa_signingCertificateV2);
    EssSigningCertV2 ess;
    if (essAttr && essAttr->type == V_ASN1_SEQUENCE) {
        const unsigned char* q = ASN1_STRING_get0_data(essAttr->value.sequence);
        ess.reset(d2i_ESS_SIGNING_CERT_V2(nullptr, &q, ASN1_STRING_length(essAttr->value.sequence)));
    }
    if (!ess)
        return fail(r,
                    QCoreApplication::translate(
                        "ward::CmsSignature",
                        "The signature has no signing-certificate-v2 attribute (CAdES-BES requires one)."));

    // RFC 5652 §11.1: the signed contentType must equal eContentType; OpenSSL does not compare them.
    const ASN1_TYPE* typeAttr = signedAttribute(si, NID_pkcs9_contentType);
    if (OBJ_obj2nid(CMS_get0_eContentType(cms.get())) != NID_pkcs7_data || !typeAttr || typeAttr->type != V_ASN1_OBJECT
        || OBJ_obj2nid(typeAttr->value.object) != NID_pkcs7_data)
        return fail(
            r,
            QCoreApplication::translate("ward::CmsSignature",
                                        "The signature does not cover plain data content (content type mismatch)."));

    if (CMS_set1_signers_certs(cms.get(), nullptr, 0) < 0)
        OpenSsl::clearErrors();
    X509* signer = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, &signer, nullptr, nullptr);
    if (!signer)
        return fail(r,
                    QCoreApplication::translate("ward::CmsSignature",
                                                "The signature does not carry the signer's certificate."));
    X509_up_ref(signer);
    r.signer = Certificate::adopt(signer);

    X509_ALGOR* signatureAlg = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, nullptr, &signatureAlg);
    // RFC 5652 §5.1: version 1 for id-data content, issuerAndSerialNumber signers, X.509 certificates only.
    if (!OpenSsl::signedDataCanonical(cmsDer, 1, digestAlg, signatureAlg, X509_get0_pubkey(signer)))
        return fail(
            r,
            QCoreApplication::translate("ward::CmsSignature",
                                        "The signature's structure is not in the expected form (versions or algorithm "
                                        "identifiers were altered)."));

    if (r.signingTime > Clock::instance().nowUtc().addSecs(CmsSignature::kMaxFutureSkewSecs))
        return fail(r,
                    QCoreApplication::translate("ward::CmsSignature", "The signing time %1 lies in the future.")
                        .arg(r.signingTime.toString(Qt::ISODate)));

    X509Stack embedded(CMS_get1_certs(cms.get()));
    OpenSsl::X509StoreCtx ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), signer, embedded.get()) != 1)
        throw CryptoError("X509_STORE_CTX_init failed: " + OpenSsl::takeErrors());
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SMIME_SIGN);
    X509_STORE_CTX_set_time(ctx.get(), 0, static_cast<time_t>(r.signingTime.toSecsSinceEpoch()));
    if (X509_verify_cert(ctx.get()) != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        return fail(r,
                    QCoreApplication::translate(
                        "ward::CmsSignature",
                        "The signer's certificate %1 is not trusted for signing at the signing time %2: %3.")
                        .arg(describe(r.signer), r.signingTime.toString(Qt::ISODate),
                             QString::fromUtf8(X509_verify_cert_error_string(err))));
    }
    X509Stack chain(X509_STORE_CTX_get1_chain(ctx.get()));
    if (!OpenSsl::certificatesAllInChain(embedded.get(), chain.get()))
        return fail(r,
                    QCoreApplication::translate("ward::CmsSignature",
                                                "The signature carries a certificate that is not part of the "
                                                "signer's verified chain."));
    if (OSSL_ESS_check_signing_certs(nullptr, ess.get(), chain.get(), 1) != 1)
        return fail(
            r,
            QCoreApplication::translate(
                "ward::CmsSignature", "The signing-certificate-v2 attribute does not name the signer's certificate."));

    OpenSsl::Bio content = OpenSsl::readBio(body);
    // The chain was checked above at the signing time; CMS_verify would check it again at the current time.
    if (CMS_verify(cms.get(), nullptr, nullptr, content.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1) {
        bool contentMismatch = false;
        unsigned long code = 0;
        while ((code = ERR_get_error()) != 0)
            contentMismatch = contentMismatch
                || (ERR_GET_LIB(code) == ERR_LIB_CMS && ERR_GET_REASON(code) == CMS_R_CONTENT_VERIFY_ERROR);
        return fail(r,
                    contentMismatch ? QCoreApplication::translate(
                        "ward::CmsSignature",
                        "The signature does not match the record body: the body was changed after signing.")
                                    : QCoreApplication::translate(
                                          "ward::CmsSignature",
                                          "The signature value does not verify with the signer's certificate %1.")
                                          .arg(describe(r.signer)));
    }

    if (expectedSigner && r.signer != *expectedSigner)
        return fail(r,
                    QCoreApplication::translate(
                        "ward::CmsSignature",
                        "The record was signed with certificate %1, not with the author's certificate %2.")
                        .arg(describe(r.signer), describe(*expectedSigner)));
    r.valid = true;
    return r;
}

// The same checks in the same order as verifyFull, on the ContentInfo decoded without its certificate, with the
// signer certificate and its chain from the cache. Returns a verdict only when every check passed; nullopt sends
// the call to verifyFull, which then gives the reason.
std::optional<CmsVerification> CmsVerifier::Impl::verifyCached(const QByteArray& body, const QByteArray& cmsDer,
                                                              const Certificate* expectedSigner) const
{
    const std::optional<SignedDataLayout> layout = SignedDataLayout::locate(cmsDer);
    if (!layout || layout->certificates().size() != 1)  // a record signature carries its signer's certificate only
        return std::nullopt;
    const SignedDataLayout::Span certificate = layout->certificates().first();
    const QByteArray& stripped = layout->withoutCertificates();
    const auto* p = reinterpret_cast<const unsigned char*>(stripped.constData());
    OpenSsl::Cms cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(stripped.size())));
    if (!cms || p != reinterpret_cast<const unsigned char*>(stripped.constData()) + stripped.size()
        || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed || CMS_is_detached(cms.get()) != 1)
        return std::nullopt;
    STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
    if (sk_CMS_SignerInfo_num(infos) != 1)
        return std::nullopt;
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
    X509_ALGOR* digestAlg = nullptr;
    X509_ALGOR* signatureAlg = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digestAlg, &signatureAlg);
    const ASN1_OBJECT* digestOid = nullptr;
    X509_ALGOR_get0(&digestOid, nullptr, nullptr, digestAlg);
    const int digestNid = OBJ_obj2nid(digestOid);
    if (digestNid != NID_sha256 && digestNid != NID_sha384 && digestNid != NID_sha512)
        return std::nullopt;

    CmsVerification r;
    const ASN1_TYPE* timeAttr = signedAttribute(si, NID_pkcs9_signingTime);
    if (timeAttr && (timeAttr->type == V_ASN1_UTCTIME || timeAttr->type == V_ASN1_GENERALIZEDTIME))
        r.signingTime = OpenSsl::toDateTime(timeAttr->value.utctime);
    if (!r.signingTime.isValid())
        return std::nullopt;
    const ASN1_TYPE* essAttr = signedAttribute(si, NID_id_smime_aa_signingCertificateV2);
    if (!essAttr || essAttr->type != V_ASN1_SEQUENCE)
        return std::nullopt;
    const QByteArray essDer = QByteArray::fromRawData(
        reinterpret_cast<const char*>(ASN1_STRING_get0_data(essAttr->value.sequence)),
        ASN1_STRING_length(essAttr->value.sequence));
    const ASN1_TYPE* typeAttr = signedAttribute(si, NID_pkcs9_contentType);
    if (OBJ_obj2nid(CMS_get0_eContentType(cms.get())) != NID_pkcs7_data || !typeAttr || typeAttr->type != V_ASN1_OBJECT
        || OBJ_obj2nid(typeAttr->value.object) != NID_pkcs7_data)
        return std::nullopt;

    // The certificate: by the hash of its exact bytes, decoded only on a miss.
    const char* certBytes = cmsDer.constData() + certificate.offset;
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int hashLen = 0;
    if (EVP_Digest(certBytes, static_cast<size_t>(certificate.length), hash, &hashLen, EVP_sha256(), nullptr)
        != 1)
        return std::nullopt;
    const QByteArray key(reinterpret_cast<const char*>(hash), static_cast<int>(hashLen));
    std::shared_ptr<const CachedSigner> cached = cache.lookup(key);
    Certificate cert = cached ? cached->cert : Certificate();
    if (!cached) {
        const auto* c = reinterpret_cast<const unsigned char*>(certBytes);
        X509* x = d2i_X509(nullptr, &c, certificate.length);
        if (!x)
            return std::nullopt;
        cert = Certificate::adopt(x);
        ++certificatesDecoded;
        if (c != reinterpret_cast<const unsigned char*>(certBytes) + certificate.length)
            return std::nullopt;
    }
    X509Stack carried = stackOf(cert.get());
    // Binds the SignerInfo's issuerAndSerialNumber to this certificate, as the full path does with the embedded one.
    if (CMS_set1_signers_certs(cms.get(), carried.get(), 0) < 0)
        return std::nullopt;
    X509* signer = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, &signer, nullptr, nullptr);
    if (signer != cert.get())
        return std::nullopt;
    r.signer = cert;
    if (!OpenSsl::signedDataCanonical(cmsDer, 1, digestAlg, signatureAlg, X509_get0_pubkey(signer)))
        return std::nullopt;
    if (r.signingTime > Clock::instance().nowUtc().addSecs(CmsSignature::kMaxFutureSkewSecs))
        return std::nullopt;

    const auto signingSecs = static_cast<time_t>(r.signingTime.toSecsSinceEpoch());
    X509Stack ownChain;
    const STACK_OF(X509)* chain = nullptr;
    if (cached) {
        // Outside the window the chain would not verify (or might be built differently): the full path decides.
        if (signingSecs < cached->validFrom || signingSecs >= cached->validUntil)
            return std::nullopt;
        chain = cached->chain.get();
    } else {
        OpenSsl::X509StoreCtx ctx(X509_STORE_CTX_new());
        if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), signer, carried.get()) != 1)
            throw CryptoError("X509_STORE_CTX_init failed: " + OpenSsl::takeErrors());
        X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SMIME_SIGN);
        X509_STORE_CTX_set_time(ctx.get(), 0, signingSecs);
        ++chainsVerified;
        if (X509_verify_cert(ctx.get()) != 1)
            return std::nullopt;
        ownChain.reset(X509_STORE_CTX_get1_chain(ctx.get()));
        if (!ownChain || !chainValidAt(ownChain.get(), signingSecs))
            return std::nullopt;
        chain = ownChain.get();
    }
    if (!OpenSsl::certificatesAllInChain(carried.get(), chain))
        return std::nullopt;
    if (!cached || essDer != cached->checkedEss) {
        const auto* q = reinterpret_cast<const unsigned char*>(essDer.constData());
        EssSigningCertV2 ess(d2i_ESS_SIGNING_CERT_V2(nullptr, &q, essDer.size()));
        if (!ess || q != reinterpret_cast<const unsigned char*>(essDer.constData()) + essDer.size()
            || OSSL_ESS_check_signing_certs(nullptr, ess.get(), chain, 1) != 1)
            return std::nullopt;
    }

    OpenSsl::Bio content = OpenSsl::readBio(body);
    if (CMS_verify(cms.get(), nullptr, nullptr, content.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1)
        return std::nullopt;
    if (expectedSigner && r.signer != *expectedSigner)
        return std::nullopt;

    if (!cached && chainReusable && !sharesTrustedSubject(signer)) {
        auto entry = std::make_shared<CachedSigner>();
        entry->cert = cert;
        entry->checkedEss = QByteArray(essDer.constData(), essDer.size());
        if (chainWindow(ownChain.get(), &entry->validFrom, &entry->validUntil)) {
            entry->chain = std::move(ownChain);
            cache.insert(key, std::move(entry));
        }
    }
    r.valid = true;
    return r;
}

CmsVerifier::CmsVerifier(const QList<Certificate>& trustedCas, int cacheCapacity) : m_impl(std::make_unique<Impl>())
{
    m_impl->trustedCas = trustedCas;
    m_impl->cache.setCapacity(cacheCapacity);
    m_impl->store.reset(X509_STORE_new());
    if (!m_impl->store)
        throw CryptoError("X509_STORE_new failed");
    for (const Certificate& ca : trustedCas) {
        if (!ca.isNull() && X509_STORE_add_cert(m_impl->store.get(), ca.get()) != 1)
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

CmsVerifier::~CmsVerifier() = default;
CmsVerifier::CmsVerifier(CmsVerifier&&) noexcept = default;
CmsVerifier& CmsVerifier::operator=(CmsVerifier&&) noexcept = default;

CmsVerification CmsVerifier::verify(const QByteArray& body, const QByteArray& cmsDer,
                                    const Certificate* expectedSigner) const
{
    if (m_impl->cache.capacity() > 0) {
        std::optional<CmsVerification> fast = m_impl->verifyCached(body, cmsDer, expectedSigner);
        if (fast) {
            ++m_impl->acceptedFast;
            return *std::move(fast);
        }
        OpenSsl::clearErrors();
    }
    return m_impl->verifyFull(body, cmsDer, expectedSigner);
}

CmsVerifier::Stats CmsVerifier::stats() const
{
    Stats s;
    s.acceptedFast = m_impl->acceptedFast;
    s.fullPath = m_impl->fullPath;
    s.certificatesDecoded = m_impl->certificatesDecoded;
    s.chainsVerified = m_impl->chainsVerified;
    return s;
}

int CmsVerifier::cachedCertificates() const
{
    return m_impl->cache.size();
}

int CmsVerifier::cacheCapacity() const
{
    return m_impl->cache.capacity();
}

void CmsVerifier::clearCache()
{
    m_impl->cache.clear();
}

} // namespace ward
