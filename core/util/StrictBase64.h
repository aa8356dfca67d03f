#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace ward {

// A JSON string holding base64, decoded strictly (any stray character refuses the whole value): what every signed
// or sealed field read from disk or the hub needs, so a damaged value is never half-read.
inline bool strictBase64(const QJsonValue& value, QByteArray* out)
{
    if (!value.isString())
        return false;
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = *decoded;
    return true;
}

} // namespace ward
