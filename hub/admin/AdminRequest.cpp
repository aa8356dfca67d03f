#include "hub/admin/AdminRequest.h"

#include "auth/UserId.h"
#include "hub/HubError.h"
#include "hub/directory/FallbackCodes.h"
#include "hub/http/RequestBody.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("AdminRequest", text);
}

[[noreturn]] void bad(const QString& message)
{
    throw HubError(QStringLiteral("bad_request"), message, 400);
}

QString optionalString(const QJsonObject& body, const char* key, int maxLength)
{
    const QJsonValue v = body.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString() || v.toString().size() > maxLength)
        bad(tr("%1 must be text of at most %2 characters.").arg(QLatin1String(key)).arg(maxLength));
    return v.toString();
}

QString userId(const QJsonObject& body, const char* key = "userId")
{
    const QString id = RequestBody::requiredString(body, key, UserId::kLength);
    if (!UserId::isValid(id))
        bad(QLatin1String(key) + QStringLiteral(": ") + UserId::message(UserId::validate(id)));
    return id;
}

bool optionalBool(const QJsonObject& body, const char* key)
{
    const QJsonValue v = body.value(QLatin1String(key));
    if (v.isUndefined())
        return false;
    if (!v.isBool())
        bad(tr("%1 must be true or false.").arg(QLatin1String(key)));
    return v.toBool();
}

// Role and ward ids: short lower/upper-case letters, digits, '.', '_' or '-' (what the CLI and the seeds use).
QStringList idList(const QJsonObject& body, const char* key, bool required)
{
    static const QRegularExpression kId(QStringLiteral("^[A-Za-z0-9._-]{1,32}$"));
    const QJsonValue v = body.value(QLatin1String(key));
    if (v.isUndefined() && !required)
        return {};
    if (!v.isArray() || v.toArray().size() > AdminRequest::kMaxListEntries || (required && v.toArray().isEmpty()))
        bad(tr("%1 must be a list of %2 to %3 ids.").arg(QLatin1String(key)).arg(required ? 1 : 0).arg(AdminRequest::kMaxListEntries));
    QStringList out;
    for (const QJsonValue& e : v.toArray()) {
        if (!e.isString() || !kId.match(e.toString()).hasMatch())
            bad(tr("%1 holds an entry that is not an id (1 to 32 letters, digits, '.', '_' or '-').").arg(QLatin1String(key)));
        if (!out.contains(e.toString()))
            out << e.toString();
    }
    return out;
}

AdminRequest::Change change(const QJsonObject& body)
{
    AdminRequest::Change c;
    c.userId = userId(body);
    const QJsonValue v = body.value(QStringLiteral("version"));
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 1 || d > 9e15 || std::floor(d) != d)
        bad(tr("version must be the whole number the staff member was shown with (reload the person and try again)."));
    c.version = static_cast<qint64>(d);
    c.reason = RequestBody::requiredString(body, "reason", AdminRequest::kMaxReasonLength).trimmed();
    if (c.reason.isEmpty())
        bad(tr("reason must say why (1 to %1 characters).").arg(AdminRequest::kMaxReasonLength));
    return c;
}

} // namespace

bool AdminRequest::isIdPrefix(const QString& prefix)
{
    static const QRegularExpression kPrefix(QStringLiteral("^[A-Z]{1,6}$"));
    return kPrefix.match(prefix).hasMatch();
}

QJsonObject AdminRequest::body(const std::string& raw)
{
    if (raw.size() > std::size_t(kMaxBodyBytes))
        throw HubError(QStringLiteral("too_large"), tr("An administration request is at most %1 bytes.").arg(kMaxBodyBytes), 413);
    return RequestBody::parseObject(QByteArray::fromRawData(raw.data(), static_cast<int>(raw.size())));
}

AdminRequest::Registration AdminRequest::registration(const QJsonObject& body)
{
    Registration r;
    r.userId = optionalString(body, "userId", UserId::kLength);
    if (!r.userId.isEmpty() && !UserId::isValid(r.userId))
        bad(QStringLiteral("userId: ") + UserId::message(UserId::validate(r.userId)));
    r.idPrefix = optionalString(body, "idPrefix", 6);
    if (!r.idPrefix.isEmpty() && !isIdPrefix(r.idPrefix))
        bad(tr("idPrefix must be 1 to 6 capital letters A-Z."));
    r.name = RequestBody::requiredString(body, "name", kMaxNameLength).trimmed();
    r.kana = RequestBody::requiredString(body, "kana", kMaxNameLength).trimmed();
    if (r.name.isEmpty() || r.kana.isEmpty())
        bad(tr("name and kana must not be blank."));
    r.roles = idList(body, "roles", true);
    r.wards = idList(body, "wards", false);
    r.privileged = optionalBool(body, "privileged");
    r.method = RequestBody::requiredString(body, "verificationMethod", 64);
    r.documentRef = RequestBody::requiredString(body, "documentRef", 128);
    return r;
}

