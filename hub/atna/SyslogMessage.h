#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ward::hub {

// Issue 14 (IHE ATNA): one audit event as an RFC 5424 syslog message, framed for RFC 5425 (TLS transport,
// octet-counting: "MSG-LEN SP SYSLOG-MSG"). Facility authpriv (10: security/authorization messages); the severity
// follows the event (see severityOf). MSGID is the event type; the structured data element kSdId carries the
// stream and sequence (the message's stable unique id, so a collector can drop a resent duplicate) and the event's
// fields; MSG is UTF-8 with the BOM RFC 5424 §6.4 asks for.
struct SyslogMessage
{
    // Private enterprise number 32473 is the one IANA reserves for documentation (RFC 5612); a hospital that has its
    // own number may ask for it to be used here. RFC 5424 §6.3.2: SD-ID "name@number".
    static constexpr const char* kSdId = "wardhub@32473";
    static constexpr int kFacilityAuthpriv = 10;
    enum Severity { Alert = 1, Warning = 4, Notice = 5, Informational = 6 };

    int severity = Informational;
    qint64 timeMs = 0;           // the event's time, ms since the epoch (written as UTC with milliseconds)
    QString hostname;            // the hub's host name
    QString msgId;               // the event type (sanitised to RFC 5424 MSGID: ≤ 32 printable US-ASCII)
    QList<QPair<QString, QString>> params; // SD-PARAMs of kSdId, in this order; empty values are left out
    QString text;                // MSG

    // The SYSLOG-MSG bytes (no framing).
    QByteArray toBytes() const;
    // RFC 5425 §4.3 octet-counting frame of one message.
    static QByteArray frame(const QByteArray& syslogMsg);

    // RFC 5424 §6.3.3: '"', '\' and ']' in a PARAM-VALUE are escaped with a backslash.
    static QString escapeParamValue(const QString& value);
    // A header field of 1..maxLength printable US-ASCII characters (33..126); others become '_'; "-" (NILVALUE) when
    // empty.
    static QByteArray headerField(const QString& value, int maxLength);
    // Severity of an audit event: refused or failed ones are warnings, break-the-glass, emergency and lockouts are
    // notices (the auditor reviews each), the rest informational.
    static int severityOf(const QString& action, const QString& outcome);
};

} // namespace ward::hub
