#include "crypto/CmsSignature.h"

#include "crypto/CmsVerifier.h"
#include "crypto/CryptoError.h"
#include "crypto/KeyPair.h"
#include "crypto/OpenSsl.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <openssl/cms.h>

namespace ward {

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
    // A one-off verifier has nothing to reuse: capacity 0 takes the full path directly.
    return CmsVerifier(trustedCas, 0).verify(body, cmsDer, expectedSigner);
}

} // namespace ward
