// LockController's timing rules on a ManualClock: every deadline is hit exactly, never early.

#include "session/LockController.h"
#include "util/Clock.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ward;

class TestLockController : public QObject
{
    Q_OBJECT

    std::shared_ptr<ManualClock> m_clock;

    LockPolicy policy()
    {
        LockPolicy p;  // the defaults: 5 min idle, 30 s warning, 30 min locked, 60 min privileged
        return p;
    }

    void advance(LockController& c, qint64 ms)
    {
        m_clock->advanceMs(ms);
        c.poll();
    }

    static LockReason reasonOf(const QSignalSpy& spy, int i = 0) { return spy.at(i).at(0).value<LockReason>(); }

private slots:
    void init()
    {
        m_clock = std::make_shared<ManualClock>();
        Clock::setInstance(m_clock);
    }
    void cleanup() { Clock::setInstance(nullptr); }

    // Proves: SES-1
    void idleLocksAtTheDeadlineNotBefore()
    {
        LockController c(policy());
        QSignalSpy lock(&c, &LockController::lockRequested);
        c.startSession(false);
        advance(c, 5 * 60 * 1000 - 1);
        QCOMPARE(lock.count(), 0);
        QCOMPARE(c.state(), LockController::State::Active);
        advance(c, 1);
        QCOMPARE(lock.count(), 1);
        QCOMPARE(reasonOf(lock), LockReason::Idle);
        QCOMPARE(c.state(), LockController::State::Locked);
        advance(c, 60 * 1000);
        QCOMPARE(lock.count(), 1);  // one lock, not one per poll
    }

    void warningCountsDownTheLast30Seconds()
    {
        LockController c(policy());
        QSignalSpy warn(&c, &LockController::warningChanged);
        c.startSession(false);
        advance(c, 4 * 60 * 1000 + 29 * 1000);
        QCOMPARE(warn.count(), 0);
        advance(c, 1000);  // 30 s left
        QCOMPARE(warn.count(), 1);
        QCOMPARE(warn.last().at(0).toInt(), 30);
        advance(c, 500);
        QCOMPARE(c.warningSecondsLeft(), 30);  // 29.5 s rounds up: never shows less time than is left
        advance(c, 500);
        QCOMPARE(c.warningSecondsLeft(), 29);
        advance(c, 28 * 1000);
        QCOMPARE(c.warningSecondsLeft(), 1);
        advance(c, 1000);
        QCOMPARE(c.state(), LockController::State::Locked);
        QCOMPARE(c.warningSecondsLeft(), 0);
        QCOMPARE(warn.last().at(0).toInt(), 0);
    }

    void activityCancelsTheWarningAndRestartsTheTimeout()
    {
        LockController c(policy());
        QSignalSpy lock(&c, &LockController::lockRequested);
        QSignalSpy warn(&c, &LockController::warningChanged);
        c.startSession(false);
        advance(c, 4 * 60 * 1000 + 50 * 1000);
        QCOMPARE(c.warningSecondsLeft(), 10);
        c.noteActivity();
        QCOMPARE(c.warningSecondsLeft(), 0);
        QCOMPARE(warn.last().at(0).toInt(), 0);
        advance(c, 4 * 60 * 1000 + 29 * 1000);
        QCOMPARE(lock.count(), 0);
        QCOMPARE(c.warningSecondsLeft(), 0);
        advance(c, 31 * 1000);
        QCOMPARE(lock.count(), 1);
    }

    void activityWhileLockedDoesNotUnlock()
    {
        LockController c(policy());
        c.startSession(false);
        c.lockNow(LockReason::Manual);
        c.noteActivity();
        QCOMPARE(c.state(), LockController::State::Locked);
    }

