#include "VirtualCard.h"

#include <QCryptographicHash>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace {

constexpr quint16 kOk = 0x9000;

QByteArray sw(quint16 s)
{
    QByteArray out;
    out.append(static_cast<char>(s >> 8));
    out.append(static_cast<char>(s & 0xff));
    return out;
}

QByteArray len(int n)
{
    QByteArray out;
    if (n < 0x80) {
        out.append(static_cast<char>(n));
    } else if (n < 0x100) {
        out.append(static_cast<char>(0x81));
        out.append(static_cast<char>(n));
    } else {
        out.append(static_cast<char>(0x82));
        out.append(static_cast<char>(n >> 8));
        out.append(static_cast<char>(n & 0xff));
    }
    return out;
}

QByteArray tlv(const QByteArray& tag, const QByteArray& value)
{
    return tag + len(value.size()) + value;
}

// Minimal BER-TLV walk over one level: returns the value of the first `tag`, or a null QByteArray.
bool findTlv(const QByteArray& b, const QByteArray& tag, QByteArray* value)
{
    int i = 0;
    while (i < b.size()) {
        const int tagStart = i;
        if ((static_cast<quint8>(b[i++]) & 0x1f) == 0x1f) {
            while (i < b.size() && (static_cast<quint8>(b[i]) & 0x80))
                ++i;
            ++i;
        }
        if (i >= b.size())
            return false;
        const QByteArray t = b.mid(tagStart, i - tagStart);
        int l = static_cast<quint8>(b[i++]);
        if (l & 0x80) {
            const int count = l & 0x7f;
            if (count > 2 || i + count > b.size())
                return false;
            l = 0;
            for (int k = 0; k < count; ++k)
                l = l << 8 | static_cast<quint8>(b[i++]);
        }
        if (i + l > b.size())
            return false;
        if (t == tag) {
            *value = b.mid(i, l);
            return true;
        }
        i += l;
    }
    return false;
}

const QByteArray kFullAid = QByteArray::fromHex("a000000308000010000100");

} // namespace

std::unique_ptr<VirtualCard> VirtualCard::create(const Config& config, QString* error)
{
    std::unique_ptr<VirtualCard> card(new VirtualCard);
    card->m_config = config;
    if (config.uid.size() < 4 || config.uid.size() > 10) {
        *error = QStringLiteral("the UID must be 4 to 10 bytes");
        return nullptr;
    }
    if (config.mode == Mode::Uid)
        return card;

    BIO* kb = BIO_new_mem_buf(config.keyPem.constData(), config.keyPem.size());
    EVP_PKEY* key = PEM_read_bio_PrivateKey(kb, nullptr, nullptr, nullptr);
    BIO_free(kb);
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) {
        EVP_PKEY_free(key);
        *error = QStringLiteral("the key is not an EC private key in PEM form");
        return nullptr;
    }
    card->m_key = key;
    if (!config.keyManagementPem.isEmpty()) {
        BIO* mb = BIO_new_mem_buf(config.keyManagementPem.constData(), config.keyManagementPem.size());
        EVP_PKEY* km = PEM_read_bio_PrivateKey(mb, nullptr, nullptr, nullptr);
        BIO_free(mb);
        if (!km || EVP_PKEY_get_base_id(km) != EVP_PKEY_EC) {
            EVP_PKEY_free(km);
            *error = QStringLiteral("the key management key is not an EC private key in PEM form");
            return nullptr;
        }
        card->m_kmKey = km;
    }
    BIO* cb = BIO_new_mem_buf(config.certificatePem.constData(), config.certificatePem.size());
    X509* cert = PEM_read_bio_X509(cb, nullptr, nullptr, nullptr);
    BIO_free(cb);
    if (!cert) {
        *error = QStringLiteral("the certificate is not a PEM X.509 certificate");
        return nullptr;
    }
    const int n = i2d_X509(cert, nullptr);
    card->m_certDer.resize(n);
    unsigned char* w = reinterpret_cast<unsigned char*>(card->m_certDer.data());
    i2d_X509(cert, &w);
    X509_free(cert);
    return card;
}

VirtualCard::~VirtualCard()
{
    EVP_PKEY_free(static_cast<EVP_PKEY*>(m_key));
    EVP_PKEY_free(static_cast<EVP_PKEY*>(m_kmKey));
}

