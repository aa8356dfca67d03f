#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

namespace ward {

// The hospital's session rules as IT configures them (SES-1, SES-2, SES-6, AUTH-10). Times in ms so tests
// and benchmarks can use short ones; the defaults are the policy defaults.
struct LockPolicy
{
    enum class CardRemovalAction { Lock, Logout };

    qint64 idleTimeoutMs = 5 * 60 * 1000;          // SES-1: default 5 min
    qint64 warningMs = 30 * 1000;                  // SES-1: visible countdown before the idle lock
    CardRemovalAction cardRemoval = CardRemovalAction::Lock;  // SES-2
    qint64 lockedLogoutMs = 30 * 60 * 1000;        // SES-6: a lock left alone ends the session
    qint64 privilegedSessionLimitMs = 60 * 60 * 1000;  // AUTH-10: hard limit for privileged sessions
    // AUTH-10: a privileged session (a privileged ID, or one the hub granted the reception desk) locks sooner; the
    // default matches the hub's admin session idle time (policy admin.idleMinutes, 3), so the terminal locks before
    // the hub refuses the desk. Never longer than idleTimeoutMs (idleTimeoutFor).
    qint64 privilegedIdleTimeoutMs = 3 * 60 * 1000;
    qint64 cardWatcherStallMs = 5000;              // fail closed when the card watcher stops answering
    bool showLockedBy = true;                      // whether the lock screen names who locked it
    qint64 screensaverDelayMs = 2 * 60 * 1000;     // SES-3: the lock screen turns dark after this (0: never)

    // The policy's "session" section as IT pushes it, e.g.
    //   {"idleLockSeconds": 300, "idleWarningSeconds": 30, "cardRemoval": "lock", "lockedLogoutMinutes": 30,
    //    "privilegedSessionMinutes": 60, "privilegedIdleLockSeconds": 180, "cardWatcherStallSeconds": 5,
    //    "showLockedBy": true, "screensaverSeconds": 120}
    // Missing keys keep the defaults. A wrong type, an unknown value or a number outside sane bounds is
    // refused with a message naming the key, and *out is left unchanged (a bad push must not disable locking).
    static bool fromJson(const QJsonObject& json, LockPolicy* out, QString* error);
    QJsonObject toJson() const;

    // The idle time after which a session locks: a privileged one never later than an ordinary one.
    qint64 idleTimeoutFor(bool privileged) const;
};

} // namespace ward
