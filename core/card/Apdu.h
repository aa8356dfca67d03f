#pragma once

#include <QByteArray>
#include <optional>

namespace ward {

// An ISO 7816-4 command APDU. Short form when Lc <= 255 and Le <= 256, extended form otherwise
// (PIV objects can exceed 256 bytes; readers that cannot do extended APDUs get GET RESPONSE chaining
// instead, see ApduTransport).
class Apdu
{
public:
    static constexpr int kNoLe = -1;
    // le: expected response length; 256 encodes as 00 (short), 65536 as 0000 (extended); kNoLe omits it.
    Apdu(quint8 cla, quint8 ins, quint8 p1, quint8 p2, QByteArray data = {}, int le = kNoLe);

    quint8 cla() const { return m_cla; }
    quint8 ins() const { return m_ins; }
    quint8 p1() const { return m_p1; }
    quint8 p2() const { return m_p2; }
    const QByteArray& data() const { return m_data; }
    int le() const { return m_le; }
    bool isExtended() const;

    QByteArray encode() const;
    // Parses cases 1-4, short and extended; nullopt for inconsistent lengths.
    static std::optional<Apdu> decode(const QByteArray& bytes);

private:
    quint8 m_cla;
    quint8 m_ins;
    quint8 m_p1;
    quint8 m_p2;
    QByteArray m_data;
    int m_le;
};

} // namespace ward