QByteArray VirtualCard::atr() const
{
    // T=1 ATRs end with TCK, the XOR of T0..last historical byte.
    QByteArray hist;
    if (m_config.mode == Mode::Uid) {
        // PC/SC Part 3 contactless storage card ATR, as readers report a FeliCa badge.
        hist = QByteArray::fromHex("804f0ca00000030611003b00000000");
    } else {
        // Compact-TLV: card capabilities (73) and a card issuer's data object naming the test card.
        hist = QByteArray::fromHex("8073c021c0") + QByteArray("Ward");
    }
    QByteArray out;
    out.append(static_cast<char>(0x3B));
    out.append(static_cast<char>(0x80 | hist.size()));
    out.append(static_cast<char>(0x80));
    out.append(static_cast<char>(0x01));
    out.append(hist);
    quint8 tck = 0;
    for (int i = 1; i < out.size(); ++i)
        tck ^= static_cast<quint8>(out[i]);
    out.append(static_cast<char>(tck));
    return out;
}

void VirtualCard::reset()
{
    m_selected = false;
    m_pinVerified = false;
    m_pending.clear();
    m_chain.clear();
}

QByteArray VirtualCard::respond(QByteArray data, bool extendedLe, int le)
{
    if (extendedLe || data.size() <= qMin(le, 256)) {
        m_pending.clear();
        return data + sw(kOk);
    }
    // Short APDUs carry at most 256 bytes: the rest waits for GET RESPONSE (ISO 7816-4 §5.3.4).
    const int chunk = qMin(le, 256);
    m_pending = data.mid(chunk);
    const int rest = m_pending.size();
    return data.left(chunk) + sw(static_cast<quint16>(0x6100 | (rest >= 256 ? 0 : rest)));
}

QByteArray VirtualCard::process(const QByteArray& c)
{
    if (c.size() < 4)
        return sw(0x6700);
    const quint8 cla = static_cast<quint8>(c[0]);
    const quint8 ins = static_cast<quint8>(c[1]);
    const quint8 p1 = static_cast<quint8>(c[2]);
    const quint8 p2 = static_cast<quint8>(c[3]);

    // Decode Lc / data / Le (cases 1-4, short and extended).
    QByteArray data;
    int le = 0;
    bool hasLe = false;
    bool extended = false;
    const int n = c.size();
    const auto u = [&](int i) { return static_cast<int>(static_cast<quint8>(c[i])); };
    if (n == 5) {
        le = u(4) == 0 ? 256 : u(4);
        hasLe = true;
    } else if (n > 5 && u(4) != 0) {
        const int lc = u(4);
        if (n == 5 + lc) {
            data = c.mid(5, lc);
        } else if (n == 6 + lc) {
            data = c.mid(5, lc);
            le = u(5 + lc) == 0 ? 256 : u(5 + lc);
            hasLe = true;
        } else {
            return sw(0x6700);
        }
    } else if (n > 5) {
        extended = true;
        if (n == 7) {
            le = (u(5) << 8 | u(6)) == 0 ? 65536 : (u(5) << 8 | u(6));
            hasLe = true;
        } else {
            const int lc = u(5) << 8 | u(6);
            if (n == 7 + lc) {
                data = c.mid(7, lc);
            } else if (n == 9 + lc) {
                data = c.mid(7, lc);
                const int raw = u(7 + lc) << 8 | u(8 + lc);
                le = raw == 0 ? 65536 : raw;
                hasLe = true;
            } else {
                return sw(0x6700);
            }
        }
    }
    if (!hasLe)
        le = 256;

    if (ins != 0xC0)
        m_pending.clear();
    if (m_config.endlessGetResponse && cla == 0x00 && (ins == 0xC0 || ins == 0xCB))
        return sw(0x6100);

    if (cla == 0xFF) {
        // PC/SC Part 3 pseudo-APDU, answered by a real contactless reader; here the card plays the reader.
        if (ins == 0xCA && p1 == 0x00 && p2 == 0x00)
            return respond(m_config.uid, extended, le);
        if (ins == 0xCA)
            return sw(0x6A81);
        return sw(0x6D00);
    }
    if ((cla & ~0x10) != 0x00)
        return sw(0x6E00);
    if (cla & 0x10) {
        m_chain.append(data);
        return sw(kOk);
    }
    if (!m_chain.isEmpty()) {
        data = m_chain + data;
        m_chain.clear();
    }

    switch (ins) {
    case 0xA4:  // SELECT
        if (p1 != 0x04) {
            return sw(0x6A82);
        }
        if (m_config.mode == Mode::Piv && data.size() >= 5 && kFullAid.startsWith(data)) {
            m_selected = true;
            // Application property template, SP 800-73-4 Part 2 Table 3.
            const QByteArray apt = tlv(QByteArray("\x4f", 1), QByteArray::fromHex("000010000100"))
                + tlv(QByteArray("\x79", 1), tlv(QByteArray("\x4f", 1), QByteArray::fromHex("a000000308")))
                + tlv(QByteArray("\x50", 1), QByteArray("WardStation test PIV"))
                + tlv(QByteArray("\xac", 1), QByteArray::fromHex("800111" "0600"));
            return respond(tlv(QByteArray("\x61", 1), apt), extended, le);
        }
        m_selected = false;
        return sw(0x6A82);
    case 0xC0:  // GET RESPONSE
        if (m_pending.isEmpty())
            return sw(0x6985);
        return respond(m_pending, false, le);
    case 0xCB:  // GET DATA
        if (!m_selected)
            return sw(0x6985);
        if (p1 != 0x3F || p2 != 0xFF)
            return sw(0x6A86);
        {
            const QByteArray out = getData(data);
            if (out.size() == 2)
                return out;
            return respond(out.left(out.size() - 2), extended, le);
        }
    case 0x87:  // GENERAL AUTHENTICATE
        if (!m_selected)
            return sw(0x6985);
        {
            const QByteArray out = generalAuthenticate(p1, p2, data);
            if (out.size() == 2)
                return out;
            return respond(out.left(out.size() - 2), extended, le);
        }
    case 0x20:  // VERIFY
        if (!m_selected)
            return sw(0x6985);
        return verifyPin(p2, data, !data.isEmpty());
    default:
        return sw(0x6D00);
    }
}

