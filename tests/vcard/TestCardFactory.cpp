#include "TestCardFactory.h"

#include <QDir>
#include <QFile>
#include <memory>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace {

QByteArray bioToBytes(BIO* bio)
{
    char* p = nullptr;
    const long n = BIO_get_mem_data(bio, &p);
    return QByteArray(p, static_cast<int>(n));
}

bool addExt(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

} // namespace

bool TestCardFactory::make(const QString& commonName, const QByteArray& caKeyPem, const QByteArray& caCertPem,
                           Files* out, QString* error)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    if (!key) {
        *error = QStringLiteral("cannot generate a P-256 key");
        return false;
    }
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> caKey(nullptr, EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> caCert(nullptr, X509_free);
    if (!caKeyPem.isEmpty()) {
        BIO* b = BIO_new_mem_buf(caKeyPem.constData(), caKeyPem.size());
        caKey.reset(PEM_read_bio_PrivateKey(b, nullptr, nullptr, nullptr));
        BIO_free(b);
        b = BIO_new_mem_buf(caCertPem.constData(), caCertPem.size());
        caCert.reset(PEM_read_bio_X509(b, nullptr, nullptr, nullptr));
        BIO_free(b);
        if (!caKey || !caCert) {
            *error = QStringLiteral("cannot read the CA key or certificate");
            return false;
        }
    }

    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof(serial));
    serial[0] &= 0x7f;
    BIGNUM* bn = BN_bin2bn(serial, sizeof(serial), nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("WardStation test cards"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1,
                               0);
    X509* issuer = caCert ? caCert.get() : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer));
    if (!addExt(cert.get(), issuer, NID_basic_constraints, "critical,CA:FALSE")
        || !addExt(cert.get(), issuer, NID_key_usage, "critical,digitalSignature")
        || !addExt(cert.get(), issuer, NID_subject_key_identifier, "hash")) {
        *error = QStringLiteral("cannot add certificate extensions");
        return false;
    }
    if (X509_sign(cert.get(), caKey ? caKey.get() : key.get(), EVP_sha256()) <= 0) {
        *error = QStringLiteral("cannot sign the certificate");
        return false;
    }

    BIO* kb = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(kb, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    out->keyPem = bioToBytes(kb);
    BIO_free(kb);
    // Key separation: the key management key (9D) is not the card authentication key (9E).
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> km(EVP_EC_gen("P-256"), EVP_PKEY_free);
    if (!km) {
        *error = QStringLiteral("cannot generate a P-256 key");
        return false;
    }
    BIO* mb = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(mb, km.get(), nullptr, nullptr, 0, nullptr, nullptr);
    out->keyManagementPem = bioToBytes(mb);
    BIO_free(mb);
    BIO* cb = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(cb, cert.get());
    out->certificatePem = bioToBytes(cb);
    BIO_free(cb);
    out->uid.resize(8);
    RAND_bytes(reinterpret_cast<unsigned char*>(out->uid.data()), 8);
    // FeliCa IDm: the first two bytes are the manufacturer code; 01 2E is a common one on staff badges.
    out->uid[0] = 0x01;
    out->uid[1] = 0x2E;
    return true;
}

bool TestCardFactory::writeDirectory(const QString& dir, const Files& files, QString* error)
{
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create %1").arg(dir);
        return false;
    }
    const auto write = [&](const QString& name, const QByteArray& bytes, QFileDevice::Permissions perms) {
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
            *error = QStringLiteral("cannot write %1").arg(f.fileName());
            return false;
        }
        f.setPermissions(perms);
        return true;
    };
    return write(QStringLiteral("key.pem"), files.keyPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && write(QStringLiteral("km-key.pem"), files.keyManagementPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && write(QStringLiteral("cert.pem"), files.certificatePem,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther)
        && write(QStringLiteral("uid"), files.uid.toHex() + '\n',
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
}

bool TestCardFactory::readDirectory(const QString& dir, Files* out, QString* error)
{
    const auto read = [&](const QString& name, QByteArray* bytes) {
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(f.fileName());
            return false;
        }
        *bytes = f.readAll();
        return true;
    };
    QByteArray uidHex;
    if (!read(QStringLiteral("key.pem"), &out->keyPem) || !read(QStringLiteral("cert.pem"), &out->certificatePem)
        || !read(QStringLiteral("uid"), &uidHex))
        return false;
    out->uid = QByteArray::fromHex(uidHex.trimmed());
    // A card made before key establishment has no 9D key: it still identifies, but opens no key slot.
    QFile km(QDir(dir).filePath(QStringLiteral("km-key.pem")));
    if (km.open(QIODevice::ReadOnly))
        out->keyManagementPem = km.readAll();
    return true;
}
