#include "crypto/CmsEnvelope.h"

#include "crypto/CryptoError.h"
#include "crypto/OpenSsl.h"

#include <QCoreApplication>

namespace ward {

namespace {

QByteArray toDer(CMS_ContentInfo* cms)
{
    OpenSsl::Bio out = OpenSsl::memoryBio();
    if (i2d_CMS_bio(out.get(), cms) != 1)
        throw CryptoError("i2d_CMS_bio failed: " + OpenSsl::takeErrors());
    return OpenSsl::bioBytes(out.get());
}

} // namespace

QByteArray CmsEnvelope::sealForCertificate(const QByteArray& content, const Certificate& recipient, QString* error)
{
    if (recipient.isNull()) {
        *error = QCoreApplication::translate("ward::CmsEnvelope", "No recipient certificate was given.");
        return {};
    }
    OpenSsl::clearErrors();
    STACK_OF(X509)* recipients = sk_X509_new_null();
    sk_X509_push(recipients, recipient.get());
    OpenSsl::Bio in = OpenSsl::readBio(content);
    // CMS_BINARY: the bytes as they are (no MIME canonicalisation); an AEAD cipher makes it AuthEnvelopedData.
    OpenSsl::Cms cms(CMS_encrypt(recipients, in.get(), EVP_aes_256_gcm(), CMS_BINARY));
    sk_X509_free(recipients);
    if (!cms) {
        *error = QCoreApplication::translate("ward::CmsEnvelope", "The certificate cannot receive an encrypted file: %1")
                     .arg(QString::fromStdString(OpenSsl::takeErrors()));
        return {};
    }
    return toDer(cms.get());
}

QByteArray CmsEnvelope::sealWithPassword(const QByteArray& content, const QString& password, QString* error)
{
    if (password.size() < kMinPasswordLength) {
        *error = QCoreApplication::translate("ward::CmsEnvelope", "The password must have at least %1 characters.").arg(kMinPasswordLength);
        return {};
    }
    OpenSsl::clearErrors();
    OpenSsl::Cms cms(CMS_encrypt(nullptr, nullptr, EVP_aes_256_cbc(), CMS_BINARY | CMS_PARTIAL));
    if (!cms)
        throw CryptoError("CMS_encrypt failed: " + OpenSsl::takeErrors());
    // The recipient keeps a copy of the password bytes (OpenSSL frees them with the structure).
    const QByteArray pass = password.toUtf8();
    auto* copy = static_cast<unsigned char*>(OPENSSL_memdup(pass.constData(), static_cast<size_t>(pass.size())));
    if (!CMS_add0_recipient_password(cms.get(), kPasswordIterations, NID_id_alg_PWRI_KEK, NID_id_pbkdf2, copy, pass.size(),
                                     EVP_aes_256_cbc())) {
        OPENSSL_clear_free(copy, static_cast<size_t>(pass.size()));
        throw CryptoError("CMS_add0_recipient_password failed: " + OpenSsl::takeErrors());
    }
    OpenSsl::Bio in = OpenSsl::readBio(content);
    if (CMS_final(cms.get(), in.get(), nullptr, CMS_BINARY) != 1)
        throw CryptoError("CMS_final failed: " + OpenSsl::takeErrors());
    return toDer(cms.get());
}

std::optional<QByteArray> CmsEnvelope::openWithPassword(const QByteArray& der, const QString& password)
{
    OpenSsl::clearErrors();
    OpenSsl::Bio in = OpenSsl::readBio(der);
    OpenSsl::Cms cms(d2i_CMS_bio(in.get(), nullptr));
    if (!cms)
        return std::nullopt;
    QByteArray pass = password.toUtf8();
    if (CMS_decrypt_set1_password(cms.get(), reinterpret_cast<unsigned char*>(pass.data()), pass.size()) != 1)
        return std::nullopt;
    OpenSsl::Bio out = OpenSsl::memoryBio();
    if (CMS_decrypt(cms.get(), nullptr, nullptr, nullptr, out.get(), CMS_BINARY) != 1) {
        OpenSsl::clearErrors();
        return std::nullopt;
    }
    return OpenSsl::bioBytes(out.get());
}

} // namespace ward
