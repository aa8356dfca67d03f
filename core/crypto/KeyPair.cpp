#include "crypto/KeyPair.h"

#include "crypto/CryptoError.h"
#include "crypto/OpenSsl.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <utility>

namespace ward {

KeyPair::KeyPair(EVP_PKEY* owned)
    : m_key(owned)
{
    if (m_key) {
        // EC keys name their secret "priv", RSA keys "d" (RSA only reaches here through the explicit constructor).
        for (const char* param : {OSSL_PKEY_PARAM_PRIV_KEY, OSSL_PKEY_PARAM_RSA_D}) {
            BIGNUM* priv = nullptr;
            m_hasPrivate = m_hasPrivate || (EVP_PKEY_get_bn_param(m_key, param, &priv) == 1 && priv);
            BN_clear_free(priv);
        }
        OpenSsl::clearErrors();
    }
}

KeyPair::KeyPair(KeyPair&& other) noexcept
    : m_key(std::exchange(other.m_key, nullptr))
    , m_hasPrivate(std::exchange(other.m_hasPrivate, false))
{
}

KeyPair& KeyPair::operator=(KeyPair&& other) noexcept
{
    if (this != &other) {
        EVP_PKEY_free(m_key);
        m_key = std::exchange(other.m_key, nullptr);
        m_hasPrivate = std::exchange(other.m_hasPrivate, false);
    }
    return *this;
}

KeyPair::~KeyPair()
{
    EVP_PKEY_free(m_key);
}

KeyPair KeyPair::generateP256()
{
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!key)
        throw CryptoError("P-256 key generation failed: " + OpenSsl::takeErrors());
    return KeyPair(key);
}

std::optional<KeyPair> KeyPair::fromPrivatePem(const SecureBytes& pem)
{
    if (pem.isEmpty())
        return std::nullopt;
    OpenSsl::Bio bio = OpenSsl::readBio(pem.data(), pem.size());
    // An empty passphrase callback: an encrypted PEM must fail here, never prompt on a terminal.
    auto noPassword = [](char*, int, int, void*) -> int { return 0; };
    OpenSsl::PKey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassword, nullptr));
    if (!key || !OpenSsl::isP256(key.get())) {
        OpenSsl::clearErrors();
        return std::nullopt;
    }
    return KeyPair(key.release());
}

std::optional<KeyPair> KeyPair::fromPublicDer(const QByteArray& spkiDer)
{
    const auto* p = reinterpret_cast<const unsigned char*>(spkiDer.constData());
    OpenSsl::PKey key(d2i_PUBKEY(nullptr, &p, static_cast<long>(spkiDer.size())));
    if (!key || p != reinterpret_cast<const unsigned char*>(spkiDer.constData()) + spkiDer.size()
        || !OpenSsl::isP256(key.get())) {
        OpenSsl::clearErrors();
        return std::nullopt;
    }
    return KeyPair(key.release());
}

SecureBytes KeyPair::privatePem() const
{
    if (!hasPrivate())
        throw CryptoError("KeyPair::privatePem on a key without a private part");
    OpenSsl::Bio bio = OpenSsl::secureMemoryBio();
    if (PEM_write_bio_PKCS8PrivateKey(bio.get(), m_key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        throw CryptoError("PKCS#8 PEM encoding failed: " + OpenSsl::takeErrors());
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return SecureBytes(data, static_cast<std::size_t>(len));
}

QByteArray KeyPair::publicDer() const
{
    if (!m_key)
        return {};
    const QByteArray der = OpenSsl::publicKeyDer(m_key);
    if (der.isEmpty())
        throw CryptoError("SubjectPublicKeyInfo encoding failed");
    return der;
}

QByteArray KeyPair::sign(const QByteArray& data) const
{
    if (!hasPrivate())
        throw CryptoError("KeyPair::sign on a key without a private part");
    OpenSsl::MdCtx ctx(EVP_MD_CTX_new());
    size_t len = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(data.constData()),
                          static_cast<size_t>(data.size()))
            != 1)
        throw CryptoError("ECDSA signing failed: " + OpenSsl::takeErrors());
    QByteArray sig(static_cast<qsizetype>(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(data.constData()), static_cast<size_t>(data.size()))
        != 1)
        throw CryptoError("ECDSA signing failed: " + OpenSsl::takeErrors());
    sig.resize(static_cast<qsizetype>(len));
    return sig;
}

bool KeyPair::verify(const QByteArray& data, const QByteArray& derSig) const
{
    if (!m_key || derSig.isEmpty())
        return false;
    OpenSsl::MdCtx ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key) != 1)
        throw CryptoError("ECDSA verify init failed: " + OpenSsl::takeErrors());
    const int rc = EVP_DigestVerify(
        ctx.get(), reinterpret_cast<const unsigned char*>(derSig.constData()), static_cast<size_t>(derSig.size()),
        reinterpret_cast<const unsigned char*>(data.constData()), static_cast<size_t>(data.size()));
    OpenSsl::clearErrors();
    return rc == 1;
}

std::optional<KeyPair> KeyPair::fromPublicPoint(const QByteArray& point)
{
    if (point.size() != 65 || point.at(0) != '\x04')
        return std::nullopt;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>("P-256"), 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY,
                                          const_cast<char*>(point.constData()), static_cast<size_t>(point.size())),
        OSSL_PARAM_construct_end()};
    OpenSsl::PKeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY* key = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1) {
        OpenSsl::clearErrors();
        return std::nullopt;
    }
    // fromdata does not check that the point is on the curve: a point off it must never reach ECDH.
    OpenSsl::PKeyCtx check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) {
        EVP_PKEY_free(key);
        OpenSsl::clearErrors();
        return std::nullopt;
    }
    return KeyPair(key);
}

QByteArray KeyPair::publicPoint() const
{
    if (!m_key)
        return {};
    size_t len = 0;
    if (EVP_PKEY_get_octet_string_param(m_key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, nullptr, 0, &len) != 1)
        throw CryptoError("EC point encoding failed: " + OpenSsl::takeErrors());
    QByteArray point(static_cast<qsizetype>(len), Qt::Uninitialized);
    if (EVP_PKEY_get_octet_string_param(m_key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
                                        reinterpret_cast<unsigned char*>(point.data()), len, &len)
        != 1)
        throw CryptoError("EC point encoding failed: " + OpenSsl::takeErrors());
    point.resize(static_cast<qsizetype>(len));
    return point;
}

SecureBytes KeyPair::agree(const QByteArray& peerPoint) const
{
    if (!hasPrivate())
        throw CryptoError("KeyPair::agree on a key without a private part");
    const auto peer = fromPublicPoint(peerPoint);
    if (!peer)
        return SecureBytes();
    OpenSsl::PKeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key, nullptr));
    size_t len = 0;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), peer->get()) != 1
        || EVP_PKEY_derive(ctx.get(), nullptr, &len) != 1)
        throw CryptoError("ECDH failed: " + OpenSsl::takeErrors());
    SecureBytes secret(len);
    if (EVP_PKEY_derive(ctx.get(), secret.data(), &len) != 1)
        throw CryptoError("ECDH failed: " + OpenSsl::takeErrors());
    return secret;
}

} // namespace ward
