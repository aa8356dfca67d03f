#include "card/BerTlv.h"

namespace ward {

std::optional<BerTlv> BerTlv::parseOne(const QByteArray& b, int* offset)
{
    int i = *offset;
    const int n = b.size();
    const auto u = [&](int k) { return static_cast<quint8>(b[k]); };
    if (i >= n)
        return std::nullopt;
    quint32 tag = u(i++);
    if ((tag & 0x1f) == 0x1f) {
        // Subsequent tag bytes have bit 8 set while more follow; PIV never needs more than 3 bytes.
        int extra = 0;
        do {
            if (i >= n || ++extra > 2)
                return std::nullopt;
            tag = tag << 8 | u(i);
        } while (u(i++) & 0x80);
    }
    if (i >= n)
        return std::nullopt;
    int len = u(i++);
    if (len & 0x80) {
        const int count = len & 0x7f;
        if (count == 0 || count > 3 || i + count > n)
            return std::nullopt;
        len = 0;
        for (int k = 0; k < count; ++k)
            len = len << 8 | u(i++);
    }
    if (len > n - i)
        return std::nullopt;
    BerTlv tlv;
    tlv.tag = tag;
    tlv.value = b.mid(i, len);
    *offset = i + len;
    return tlv;
}

std::optional<QList<BerTlv>> BerTlv::parseAll(const QByteArray& bytes)
{
    QList<BerTlv> out;
    int offset = 0;
    while (offset < bytes.size()) {
        auto tlv = parseOne(bytes, &offset);
        if (!tlv)
            return std::nullopt;
        out.append(*tlv);
    }
    return out;
}

std::optional<QByteArray> BerTlv::find(const QByteArray& bytes, quint32 tag)
{
    const auto all = parseAll(bytes);
    if (!all)
        return std::nullopt;
    for (const BerTlv& t : *all) {
        if (t.tag == tag)
            return t.value;
    }
    return std::nullopt;
}

QByteArray BerTlv::encodeLength(int length)
{
    QByteArray out;
    if (length < 0x80) {
        out.append(static_cast<char>(length));
    } else if (length <= 0xff) {
        out.append(static_cast<char>(0x81));
        out.append(static_cast<char>(length));
    } else if (length <= 0xffff) {
        out.append(static_cast<char>(0x82));
        out.append(static_cast<char>(length >> 8));
        out.append(static_cast<char>(length & 0xff));
    } else {
        out.append(static_cast<char>(0x83));
        out.append(static_cast<char>(length >> 16));
        out.append(static_cast<char>((length >> 8) & 0xff));
        out.append(static_cast<char>(length & 0xff));
    }
    return out;
}

QByteArray BerTlv::encode(quint32 tag, const QByteArray& value)
{
    QByteArray out;
    if (tag > 0xffff)
        out.append(static_cast<char>(tag >> 16));
    if (tag > 0xff)
        out.append(static_cast<char>((tag >> 8) & 0xff));
    out.append(static_cast<char>(tag & 0xff));
    out.append(encodeLength(value.size()));
    out.append(value);
    return out;
}

} // namespace ward
