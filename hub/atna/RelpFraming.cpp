#include "hub/atna/RelpFraming.h"

#include <cctype>
#include <utility>

namespace ward::hub {

namespace {

// A decimal number of 1..9 digits at bytes[*at], up to the next space or the end of the header.
bool readNumber(const QByteArray& bytes, qsizetype* at, qint64* value)
{
    qsizetype i = *at;
    qint64 v = 0;
    while (i < bytes.size() && bytes[i] >= '0' && bytes[i] <= '9' && i - *at < 9)
        v = v * 10 + (bytes[i++] - '0');
    if (i == *at)
        return false;
    *at = i;
    *value = v;
    return true;
}

} // namespace

QByteArray RelpFraming::command(qint64 txnr, const QByteArray& name, const QByteArray& data)
{
    QByteArray out = QByteArray::number(txnr) + ' ' + name + ' ' + QByteArray::number(data.size());
    if (!data.isEmpty())
        out += ' ' + data;
    out += '\n';
    return out;
}

QByteArray RelpFraming::openOffer()
{
    return QByteArrayLiteral("relp_version=0\nrelp_software=wardhub\ncommands=syslog");
}

int RelpFraming::responseCode(const QByteArray& data, QString* text)
{
    if (data.size() < 3 || !std::isdigit(uchar(data[0])) || !std::isdigit(uchar(data[1])) || !std::isdigit(uchar(data[2])))
        return -1;
    if (data.size() > 3 && data[3] != ' ' && data[3] != '\n')
        return -1;
    const qsizetype end = data.indexOf('\n');
    if (text)
        *text = QString::fromUtf8(data.mid(4, end < 0 ? -1 : end - 4)).trimmed();
    return data.left(3).toInt();
}

bool RelpFraming::feed(const char* bytes, qsizetype n, QString* error)
{
    if (m_failed) {
        *error = QStringLiteral("RELP session already failed");
        return false;
    }
    m_buffer.append(bytes, n);
    for (;;) {
        // TXNR SP COMMAND SP DATALEN: at most 9 + 1 + 32 + 1 + 9 bytes before DATA.
        qsizetype at = 0;
        Frame f;
        qint64 length = 0;
        const auto incomplete = [&] { return at >= m_buffer.size(); };
        const auto malformed = [&](const char* why) {
            m_failed = true;
            *error = QStringLiteral("malformed RELP frame from the collector: %1").arg(QLatin1String(why));
            return false;
        };
        if (m_buffer.isEmpty())
            return true;
        if (!readNumber(m_buffer, &at, &f.txnr))
            return incomplete() ? true : malformed("no transaction number");
        if (incomplete())
            return true;
        if (m_buffer[at++] != ' ')
            return malformed("transaction number too long");
        const qsizetype commandStart = at;
        while (at < m_buffer.size() && at - commandStart <= 32 && std::isalpha(uchar(m_buffer[at])))
            ++at;
        if (at - commandStart > 32)
            return malformed("command too long");
        if (incomplete())
            return true;
        if (at == commandStart || m_buffer[at] != ' ')
            return malformed("bad command");
        f.command = m_buffer.mid(commandStart, at - commandStart);
        ++at;
        if (!readNumber(m_buffer, &at, &length))
            return incomplete() ? true : malformed("no data length");
        if (length > kMaxData)
            return malformed("data too long");
        if (incomplete())
            return true;
        if (length > 0) {
            if (m_buffer[at++] != ' ')
                return malformed("no space before the data");
        }
        if (m_buffer.size() < at + length + 1)
            return true;
        f.data = m_buffer.mid(at, length);
        at += length;
        if (m_buffer[at++] != '\n')
            return malformed("no line feed after the data");
        m_frames.append(std::move(f));
        m_buffer.remove(0, at);
    }
}

QList<RelpFraming::Frame> RelpFraming::take()
{
    return std::exchange(m_frames, {});
}

} // namespace ward::hub