AdminRequest::StatusChange AdminRequest::statusChange(const QJsonObject& body)
{
    StatusChange s;
    static_cast<Change&>(s) = change(body);
    s.action = RequestBody::requiredString(body, "action", 16);
    if (!QStringList{QStringLiteral("disable"), QStringLiteral("enable"), QStringLiteral("retire"), QStringLiteral("unlock")}.contains(s.action))
        bad(tr("action must be disable, enable, retire or unlock."));
    return s;
}

AdminRequest::PasswordReset AdminRequest::passwordReset(const QJsonObject& body)
{
    PasswordReset p;
    static_cast<Change&>(p) = change(body);
    p.method = RequestBody::requiredString(body, "verificationMethod", 64);
    p.documentRef = RequestBody::requiredString(body, "documentRef", 128);
    return p;
}

AdminRequest::RoleChange AdminRequest::roleChange(const QJsonObject& body)
{
    RoleChange r;
    static_cast<Change&>(r) = change(body);
    r.roles = idList(body, "roles", true);
    r.wards = idList(body, "wards", false);
    r.privileged = optionalBool(body, "privileged");
    return r;
}

AdminRequest::CardBinding AdminRequest::cardBinding(const QJsonObject& body)
{
    CardBinding c;
    static_cast<Change&>(c) = change(body);
    c.certificatePem = RequestBody::requiredString(body, "certificate", 8192).toLatin1();
    return c;
}

AdminRequest::CardRevocation AdminRequest::cardRevocation(const QJsonObject& body)
{
    static const QRegularExpression kKeyId(QStringLiteral("^[0-9a-f]{64}$"));
    CardRevocation c;
    static_cast<Change&>(c) = change(body);
    c.keyId = optionalString(body, "keyId", 64);
    const bool all = optionalBool(body, "all");
    if (c.keyId.isEmpty() == !all)
        bad(tr("Name one card (keyId, 64 hex digits) or all cards (\"all\": true), not both."));
    if (!all && !kKeyId.match(c.keyId).hasMatch())
        bad(tr("keyId must be 64 lower-case hex digits (as the staff search lists it)."));
    return c;
}

AdminRequest::FallbackCode AdminRequest::fallbackCode(const QJsonObject& body)
{
    FallbackCode f;
    static_cast<Change&>(f) = change(body);
    const QJsonValue v = body.value(QStringLiteral("validMinutes"));
    if (v.isUndefined())
        return f;
    const double minutes = v.toDouble(-1);
    // One shift: at most the longest shift FallbackCodes allows (kMaxMinutes, 12 hours).
    if (!v.isDouble() || minutes < 1 || minutes > FallbackCodes::kMaxMinutes || std::floor(minutes) != minutes)
        bad(tr("validMinutes must be a whole number of minutes from 1 to %1 (one shift).").arg(FallbackCodes::kMaxMinutes));
    f.validMinutes = static_cast<int>(minutes);
    return f;
}

AdminRequest::Decision AdminRequest::decision(const QJsonObject& body, bool reasonRequired)
{
    static const QRegularExpression kRequest(QStringLiteral("^[0-9a-f]{32}$"));
    Decision d;
    d.requestId = RequestBody::requiredString(body, "requestId", 32);
    if (!kRequest.match(d.requestId).hasMatch())
        bad(tr("requestId must be 32 lower-case hex digits."));
    d.reason = reasonRequired ? RequestBody::requiredString(body, "reason", kMaxReasonLength).trimmed()
                              : optionalString(body, "reason", kMaxReasonLength).trimmed();
    if (reasonRequired && d.reason.isEmpty())
        bad(tr("reason must say why (1 to %1 characters).").arg(kMaxReasonLength));
    return d;
}

int AdminRequest::intParam(const std::map<std::string, std::string>& query, const char* name, int fallback, int min, int max)
{
    const auto it = query.find(name);
    if (it == query.end())
        return fallback;
    bool ok = false;
    const int v = QString::fromStdString(it->second).toInt(&ok);
    if (!ok || v < min || v > max)
        bad(tr("%1 must be a whole number from %2 to %3.").arg(QLatin1String(name)).arg(min).arg(max));
    return v;
}

AdminRequest::Search AdminRequest::search(const std::map<std::string, std::string>& query)
{
    Search s;
    auto text = [&](const char* name, int maxLength) {
        const auto it = query.find(name);
        const QString v = it == query.end() ? QString() : QString::fromStdString(it->second);
        if (v.size() > maxLength)
            bad(tr("%1 must be at most %2 characters.").arg(QLatin1String(name)).arg(maxLength));
        return v;
    };
    s.text = text("q", kMaxNameLength).trimmed();
    s.status = text("status", 16);
    if (!s.status.isEmpty() && !QStringList{QStringLiteral("active"), QStringLiteral("disabled"), QStringLiteral("retired")}.contains(s.status))
        bad(tr("status must be active, disabled or retired."));
    s.role = text("role", 32);
    s.ward = text("ward", 32);
    s.offset = intParam(query, "offset", 0, 0, 1000000);
    s.limit = intParam(query, "limit", 50, 1, kMaxPageSize);
    return s;
}

} // namespace ward::hub
