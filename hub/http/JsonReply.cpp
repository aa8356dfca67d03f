#include "hub/http/JsonReply.h"

#include "util/Clock.h"

#include <QJsonDocument>
#include <httplib.h>

namespace ward::hub {

QString JsonReply::hubTime()
{
    return Clock::instance().nowUtc().toString(Qt::ISODateWithMs);
}

void JsonReply::stampTime(httplib::Response& res)
{
    res.set_header("X-Ward-Time", hubTime().toStdString());
}

void JsonReply::ok(httplib::Response& res, const QJsonObject& body, int status)
{
    res.status = status;
    if (!res.has_header("X-Ward-Time"))
        stampTime(res);
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    res.set_content(json.constData(), static_cast<size_t>(json.size()), "application/json");
}

void JsonReply::error(httplib::Response& res, int status, const QString& code, const QString& message)
{
    ok(res,
       QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}},
                   {QStringLiteral("time"), hubTime()}},
       status);
}

} // namespace ward::hub