    void manualLock()
    {
        LockController c(policy());
        QSignalSpy lock(&c, &LockController::lockRequested);
        c.lockNow();
        QCOMPARE(lock.count(), 0);  // no session, nothing to lock
        c.startSession(false);
        c.lockNow();
        QCOMPARE(lock.count(), 1);
        QCOMPARE(reasonOf(lock), LockReason::Manual);
        c.lockNow();
        QCOMPARE(lock.count(), 1);
    }

    void policyShorteningLocksAtOnceWhenAlreadyPast()
    {
        LockController c(policy());
        QSignalSpy lock(&c, &LockController::lockRequested);
        c.startSession(false);
        advance(c, 3 * 60 * 1000);
        LockPolicy shorter = policy();
        shorter.idleTimeoutMs = 2 * 60 * 1000;
        c.setPolicy(shorter);
        QCOMPARE(lock.count(), 1);
        QCOMPARE(reasonOf(lock), LockReason::Policy);
    }

    void policyShorteningMovesTheDeadline()
    {
        LockController c(policy());
        QSignalSpy lock(&c, &LockController::lockRequested);
        c.startSession(false);
        advance(c, 60 * 1000);
        LockPolicy shorter = policy();
        shorter.idleTimeoutMs = 2 * 60 * 1000;
        c.setPolicy(shorter);
        QCOMPARE(lock.count(), 0);
        QCOMPARE(c.warningSecondsLeft(), 0);
        advance(c, 30 * 1000);  // 30 s left under the new policy: the warning shows at once
        QCOMPARE(c.warningSecondsLeft(), 30);
        advance(c, 30 * 1000);
        QCOMPARE(lock.count(), 1);
        QCOMPARE(reasonOf(lock), LockReason::Idle);
    }

    // BCP-1: an emergency account's session ends after the hub's minutes, however busy, and a second session
    // starts without the limit.
    // Proves: SES-6
    void emergencySessionEndsAfterItsMinutes()
    {
        LockController c(policy());
        QSignalSpy logout(&c, &LockController::logoutRequested);
        c.startSession(false);
        QCOMPARE(c.hardLimitMs(), 0);
        c.limitSession(20 * 60 * 1000);
        QCOMPARE(c.hardLimitMs(), 20 * 60 * 1000);
        for (int i = 0; i < 19; ++i) {
            advance(c, 60 * 1000);
            c.noteActivity();
        }
        advance(c, 60 * 1000 - 1);
        QCOMPARE(logout.count(), 0);
        advance(c, 1);
        QCOMPARE(logout.count(), 1);
        QCOMPARE(logout.at(0).at(0).value<LockReason>(), LockReason::TimeLimit);
        c.endSession();
        c.startSession(false);
        QCOMPARE(c.hardLimitMs(), 0);
        // With the privileged limit too, the shorter rules.
        c.endSession();
        c.startSession(true);
        c.limitSession(qint64(24) * 60 * 60 * 1000);
        QCOMPARE(c.hardLimitMs(), qint64(policy().privilegedSessionLimitMs));
    }

    // Proves: AUTH-10, SES-6
    void privilegedSessionHasAHardLimit()
    {
        LockController c(policy());
        QSignalSpy logout(&c, &LockController::logoutRequested);
        c.startSession(true);
        // Activity does not extend it, and neither does a lock/unlock cycle (AUTH-10).
        for (int i = 0; i < 59; ++i) {
            advance(c, 60 * 1000);
            c.noteActivity();
        }
        c.lockNow();
        c.sessionUnlocked();
        QCOMPARE(logout.count(), 0);
        advance(c, 60 * 1000 - 1);
        QCOMPARE(logout.count(), 0);
        advance(c, 1);
        QCOMPARE(logout.count(), 1);
        QCOMPARE(logout.at(0).at(0).value<LockReason>(), LockReason::TimeLimit);
        QCOMPARE(c.state(), LockController::State::NoSession);
    }