QByteArray VirtualCard::certificateObject() const
{
    // 70 certificate, 71 CertInfo (00 = uncompressed), FE error detection code (empty).
    const QByteArray content = tlv(QByteArray("\x70", 1), m_certDer) + tlv(QByteArray("\x71", 1), QByteArray(1, '\0'))
        + tlv(QByteArray("\xfe", 1), {});
    return tlv(QByteArray("\x53", 1), content);
}

QByteArray VirtualCard::chuid() const
{
    const QByteArray digest = QCryptographicHash::hash(m_certDer, QCryptographicHash::Sha256);
    // FASC-N (25 bytes, SP 800-73-4 requires it even when unused), GUID from the certificate, expiry date,
    // an empty issuer signature (this is a test card: nobody may trust its CHUID), empty LRC.
    const QByteArray content = tlv(QByteArray("\x30", 1), QByteArray::fromHex("d4e739da739ced39ce739d836858210842108421c84210c3eb"))
        + tlv(QByteArray("\x34", 1), digest.left(16)) + tlv(QByteArray("\x35", 1), QByteArray("20361231"))
        + tlv(QByteArray("\x3e", 1), {}) + tlv(QByteArray("\xfe", 1), {});
    return tlv(QByteArray("\x53", 1), content);
}

QByteArray VirtualCard::getData(const QByteArray& request)
{
    QByteArray tag;
    if (!findTlv(request, QByteArray("\x5c", 1), &tag))
        return sw(0x6A80);
    if (tag == QByteArray::fromHex("5fc101"))
        return certificateObject() + sw(kOk);
    if (tag == QByteArray::fromHex("5fc105") && m_config.mirrorAsPivAuth)
        return certificateObject() + sw(kOk);
    if (tag == QByteArray::fromHex("5fc102"))
        return chuid() + sw(kOk);
    if (tag == QByteArray::fromHex("7e")) {
        // Discovery object: the PIV AID and the PIN usage policy (PIV PIN only).
        return tlv(QByteArray("\x7e", 1), tlv(QByteArray("\x4f", 1), kFullAid) + tlv(QByteArray::fromHex("5f2f"), QByteArray::fromHex("4000")))
            + sw(kOk);
    }
    return sw(0x6A82);
}

