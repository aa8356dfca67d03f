#include "card/ApduResponse.h"

namespace ward {

std::optional<ApduResponse> ApduResponse::parse(const QByteArray& raw)
{
    if (raw.size() < 2)
        return std::nullopt;
    const quint16 sw = static_cast<quint16>(static_cast<quint8>(raw[raw.size() - 2]) << 8
                                            | static_cast<quint8>(raw[raw.size() - 1]));
    return ApduResponse(raw.left(raw.size() - 2), sw);
}

QByteArray ApduResponse::encode() const
{
    QByteArray out = m_data;
    out.append(static_cast<char>(sw1()));
    out.append(static_cast<char>(sw2()));
    return out;
}

} // namespace ward
