#include "auth/AccountGuard.h"
#include "auth/PasswordRules.h"
#include "crypto/Argon2Kdf.h"
#include "util/Clock.h"

#include <QtTest>

using namespace ward;

namespace {
const QString kUser = QStringLiteral("N123456789");
const QString kAdmin = QStringLiteral("R000000001");
const QString kPc1 = QStringLiteral("WARD3-PC01");
const QString kPc2 = QStringLiteral("WARD3-PC02");
const QString kPc5 = QStringLiteral("WARD3-PC05");
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

SecureBytes pw(const char* s)
{
    return SecureBytes::fromUtf8(QString::fromUtf8(s));
}

Argon2Params fastArgon()
{
    Argon2Params p;
    p.timeCost = 1;
    p.memoryKiB = 1024;
    p.parallelism = 1;
    return p;
}

IdentityVerification verification()
{
    IdentityVerification v;
    v.method = QStringLiteral("photo ID in person");
    v.documentRef = QStringLiteral("LEDGER-2026-0042");
    v.verifiedBy = kAdmin;
    return v;
}

using O = LoginDecision::Outcome;
} // namespace

class TestAccountGuard : public QObject
{
    Q_OBJECT

    std::shared_ptr<ManualClock> m_clock;
    QDateTime m_t0;

    AccountState activeState(bool privileged = false) const
    {
        AccountState s;
        s.privileged = privileged;
        s.createdAt = m_t0;
        s.passwordChangedAt = m_t0;
        return s;
    }

    // A privileged account after three wrong passwords (its lockout threshold), the clock past each delay.
    AccountState lockedPrivileged(const AccountGuard& guard) const
    {
        AccountState s = activeState(true);
        for (int i = 0; i < 3; ++i) {
            const LoginDecision d = guard.evaluateLogin(s, false, kPc1);
            s = d.newState;
            m_clock->advanceMs(d.delayMs);
        }
        return s;
    }

private slots:
    void init()
    {
        m_clock = std::make_shared<ManualClock>();
        Clock::setInstance(m_clock);
        m_t0 = m_clock->nowUtc();
    }

    void cleanup()
    {
        Clock::setInstance(nullptr);
    }

    // Proves: AUTH-5
    void fiveWrongPasswordsLock()
    {
        const AccountGuard guard;
        AccountState s = activeState();
        const int expectedDelay[] = {1000, 2000, 4000, 8000};
        for (int i = 0; i < 4; ++i) {
            const LoginDecision d = guard.evaluateLogin(s, false, kPc1);
            QCOMPARE(d.outcome, O::WrongPassword);
            QCOMPARE(d.remainingAttempts, 4 - i);
            QCOMPARE(d.delayMs, qint64(expectedDelay[i]));
            QVERIFY(!d.lockedNow);
            QVERIFY(!d.allowsSession());
            QVERIFY(!d.message().isEmpty());
            s = d.newState;
            QCOMPARE(s.failedCount, i + 1);
            m_clock->advanceMs(d.delayMs);
        }
        const LoginDecision locked = guard.evaluateLogin(s, false, kPc1);
        QCOMPARE(locked.outcome, O::Locked);
        QVERIFY(locked.lockedNow);
        QVERIFY(locked.newState.isLocked());
        QCOMPARE(locked.newState.lockedAt, m_clock->nowUtc());
        QCOMPARE(locked.newState.lockReason, AccountState::LockReason::FailedLogins);

        // Locked means locked: the right password does not help, and nothing is verified first.
        const LoginDecision after = guard.evaluateLogin(locked.newState, true, kPc1);
        QCOMPARE(after.outcome, O::Locked);
        QVERIFY(!after.lockedNow);
        QCOMPARE(after.newState, locked.newState);
        QVERIFY(guard.refuseBeforeVerifying(locked.newState).has_value());
        QCOMPARE(guard.refuseBeforeVerifying(locked.newState)->outcome, O::Locked);
    }

    // Proves: AUTH-10
    void privilegedLockAfterThree()
    {
        const AccountGuard guard;
        AccountState s = activeState(true);
        for (int i = 0; i < 2; ++i) {
            const LoginDecision d = guard.evaluateLogin(s, false, kPc1);
            QCOMPARE(d.outcome, O::WrongPassword);
            QCOMPARE(d.remainingAttempts, 2 - i);
            s = d.newState;
            m_clock->advanceMs(d.delayMs);
        }
        const LoginDecision d = guard.evaluateLogin(s, false, kPc1);
        QCOMPARE(d.outcome, O::Locked);
        QVERIFY(d.lockedNow);
    }

