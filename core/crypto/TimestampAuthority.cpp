#include "crypto/TimestampAuthority.h"

#include "crypto/CryptoError.h"
#include "crypto/Digest.h"
#include "crypto/OpenSsl.h"

#include <QCoreApplication>
#include <openssl/rand.h>
#include <stdexcept>

namespace ward {

namespace {

constexpr int kSha256Size = 32;

using OpenSsl::X509Stack;

// genTime comes from the caller's (injected) clock, never from gettimeofday inside OpenSSL.
int injectedTime(TS_RESP_CTX*, void* data, long* sec, long* usec)
{
    const qint64 ms = *static_cast<const qint64*>(data);
    *sec = static_cast<long>(ms / 1000);
    *usec = static_cast<long>((ms % 1000) * 1000);
    return 1;
}

// RFC 3161 §2.4.2: serials must be unique per TSA; 128 random bits need no persistent counter across restarts.
ASN1_INTEGER* randomSerial(TS_RESP_CTX* ctx, void*)
{
    try {
        return OpenSsl::randomSerial().release();
    } catch (const CryptoError&) {
        TS_RESP_CTX_set_status_info(ctx, TS_STATUS_REJECTION, "serial number generation failed");
        return nullptr;
    }
}

QByteArray requestDer(const QByteArray& sha256Digest)
{
    OpenSsl::TsReq req(TS_REQ_new());
    OpenSsl::TsMsgImprint imprint(TS_MSG_IMPRINT_new());
    OpenSsl::X509Algor algorithm(X509_ALGOR_new());
    if (!req || !imprint || !algorithm
        || X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) != 1
        || TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) != 1
        || TS_MSG_IMPRINT_set_msg(imprint.get(),
                                  reinterpret_cast<unsigned char*>(const_cast<char*>(sha256Digest.constData())),
                                  static_cast<int>(sha256Digest.size()))
            != 1
        || TS_REQ_set_version(req.get(), 1) != 1 || TS_REQ_set_msg_imprint(req.get(), imprint.get()) != 1
        || TS_REQ_set_cert_req(req.get(), 1) != 1)
        throw CryptoError("building the time-stamp request failed: " + OpenSsl::takeErrors());
    unsigned char* der = nullptr;
    const int len = i2d_TS_REQ(req.get(), &der);
    if (len <= 0)
        throw CryptoError("encoding the time-stamp request failed: " + OpenSsl::takeErrors());
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

} // namespace

TimestampAuthority::TimestampAuthority(Unchecked, Certificate tsaCert, KeyPair tsaKey, QList<Certificate> chain)
    : m_cert(std::move(tsaCert))
    , m_key(std::move(tsaKey))
    , m_chain(std::move(chain))
{
}

TimestampAuthority::TimestampAuthority(Certificate tsaCert, KeyPair tsaKey, QList<Certificate> chain)
    : TimestampAuthority(Unchecked{}, std::move(tsaCert), std::move(tsaKey), std::move(chain))
{
    const QString error = configurationError(m_cert, m_key);
    if (!error.isEmpty())
        throw std::invalid_argument(error.toStdString());
}

std::optional<TimestampAuthority> TimestampAuthority::create(Certificate tsaCert, KeyPair tsaKey,
                                                             QList<Certificate> chain, QString* error)
{
    const QString reason = configurationError(tsaCert, tsaKey);
    if (!reason.isEmpty()) {
        if (error)
            *error = reason;
        return std::nullopt;
    }
    return TimestampAuthority(Unchecked{}, std::move(tsaCert), std::move(tsaKey), std::move(chain));
}

QString TimestampAuthority::configurationError(const Certificate& tsaCert, const KeyPair& tsaKey)
{
    QString reason;
    if (tsaCert.isNull() || !tsaKey.hasPrivate())
        reason = QCoreApplication::translate("ward::TimestampAuthority",
                                             "The time-stamping authority needs a certificate and its private key.");
    else if (X509_check_private_key(tsaCert.get(), tsaKey.get()) != 1)
        reason = QCoreApplication::translate("ward::TimestampAuthority",
                                             "The time-stamping key does not belong to the TSA certificate.");
    else if (X509_check_purpose(tsaCert.get(), X509_PURPOSE_TIMESTAMP_SIGN, 0) != 1)
        reason = QCoreApplication::translate(
            "ward::TimestampAuthority",
            "The TSA certificate is not a time-stamping certificate (extendedKeyUsage=critical,timeStamping).");
    OpenSsl::clearErrors();
    return reason;
}

QByteArray TimestampAuthority::stamp(const QByteArray& data, const QDateTime& nowUtc) const
{
    return stampSha256(Digest::sha256(data), nowUtc);
}

QByteArray TimestampAuthority::stampSha256(const QByteArray& sha256Digest, const QDateTime& nowUtc) const
{
    if (sha256Digest.size() != kSha256Size || !nowUtc.isValid())
        return {};
    OpenSsl::Bio request = OpenSsl::memoryBio();
    const QByteArray req = requestDer(sha256Digest);
    if (BIO_write(request.get(), req.constData(), static_cast<int>(req.size())) != req.size())
        throw CryptoError("BIO_write failed");

    OpenSsl::TsRespCtx ctx(TS_RESP_CTX_new());
    OpenSsl::Asn1Object policy(OBJ_txt2obj(kPolicyOid, 1));
    X509Stack certs(sk_X509_new_null());
    if (!ctx || !policy || !certs)
        throw CryptoError("TS_RESP_CTX_new failed");
    for (const Certificate& c : m_chain) {
        if (!c.isNull() && (X509_up_ref(c.get()) != 1 || sk_X509_push(certs.get(), c.get()) <= 0))
            throw CryptoError("building the TSA chain failed");
    }
    qint64 genTimeMs = nowUtc.toMSecsSinceEpoch();
    if (TS_RESP_CTX_set_signer_cert(ctx.get(), m_cert.get()) != 1
        || TS_RESP_CTX_set_signer_key(ctx.get(), m_key.get()) != 1
        || TS_RESP_CTX_set_signer_digest(ctx.get(), EVP_sha256()) != 1
        || TS_RESP_CTX_set_ess_cert_id_digest(ctx.get(), EVP_sha256()) != 1
        || TS_RESP_CTX_set_certs(ctx.get(), certs.get()) != 1
        || TS_RESP_CTX_set_def_policy(ctx.get(), policy.get()) != 1 || TS_RESP_CTX_add_md(ctx.get(), EVP_sha256()) != 1
        || TS_RESP_CTX_set_clock_precision_digits(ctx.get(), 3) != 1)
        throw CryptoError("configuring the TSA failed: " + OpenSsl::takeErrors());
    TS_RESP_CTX_set_time_cb(ctx.get(), injectedTime, &genTimeMs);
    TS_RESP_CTX_set_serial_cb(ctx.get(), randomSerial, nullptr);

    OpenSsl::TsResp resp(TS_RESP_create_response(ctx.get(), request.get()));
    if (!resp)
        throw CryptoError("TS_RESP_create_response failed: " + OpenSsl::takeErrors());
    const long status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp.get())));
    PKCS7* token = TS_RESP_get_token(resp.get());
    if (status != TS_STATUS_GRANTED || !token)
        throw CryptoError("the TSA refused its own request (status " + std::to_string(status)
                          + "): " + OpenSsl::takeErrors());
    unsigned char* der = nullptr;
    const int len = i2d_PKCS7(token, &der);
    if (len <= 0)
        throw CryptoError("encoding the time-stamp token failed: " + OpenSsl::takeErrors());
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

} // namespace ward
