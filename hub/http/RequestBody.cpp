#include "hub/http/RequestBody.h"

#include "hub/HubError.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ward::hub {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("HubApi", text);
}
} // namespace

QJsonObject RequestBody::parseObject(const QByteArray& body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw HubError(QStringLiteral("bad_json"), tr("The request body is not a JSON object."), 400);
    return doc.object();
}

QString RequestBody::requiredString(const QJsonObject& body, const char* key, int maxLength)
{
    const QJsonValue v = body.value(QLatin1String(key));
    if (!v.isString() || v.toString().isEmpty() || v.toString().size() > maxLength)
        throw HubError(QStringLiteral("bad_request"),
                       tr("Field \"%1\" must be a non-empty string of at most %2 characters.").arg(QLatin1String(key)).arg(maxLength), 400);
    return v.toString();
}

} // namespace ward::hub
