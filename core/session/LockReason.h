#pragma once

#include <QMetaType>
#include <QString>

namespace ward {

// Why a session was locked or ended. The name goes into the audit chain so an auditor can tell which
// trigger fired (STYLE: KeePassXC's users cannot; ours can).
enum class LockReason {
    Idle,               // SES-1: idle timeout
    CardRemoved,        // SES-2
    Manual,             // SES-1: button or shortcut
    Policy,             // a policy update shortened the idle timeout below the time already idle
    TimeLimit,          // AUTH-10 / SES-6: privileged session hard limit
    LockTimeout,        // SES-6: locked for longer than the policy allows
    LockFailure,        // SES-3: the lock path failed, so the session ends (fail closed)
    WatchdogFinding,    // SES-3: patient data found alive while locked
    CardWatcherStalled, // the card watcher stopped answering: removals could go unnoticed
    TakenOver,          // SES-5: another user unlocked with their card and password
    UnlockFailures,     // too many wrong passwords at the lock screen: guessing ends the session
    AdminIdle,          // AUTH-10: the hub ended the reception desk's admin session after its idle time
    HubSessionEnded,    // the hub no longer honours the session (its token expired or the account was stopped)
    UserLogout,
};

// Stable, untranslated names for the audit trail ("idle", "card-removed", …).
QString lockReasonName(LockReason reason);

} // namespace ward

Q_DECLARE_METATYPE(ward::LockReason)