    void attemptsInsideTheDelayAreRefusedUncounted()
    {
        const AccountGuard guard;
        const LoginDecision first = guard.evaluateLogin(activeState(), false, kPc1);
        QCOMPARE(first.delayMs, qint64(1000));
        QVERIFY(!guard.refuseBeforeVerifying(activeState()).has_value());

        const LoginDecision tooSoon = guard.evaluateLogin(first.newState, true, kPc1);
        QCOMPARE(tooSoon.outcome, O::Throttled);
        QCOMPARE(tooSoon.retryAfterMs, qint64(1000));
        QCOMPARE(tooSoon.newState, first.newState);
        QVERIFY(!tooSoon.message().isEmpty());

        m_clock->advanceMs(999);
        QCOMPARE(guard.evaluateLogin(first.newState, false, kPc1).outcome, O::Throttled);
        QCOMPARE(guard.evaluateLogin(first.newState, false, kPc1).newState.failedCount, 1);
        m_clock->advanceMs(1);
        const LoginDecision ok = guard.evaluateLogin(first.newState, true, kPc1);
        QCOMPARE(ok.outcome, O::Ok);
        QVERIFY(!ok.newState.retryNotBefore.isValid());
    }

    // Proves: AUTH-5
    void delayGrowsAndIsCapped()
    {
        PasswordPolicy policy;
        policy.lockoutThreshold = 12;
        policy.nonResponseDelaysMs = {1000, 2000, 4000, 8000};
        const AccountGuard guard(policy);
        AccountState s = activeState();
        QList<qint64> delays;
        for (int i = 0; i < 11; ++i) {
            const LoginDecision d = guard.evaluateLogin(s, false, kPc1);
            QCOMPARE(d.outcome, O::WrongPassword);
            QCOMPARE(d.remainingAttempts, 11 - i);
            delays.append(d.delayMs);
            QCOMPARE(d.newState.retryNotBefore, m_clock->nowUtc().addMSecs(d.delayMs));
            s = d.newState;
            m_clock->advanceMs(d.delayMs);
        }
        QCOMPARE(delays, (QList<qint64>{1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000, 8000, 8000}));
        QCOMPARE(guard.evaluateLogin(s, false, kPc1).outcome, O::Locked);
    }

    void successResetsFailuresAndReportsThem()
    {
        const AccountGuard guard;
        AccountState s = activeState();
        const LoginDecision first = guard.evaluateLogin(s, true, kPc1);
        QCOMPARE(first.outcome, O::Ok);
        QVERIFY(first.allowsSession());
        QVERIFY(!first.previousSuccessAt.isValid());
        QCOMPARE(first.failuresSincePreviousSuccess, 0);
        const QDateTime firstAt = m_clock->nowUtc();
        s = first.newState;

        m_clock->advanceMs(3600 * 1000);
        s = guard.evaluateLogin(s, false, kPc2).newState;
        m_clock->advanceMs(5000);
        s = guard.evaluateLogin(s, false, kPc2).newState;
        const QDateTime lastFailure = m_clock->nowUtc();
        QCOMPARE(s.failedCount, 2);
        m_clock->advanceMs(60000);

        // AUTH-9: where and when the previous login was, and the two failures since.
        const LoginDecision ok = guard.evaluateLogin(s, true, kPc5);
        QCOMPARE(ok.outcome, O::Ok);
        QCOMPARE(ok.previousSuccessAt, firstAt);
        QCOMPARE(ok.previousSuccessTerminal, kPc1);
        QCOMPARE(ok.failuresSincePreviousSuccess, 2);
        QCOMPARE(ok.lastFailureAt, lastFailure);
        QCOMPARE(ok.lastFailureTerminal, kPc2);
        QCOMPARE(ok.newState.failedCount, 0);
        QCOMPARE(ok.newState.failuresSinceSuccess, 0);
        QCOMPARE(ok.newState.lastSuccessAt, m_clock->nowUtc());
        QCOMPARE(ok.newState.lastSuccessTerminal, kPc5);

        // The next login reports a clean slate and the PC05 login.
        const LoginDecision next = guard.evaluateLogin(ok.newState, true, kPc1);
        QCOMPARE(next.failuresSincePreviousSuccess, 0);
        QVERIFY(!next.lastFailureAt.isValid());
        QCOMPARE(next.previousSuccessTerminal, kPc5);
    }

