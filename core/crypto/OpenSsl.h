#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <memory>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

// Internal to core/crypto: owning handles for OpenSSL objects and the few conversions the PKI classes share.
// Not part of the public API; callers use KeyPair, Certificate, CertificateAuthority, CmsSignature, TimestampToken.
namespace ward::OpenSsl {

template <typename T, void (*Free)(T*)> struct Deleter
{
    void operator()(T* p) const { Free(p); }
};

using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using X509Req = std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>>;
using X509Name = std::unique_ptr<X509_NAME, Deleter<X509_NAME, X509_NAME_free>>;
using X509Ext = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using X509Store = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;
using X509StoreCtx = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX, X509_STORE_CTX_free>>;
using GeneralNames = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES, GENERAL_NAMES_free>>;
using Asn1Time = std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME, ASN1_TIME_free>>;
using Asn1Integer = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER, ASN1_INTEGER_free>>;
using Asn1Object = std::unique_ptr<ASN1_OBJECT, Deleter<ASN1_OBJECT, ASN1_OBJECT_free>>;
using BigNum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using Cms = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Pkcs7 = std::unique_ptr<PKCS7, Deleter<PKCS7, PKCS7_free>>;
using TsReq = std::unique_ptr<TS_REQ, Deleter<TS_REQ, TS_REQ_free>>;
using TsResp = std::unique_ptr<TS_RESP, Deleter<TS_RESP, TS_RESP_free>>;
using TsRespCtx = std::unique_ptr<TS_RESP_CTX, Deleter<TS_RESP_CTX, TS_RESP_CTX_free>>;
using TsVerifyCtx = std::unique_ptr<TS_VERIFY_CTX, Deleter<TS_VERIFY_CTX, TS_VERIFY_CTX_free>>;
using TsTstInfo = std::unique_ptr<TS_TST_INFO, Deleter<TS_TST_INFO, TS_TST_INFO_free>>;
using TsMsgImprint = std::unique_ptr<TS_MSG_IMPRINT, Deleter<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free>>;
using X509Algor = std::unique_ptr<X509_ALGOR, Deleter<X509_ALGOR, X509_ALGOR_free>>;

// A read-only BIO over bytes the caller keeps alive for the BIO's lifetime.
Bio readBio(const QByteArray& bytes);
Bio readBio(const void* data, std::size_t size);
Bio memoryBio();
// A memory BIO whose buffer is cleansed when freed: for PEM of private keys.
Bio secureMemoryBio();
QByteArray bioBytes(BIO* bio);

// UTC time of an ASN.1 UTCTime/GeneralizedTime, with milliseconds when the value has a fraction.
// Invalid for a malformed value.
QDateTime toDateTime(const ASN1_TIME* time);
// RFC 5280 encoding: UTCTime for 1950–2049, GeneralizedTime otherwise; whole seconds.
Asn1Time toAsn1Time(const QDateTime& utc);

// A positive random serial of 16 bytes (RFC 5280: ≤ 20 octets, unpredictable since CA/B BR 7.1).
Asn1Integer randomSerial();

// True for the curves and sizes EX-3 allows: EC P-256 / P-384, RSA ≥ 2048 bits.
bool isAllowedPublicKey(EVP_PKEY* key, QString* reason);
bool isP256(EVP_PKEY* key);

// A SignedData's fields outside the signed attributes, which OpenSSL's verifiers ignore: SignedData version,
// the digestAlgorithms set, the SignerInfo version and its signatureAlgorithm. Left unchecked they could be
// rewritten without breaking the signature, giving one signed object many byte forms and letting it misstate its
// algorithm. der is the whole ContentInfo; digestAlg/signatureAlg are its only SignerInfo's, as decoded. True if the
// SignedData has signedDataVersion, exactly one SignerInfo of version 1 (issuerAndSerialNumber), digestAlgorithms
// holds exactly digestAlg (same encoding), parameters are absent or NULL, and signatureAlg names that digest (or
// none) and signerKey's key type. A DER walk, not a second full parse: decoding certificates is the slow part of
// OpenSSL 3.0 (~0.1 ms each).
bool signedDataCanonical(const QByteArray& der, long signedDataVersion, const X509_ALGOR* digestAlg,
                         const X509_ALGOR* signatureAlg, EVP_PKEY* signerKey);
// Every certificate a signature carries must be part of the chain that verified it: an extra, unsigned
// certificate could otherwise be altered or swapped without anyone noticing.
bool certificatesAllInChain(const STACK_OF(X509) * carried, const STACK_OF(X509) * chain);

struct X509StackDeleter
{
    void operator()(STACK_OF(X509) * s) const { sk_X509_pop_free(s, X509_free); }
};
using X509Stack = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;

// The OpenSSL error queue as one line (for CryptoError messages and diagnostics); empties the queue.
std::string takeErrors();
// Empties the error queue after an expected failure on bad input, so it cannot leak into a later call's report.
void clearErrors();

// The key's SubjectPublicKeyInfo DER (certificates, requests and key pairs all hand it out); empty on failure,
// with the error queue cleared.
QByteArray publicKeyDer(const EVP_PKEY* key);

} // namespace ward::OpenSsl