QByteArray VirtualCard::generalAuthenticate(quint8 alg, quint8 key, const QByteArray& request)
{
    if (alg != 0x11)
        return sw(0x6A86);
    if (key == 0x9D) {
        // Key establishment with the key management key. SP 800-73-4 lets the issuer set its PIN policy;
        // WardStation cards are issued with "never" (the terminal's password is the second factor), as a
        // YubiKey allows with --pin-policy=never.
        if (!m_kmKey)
            return sw(0x6A86);
        QByteArray templ;
        if (!findTlv(request, QByteArray("\x7c", 1), &templ))
            return sw(0x6A80);
        return keyEstablishment(templ);
    }
    if (key == 0x9A) {
        if (!m_config.mirrorAsPivAuth)
            return sw(0x6A86);
        // SP 800-73-4: the PIV Authentication key needs the PIN; the Card Authentication key 9E does not.
        if (!m_pinVerified)
            return sw(0x6982);
    } else if (key != 0x9E) {
        return sw(0x6A86);
    }
    QByteArray templ;
    if (!findTlv(request, QByteArray("\x7c", 1), &templ))
        return sw(0x6A80);
    QByteArray challenge;
    QByteArray responseRequest;
    if (!findTlv(templ, QByteArray("\x81", 1), &challenge) || !findTlv(templ, QByteArray("\x82", 1), &responseRequest)
        || !responseRequest.isEmpty())
        return sw(0x6A80);
    // The card signs the 32 bytes as the digest (ECDSA on P-256, no hashing on the card).
    if (challenge.size() != 32)
        return sw(0x6A80);
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(static_cast<EVP_PKEY*>(m_key), nullptr);
    size_t sigLen = 0;
    QByteArray sig;
    bool ok = ctx && EVP_PKEY_sign_init(ctx) == 1
        && EVP_PKEY_sign(ctx, nullptr, &sigLen, reinterpret_cast<const unsigned char*>(challenge.constData()), 32) == 1;
    if (ok) {
        sig.resize(static_cast<int>(sigLen));
        ok = EVP_PKEY_sign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &sigLen,
                           reinterpret_cast<const unsigned char*>(challenge.constData()), 32)
            == 1;
        sig.truncate(static_cast<int>(sigLen));
    }
    EVP_PKEY_CTX_free(ctx);
    if (!ok)
        return sw(0x6F00);
    return tlv(QByteArray("\x7c", 1), tlv(QByteArray("\x82", 1), sig)) + sw(kOk);
}

QByteArray VirtualCard::keyEstablishment(const QByteArray& templ)
{
    QByteArray point;
    QByteArray responseRequest;
    if (!findTlv(templ, QByteArray("\x85", 1), &point) || !findTlv(templ, QByteArray("\x82", 1), &responseRequest)
        || !responseRequest.isEmpty() || point.size() != 65 || point.at(0) != '\x04')
        return sw(0x6A80);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string("group", const_cast<char*>("P-256"), 0),
        OSSL_PARAM_construct_octet_string("pub", point.data(), static_cast<size_t>(point.size())),
        OSSL_PARAM_construct_end()};
    EVP_PKEY_CTX* fromData = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    EVP_PKEY* peer = nullptr;
    bool ok = fromData && EVP_PKEY_fromdata_init(fromData) == 1
        && EVP_PKEY_fromdata(fromData, &peer, EVP_PKEY_PUBLIC_KEY, params) == 1;
    EVP_PKEY_CTX_free(fromData);
    EVP_PKEY_CTX* check = ok ? EVP_PKEY_CTX_new_from_pkey(nullptr, peer, nullptr) : nullptr;
    ok = ok && check && EVP_PKEY_public_check(check) == 1;  // a point off the curve is refused
    EVP_PKEY_CTX_free(check);
    QByteArray secret;
    EVP_PKEY_CTX* ctx = ok ? EVP_PKEY_CTX_new(static_cast<EVP_PKEY*>(m_kmKey), nullptr) : nullptr;
    size_t len = 0;
    ok = ok && ctx && EVP_PKEY_derive_init(ctx) == 1 && EVP_PKEY_derive_set_peer(ctx, peer) == 1
        && EVP_PKEY_derive(ctx, nullptr, &len) == 1;
    if (ok) {
        secret.resize(static_cast<int>(len));
        ok = EVP_PKEY_derive(ctx, reinterpret_cast<unsigned char*>(secret.data()), &len) == 1;
    }
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(peer);
    ERR_clear_error();
    if (!ok)
        return sw(0x6A80);
    return tlv(QByteArray("\x7c", 1), tlv(QByteArray("\x82", 1), secret)) + sw(kOk);
}

QByteArray VirtualCard::verifyPin(quint8 p2, const QByteArray& data, bool hasData)
{
    if (p2 != 0x80)
        return sw(0x6A88);
    if (m_pinTriesLeft == 0)
        return sw(0x6983);
    if (!hasData)
        return m_pinVerified ? sw(kOk) : sw(static_cast<quint16>(0x63C0 | m_pinTriesLeft));
    if (data.size() != 8)
        return sw(0x6A80);
    QByteArray padded = m_config.pin;
    padded.append(QByteArray(8 - padded.size(), '\xff'));
    if (data == padded) {
        m_pinVerified = true;
        m_pinTriesLeft = 3;
        return sw(kOk);
    }
    m_pinVerified = false;
    --m_pinTriesLeft;
    return m_pinTriesLeft == 0 ? sw(0x6983) : sw(static_cast<quint16>(0x63C0 | m_pinTriesLeft));
}
