#include "session/LockController.h"

#include "util/Clock.h"

#include <algorithm>

namespace ward {

LockController::LockController(QObject* parent) : LockController(LockPolicy(), parent) {}

LockController::LockController(const LockPolicy& policy, QObject* parent) : QObject(parent), m_policy(policy)
{
    qRegisterMetaType<ward::LockReason>("ward::LockReason");
    // SES-1: the idle lock must fire within a second of its deadline; a coarse timer could be 5 % late.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LockController::poll);
}

qint64 LockController::now() const
{
    return Clock::instance().monotonicMs();
}

qint64 LockController::msUntilIdleLock() const
{
    if (m_state != State::Active)
        return -1;
    return std::max<qint64>(0, m_lastActivityMs + m_policy.idleTimeoutFor(m_privileged) - now());
}

void LockController::watchCardHeartbeat(std::function<qint64()> lastAliveMs)
{
    m_heartbeat = std::move(lastAliveMs);
    m_heartbeatWatchStartMs = now();
    rearm();
}

void LockController::stopWatchingCardHeartbeat()
{
    m_heartbeat = nullptr;
}

void LockController::startSession(bool privileged)
{
    const qint64 t = now();
    m_state = State::Active;
    m_privileged = privileged;
    m_limitMs = 0;
    m_sessionStartMs = t;
    m_lastActivityMs = t;
    m_heartbeatWatchStartMs = t;
    setWarning(0);
    rearm();
}

void LockController::markPrivileged()
{
    if (m_state == State::NoSession || m_privileged)
        return;
    m_privileged = true;
    poll();
}

void LockController::sessionUnlocked()
{
    if (m_state != State::Locked)
        return;
    m_state = State::Active;
    m_lastActivityMs = now();
    setWarning(0);
    poll();  // AUTH-10: unlocking does not reset a privileged session's hard limit
}

void LockController::limitSession(qint64 ms)
{
    if (m_state == State::NoSession || ms <= 0)
        return;
    m_limitMs = m_limitMs > 0 ? std::min(m_limitMs, ms) : ms;
    poll();
}

qint64 LockController::hardLimitMs() const
{
    qint64 limit = m_privileged ? m_policy.privilegedSessionLimitMs : 0;
    if (m_limitMs > 0)
        limit = limit > 0 ? std::min(limit, m_limitMs) : m_limitMs;
    return limit;
}

void LockController::endSession()
{
    m_state = State::NoSession;
    m_privileged = false;
    m_limitMs = 0;
    m_timer.stop();
    setWarning(0);
}

void LockController::noteActivity()
{
    if (m_state != State::Active)
        return;
    m_lastActivityMs = now();
    setWarning(0);
    // The deadline only moved later: the armed timer re-reads it when it fires.
}

void LockController::lockNow(LockReason reason)
{
    if (m_state == State::Active)
        requestLock(reason);
}

void LockController::cardRemoved()
{
    // SES-2: lock or log out as the policy says. A locked session whose policy is "log out" ends too: the
    // card owner has walked away.
    if (m_state == State::NoSession)
        return;
    if (m_policy.cardRemoval == LockPolicy::CardRemovalAction::Logout)
        requestLogout(LockReason::CardRemoved);
    else if (m_state == State::Active)
        requestLock(LockReason::CardRemoved);
}

void LockController::setPolicy(const LockPolicy& policy)
{
    m_policy = policy;
    if (m_state == State::Active && now() - m_lastActivityMs >= m_policy.idleTimeoutFor(m_privileged)) {
        requestLock(LockReason::Policy);
        return;
    }
    poll();
}

void LockController::poll()
{
    if (m_state == State::NoSession)
        return;
    const qint64 t = now();
    if (checkHeartbeat(t))
        return;
    if (const qint64 limit = hardLimitMs(); limit > 0 && t - m_sessionStartMs >= limit) {
        requestLogout(LockReason::TimeLimit);
        return;
    }
    if (m_state == State::Locked) {
        if (t - m_lockedAtMs >= m_policy.lockedLogoutMs)
            requestLogout(LockReason::LockTimeout);
        else
            rearm();
        return;
    }
    const qint64 left = m_lastActivityMs + m_policy.idleTimeoutFor(m_privileged) - t;
    if (left <= 0) {
        requestLock(LockReason::Idle);
        return;
    }
    if (left <= m_policy.warningMs)
        setWarning(static_cast<int>((left + 999) / 1000));
    else
        setWarning(0);
    rearm();
}

bool LockController::checkHeartbeat(qint64 t)
{
    if (!m_heartbeat)
        return false;
    // A watcher that never answered since we started watching is as stalled as one that stopped.
    const qint64 last = std::max(m_heartbeat(), m_heartbeatWatchStartMs);
    if (t - last <= m_policy.cardWatcherStallMs)
        return false;
    requestLogout(LockReason::CardWatcherStalled);
    return true;
}

void LockController::requestLock(LockReason reason)
{
    m_state = State::Locked;
    m_lockedAtMs = now();
    setWarning(0);
    rearm();
    emit lockRequested(reason);
}

void LockController::requestLogout(LockReason reason)
{
    endSession();
    emit logoutRequested(reason);
}

void LockController::setWarning(int seconds)
{
    if (seconds == m_warningSeconds)
        return;
    m_warningSeconds = seconds;
    emit warningChanged(seconds);
}

void LockController::rearm()
{
    if (m_state == State::NoSession) {
        m_timer.stop();
        return;
    }
    const qint64 t = now();
    qint64 next = kMaxPollMs;
    if (const qint64 limit = hardLimitMs(); limit > 0)
        next = std::min(next, m_sessionStartMs + limit - t);
    if (m_state == State::Locked) {
        next = std::min(next, m_lockedAtMs + m_policy.lockedLogoutMs - t);
    } else {
        const qint64 deadline = m_lastActivityMs + m_policy.idleTimeoutFor(m_privileged);
        const qint64 left = deadline - t;
        if (left > m_policy.warningMs)
            next = std::min(next, left - m_policy.warningMs);
        else
            next = std::min(next, left % 1000 == 0 ? qint64(1000) : left % 1000);  // next countdown second
        next = std::min(next, left);
    }
    m_timer.start(static_cast<int>(std::clamp<qint64>(next, 0, kMaxPollMs)));
}

} // namespace ward