    void adminUnlock()
    {
        const AccountGuard guard;
        const AccountState s = lockedPrivileged(guard);
        QVERIFY(s.isLocked());

        QCOMPARE(guard.unlock(s, kUser, kUser).error, AccountChange::Error::SelfAdministration);
        QCOMPARE(guard.unlock(s, kUser, QStringLiteral("root")).error, AccountChange::Error::InvalidActor);
        QCOMPARE(guard.unlock(s, QStringLiteral("bad"), kAdmin).error, AccountChange::Error::InvalidUserId);
        const AccountChange refused = guard.unlock(s, kUser, kUser);
        QCOMPARE(refused.state, s);
        QVERIFY(!refused.message.isEmpty());

        m_clock->advanceMs(600000);
        const AccountChange c = guard.unlock(s, kUser, kAdmin);
        QVERIFY(c.ok());
        QVERIFY(!c.state.isLocked());
        QCOMPARE(c.state.lockReason, AccountState::LockReason::None);
        QCOMPARE(c.state.failedCount, 0);
        QCOMPARE(c.state.unlockedBy, kAdmin);
        QCOMPARE(c.state.unlockedAt, m_clock->nowUtc());
        // The failures stay visible to the user at the next login (AUTH-9).
        QCOMPARE(c.state.failuresSinceSuccess, 3);
        const LoginDecision ok = guard.evaluateLogin(c.state, true, kPc1);
        QCOMPARE(ok.outcome, O::Ok);
        QCOMPARE(ok.failuresSincePreviousSuccess, 3);

        QCOMPARE(guard.unlock(c.state, kUser, kAdmin).error, AccountChange::Error::NotLocked);
    }

    // Issue 12: the hub operator's emergency unlock names no staff member (the hub audit chain names the operator).
    void emergencyUnlockByTheOperator()
    {
        const AccountGuard guard;
        const AccountState s = lockedPrivileged(guard);
        QVERIFY(s.isLocked());
        QCOMPARE(guard.emergencyUnlock(s, QStringLiteral("bad"), QDateTime()).error, AccountChange::Error::InvalidUserId);
        const AccountChange c = guard.emergencyUnlock(s, kUser);
        QVERIFY(c.ok());
        QVERIFY(!c.state.isLocked());
        QCOMPARE(c.state.failedCount, 0);
        QVERIFY(c.state.unlockedBy.isEmpty());
        QCOMPARE(c.state.unlockedAt, m_clock->nowUtc());
        QCOMPARE(guard.evaluateLogin(c.state, true, kPc1).outcome, O::Ok);
        QCOMPARE(guard.emergencyUnlock(c.state, kUser).error, AccountChange::Error::NotLocked);
        AccountState retired = s;
        retired.status = AccountState::Status::Retired;
        QCOMPARE(guard.emergencyUnlock(retired, kUser).error, AccountChange::Error::AccountRetired);
    }

