#include "session/LockReason.h"

namespace ward {

QString lockReasonName(LockReason reason)
{
    switch (reason) {
    case LockReason::Idle: return QStringLiteral("idle");
    case LockReason::CardRemoved: return QStringLiteral("card-removed");
    case LockReason::Manual: return QStringLiteral("manual");
    case LockReason::Policy: return QStringLiteral("policy");
    case LockReason::TimeLimit: return QStringLiteral("time-limit");
    case LockReason::LockTimeout: return QStringLiteral("lock-timeout");
    case LockReason::LockFailure: return QStringLiteral("lock-failure");
    case LockReason::WatchdogFinding: return QStringLiteral("watchdog");
    case LockReason::CardWatcherStalled: return QStringLiteral("card-watcher-stalled");
    case LockReason::TakenOver: return QStringLiteral("taken-over");
    case LockReason::UnlockFailures: return QStringLiteral("unlock-failures");
    case LockReason::AdminIdle: return QStringLiteral("admin-idle");
    case LockReason::HubSessionEnded: return QStringLiteral("hub-session-ended");
    case LockReason::UserLogout: return QStringLiteral("user");
    }
    return QStringLiteral("unknown");
}

} // namespace ward
