#pragma once

#include <QByteArray>
#include <optional>

namespace ward {

// A response APDU: data followed by the two status bytes SW1 SW2.
class ApduResponse
{
public:
    ApduResponse() = default;
    ApduResponse(QByteArray data, quint16 statusWord) : m_data(std::move(data)), m_sw(statusWord) {}

    // nullopt when fewer than two bytes arrived (no status word: a broken transport, never a card answer).
    static std::optional<ApduResponse> parse(const QByteArray& raw);
    QByteArray encode() const;

    const QByteArray& data() const { return m_data; }
    quint16 statusWord() const { return m_sw; }
    quint8 sw1() const { return static_cast<quint8>(m_sw >> 8); }
    quint8 sw2() const { return static_cast<quint8>(m_sw & 0xff); }
    bool isSuccess() const { return m_sw == 0x9000; }
    // 61xx: xx more bytes wait for GET RESPONSE (00 means 256 or more).
    bool hasMoreData() const { return sw1() == 0x61; }
    // 6Cxx: wrong Le, repeat the command with Le = xx.
    bool isWrongLe() const { return sw1() == 0x6C; }

private:
    QByteArray m_data;
    quint16 m_sw = 0;
};

} // namespace ward
