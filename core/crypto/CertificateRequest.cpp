#include "crypto/CertificateRequest.h"

#include "crypto/CryptoError.h"
#include "crypto/KeyPair.h"
#include "crypto/OpenSsl.h"

#include <openssl/pem.h>

namespace ward {

namespace {
// RFC 5280 ub-common-name.
constexpr int kMaxCommonNameChars = 64;
} // namespace

QByteArray CertificateRequest::createPem(const KeyPair& key, const QString& commonName)
{
    if (!key.hasPrivate())
        throw CryptoError("CertificateRequest::createPem needs a private key");
    if (commonName.trimmed().isEmpty() || commonName.size() > kMaxCommonNameChars)
        return {};
    OpenSsl::X509Req req(X509_REQ_new());
    if (!req || X509_REQ_set_version(req.get(), 0) != 1)
        throw CryptoError("X509_REQ_new failed");
    const QByteArray cn = commonName.toUtf8();
    X509_NAME* name = X509_REQ_get_subject_name(req.get());
    if (X509_NAME_add_entry_by_NID(name, NID_commonName, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(cn.constData()), static_cast<int>(cn.size()),
                                   -1, 0)
        != 1) {
        OpenSsl::clearErrors();
        return {};
    }
    if (X509_REQ_set_pubkey(req.get(), key.get()) != 1 || X509_REQ_sign(req.get(), key.get(), EVP_sha256()) <= 0)
        throw CryptoError("CSR signing failed: " + OpenSsl::takeErrors());
    OpenSsl::Bio bio = OpenSsl::memoryBio();
    if (PEM_write_bio_X509_REQ(bio.get(), req.get()) != 1)
        throw CryptoError("CSR PEM encoding failed: " + OpenSsl::takeErrors());
    return OpenSsl::bioBytes(bio.get());
}

std::optional<CertificateRequest> CertificateRequest::fromPem(const QByteArray& pem)
{
    OpenSsl::Bio bio = OpenSsl::readBio(pem);
    X509_REQ* req = PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr);
    if (!req || !X509_REQ_get0_pubkey(req)) {
        X509_REQ_free(req);
        OpenSsl::clearErrors();
        return std::nullopt;
    }
    CertificateRequest out;
    out.m_req.reset(req, X509_REQ_free);
    return out;
}

bool CertificateRequest::signatureValid() const
{
    if (!m_req)
        return false;
    EVP_PKEY* key = X509_REQ_get0_pubkey(m_req.get());
    const bool ok = key && X509_REQ_verify(m_req.get(), key) == 1;
    OpenSsl::clearErrors();
    return ok;
}

QString CertificateRequest::commonName() const
{
    if (!m_req)
        return {};
    const X509_NAME* name = X509_REQ_get_subject_name(m_req.get());
    const int idx = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (idx < 0)
        return {};
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx)));
    if (len < 0) {
        OpenSsl::clearErrors();
        return {};
    }
    QString out = QString::fromUtf8(reinterpret_cast<const char*>(utf8), len);
    OPENSSL_free(utf8);
    return out;
}

QByteArray CertificateRequest::publicKeyDer() const
{
    if (!m_req)
        return {};
    return OpenSsl::publicKeyDer(X509_REQ_get0_pubkey(m_req.get()));
}

QByteArray CertificateRequest::toPem() const
{
    if (!m_req)
        return {};
    OpenSsl::Bio bio = OpenSsl::memoryBio();
    if (PEM_write_bio_X509_REQ(bio.get(), m_req.get()) != 1)
        throw CryptoError("CSR PEM encoding failed: " + OpenSsl::takeErrors());
    return OpenSsl::bioBytes(bio.get());
}

} // namespace ward
