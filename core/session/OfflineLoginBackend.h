#pragma once

#include "session/LoginBackend.h"

#include <QMutex>
#include <QThreadPool>
#include <QString>

namespace ward {

struct LoginDecision;

// Offline login (DESIGN: "offline, the terminal's user slot and a local failure counter apply"): the cached
// hub account state merged with the local failure counter goes through the same AccountGuard as at the
// hub, and a successful unwrap of the user's vault key slot (password + card binding) is the password
// check. A user without a slot on this terminal, or unknown to the cache, gets FirstLoginNeedsHub.
// Passwords are never changed offline (only the hub changes them).
class OfflineLoginBackend : public LoginBackend
{
    Q_OBJECT

public:
    OfflineLoginBackend(QString vaultDir, QString terminalId, QObject* parent = nullptr);
    // Waits for a running decision: the worker uses this object.
    ~OfflineLoginBackend() override;

    void login(const LoginAttempt& attempt) override;
    void changePassword(const PasswordChangeRequest& request) override;

    // The whole decision, blocking (Argon2 + SQLCipher): for worker threads and tests.
    LoginVerdict decide(const LoginAttempt& attempt);

    static LoginVerdict fromDecision(const LoginDecision& decision);

private:
    // BCP-1 offline: the ward's emergency letter through the vault's emergency slot (m_mutex held).
    LoginVerdict decideEmergency(const LoginAttempt& attempt);

    QString m_dir;
    QString m_terminal;
    QMutex m_mutex;
    QThreadPool m_pool;  // one decision at a time: the cache file is read-modify-written
};

} // namespace ward
