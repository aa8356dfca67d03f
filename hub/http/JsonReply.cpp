#include "hub/http/JsonReply.h"

#include "hub/http/HubResponse.h"
#include "util/Clock.h"

#include <QJsonDocument>

namespace ward::hub {

QString JsonReply::hubTime()
{
    return Clock::instance().nowUtc().toString(Qt::ISODateWithMs);
}

void JsonReply::stampTime(HubResponse& res)
{
    res.setHeader("X-Ward-Time", hubTime().toStdString());
}

void JsonReply::ok(HubResponse& res, const QJsonObject& body, int status)
{
    res.status = status;
    if (!res.hasHeader("X-Ward-Time"))
        stampTime(res);
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    res.body.assign(json.constData(), static_cast<std::size_t>(json.size()));
    res.contentType = "application/json";
}

void JsonReply::error(HubResponse& res, int status, const QString& code, const QString& message, const QJsonObject& details)
{
    QJsonObject error = details;
    error.insert(QStringLiteral("code"), code);
    error.insert(QStringLiteral("message"), message);
    ok(res, QJsonObject{{QStringLiteral("error"), error}, {QStringLiteral("time"), hubTime()}}, status);
}

} // namespace ward::hub
