#pragma once

#include "session/LoginAttempt.h"
#include "session/LoginVerdict.h"
#include "session/PasswordChange.h"

#include <QObject>

namespace ward {

// Where a login is decided: the hub online (HubLoginBackend) or the terminal's vault slot offline
// (OfflineLoginBackend). Asynchronous: the UI thread never waits for Argon2, the card or the network;
// each call is answered by exactly one signal. One call at a time.
class LoginBackend : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void login(const LoginAttempt& attempt) = 0;
    virtual void changePassword(const PasswordChangeRequest& request) = 0;

signals:
    void loginFinished(const ward::LoginVerdict& verdict);
    void passwordChangeFinished(const ward::PasswordChangeVerdict& verdict);
};

} // namespace ward
