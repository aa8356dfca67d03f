#include "card/Apdu.h"

namespace ward {

Apdu::Apdu(quint8 cla, quint8 ins, quint8 p1, quint8 p2, QByteArray data, int le)
    : m_cla(cla), m_ins(ins), m_p1(p1), m_p2(p2), m_data(std::move(data)), m_le(le)
{
}

bool Apdu::isExtended() const
{
    return m_data.size() > 255 || m_le > 256;
}

QByteArray Apdu::encode() const
{
    QByteArray out;
    out.reserve(7 + m_data.size() + 3);
    out.append(static_cast<char>(m_cla));
    out.append(static_cast<char>(m_ins));
    out.append(static_cast<char>(m_p1));
    out.append(static_cast<char>(m_p2));
    const bool ext = isExtended();
    if (!m_data.isEmpty()) {
        if (ext) {
            out.append('\0');
            out.append(static_cast<char>((m_data.size() >> 8) & 0xff));
            out.append(static_cast<char>(m_data.size() & 0xff));
        } else {
            out.append(static_cast<char>(m_data.size()));
        }
        out.append(m_data);
    }
    if (m_le != kNoLe) {
        if (ext) {
            if (m_data.isEmpty())
                out.append('\0');
            const int le = m_le >= 65536 ? 0 : m_le;
            out.append(static_cast<char>((le >> 8) & 0xff));
            out.append(static_cast<char>(le & 0xff));
        } else {
            out.append(static_cast<char>(m_le >= 256 ? 0 : m_le));
        }
    }
    return out;
}

std::optional<Apdu> Apdu::decode(const QByteArray& b)
{
    if (b.size() < 4)
        return std::nullopt;
    const auto u = [&](int i) { return static_cast<quint8>(b[i]); };
    const int n = b.size();
    if (n == 4)
        return Apdu(u(0), u(1), u(2), u(3));
    if (n == 5) {
        const int le = u(4) == 0 ? 256 : u(4);
        return Apdu(u(0), u(1), u(2), u(3), {}, le);
    }
    if (u(4) != 0) {
        const int lc = u(4);
        if (n == 5 + lc)
            return Apdu(u(0), u(1), u(2), u(3), b.mid(5, lc));
        if (n == 6 + lc) {
            const int le = u(5 + lc) == 0 ? 256 : u(5 + lc);
            return Apdu(u(0), u(1), u(2), u(3), b.mid(5, lc), le);
        }
        return std::nullopt;
    }
    // Extended: 00 followed by two length bytes.
    if (n == 7) {
        const int le = (u(5) << 8 | u(6)) == 0 ? 65536 : (u(5) << 8 | u(6));
        return Apdu(u(0), u(1), u(2), u(3), {}, le);
    }
    if (n < 8)
        return std::nullopt;
    const int lc = u(5) << 8 | u(6);
    if (lc == 0)
        return std::nullopt;
    if (n == 7 + lc)
        return Apdu(u(0), u(1), u(2), u(3), b.mid(7, lc));
    if (n == 9 + lc) {
        const int raw = u(7 + lc) << 8 | u(8 + lc);
        return Apdu(u(0), u(1), u(2), u(3), b.mid(7, lc), raw == 0 ? 65536 : raw);
    }
    return std::nullopt;
}

} // namespace ward
