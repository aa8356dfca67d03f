#include "crypto/SignedDataLayout.h"

#include <openssl/asn1.h>

#include <cstring>

namespace ward {

namespace {

// One DER TLV with a definite, minimally encoded length (d2i would also take BER forms, but those never come from
// our signers, so they are left to the full path).
struct Tlv
{
    const unsigned char* start = nullptr;
    const unsigned char* content = nullptr;
    const unsigned char* end = nullptr;
    int tag = -1;
    int cls = -1;
    bool constructed = false;
};

bool readTlv(const unsigned char*& p, const unsigned char* end, Tlv* t)
{
    if (p >= end)
        return false;
    t->start = p;
    long len = 0;
    const int flags = ASN1_get_object(&p, &len, &t->tag, &t->cls, end - p);
    if ((flags & 0x80) || (flags & 0x01) || len < 0 || len > end - p)
        return false;
    t->constructed = (flags & V_ASN1_CONSTRUCTED) != 0;
    t->content = p;
    p += len;
    t->end = p;
    const int header = ASN1_object_size(t->constructed ? 1 : 0, len, t->tag) - static_cast<int>(len);
    return header > 0 && t->content - t->start == header;
}

bool isConstructed(const Tlv& t, int cls, int tag)
{
    return t.constructed && t.cls == cls && t.tag == tag;
}

void putHeader(QByteArray* out, int tag, int cls, int length)
{
    unsigned char buf[16];
    unsigned char* q = buf;
    ASN1_put_object(&q, 1, length, tag, cls);
    out->append(reinterpret_cast<const char*>(buf), static_cast<int>(q - buf));
}

int headerSize(int tag, int length)
{
    return ASN1_object_size(1, length, tag) - length;
}

// DER of OID 1.2.840.113549.1.7.2 (id-signedData).
constexpr unsigned char kSignedDataOid[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02};

} // namespace

std::optional<SignedDataLayout> SignedDataLayout::locate(const QByteArray& der)
{
    const auto* base = reinterpret_cast<const unsigned char*>(der.constData());
    const unsigned char* end = base + der.size();
    const unsigned char* p = base;
    // ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT SignedData }, nothing after it.
    Tlv contentInfo, type, explicitTag, signedData;
    if (!readTlv(p, end, &contentInfo) || p != end || !isConstructed(contentInfo, V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE))
        return std::nullopt;
    p = contentInfo.content;
    if (!readTlv(p, contentInfo.end, &type) || type.end - type.start != static_cast<long>(sizeof kSignedDataOid)
        || std::memcmp(type.start, kSignedDataOid, sizeof kSignedDataOid) != 0)
        return std::nullopt;
    if (!readTlv(p, contentInfo.end, &explicitTag) || p != contentInfo.end
        || !isConstructed(explicitTag, V_ASN1_CONTEXT_SPECIFIC, 0))
        return std::nullopt;
    p = explicitTag.content;
    if (!readTlv(p, explicitTag.end, &signedData) || p != explicitTag.end
        || !isConstructed(signedData, V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE))
        return std::nullopt;
    // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, [0] certificates, signerInfos }:
    // exactly this order and these five fields (no [1] CRLs).
    p = signedData.content;
    Tlv version, digests, encap, certs, signerInfos;
    if (!readTlv(p, signedData.end, &version) || !readTlv(p, signedData.end, &digests)
        || !readTlv(p, signedData.end, &encap) || !readTlv(p, signedData.end, &certs)
        || !isConstructed(certs, V_ASN1_CONTEXT_SPECIFIC, 0) || !readTlv(p, signedData.end, &signerInfos)
        || p != signedData.end || !isConstructed(signerInfos, V_ASN1_UNIVERSAL, V_ASN1_SET))
        return std::nullopt;
    SignedDataLayout layout;
    p = certs.content;
    while (p != certs.end) {
        Tlv cert;
        if (layout.m_certs.size() == kMaxCertificates || !readTlv(p, certs.end, &cert)
            || !isConstructed(cert, V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE))
            return std::nullopt;
        layout.m_certs.append({static_cast<int>(cert.start - base), static_cast<int>(cert.end - cert.start)});
    }
    if (layout.m_certs.isEmpty())
        return std::nullopt;
    layout.m_set = {static_cast<int>(certs.content - base), static_cast<int>(certs.end - certs.content)};

    const int before = static_cast<int>(certs.start - signedData.content);
    const int after = static_cast<int>(signedData.end - certs.end);
    const int sdLen = before + after;
    const int sdTotal = headerSize(V_ASN1_SEQUENCE, sdLen) + sdLen;
    const int explicitTotal = headerSize(0, sdTotal) + sdTotal;
    const int ciLen = static_cast<int>(type.end - type.start) + explicitTotal;
    QByteArray& out = layout.m_stripped;
    out.reserve(headerSize(V_ASN1_SEQUENCE, ciLen) + ciLen);
    putHeader(&out, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL, ciLen);
    out.append(reinterpret_cast<const char*>(type.start), static_cast<int>(type.end - type.start));
    putHeader(&out, 0, V_ASN1_CONTEXT_SPECIFIC, sdTotal);
    putHeader(&out, V_ASN1_SEQUENCE, V_ASN1_UNIVERSAL, sdLen);
    out.append(reinterpret_cast<const char*>(signedData.content), before);
    out.append(reinterpret_cast<const char*>(certs.end), after);
    return layout;
}

} // namespace ward
