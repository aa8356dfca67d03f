#include "hub/directory/SessionRequest.h"

#include "auth/UserId.h"
#include "hub/HubError.h"

#include <QCoreApplication>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SessionService", text);
}

// A string of at most maxLength characters, or nothing (the caller refuses the request then).
bool boundedString(const QJsonObject& body, const QString& key, int maxLength, QString* out)
{
    const QJsonValue v = body.value(key);
    if (!v.isString() || v.toString().size() > maxLength)
        return false;
    *out = v.toString();
    return true;
}

// BCP-1: an emergency account logs in only through /session/emergency (with the person's name and the reason);
// refused here before anything is counted, so the card login cannot be used to lock it either.
void refuseEmergencyAccount(const QString& userId)
{
    if (UserId::isEmergency(userId))
        throw HubError(QStringLiteral("bad_request"),
                       tr("An emergency account logs in only through the emergency login, with your name and the reason."), 400);
}

} // namespace

SessionRequest SessionRequest::login(const QJsonObject& body)
{
    SessionRequest r;
    r.userId = body.value(QStringLiteral("userId")).toString();
    r.cardProof = body.value(QStringLiteral("cardProof")).toObject();
    if (!UserId::isValid(r.userId) || !boundedString(body, QStringLiteral("password"), kMaxPasswordLength, &r.password)
        || r.cardProof.isEmpty())
        throw HubError(QStringLiteral("bad_request"), tr("userId (10 characters), password and cardProof are required."), 400);
    refuseEmergencyAccount(r.userId);
    return r;
}

SessionRequest SessionRequest::fallbackLogin(const QJsonObject& body)
{
    SessionRequest r;
    r.userId = body.value(QStringLiteral("userId")).toString();
    if (!UserId::isValid(r.userId) || !boundedString(body, QStringLiteral("code"), kMaxCodeLength, &r.code)
        || !boundedString(body, QStringLiteral("password"), kMaxPasswordLength, &r.password))
        throw HubError(QStringLiteral("bad_request"), tr("userId (10 characters), code and password are required."), 400);
    refuseEmergencyAccount(r.userId);
    return r;
}

SessionRequest SessionRequest::emergencyLogin(const QJsonObject& body)
{
    SessionRequest r;
    r.userId = body.value(QStringLiteral("accountId")).toString();
    const QJsonValue test = body.value(QStringLiteral("test"));
    r.test = test.toBool(false);
    if (!UserId::isValid(r.userId) || !UserId::isEmergency(r.userId)
        || !boundedString(body, QStringLiteral("password"), kMaxPasswordLength, &r.password)
        || !boundedString(body, QStringLiteral("realName"), kMaxRealNameLength, &r.realName) || r.realName.trimmed().isEmpty()
        || (!test.isUndefined() && !test.isBool()))
        throw HubError(QStringLiteral("bad_request"),
                       tr("accountId (an emergency account, EMERG…), password and realName (your name, at most 100 characters) "
                          "are required."),
                       400);
    if (body.contains(QStringLiteral("reason")) && !boundedString(body, QStringLiteral("reason"), kMaxReasonLength, &r.reason))
        throw HubError(QStringLiteral("bad_request"), tr("reason must be a text of at most 500 characters."), 400);
    if (!r.test && r.reason.trimmed().isEmpty())
        throw HubError(QStringLiteral("bad_request"), tr("Say why the emergency account is needed (reason)."), 400);
    r.realName = r.realName.trimmed();
    r.reason = r.reason.trimmed();
    return r;
}

SessionRequest SessionRequest::passwordChange(const QJsonObject& body)
{
    SessionRequest r;
    r.userId = body.value(QStringLiteral("userId")).toString();
    r.cardProof = body.value(QStringLiteral("cardProof")).toObject();
    // AUTH-2: a broken card is replaced by the one-time code, exactly as at login (one of the two, never none).
    const bool withCode = r.cardProof.isEmpty() && body.value(QStringLiteral("code")).isString()
        && !body.value(QStringLiteral("code")).toString().isEmpty();
    if (!UserId::isValid(r.userId) || !boundedString(body, QStringLiteral("password"), kMaxPasswordLength, &r.password)
        || !boundedString(body, QStringLiteral("newPassword"), kMaxPasswordLength, &r.newPassword)
        || (r.cardProof.isEmpty() && !withCode)
        || (withCode && !boundedString(body, QStringLiteral("code"), kMaxCodeLength, &r.code)))
        throw HubError(QStringLiteral("bad_request"), tr("userId, password, newPassword and cardProof (or a one-time code) are required."), 400);
    refuseEmergencyAccount(r.userId);
    return r;
}

} // namespace ward::hub
