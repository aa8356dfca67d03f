#include "crypto/TimestampToken.h"

#include "crypto/CryptoError.h"
#include "crypto/OpenSsl.h"

#include <QCoreApplication>
#include <openssl/err.h>
#include <openssl/tserr.h>

namespace ward {

namespace {

TimestampVerification fail(TimestampVerification r, const QString& reason)
{
    r.valid = false;
    r.error = reason;
    OpenSsl::clearErrors();
    return r;
}

} // namespace

TimestampVerification TimestampToken::verify(const QByteArray& token, const QByteArray& data,
                                             const QList<Certificate>& trustedCas)
{
    TimestampVerification r;
    const auto* p = reinterpret_cast<const unsigned char*>(token.constData());
    OpenSsl::Pkcs7 p7(d2i_PKCS7(nullptr, &p, static_cast<long>(token.size())));
    OpenSsl::TsTstInfo info;
    if (p7 && p == reinterpret_cast<const unsigned char*>(token.constData()) + token.size())
        info.reset(PKCS7_to_TS_TST_INFO(p7.get()));
    if (!info)
        return fail(
            r, QCoreApplication::translate("ward::TimestampToken", "The data is not an RFC 3161 time-stamp token."));
    r.genTime = OpenSsl::toDateTime(TS_TST_INFO_get_time(info.get()));
    if (OpenSsl::BigNum serial{ASN1_INTEGER_to_BN(TS_TST_INFO_get_serial(info.get()), nullptr)}) {
        if (char* hex = BN_bn2hex(serial.get())) {
            r.serialHex = QString::fromLatin1(hex).toLower();
            OPENSSL_free(hex);
        }
    }
    if (!r.genTime.isValid())
        return fail(r, QCoreApplication::translate("ward::TimestampToken", "The time-stamp token has no valid time."));
    const X509_ALGOR* imprintAlg = TS_MSG_IMPRINT_get_algo(TS_TST_INFO_get_msg_imprint(info.get()));
    const ASN1_OBJECT* imprintOid = nullptr;
    X509_ALGOR_get0(&imprintOid, nullptr, nullptr, imprintAlg);
    const int imprintNid = OBJ_obj2nid(imprintOid);
    if (imprintNid != NID_sha256 && imprintNid != NID_sha384 && imprintNid != NID_sha512)
        return fail(r,
                    QCoreApplication::translate("ward::TimestampToken",
                                                "The time-stamp token uses a hash algorithm that is not allowed "
                                                "(EX-3 requires SHA-256 or stronger)."));

    // The signer certificate must travel in the token (TimestampAuthority always includes it).
    STACK_OF(X509)* signers = PKCS7_get0_signers(p7.get(), nullptr, 0);
    X509* signer = sk_X509_num(signers) == 1 ? sk_X509_value(signers, 0) : nullptr;
    sk_X509_free(signers);
    if (!signer)
        return fail(r,
                    QCoreApplication::translate("ward::TimestampToken",
                                                "The time-stamp token does not carry its signer's certificate."));
    // RFC 5652 §5.1: version 3 because the content type is id-ct-TSTInfo, not id-data.
    const PKCS7_SIGNER_INFO* signerInfo = sk_PKCS7_SIGNER_INFO_num(p7->d.sign->signer_info) == 1
        ? sk_PKCS7_SIGNER_INFO_value(p7->d.sign->signer_info, 0)
        : nullptr;
    if (!signerInfo
        || !OpenSsl::signedDataCanonical(token, 3, signerInfo->digest_alg, signerInfo->digest_enc_alg,
                                         X509_get0_pubkey(signer)))
        return fail(r,
                    QCoreApplication::translate("ward::TimestampToken",
                                                "The time-stamp token's structure is not in the expected form "
                                                "(versions or algorithm identifiers were altered)."));

    OpenSsl::X509Store store(X509_STORE_new());
    if (!store)
        throw CryptoError("X509_STORE_new failed");
    for (const Certificate& ca : trustedCas) {
        if (!ca.isNull() && X509_STORE_add_cert(store.get(), ca.get()) != 1)
            OpenSsl::clearErrors();
    }
    // The TSA certificate is judged at the moment it stamped, not today.
    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store.get()), static_cast<time_t>(r.genTime.toSecsSinceEpoch()));

    // Our own chain check gives a readable reason and the chain that the carried certificates must belong to;
    // TS_RESP_verify_token below repeats it alongside the signature, ESS and imprint checks.
    STACK_OF(X509)* carried = p7->d.sign->cert;
    OpenSsl::X509StoreCtx chainCtx(X509_STORE_CTX_new());
    if (!chainCtx || X509_STORE_CTX_init(chainCtx.get(), store.get(), signer, carried) != 1)
        throw CryptoError("X509_STORE_CTX_init failed: " + OpenSsl::takeErrors());
    X509_STORE_CTX_set_purpose(chainCtx.get(), X509_PURPOSE_TIMESTAMP_SIGN);
    if (X509_verify_cert(chainCtx.get()) != 1) {
        const int err = X509_STORE_CTX_get_error(chainCtx.get());
        return fail(
            r,
            QCoreApplication::translate("ward::TimestampToken",
                                        "The time-stamping authority's certificate is not trusted at %1: %2.")
                .arg(r.genTime.toString(Qt::ISODateWithMs), QString::fromUtf8(X509_verify_cert_error_string(err))));
    }
    const OpenSsl::X509Stack chain(X509_STORE_CTX_get1_chain(chainCtx.get()));
    chainCtx.reset(); // it refers to the store, which the verify context below takes over
    if (!OpenSsl::certificatesAllInChain(carried, chain.get()))
        return fail(r,
                    QCoreApplication::translate("ward::TimestampToken",
                                                "The time-stamp token carries a certificate that is not part of "
                                                "the TSA's verified chain."));

    OpenSsl::TsVerifyCtx ctx(TS_VERIFY_CTX_new());
    if (!ctx)
        throw CryptoError("TS_VERIFY_CTX_new failed");
    TS_VERIFY_CTX_set_flags(ctx.get(), TS_VFY_VERSION | TS_VFY_SIGNATURE | TS_VFY_DATA);
    // Both setters hand ownership to the context.
    TS_VERIFY_CTX_set_store(ctx.get(), store.release());
    TS_VERIFY_CTX_set_data(ctx.get(), OpenSsl::readBio(data).release());
    if (TS_RESP_verify_token(ctx.get(), p7.get()) == 1) {
        r.valid = true;
        OpenSsl::clearErrors();
        return r;
    }

    QString reason;
    unsigned long code = 0;
    const char* detail = nullptr;
    int flags = 0;
    while ((code = ERR_get_error_all(nullptr, nullptr, nullptr, &detail, &flags)) != 0) {
        if (!reason.isEmpty())
            continue;
        if (ERR_GET_LIB(code) == ERR_LIB_ESS) {
            reason = QCoreApplication::translate(
                "ward::TimestampToken",
                "The time-stamp token's signing-certificate attribute does not match its signer.");
            continue;
        }
        if (ERR_GET_LIB(code) != ERR_LIB_TS)
            continue;
        switch (ERR_GET_REASON(code)) {
        case TS_R_MESSAGE_IMPRINT_MISMATCH:
            reason = QCoreApplication::translate("ward::TimestampToken",
                                                 "The time-stamp token does not cover this data: it was changed.");
            break;
        case TS_R_CERTIFICATE_VERIFY_ERROR:
            reason = QCoreApplication::translate("ward::TimestampToken",
                                                 "The time-stamping authority's certificate is not trusted at %1: %2.")
                         .arg(r.genTime.toString(Qt::ISODateWithMs),
                              QString::fromUtf8((flags & ERR_TXT_STRING) && detail ? detail : "verify error"));
            break;
        case TS_R_SIGNATURE_FAILURE:
            reason = QCoreApplication::translate("ward::TimestampToken",
                                                 "The time-stamp token's signature does not verify.");
            break;
        default:
            reason = QCoreApplication::translate("ward::TimestampToken", "The time-stamp token is invalid: %1.")
                         .arg(QString::fromUtf8(ERR_reason_error_string(code)));
            break;
        }
    }
    if (reason.isEmpty())
        reason = QCoreApplication::translate("ward::TimestampToken", "The time-stamp token is invalid.");
    return fail(r, reason);
}

} // namespace ward
