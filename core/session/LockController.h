#pragma once

#include "session/LockPolicy.h"
#include "session/LockReason.h"

#include <QObject>
#include <QTimer>
#include <functional>

namespace ward {

// Decides *when* a session locks or ends; the session shell (ui) decides *how*. Every rule reads
// Clock::instance().monotonicMs(), so a test with a ManualClock moves time and calls poll(); in the
// running program a precise timer calls poll() at the next deadline (and at least every kMaxPollMs).
//
// Lock requests are unconditional: once lockRequested() is emitted the controller already counts the
// session as locked, and nothing (no dialog, no pending save) can take that back (STYLE: locking is
// unconditional). logoutRequested() ends the session.
class LockController : public QObject
{
    Q_OBJECT

public:
    enum class State { NoSession, Active, Locked };
    static constexpr int kMaxPollMs = 500;

    explicit LockController(QObject* parent = nullptr);
    explicit LockController(const LockPolicy& policy, QObject* parent = nullptr);

    State state() const { return m_state; }
    const LockPolicy& policy() const { return m_policy; }
    // Seconds left in the idle warning, or 0 when no warning is showing.
    int warningSecondsLeft() const { return m_warningSeconds; }
    // Milliseconds until the idle lock fires at the current policy (the status bar's "auto-lock in"), or -1
    // when no session is active (none, or already locked).
    qint64 msUntilIdleLock() const;

    // A source of the card watcher's last heartbeat (ReaderMonitor::lastAliveMs, on the same clock). While a
    // session exists, a heartbeat older than policy().cardWatcherStallMs ends it (STYLE: fail closed).
    void watchCardHeartbeat(std::function<qint64()> lastAliveMs);
    void stopWatchingCardHeartbeat();

    void startSession(bool privileged);
    // AUTH-10: the running session became privileged (the hub granted it the reception desk after login): from now
    // on the shorter idle lock applies, and the hard limit counts from the session's start. One way only: nothing
    // makes a session less privileged than it was.
    void markPrivileged();
    bool isPrivileged() const { return m_privileged; }
    // BCP-1: this session ends (TimeLimit) `ms` after it started, whatever else happens (an emergency account's
    // short session). Cleared when the session ends.
    void limitSession(qint64 ms);
    // The hard limit of this session in ms from its start (AUTH-10 privileged, BCP-1 emergency), 0 for none.
    qint64 hardLimitMs() const;
    // The shell shows the lock screen after lockRequested(); after a successful unlock it calls this.
    void sessionUnlocked();
    void endSession();

public slots:
    void noteActivity();
    void lockNow(ward::LockReason reason = ward::LockReason::Manual);
    void cardRemoved();
    // A policy push; a shorter idle timeout that has already passed locks at once (reason policy).
    void setPolicy(const ward::LockPolicy& policy);
    // Evaluates every rule against the clock now.
    void poll();

signals:
    void lockRequested(ward::LockReason reason);
    void logoutRequested(ward::LockReason reason);
    // secondsLeft > 0: show the countdown; 0: hide it (input cancelled it, or the session locked).
    void warningChanged(int secondsLeft);

private:
    qint64 now() const;
    void requestLock(LockReason reason);
    void requestLogout(LockReason reason);
    void setWarning(int seconds);
    bool checkHeartbeat(qint64 now);
    void rearm();

    LockPolicy m_policy;
    State m_state = State::NoSession;
    bool m_privileged = false;
    qint64 m_limitMs = 0;
    qint64 m_sessionStartMs = 0;
    qint64 m_lastActivityMs = 0;
    qint64 m_lockedAtMs = 0;
    qint64 m_heartbeatWatchStartMs = 0;
    int m_warningSeconds = 0;
    std::function<qint64()> m_heartbeat;
    QTimer m_timer;
};

} // namespace ward
