#pragma once

#include <QByteArray>
#include <QList>
#include <optional>

namespace ward {

// BER-TLV as used by PIV (SP 800-73-4 uses 1-3 byte tags and lengths up to 0x82 xx xx). The parser is strict:
// truncated or overlong input is refused rather than read past, because the bytes come from a card we do
// not yet trust.
struct BerTlv
{
    quint32 tag = 0;   // the tag bytes as a big-endian number: 0x7C, 0x5FC101
    QByteArray value;

    // Parses a sequence of TLVs that must exactly fill `bytes`; nullopt if it does not.
    static std::optional<QList<BerTlv>> parseAll(const QByteArray& bytes);
    // Parses one TLV at `offset`, advancing it; nullopt on malformed input.
    static std::optional<BerTlv> parseOne(const QByteArray& bytes, int* offset);
    // The value of the first top-level TLV with `tag`, if the whole sequence parses.
    static std::optional<QByteArray> find(const QByteArray& bytes, quint32 tag);
    static QByteArray encode(quint32 tag, const QByteArray& value);
    static QByteArray encodeLength(int length);
};

} // namespace ward
