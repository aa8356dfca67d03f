#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ward::hub {

// The JSON body of an /api/v1 request, read before any service sees it. Pure (no socket, no database), so what every
// byte of an untrusted body reaches can be fuzzed (tests/fuzz/FuzzHubRequests.cpp).
class RequestBody
{
public:
    // The body as a JSON object, or HubError("bad_json", 400).
    static QJsonObject parseObject(const QByteArray& body);
    // A non-empty string of at most maxLength characters, or HubError("bad_request", 400) naming the field.
    static QString requiredString(const QJsonObject& body, const char* key, int maxLength);
};

} // namespace ward::hub
