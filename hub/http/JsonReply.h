#pragma once

#include <QJsonObject>
#include <QString>

namespace ward::hub {

class HubResponse;

// The hub's reply conventions: JSON bodies, `{"error":{"code":…,"message":…}}` for every failure, and the hub's
// clock in `X-Ward-Time` on every response (AUD-3: terminals measure their skew against it).
class JsonReply
{
public:
    static QString hubTime();
    static void stampTime(HubResponse& res);
    static void ok(HubResponse& res, const QJsonObject& body, int status = 200);
    // `details` go into "error" beside code and message.
    static void error(HubResponse& res, int status, const QString& code, const QString& message, const QJsonObject& details = {});
};

} // namespace ward::hub
