#include "hub/atna/SyslogMessage.h"

#include <QDateTime>

namespace ward::hub {

QString SyslogMessage::escapeParamValue(const QString& value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\') || c == QLatin1Char(']'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QByteArray SyslogMessage::headerField(const QString& value, int maxLength)
{
    if (value.isEmpty())
        return QByteArrayLiteral("-");
    QByteArray out;
    for (const QChar c : value.left(maxLength))
        out += (c.unicode() >= 33 && c.unicode() <= 126) ? char(c.unicode()) : '_';
    return out;
}

int SyslogMessage::severityOf(const QString& action, const QString& outcome)
{
    if (outcome == QLatin1String("failure") || outcome == QLatin1String("denied") || action.contains(QLatin1String("fail"))
        || action.contains(QLatin1String("refus")))
        return Warning;
    // BCP-1: an emergency account in use is told to IT and the auditors at once; its periodic test is routine.
    if (action == QLatin1String("emergency.login"))
        return Alert;
    if (action == QLatin1String("emergency.test"))
        return Informational;
    if (action.contains(QLatin1String("break-glass")) || action.contains(QLatin1String("emergency"))
        || action.contains(QLatin1String("lock-out")) || action.contains(QLatin1String("lockout")))
        return Notice;
    return Informational;
}

QByteArray SyslogMessage::toBytes() const
{
    QByteArray out;
    out += '<' + QByteArray::number(kFacilityAuthpriv * 8 + severity) + ">1 ";
    out += QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1() + ' ';
    out += headerField(hostname, 255) + ' ';
    out += "wardhub - "; // APP-NAME, PROCID (one stream per hub, the process id says nothing)
    out += headerField(msgId, 32) + ' ';
    out += '[';
    out += kSdId;
    for (const auto& [name, value] : params) {
        if (value.isEmpty())
            continue;
        out += ' ' + headerField(name, 32) + "=\"" + escapeParamValue(value).toUtf8() + '"';
    }
    out += ']';
    if (!text.isEmpty())
        out += " \xEF\xBB\xBF" + text.toUtf8();
    return out;
}

QByteArray SyslogMessage::frame(const QByteArray& syslogMsg)
{
    return QByteArray::number(syslogMsg.size()) + ' ' + syslogMsg;
}

} // namespace ward::hub