    // Proves: AUTH-11, CL-3
    void disabledAndRetiredRefuseLogin()
    {
        const AccountGuard guard;
        const AccountState active = activeState();

        const AccountChange disabled = guard.disable(active, kUser, kAdmin);
        QVERIFY(disabled.ok());
        QCOMPARE(disabled.state.status, AccountState::Status::Disabled);
        QCOMPARE(disabled.state.statusChangedBy, kAdmin);
        for (bool ok : {true, false}) {
            const LoginDecision d = guard.evaluateLogin(disabled.state, ok, kPc1);
            QCOMPARE(d.outcome, O::Disabled);
            QCOMPARE(d.newState.failedCount, 0);
        }
        QCOMPARE(guard.disable(disabled.state, kUser, kAdmin).error, AccountChange::Error::AlreadyDisabled);
        QCOMPARE(guard.changePassword(disabled.state, kUser, true, pw("New#Pass2026"), fastArgon()).error,
                 AccountChange::Error::AccountDisabled);

        // Leave of absence: the same ID comes back.
        const AccountChange enabled = guard.enable(disabled.state, kUser, kAdmin);
        QVERIFY(enabled.ok());
        QCOMPARE(enabled.state.status, AccountState::Status::Active);
        QCOMPARE(guard.evaluateLogin(enabled.state, true, kPc1).outcome, O::Ok);
        QCOMPARE(guard.enable(enabled.state, kUser, kAdmin).error, AccountChange::Error::AlreadyActive);

        const AccountChange retired = guard.retire(disabled.state, kUser, kAdmin);
        QVERIFY(retired.ok());
        QCOMPARE(retired.state.status, AccountState::Status::Retired);
        for (bool ok : {true, false})
            QCOMPARE(guard.evaluateLogin(retired.state, ok, kPc1).outcome, O::Retired);
        QCOMPARE(guard.refuseBeforeVerifying(retired.state)->outcome, O::Retired);

        // AUTH-3: retired is final; nothing brings the ID back.
        const AccountState r = retired.state;
        QCOMPARE(guard.enable(r, kUser, kAdmin).error, AccountChange::Error::AccountRetired);
        QCOMPARE(guard.enable(r, kUser, kAdmin).state, r);
        QCOMPARE(guard.disable(r, kUser, kAdmin).error, AccountChange::Error::AccountRetired);
        QCOMPARE(guard.retire(r, kUser, kAdmin).error, AccountChange::Error::AccountRetired);
        QCOMPARE(guard.unlock(r, kUser, kAdmin).error, AccountChange::Error::AccountRetired);
        QCOMPARE(guard.resetPassword(r, kUser, verification(), fastArgon()).error,
                 AccountChange::Error::AccountRetired);
        QCOMPARE(guard.changePassword(r, kUser, true, pw("New#Pass2026"), fastArgon()).error,
                 AccountChange::Error::AccountRetired);
        QVERIFY(!AccountChange::describe(AccountChange::Error::AccountRetired).isEmpty());
    }

    // Proves: AUTH-6
    void expiryAtSixtyDaysWarningFromFiftyThree()
    {
        const AccountGuard guard;
        const AccountState s = activeState();
        QCOMPARE(guard.passwordExpiresAt(s), m_t0.addDays(60));

        m_clock->advanceMs(52 * kDayMs + 23 * 3600 * 1000);
        QCOMPARE(guard.expiryWarningDays(s), -1);
        QCOMPARE(guard.evaluateLogin(s, true, kPc1).expiryWarningDays, -1);

        m_clock->setNowUtc(m_t0.addDays(53));
        QCOMPARE(guard.expiryWarningDays(s), 7);
        const LoginDecision warned = guard.evaluateLogin(s, true, kPc1);
        QCOMPARE(warned.outcome, O::Ok);
        QCOMPARE(warned.expiryWarningDays, 7);

        m_clock->setNowUtc(m_t0.addDays(59).addSecs(12 * 3600));
        QCOMPARE(guard.expiryWarningDays(s), 1);
        QVERIFY(!guard.isPasswordExpired(s));

        m_clock->setNowUtc(m_t0.addDays(60));
        QVERIFY(guard.isPasswordExpired(s));
        const LoginDecision expired = guard.evaluateLogin(s, true, kPc1);
        QCOMPARE(expired.outcome, O::PasswordExpired);
        QVERIFY(expired.requiresPasswordChange());
        QVERIFY(!expired.allowsSession());
        // A wrong password on an expired account still counts as a failure.
        QCOMPARE(guard.evaluateLogin(s, false, kPc1).outcome, O::WrongPassword);

        // Changing the password ends the forced change; logging in again opens the session.
        const AccountChange changed = guard.changePassword(expired.newState, kUser, true, pw("Fresh#Pass60"), fastArgon());
        QVERIFY(changed.ok());
        QCOMPARE(changed.state.passwordChangedAt, m_clock->nowUtc());
        QCOMPARE(guard.evaluateLogin(changed.state, true, kPc1).outcome, O::Ok);

        // Unknown change time: treated as expired (fail closed).
        AccountState unknown = activeState();
        unknown.passwordChangedAt = QDateTime();
        QCOMPARE(guard.evaluateLogin(unknown, true, kPc1).outcome, O::PasswordExpired);
    }