    // AUTH-10: a privileged session locks after the policy's shorter idle time (3 min), with the same countdown.
    void privilegedSessionLocksSooner()
    {
        LockController c(policy());
        QSignalSpy lock(&c, &LockController::lockRequested);
        QSignalSpy warn(&c, &LockController::warningChanged);
        c.startSession(true);
        QCOMPARE(c.msUntilIdleLock(), 3 * 60 * 1000);
        advance(c, 2 * 60 * 1000 + 30 * 1000);
        QCOMPARE(c.warningSecondsLeft(), 30);
        advance(c, 30 * 1000 - 1);
        QCOMPARE(lock.count(), 0);
        advance(c, 1);
        QCOMPARE(lock.count(), 1);
        QCOMPARE(reasonOf(lock), LockReason::Idle);
        QVERIFY(!warn.isEmpty());

        LockController ordinary(policy());
        QSignalSpy ordinaryLock(&ordinary, &LockController::lockRequested);
        ordinary.startSession(false);
        advance(ordinary, 3 * 60 * 1000);
        QCOMPARE(ordinaryLock.count(), 0);
        QCOMPARE(ordinary.msUntilIdleLock(), 2 * 60 * 1000);
    }

    // A session the hub makes privileged after login (the reception desk): from then on the shorter idle lock, and
    // the hard limit counted from the login, not from the moment it became privileged.
    void sessionMarkedPrivilegedLaterUsesTheStricterRules()
    {
        LockController c(policy());
        QSignalSpy lock(&c, &LockController::lockRequested);
        QSignalSpy logout(&c, &LockController::logoutRequested);
        c.startSession(false);
        for (int i = 0; i < 50; ++i) {
            advance(c, 60 * 1000);
            c.noteActivity();
        }
        QVERIFY(!c.isPrivileged());
        c.markPrivileged();
        QVERIFY(c.isPrivileged());
        QCOMPARE(c.msUntilIdleLock(), 3 * 60 * 1000);
        advance(c, 3 * 60 * 1000 - 1);
        QCOMPARE(lock.count(), 0);
        advance(c, 1);
        QCOMPARE(lock.count(), 1);
        c.sessionUnlocked();  // 53 min after login
        for (int i = 0; i < 6; ++i) {
            advance(c, 59 * 1000);
            c.noteActivity();
        }
        advance(c, 66 * 1000 - 1);
        QCOMPARE(logout.count(), 0);
        advance(c, 1);  // 60 min since login
        QCOMPARE(logout.count(), 1);
        QCOMPARE(logout.at(0).at(0).value<LockReason>(), LockReason::TimeLimit);
        // Ending the session drops the mark; marking without a session does nothing.
        c.markPrivileged();
        QVERIFY(!c.isPrivileged());
    }

    // Marked privileged after more than the shorter idle time without input: locked at once.
    void markingPrivilegedWhenAlreadyIdleLocksAtOnce()
    {
        LockController c(policy());
        QSignalSpy lock(&c, &LockController::lockRequested);
        c.startSession(false);
        advance(c, 4 * 60 * 1000);
        QCOMPARE(lock.count(), 0);
        c.markPrivileged();
        QCOMPARE(lock.count(), 1);
        QCOMPARE(c.state(), LockController::State::Locked);
    }

    void ordinarySessionHasNoHardLimit()
    {
        LockController c(policy());
        QSignalSpy logout(&c, &LockController::logoutRequested);
        c.startSession(false);
        for (int i = 0; i < 120; ++i) {
            advance(c, 60 * 1000);
            c.noteActivity();
        }
        QCOMPARE(logout.count(), 0);
    }

    // Proves: SES-6
    void longLockLogsOut()
    {
        LockController c(policy());
        QSignalSpy logout(&c, &LockController::logoutRequested);
        c.startSession(false);
        c.lockNow();
        advance(c, 30 * 60 * 1000 - 1);
        QCOMPARE(logout.count(), 0);
        advance(c, 1);
        QCOMPARE(logout.count(), 1);
        QCOMPARE(logout.at(0).at(0).value<LockReason>(), LockReason::LockTimeout);
    }

