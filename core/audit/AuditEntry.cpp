#include "audit/AuditEntry.h"

#include "crypto/Digest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ward {

namespace {

// Issue 14 (≥ 20,000 audit entries/s into the hub): the hub re-hashes and re-encodes every entry it receives, and
// Qt's general JSON writer and date formatting (QString::asprintf) were most of that work. The fast paths below
// write the very bytes Qt writes, for the entries a ward makes: times in years 1000–9999, and text fields of
// printable ASCII without quote or backslash (ids, actions, outcomes), where JSON has nothing to escape. Anything
// else goes through Qt.

// Qt::ISODateWithMs of a UTC time, yyyy-MM-ddTHH:mm:ss.zzzZ: where each number stands, its digits, and the character
// that follows it. The one layout both isoTime and parseIsoTime follow.
struct IsoField
{
    int at;
    int digits;
    char after;
};
constexpr IsoField kIsoFields[] = {{0, 4, '-'}, {5, 2, '-'}, {8, 2, 'T'}, {11, 2, ':'}, {14, 2, ':'}, {17, 2, '.'}, {20, 3, 'Z'}};
constexpr int kIsoLength = 24;

QString isoTime(const QDateTime& time)
{
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    if (!utc.isValid() || d.year() < 1000 || d.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    const int values[] = {d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), t.msec()};
    char out[kIsoLength];
    for (int f = 0; f < 7; ++f) {
        int value = values[f];
        for (int i = kIsoFields[f].digits - 1; i >= 0; --i, value /= 10)
            out[kIsoFields[f].at + i] = char('0' + value % 10);
        out[kIsoFields[f].at + kIsoFields[f].digits] = kIsoFields[f].after;
    }
    return QString::fromLatin1(out, kIsoLength);
}

// The inverse for exactly that form; anything else (another offset, no milliseconds) is Qt's to parse.
QDateTime parseIsoTime(const QString& text)
{
    int values[7];
    bool exact = text.size() == kIsoLength;
    for (int f = 0; exact && f < 7; ++f) {
        values[f] = 0;
        for (int i = kIsoFields[f].at; exact && i < kIsoFields[f].at + kIsoFields[f].digits; ++i) {
            const char16_t c = text.at(i).unicode();
            exact = c >= u'0' && c <= u'9';
            values[f] = values[f] * 10 + (c - u'0');
        }
        exact = exact && text.at(kIsoFields[f].at + kIsoFields[f].digits) == QLatin1Char(kIsoFields[f].after);
    }
    if (exact) {
        const QDate date(values[0], values[1], values[2]);
        const QTime time(values[3], values[4], values[5], values[6]);
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

// Printable ASCII without '"' or '\\': its JSON string is the text between quotes.
bool plain(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
            return false;
    return true;
}

void appendString(QByteArray& out, const QString& text)
{
    out += '"';
    out += text.toLatin1();
    out += '"';
}

QByteArray compactDetail(const QJsonObject& detail)
{
    return detail.isEmpty() ? QByteArrayLiteral("{}") : QJsonDocument(detail).toJson(QJsonDocument::Compact);
}

} // namespace

bool AuditEntry::hasPlainText() const
{
    return plain(terminal) && plain(user) && plain(action) && plain(patient) && plain(object) && plain(outcome);
}

QByteArray AuditEntry::canonicalBytes() const
{
    if (hasPlainText()) {
        QByteArray out;
        out.reserve(256);
        out += "[\"ward-audit-v1\",";
        out += QByteArray::number(seq);
        out += ',';
        appendString(out, isoTime(time));
        for (const QString* field : {&terminal, &user, &action, &patient, &object, &outcome}) {
            out += ',';
            appendString(out, *field);
        }
        out += ',';
        out += compactDetail(detail);
        out += ']';
        return out;
    }
    const QJsonArray fields{QStringLiteral("ward-audit-v1"),
                            seq,
                            isoTime(time),
                            terminal,
                            user,
                            action,
                            patient,
                            object,
                            outcome,
                            detail};
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

QByteArray AuditEntry::computeHash() const
{
    return Digest::sha256(prevHash + canonicalBytes());
}

QJsonObject AuditEntry::toJson() const
{
    return {{QStringLiteral("seq"), seq},
            {QStringLiteral("time"), isoTime(time)},
            {QStringLiteral("terminal"), terminal},
            {QStringLiteral("user"), user},
            {QStringLiteral("action"), action},
            {QStringLiteral("patient"), patient},
            {QStringLiteral("object"), object},
            {QStringLiteral("outcome"), outcome},
            {QStringLiteral("detail"), detail},
            {QStringLiteral("prevHash"), QString::fromLatin1(prevHash.toHex())},
            {QStringLiteral("hash"), QString::fromLatin1(hash.toHex())}};
}

QByteArray AuditEntry::toJsonBytes() const
{
    if (!hasPlainText())
        return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
    // Keys in the order QJsonObject keeps them (sorted), as QJsonDocument writes them.
    QByteArray out;
    out.reserve(512);
    out += "{\"action\":";
    appendString(out, action);
    out += ",\"detail\":";
    out += compactDetail(detail);
    out += ",\"hash\":\"";
    out += hash.toHex();
    out += "\",\"object\":";
    appendString(out, object);
    out += ",\"outcome\":";
    appendString(out, outcome);
    out += ",\"patient\":";
    appendString(out, patient);
    out += ",\"prevHash\":\"";
    out += prevHash.toHex();
    out += "\",\"seq\":";
    out += QByteArray::number(seq);
    out += ",\"terminal\":";
    appendString(out, terminal);
    out += ",\"time\":";
    appendString(out, isoTime(time));
    out += ",\"user\":";
    appendString(out, user);
    out += '}';
    return out;
}

AuditEntry AuditEntry::fromJson(const QJsonObject& json)
{
    AuditEntry e;
    e.seq = json.value(QStringLiteral("seq")).toInteger();
    e.time = parseIsoTime(json.value(QStringLiteral("time")).toString());
    e.terminal = json.value(QStringLiteral("terminal")).toString();
    e.user = json.value(QStringLiteral("user")).toString();
    e.action = json.value(QStringLiteral("action")).toString();
    e.patient = json.value(QStringLiteral("patient")).toString();
    e.object = json.value(QStringLiteral("object")).toString();
    e.outcome = json.value(QStringLiteral("outcome")).toString();
    e.detail = json.value(QStringLiteral("detail")).toObject();
    e.prevHash = QByteArray::fromHex(json.value(QStringLiteral("prevHash")).toString().toLatin1());
    e.hash = QByteArray::fromHex(json.value(QStringLiteral("hash")).toString().toLatin1());
    return e;
}

QByteArray AuditEntry::genesisHash()
{
    return QByteArray(32, '\0');
}

} // namespace ward