    // Proves: AUTH-10
    void privilegedExpiryAtThirty()
    {
        const AccountGuard guard;
        const AccountState s = activeState(true);
        QCOMPARE(guard.expiryWarningDays(s, m_t0.addDays(22)), -1);
        QCOMPARE(guard.expiryWarningDays(s, m_t0.addDays(23)), 7);
        QCOMPARE(guard.evaluateLogin(s, true, kPc1, m_t0.addDays(29)).outcome, O::Ok);
        QCOMPARE(guard.evaluateLogin(s, true, kPc1, m_t0.addDays(30)).outcome, O::PasswordExpired);
    }

    // Proves: AUTH-7
    void temporaryPasswordMustBeChangedAtFirstLogin()
    {
        const AccountGuard guard;
        const AccountChange issued = guard.issueAccount(kUser, false, verification(), fastArgon());
        QVERIFY2(issued.ok(), qPrintable(issued.message));
        QVERIFY(issued.state.mustChange);
        QCOMPARE(issued.state.temporaryIssuedAt, m_t0);
        QCOMPARE(issued.state.createdAt, m_t0);
        QVERIFY(Argon2Kdf::verifyEncoded(issued.newVerifier, issued.temporaryPassword));
        QVERIFY(!Argon2Kdf::verifyEncoded(issued.newVerifier, pw("something else")));
        QCOMPARE(issued.state.lastResetVerification.documentRef, QStringLiteral("LEDGER-2026-0042"));

        const LoginDecision first = guard.evaluateLogin(issued.state, true, kPc1);
        QCOMPARE(first.outcome, O::MustChangeTemporary);
        QVERIFY(first.requiresPasswordChange());
        QVERIFY(!first.allowsSession());
        QCOMPARE(guard.expiryWarningDays(issued.state), -1);

        // The temporary password itself cannot become the chosen one.
        const AccountChange same = guard.changePassword(first.newState, kUser, true, issued.temporaryPassword, fastArgon());
        QCOMPARE(same.error, AccountChange::Error::PasswordRejected);
        QCOMPARE(same.violations.size(), 1);
        QCOMPARE(same.violations.first().kind, PasswordRules::Kind::ReusedPassword);

        const AccountChange weak = guard.changePassword(first.newState, kUser, true, pw("short"), fastArgon());
        QCOMPARE(weak.error, AccountChange::Error::PasswordRejected);
        QVERIFY(weak.violations.size() >= 2);
        QVERIFY(weak.state.mustChange);

        m_clock->advanceMs(3600 * 1000);
        const AccountChange changed = guard.changePassword(first.newState, kUser, true, pw("Own#Choice26"), fastArgon());
        QVERIFY2(changed.ok(), qPrintable(changed.message));
        QVERIFY(!changed.state.mustChange);
        QVERIFY(changed.state.temporaryVerifier.isEmpty());
        QVERIFY(!changed.state.temporaryIssuedAt.isValid());
        QCOMPARE(changed.state.passwordHistory.size(), 1);
        QVERIFY(Argon2Kdf::verifyEncoded(changed.newVerifier, pw("Own#Choice26")));
        QCOMPARE(changed.state.passwordHistory.first(), changed.newVerifier);
        QCOMPARE(guard.evaluateLogin(changed.state, true, kPc1).outcome, O::Ok);
    }

    void temporaryPasswordExpires()
    {
        const AccountGuard guard;
        const AccountChange issued = guard.issueAccount(kUser, false, verification(), fastArgon());
        QCOMPARE(guard.evaluateLogin(issued.state, true, kPc1, m_t0.addSecs(72 * 3600 - 1)).outcome,
                 O::MustChangeTemporary);
        m_clock->setNowUtc(m_t0.addSecs(72 * 3600));
        QVERIFY(guard.isTemporaryExpired(issued.state));
        const LoginDecision d = guard.evaluateLogin(issued.state, true, kPc1);
        QCOMPARE(d.outcome, O::TemporaryExpired);
        QVERIFY(!d.allowsSession());
        QVERIFY(!d.requiresPasswordChange());
        const AccountChange c = guard.changePassword(issued.state, kUser, true, pw("Own#Choice26"), fastArgon());
        QCOMPARE(c.error, AccountChange::Error::TemporaryExpired);
        QVERIFY(c.state.mustChange);
        QVERIFY(c.newVerifier.isEmpty());

        // A fresh reset revives the account with a new temporary password.
        const AccountChange reset = guard.resetPassword(issued.state, kUser, verification(), fastArgon());
        QVERIFY(reset.ok());
        QCOMPARE(guard.evaluateLogin(reset.state, true, kPc1).outcome, O::MustChangeTemporary);
    }

