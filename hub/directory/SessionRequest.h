#pragma once

#include <QJsonObject>
#include <QString>

namespace ward::hub {

// The body of POST /api/v1/session, /session/fallback and /password, checked for shape before the directory,
// the database or Argon2 sees it (HubError 400 bad_request otherwise). Pure, so the part every byte of an
// untrusted body reaches can be fuzzed (tests/fuzz/FuzzHubRequests.cpp).
struct SessionRequest
{
    static constexpr int kMaxPasswordLength = 256;
    static constexpr int kMaxCodeLength = 64;

    QString userId;
    QString password;    // the current (or temporary) password
    QString newPassword; // /password only
    QString code;        // /session/fallback, and /password without a card: the one-time code standing in for the card
    QJsonObject cardProof; // /session and /password: {kind:"piv", challenge, signature} or {kind:"uid", uid}
    // /session/emergency (BCP-1): who is really at the terminal, why, and whether this is only the periodic test.
    QString realName;
    QString reason;
    bool test = false;
    static constexpr int kMaxRealNameLength = 100;
    static constexpr int kMaxReasonLength = 500;

    static SessionRequest login(const QJsonObject& body);
    static SessionRequest fallbackLogin(const QJsonObject& body);
    // {accountId, password, realName, reason, test}: the real person's name is always required, the reason for a
    // real use (not for a test).
    static SessionRequest emergencyLogin(const QJsonObject& body);
    static SessionRequest passwordChange(const QJsonObject& body);
};

} // namespace ward::hub
