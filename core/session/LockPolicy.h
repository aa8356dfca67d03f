#pragma once

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
    qint64 cardWatcherStallMs = 5000;              // fail closed when the card watcher stops answering
    bool showLockedBy = true;                      // whether the lock screen names who locked it
};

} // namespace ward
