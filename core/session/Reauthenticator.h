#pragma once

#include "session/LoginAttempt.h"
#include "session/LoginVerdict.h"

#include <QObject>

namespace ward {

class LoginBackend;

// Unlock and takeover at the lock screen (SES-5) decided exactly like a login (AUTH-5): the hub first
// (lockout, disabled/retired, expiry, card binding; first use on this terminal opens the vault through the
// network slot), and the vault slot with the offline failure counter only when the hub is unreachable.
// A failure counts toward lockout wherever it is decided, and the backends audit it as a `login` with
// detail.purpose = "unlock" or "takeover". Give it backends of its own: a backend answers one call at a
// time, and the login screen's are still waiting for the next login.
class Reauthenticator : public QObject
{
    Q_OBJECT

public:
    // online may be null (no hub), offline may be null (no vault): neither is owned.
    Reauthenticator(LoginBackend* online, LoginBackend* offline, QObject* parent = nullptr);

    // Answered by exactly one decided() unless cancel() comes first.
    void verify(const LoginAttempt& attempt);
    // Drops the answer of the attempt in flight (the session ended meanwhile).
    void cancel();
    bool isBusy() const { return m_busy; }

signals:
    void decided(const ward::LoginVerdict& verdict);

private:
    void answered(const LoginVerdict& verdict, bool fromOffline);
    void finish(const LoginVerdict& verdict);

    LoginBackend* m_online;
    LoginBackend* m_offline;
    LoginAttempt m_attempt;
    bool m_busy = false;
    bool m_cancelled = false;
};

} // namespace ward