    void unlockRestartsIdleAndLockClock()
    {
        LockController c(policy());
        QSignalSpy logout(&c, &LockController::logoutRequested);
        c.startSession(false);
        c.lockNow();
        advance(c, 20 * 60 * 1000);
        c.sessionUnlocked();
        QCOMPARE(c.state(), LockController::State::Active);
        advance(c, 4 * 60 * 1000);
        QCOMPARE(c.state(), LockController::State::Active);
        c.lockNow();
        advance(c, 29 * 60 * 1000);
        QCOMPARE(logout.count(), 0);  // the 30 min count starts at the second lock
    }

    void cardRemovalLocksByDefault()
    {
        LockController c(policy());
        QSignalSpy lock(&c, &LockController::lockRequested);
        QSignalSpy logout(&c, &LockController::logoutRequested);
        c.cardRemoved();
        QCOMPARE(lock.count() + logout.count(), 0);
        c.startSession(false);
        c.cardRemoved();
        QCOMPARE(lock.count(), 1);
        QCOMPARE(reasonOf(lock), LockReason::CardRemoved);
        c.cardRemoved();  // already locked, policy "lock": nothing more
        QCOMPARE(lock.count(), 1);
        QCOMPARE(logout.count(), 0);
    }

    void cardRemovalLogsOutWhenPolicySaysSo()
    {
        LockPolicy p = policy();
        p.cardRemoval = LockPolicy::CardRemovalAction::Logout;
        LockController c(p);
        QSignalSpy lock(&c, &LockController::lockRequested);
        QSignalSpy logout(&c, &LockController::logoutRequested);
        c.startSession(false);
        c.cardRemoved();
        QCOMPARE(lock.count(), 0);
        QCOMPARE(logout.count(), 1);
        QCOMPARE(logout.at(0).at(0).value<LockReason>(), LockReason::CardRemoved);
        QCOMPARE(c.state(), LockController::State::NoSession);

        c.startSession(false);
        c.lockNow();
        c.cardRemoved();  // the owner pulled the card while locked: the session ends too
        QCOMPARE(logout.count(), 2);
    }

    void stalledCardWatcherLogsOut()
    {
        LockController c(policy());
        QSignalSpy logout(&c, &LockController::logoutRequested);
        qint64 lastAlive = 0;
        c.watchCardHeartbeat([&] { return lastAlive; });
        c.startSession(false);
        for (int i = 0; i < 10; ++i) {  // a live watcher answers every second
            m_clock->advanceMs(1000);
            lastAlive = m_clock->monotonicMs();
            c.poll();
        }
        QCOMPARE(logout.count(), 0);
        advance(c, 5000);
        QCOMPARE(logout.count(), 0);
        advance(c, 1);
        QCOMPARE(logout.count(), 1);
        QCOMPARE(logout.at(0).at(0).value<LockReason>(), LockReason::CardWatcherStalled);
    }

    void stalledCardWatcherLogsOutWhileLocked()
    {
        LockController c(policy());
        QSignalSpy logout(&c, &LockController::logoutRequested);
        c.watchCardHeartbeat([] { return qint64(0); });  // never answered
        c.startSession(false);
        c.lockNow();
        advance(c, 5001);
        QCOMPARE(logout.count(), 1);
        QCOMPARE(logout.at(0).at(0).value<LockReason>(), LockReason::CardWatcherStalled);
    }

    void timerDrivesPollWithoutTestHelp()
    {
        // The real timer path: the controller re-arms itself and reads the clock when it fires.
        LockPolicy p = policy();
        p.idleTimeoutMs = 1000;
        LockController c(p);
        QSignalSpy lock(&c, &LockController::lockRequested);
        c.startSession(false);
        m_clock->advanceMs(1000);
        QTRY_COMPARE_WITH_TIMEOUT(lock.count(), 1, 2000);
    }
};

QTEST_GUILESS_MAIN(TestLockController)
#include "TestLockController.moc"
