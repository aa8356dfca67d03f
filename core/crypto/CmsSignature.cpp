#include "crypto/CmsSignature.h"

#include "crypto/CryptoError.h"
#include "crypto/KeyPair.h"
#include "crypto/OpenSsl.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <openssl/cmserr.h>
#include <openssl/err.h>
#include <openssl/ess.h>
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

} // namespace

QByteArray CmsSignature::signDetached(const QByteArray& body, const Certificate& signerCert, const KeyPair& signerKey)
{
    return signDetached(body, signerCert, signerKey, Clock::instance().nowUtc());
}

QByteArray CmsSignature::signDetached(const QByteArray& body, const Certificate& signerCert, const KeyPair& signerKey,
                                      const QDateTime& signingTime, QString* error)
{
    auto refuse = [error](const QString& reason) {
        if (error)
            *error = reason;
        OpenSsl::clearErrors();
        return QByteArray();
    };
    if (signerCert.isNull() || !signerKey.hasPrivate())
        return refuse(QCoreApplication::translate("ward::CmsSignature",
                                                  "A signing certificate and its private key are needed to sign."));
    if (X509_check_private_key(signerCert.get(), signerKey.get()) != 1)
        return refuse(QCoreApplication::translate("ward::CmsSignature",
                                                  "The signing key does not belong to the signing certificate."));
    if (!signingTime.isValid())
        return refuse(QCoreApplication::translate("ward::CmsSignature", "The signing time is invalid."));

    // CMS_CADES adds signingCertificateV2; S/MIME capabilities mean nothing for a record signature.
    const unsigned int flags = CMS_BINARY | CMS_DETACHED | CMS_PARTIAL | CMS_CADES | CMS_NOSMIMECAP;
    OpenSsl::Cms cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    if (!cms)
        throw CryptoError("CMS_sign failed: " + OpenSsl::takeErrors());
    CMS_SignerInfo* si = CMS_add1_signer(cms.get(), signerCert.get(), signerKey.get(), EVP_sha256(), flags);
    if (!si)
        throw CryptoError("CMS_add1_signer failed: " + OpenSsl::takeErrors());
    // Set explicitly so the injected clock, not the OS clock, decides the signing time OpenSSL would add.
    const OpenSsl::Asn1Time when = OpenSsl::toAsn1Time(signingTime);
    if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, when->type, when.get(), -1) != 1)
        throw CryptoError("adding signingTime failed: " + OpenSsl::takeErrors());
    OpenSsl::Bio content = OpenSsl::readBio(body);
    if (CMS_final(cms.get(), content.get(), nullptr, flags) != 1)
        throw CryptoError("CMS_final failed: " + OpenSsl::takeErrors());
    unsigned char* der = nullptr;
    const int len = i2d_CMS_ContentInfo(cms.get(), &der);
    if (len <= 0)
        throw CryptoError("CMS DER encoding failed: " + OpenSsl::takeErrors());
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

CmsVerification CmsSignature::verifyDetached(const QByteArray& body, const QByteArray& cmsDer,
                                             const QList<Certificate>& trustedCas, const Certificate* expectedSigner)
{
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

    if (r.signingTime > Clock::instance().nowUtc().addSecs(kMaxFutureSkewSecs))
        return fail(r,
                    QCoreApplication::translate("ward::CmsSignature", "The signing time %1 lies in the future.")
                        .arg(r.signingTime.toString(Qt::ISODate)));

    OpenSsl::X509Store store(X509_STORE_new());
    if (!store)
        throw CryptoError("X509_STORE_new failed");
    for (const Certificate& ca : trustedCas) {
        if (!ca.isNull() && X509_STORE_add_cert(store.get(), ca.get()) != 1)
            OpenSsl::clearErrors(); // the same CA listed twice
    }
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

} // namespace ward
