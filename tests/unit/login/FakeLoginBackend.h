#pragma once

#include "session/LoginBackend.h"

#include <QList>

// A LoginBackend the test answers by hand: records what the controller sent, replies when told.
// For unit and GUI tests of the layer above the backends only; the real backends have integration tests.
class FakeLoginBackend : public ward::LoginBackend
{
    Q_OBJECT

public:
    using LoginBackend::LoginBackend;

    QList<ward::LoginAttempt> attempts;
    QList<ward::PasswordChangeRequest> changes;

    void login(const ward::LoginAttempt& attempt) override { attempts.append(attempt); }
    void changePassword(const ward::PasswordChangeRequest& request) override { changes.append(request); }

    void answer(const ward::LoginVerdict& verdict) { emit loginFinished(verdict); }
    void answerChange(const ward::PasswordChangeVerdict& verdict) { emit passwordChangeFinished(verdict); }

    static ward::LoginVerdict verdict(ward::LoginVerdict::Outcome outcome)
    {
        ward::LoginVerdict v;
        v.outcome = outcome;
        return v;
    }
};