    // Proves: AUTH-6
    void changeRequiresOldPasswordAndLocksAfterLimit()
    {
        const AccountGuard guard;
        AccountState s = activeState();
        AccountChange c = guard.changePassword(s, kUser, false, pw("New#Pass2026"), fastArgon());
        QCOMPARE(c.error, AccountChange::Error::OldPasswordWrong);
        QCOMPARE(c.remainingAttempts, 2);
        QVERIFY(c.newVerifier.isEmpty());
        QCOMPARE(c.state.passwordChangedAt, m_t0);
        c = guard.changePassword(c.state, kUser, false, pw("New#Pass2026"), fastArgon());
        QCOMPARE(c.remainingAttempts, 1);
        QVERIFY(!c.lockedNow);

        // A right old password ends the run even when the new one is refused.
        const AccountChange rejected = guard.changePassword(c.state, kUser, true, pw("weak"), fastArgon());
        QCOMPARE(rejected.error, AccountChange::Error::PasswordRejected);
        QCOMPARE(rejected.state.oldPasswordFailures, 0);

        c = guard.changePassword(s, kUser, false, pw("New#Pass2026"), fastArgon());
        c = guard.changePassword(c.state, kUser, false, pw("New#Pass2026"), fastArgon());
        c = guard.changePassword(c.state, kUser, false, pw("New#Pass2026"), fastArgon());
        QCOMPARE(c.error, AccountChange::Error::OldPasswordWrong);
        QVERIFY(c.lockedNow);
        QCOMPARE(c.remainingAttempts, 0);
        QVERIFY(c.state.isLocked());
        QCOMPARE(c.state.lockReason, AccountState::LockReason::FailedOldPassword);

        QCOMPARE(guard.evaluateLogin(c.state, true, kPc1).outcome, O::Locked);
        QCOMPARE(guard.changePassword(c.state, kUser, true, pw("New#Pass2026"), fastArgon()).error,
                 AccountChange::Error::AccountLocked);
        const AccountChange unlocked = guard.unlock(c.state, kUser, kAdmin);
        QVERIFY(unlocked.ok());
        QCOMPARE(unlocked.state.oldPasswordFailures, 0);
        QVERIFY(guard.changePassword(unlocked.state, kUser, true, pw("New#Pass2026"), fastArgon()).ok());
    }

    // Proves: AUTH-6
    void historyOfFiveThroughChanges()
    {
        const AccountGuard guard;
        AccountState s = guard.issueAccount(kUser, false, verification(), fastArgon()).state;
        const char* passwords[] = {"Spring#2026", "Summer#2026", "Autumn#2026", "Winter#2026", "Sakura#2027",
                                   "Momiji#2027"};
        for (const char* p : passwords) {
            const AccountChange c = guard.changePassword(s, kUser, true, pw(p), fastArgon());
            QVERIFY2(c.ok(), p);
            s = c.state;
            m_clock->advanceMs(kDayMs);
        }
        QCOMPARE(s.passwordHistory.size(), 5);
        for (int i = 1; i < 6; ++i) {
            const AccountChange c = guard.changePassword(s, kUser, true, pw(passwords[i]), fastArgon());
            QCOMPARE(c.error, AccountChange::Error::PasswordRejected);
            QCOMPARE(c.violations.first().kind, PasswordRules::Kind::ReusedPassword);
            QCOMPARE(c.state.passwordHistory, s.passwordHistory);
        }
        // The sixth-oldest has dropped out of the history.
        const AccountChange oldest = guard.changePassword(s, kUser, true, pw(passwords[0]), fastArgon());
        QVERIFY(oldest.ok());
        QCOMPARE(oldest.state.passwordHistory.size(), 5);
    }

