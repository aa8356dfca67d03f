#include "card/PivCertificate.h"

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

namespace ward {

CardResult<PivCertificate> PivCertificate::fromDer(const QByteArray& der)
{
    using R = CardResult<PivCertificate>;
    if (der.isEmpty())
        return R::failure(CardError::CertificateInvalid);
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
    std::unique_ptr<X509, decltype(&X509_free)> cert(d2i_X509(nullptr, &p, der.size()), X509_free);
    // Trailing bytes after the certificate mean the container is not what it claims to be.
    if (!cert || p != reinterpret_cast<const unsigned char*>(der.constData()) + der.size())
        return R::failure(CardError::CertificateInvalid);
    EVP_PKEY* key = X509_get_pubkey(cert.get());
    if (!key)
        return R::failure(CardError::CertificateInvalid);
    std::shared_ptr<void> keyHolder(key, [](void* k) { EVP_PKEY_free(static_cast<EVP_PKEY*>(k)); });
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
        return R::failure(CardError::UnsupportedKey);
    char group[64] = {};
    size_t groupLen = 0;
    if (EVP_PKEY_get_group_name(key, group, sizeof(group), &groupLen) != 1
        || QByteArray(group, static_cast<int>(groupLen)) != "prime256v1")
        return R::failure(CardError::UnsupportedKey);

    PivCertificate out;
    out.m_der = der;
    const int spkiLen = i2d_PUBKEY(key, nullptr);
    if (spkiLen <= 0)
        return R::failure(CardError::CertificateInvalid);
    out.m_spki.resize(spkiLen);
    unsigned char* w = reinterpret_cast<unsigned char*>(out.m_spki.data());
    i2d_PUBKEY(key, &w);
    X509_NAME* subject = X509_get_subject_name(cert.get());
    const int idx = subject ? X509_NAME_get_index_by_NID(subject, NID_commonName, -1) : -1;
    if (idx >= 0) {
        ASN1_STRING* s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, idx));
        unsigned char* utf8 = nullptr;
        const int n = ASN1_STRING_to_UTF8(&utf8, s);
        if (n >= 0) {
            out.m_cn = QString::fromUtf8(reinterpret_cast<const char*>(utf8), n);
            OPENSSL_free(utf8);
        }
    }
    out.m_key = keyHolder;
    return R::success(out);
}

bool PivCertificate::verifyPrehashed(const QByteArray& digest, const QByteArray& derSignature) const
{
    if (!m_key || digest.size() != 32 || derSignature.isEmpty())
        return false;
    EVP_PKEY* key = static_cast<EVP_PKEY*>(m_key.get());
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new(key, nullptr),
                                                                   EVP_PKEY_CTX_free);
    if (!ctx || EVP_PKEY_verify_init(ctx.get()) != 1)
        return false;
    // No EVP_PKEY_CTX_set_signature_md: the 32 bytes are used as the digest, exactly as the card used them.
    return EVP_PKEY_verify(ctx.get(), reinterpret_cast<const unsigned char*>(derSignature.constData()),
                           static_cast<size_t>(derSignature.size()),
                           reinterpret_cast<const unsigned char*>(digest.constData()),
                           static_cast<size_t>(digest.size()))
        == 1;
}

} // namespace ward