    // Proves: AUTH-12
    void resetRequiresIdentityVerification()
    {
        const AccountGuard guard;
        AccountState locked = activeState();
        for (int i = 0; i < 5; ++i) {
            const LoginDecision d = guard.evaluateLogin(locked, false, kPc1);
            locked = d.newState;
            m_clock->advanceMs(d.delayMs);
        }
        QVERIFY(locked.isLocked());

        auto expectRefused = [&](IdentityVerification v, AccountChange::Error error, const char* what) {
            const AccountChange c = guard.resetPassword(locked, kUser, v, fastArgon());
            QVERIFY2(c.error == error, what);
            QVERIFY2(!c.message.isEmpty(), what);
            QVERIFY2(c.state == locked, what);
            QVERIFY2(c.temporaryPassword.isEmpty() && c.newVerifier.isEmpty(), what);
        };
        IdentityVerification v = verification();
        v.method = QStringLiteral("  ");
        expectRefused(v, AccountChange::Error::IdentityNotVerified, "blank method");
        v = verification();
        v.documentRef.clear();
        expectRefused(v, AccountChange::Error::IdentityNotVerified, "no document");
        v = verification();
        v.verifiedBy.clear();
        expectRefused(v, AccountChange::Error::IdentityNotVerified, "no verifier");
        v = verification();
        v.verifiedBy = QStringLiteral("reception");
        expectRefused(v, AccountChange::Error::IdentityNotVerified, "verifier not a user ID");
        v = verification();
        v.verifiedBy = kUser;
        expectRefused(v, AccountChange::Error::SelfAdministration, "self reset");
        v = verification();
        v.method = QString(IdentityVerification::kMaxMethodLength + 1, QLatin1Char('x'));
        expectRefused(v, AccountChange::Error::IdentityNotVerified, "method too long");

        m_clock->advanceMs(3600 * 1000);
        const AccountChange reset = guard.resetPassword(locked, kUser, verification(), fastArgon());
        QVERIFY2(reset.ok(), qPrintable(reset.message));
        QVERIFY(reset.state.mustChange);
        QCOMPARE(reset.state.temporaryIssuedAt, m_clock->nowUtc());
        QVERIFY(!reset.state.isLocked());
        QCOMPARE(reset.state.failedCount, 0);
        QCOMPARE(reset.state.unlockedBy, kAdmin);
        QCOMPARE(reset.state.lastResetAt, m_clock->nowUtc());
        QCOMPARE(reset.state.lastResetVerification.method, verification().method);
        QCOMPARE(reset.state.lastResetVerification.verifiedBy, kAdmin);
        QCOMPARE(reset.state.lastResetVerification.verifiedAt, m_clock->nowUtc());
        QVERIFY(Argon2Kdf::verifyEncoded(reset.newVerifier, reset.temporaryPassword));
        QVERIFY(PasswordRules::check(reset.temporaryPassword, kUser, {}, guard.policy()).isEmpty());
        // The chosen-password history is untouched by a reset.
        QCOMPARE(reset.state.passwordHistory, locked.passwordHistory);
        QCOMPARE(guard.evaluateLogin(reset.state, true, kPc1).outcome, O::MustChangeTemporary);
    }

    void issueValidatesItsInputs()
    {
        const AccountGuard guard;
        QCOMPARE(guard.issueAccount(QStringLiteral("N12345"), false, verification(), fastArgon()).error,
                 AccountChange::Error::InvalidUserId);
        QCOMPARE(guard.issueAccount(kAdmin, true, verification(), fastArgon()).error,
                 AccountChange::Error::SelfAdministration);
        IdentityVerification v = verification();
        v.documentRef.clear();
        const AccountChange c = guard.issueAccount(kUser, false, v, fastArgon());
        QCOMPARE(c.error, AccountChange::Error::IdentityNotVerified);
        QVERIFY(c.temporaryPassword.isEmpty());
        const AccountChange priv = guard.issueAccount(kUser, true, verification(), fastArgon());
        QVERIFY(priv.ok());
        QVERIFY(priv.state.privileged);
        QCOMPARE(priv.state.status, AccountState::Status::Active);
    }

    void everyOutcomeHasAMessage()
    {
        for (O o : {O::WrongPassword, O::Throttled, O::Locked, O::Disabled, O::Retired, O::PasswordExpired,
                    O::MustChangeTemporary, O::TemporaryExpired}) {
            LoginDecision d;
            d.outcome = o;
            d.remainingAttempts = 2;
            d.retryAfterMs = 1500;
            QVERIFY(!d.message().isEmpty());
        }
        LoginDecision ok;
        ok.outcome = O::Ok;
        QVERIFY(ok.message().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAccountGuard)
#include "TestAccountGuard.moc"
