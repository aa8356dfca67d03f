#include "auth/AccountGuard.h"

#include <optional>

#include "auth/PasswordRules.h"
#include "auth/TemporaryPassword.h"
#include "auth/UserId.h"
#include "util/Clock.h"


namespace ward {

namespace {
constexpr qint64 kMsPerDay = 24LL * 60 * 60 * 1000;

LoginDecision refusal(const AccountState& state, LoginDecision::Outcome outcome)
{
    LoginDecision d;
    d.outcome = outcome;
    d.newState = state;
    return d;
}
} // namespace

AccountGuard::AccountGuard(const PasswordPolicy& policy)
    : m_policy(policy)
{
}

QDateTime AccountGuard::resolveNow(const QDateTime& now)
{
    return now.isValid() ? now.toUTC() : Clock::instance().nowUtc();
}

std::optional<LoginDecision> AccountGuard::refuseBeforeVerifying(const AccountState& state, QDateTime now) const
{
    now = resolveNow(now);
    if (state.status == AccountState::Status::Retired)
        return refusal(state, LoginDecision::Outcome::Retired);
    if (state.status == AccountState::Status::Disabled)
        return refusal(state, LoginDecision::Outcome::Disabled);
    if (state.isLocked())
        return refusal(state, LoginDecision::Outcome::Locked);
    if (state.retryNotBefore.isValid() && now < state.retryNotBefore) {
        // AUTH-5 不応時間: an attempt inside the delay is not even evaluated, so a script gains nothing
        // by ignoring the delay the login screen shows.
        LoginDecision d = refusal(state, LoginDecision::Outcome::Throttled);
        d.retryAfterMs = now.msecsTo(state.retryNotBefore);
        return d;
    }
    return std::nullopt;
}

LoginDecision AccountGuard::evaluateLogin(const AccountState& state, bool passwordOk, const QString& terminalId,
                                          QDateTime now) const
{
    now = resolveNow(now);
    if (auto refused = refuseBeforeVerifying(state, now))
        return *refused;

    LoginDecision d;
    AccountState s = state;
    const int threshold = m_policy.lockoutThresholdFor(s.privileged);

    if (!passwordOk) {
        s.failedCount += 1;
        s.failuresSinceSuccess += 1;
        s.lastFailureAt = now;
        s.lastFailureTerminal = terminalId.left(AccountState::kMaxTerminalLength);
        if (s.failedCount >= threshold) {
            // AUTH-5: locked until an administrator unlocks it; the caller alerts the admins.
            s.lockedAt = now;
            s.lockReason = AccountState::LockReason::FailedLogins;
            s.retryNotBefore = QDateTime();
            d.outcome = LoginDecision::Outcome::Locked;
            d.lockedNow = true;
        } else {
            d.outcome = LoginDecision::Outcome::WrongPassword;
            d.remainingAttempts = threshold - s.failedCount;
            d.delayMs = m_policy.nonResponseDelayMs(s.failedCount);
            s.retryNotBefore = d.delayMs > 0 ? now.addMSecs(d.delayMs) : QDateTime();
        }
        d.newState = s;
        return d;
    }

    // The password is proven: the consecutive-failure counter ends here whatever follows.
    s.failedCount = 0;
    s.retryNotBefore = QDateTime();

    if (s.mustChange) {
        d.outcome = isTemporaryExpired(s, now) ? LoginDecision::Outcome::TemporaryExpired
                                               : LoginDecision::Outcome::MustChangeTemporary;
        d.newState = s;
        return d;
    }
    if (isPasswordExpired(s, now)) {
        d.outcome = LoginDecision::Outcome::PasswordExpired;
        d.newState = s;
        return d;
    }

    // AUTH-9: what the user is shown is what happened before this login.
    d.outcome = LoginDecision::Outcome::Ok;
    d.previousSuccessAt = state.lastSuccessAt;
    d.previousSuccessTerminal = state.lastSuccessTerminal;
    d.failuresSincePreviousSuccess = state.failuresSinceSuccess;
    if (state.failuresSinceSuccess > 0) {
        d.lastFailureAt = state.lastFailureAt;
        d.lastFailureTerminal = state.lastFailureTerminal;
    }
    d.expiryWarningDays = expiryWarningDays(s, now);
    s.lastSuccessAt = now;
    s.lastSuccessTerminal = terminalId.left(AccountState::kMaxTerminalLength);
    s.failuresSinceSuccess = 0;
    d.newState = s;
    return d;
}

QDateTime AccountGuard::passwordExpiresAt(const AccountState& state) const
{
    if (!state.passwordChangedAt.isValid())
        return QDateTime();
    return state.passwordChangedAt.addDays(m_policy.maxAgeDaysFor(state.privileged));
}

bool AccountGuard::isPasswordExpired(const AccountState& state, QDateTime now) const
{
    const QDateTime expiresAt = passwordExpiresAt(state);
    return !expiresAt.isValid() || resolveNow(now) >= expiresAt;
}

int AccountGuard::expiryWarningDays(const AccountState& state, QDateTime now) const
{
    const QDateTime expiresAt = passwordExpiresAt(state);
    if (!expiresAt.isValid() || state.mustChange)
        return -1;
    const qint64 msLeft = resolveNow(now).msecsTo(expiresAt);
    if (msLeft <= 0)
        return -1;
    const int daysLeft = static_cast<int>((msLeft + kMsPerDay - 1) / kMsPerDay);
    return daysLeft <= m_policy.warnDays ? daysLeft : -1;
}

bool AccountGuard::isTemporaryExpired(const AccountState& state, QDateTime now) const
{
    if (!state.temporaryIssuedAt.isValid())
        return true;
    return resolveNow(now) >= state.temporaryIssuedAt.addSecs(3600LL * m_policy.temporaryPasswordValidHours);
}

AccountChange AccountGuard::failed(const AccountState& state, AccountChange::Error error)
{
    AccountChange c;
    c.error = error;
    c.message = AccountChange::describe(error);
    c.state = state;
    return c;
}

AccountChange AccountGuard::refuseAdmin(const AccountState& state, const QString& targetUserId,
                                        const QString& adminId) const
{
    if (!UserId::isValid(targetUserId))
        return failed(state, AccountChange::Error::InvalidUserId);
    // AUTH-13 / AUD-6: every administrative change names a real person.
    if (!UserId::isValid(adminId))
        return failed(state, AccountChange::Error::InvalidActor);
    if (adminId == targetUserId)
        return failed(state, AccountChange::Error::SelfAdministration);
    if (state.status == AccountState::Status::Retired)
        return failed(state, AccountChange::Error::AccountRetired);
    return AccountChange();
}

AccountChange AccountGuard::issueAccount(const QString& userId, bool privileged,
                                         const IdentityVerification& verification, const Argon2Params& params,
                                         QDateTime now) const
{
    now = resolveNow(now);
    if (!UserId::isValid(userId))
        return failed(AccountState(), AccountChange::Error::InvalidUserId);
    if (verification.verifiedBy == userId)
        return failed(AccountState(), AccountChange::Error::SelfAdministration);
    JsonFieldError why;
    if (!verification.validate(userId, &why)) {
        AccountChange c = failed(AccountState(), AccountChange::Error::IdentityNotVerified);
        c.message = why.message;
        return c;
    }
    AccountState s;
    s.status = AccountState::Status::Active;
    s.privileged = privileged;
    s.createdAt = now;
    s.statusChangedBy = verification.verifiedBy;
    s.statusChangedAt = now;

    AccountChange c;
    c.temporaryPassword = TemporaryPassword::generate(m_policy, userId);
    c.newVerifier = Argon2Kdf::hashEncoded(c.temporaryPassword, params);
    s.mustChange = true;
    s.temporaryIssuedAt = now;
    s.temporaryVerifier = c.newVerifier;
    s.lastResetVerification = verification;
    if (!s.lastResetVerification.verifiedAt.isValid())
        s.lastResetVerification.verifiedAt = now;
    s.lastResetAt = now;
    c.state = s;
    return c;
}

AccountChange AccountGuard::unlock(const AccountState& state, const QString& targetUserId, const QString& adminId,
                                   QDateTime now) const
{
    now = resolveNow(now);
    AccountChange refused = refuseAdmin(state, targetUserId, adminId);
    if (!refused.ok())
        return refused;
    if (!state.isLocked())
        return failed(state, AccountChange::Error::NotLocked);
    return unlocked(state, adminId, now);
}

AccountChange AccountGuard::emergencyUnlock(const AccountState& state, const QString& targetUserId, QDateTime now) const
{
    now = resolveNow(now);
    if (!UserId::isValid(targetUserId))
        return failed(state, AccountChange::Error::InvalidUserId);
    if (state.status == AccountState::Status::Retired)
        return failed(state, AccountChange::Error::AccountRetired);
    if (!state.isLocked())
        return failed(state, AccountChange::Error::NotLocked);
    return unlocked(state, QString(), now);
}

AccountChange AccountGuard::unlocked(const AccountState& state, const QString& unlockedBy, const QDateTime& now)
{
    AccountChange c;
    c.state = state;
    c.state.lockedAt = QDateTime();
    c.state.lockReason = AccountState::LockReason::None;
    c.state.failedCount = 0;
    c.state.oldPasswordFailures = 0;
    c.state.retryNotBefore = QDateTime();
    c.state.unlockedBy = unlockedBy;
    c.state.unlockedAt = now;
    return c;
}

AccountChange AccountGuard::changeStatus(const AccountState& state, const QString& targetUserId,
                                        const QString& adminId, const QDateTime& now, AccountState::Status status,
                                        std::optional<AccountChange::Error> alreadyError) const
{
    AccountChange refused = refuseAdmin(state, targetUserId, adminId);
    if (!refused.ok())
        return refused;
    if (alreadyError && state.status == status)
        return failed(state, *alreadyError);
    AccountChange c;
    c.state = state;
    c.state.status = status;
    c.state.statusChangedBy = adminId;
    c.state.statusChangedAt = now;
    return c;
}

AccountChange AccountGuard::disable(const AccountState& state, const QString& targetUserId, const QString& adminId,
                                    QDateTime now) const
{
    return changeStatus(state, targetUserId, adminId, resolveNow(now), AccountState::Status::Disabled,
                        AccountChange::Error::AlreadyDisabled);
}

AccountChange AccountGuard::enable(const AccountState& state, const QString& targetUserId, const QString& adminId,
                                   QDateTime now) const
{
    return changeStatus(state, targetUserId, adminId, resolveNow(now), AccountState::Status::Active,
                        AccountChange::Error::AlreadyActive);
}

AccountChange AccountGuard::retire(const AccountState& state, const QString& targetUserId, const QString& adminId,
                                   QDateTime now) const
{
    AccountChange c = changeStatus(state, targetUserId, adminId, resolveNow(now), AccountState::Status::Retired,
                                   std::nullopt);
    if (!c.ok())
        return c;
    // A pending temporary password must not outlive the ID.
    c.state.mustChange = false;
    c.state.temporaryVerifier.clear();
    c.state.temporaryIssuedAt = QDateTime();
    return c;
}

AccountChange AccountGuard::resetPassword(const AccountState& state, const QString& targetUserId,
                                          const IdentityVerification& verification, const Argon2Params& params,
                                          QDateTime now) const
{
    now = resolveNow(now);
    const QString admin = verification.verifiedBy;
    AccountChange refused = refuseAdmin(state, targetUserId, admin);
    if (!refused.ok() && refused.error != AccountChange::Error::InvalidActor)
        return refused;
    JsonFieldError why;
    if (!verification.validate(targetUserId, &why)) {
        AccountChange c = failed(state, AccountChange::Error::IdentityNotVerified);
        c.message = why.message;
        return c;
    }
    AccountChange c;
    c.temporaryPassword = TemporaryPassword::generate(m_policy, targetUserId);
    c.newVerifier = Argon2Kdf::hashEncoded(c.temporaryPassword, params);
    AccountState s = state;
    s.mustChange = true;
    s.temporaryIssuedAt = now;
    s.temporaryVerifier = c.newVerifier;
    if (s.isLocked()) {
        s.unlockedBy = admin;
        s.unlockedAt = now;
    }
    s.lockedAt = QDateTime();
    s.lockReason = AccountState::LockReason::None;
    s.failedCount = 0;
    s.oldPasswordFailures = 0;
    s.retryNotBefore = QDateTime();
    s.lastResetVerification = verification;
    if (!s.lastResetVerification.verifiedAt.isValid())
        s.lastResetVerification.verifiedAt = now;
    s.lastResetAt = now;
    c.state = s;
    return c;
}

AccountChange AccountGuard::changePassword(const AccountState& state, const QString& userId, bool oldPasswordOk,
                                           const SecureBytes& newPassword, const Argon2Params& params,
                                           QDateTime now) const
{
    now = resolveNow(now);
    if (!UserId::isValid(userId))
        return failed(state, AccountChange::Error::InvalidUserId);
    if (state.status == AccountState::Status::Retired)
        return failed(state, AccountChange::Error::AccountRetired);
    if (state.status == AccountState::Status::Disabled)
        return failed(state, AccountChange::Error::AccountDisabled);
    if (state.isLocked())
        return failed(state, AccountChange::Error::AccountLocked);

    if (!oldPasswordOk) {
        AccountState s = state;
        s.oldPasswordFailures += 1;
        AccountChange c = failed(s, AccountChange::Error::OldPasswordWrong);
        const int limit = m_policy.changeOldPasswordFailureLimit;
        c.remainingAttempts = std::max(0, limit - s.oldPasswordFailures);
        if (s.oldPasswordFailures >= limit) {
            // 002 §2.6.14(16): a guesser on an unlocked session cannot try old passwords forever.
            c.state.lockedAt = now;
            c.state.lockReason = AccountState::LockReason::FailedOldPassword;
            c.lockedNow = true;
        }
        return c;
    }

    AccountState s = state;
    s.oldPasswordFailures = 0;
    if (s.mustChange && isTemporaryExpired(s, now))
        return failed(s, AccountChange::Error::TemporaryExpired);

    const QStringList extra = s.temporaryVerifier.isEmpty() ? QStringList() : QStringList{s.temporaryVerifier};
    const QList<PasswordRules::Violation> violations =
        PasswordRules::check(newPassword, userId, s.passwordHistory, m_policy, extra);
    if (!violations.isEmpty()) {
        AccountChange c = failed(s, AccountChange::Error::PasswordRejected);
        c.violations = violations;
        return c;
    }

    AccountChange c;
    c.newVerifier = Argon2Kdf::hashEncoded(newPassword, params);
    s.passwordHistory.prepend(c.newVerifier);
    while (s.passwordHistory.size() > m_policy.historyGenerations)
        s.passwordHistory.removeLast();
    s.passwordChangedAt = now;
    s.mustChange = false;
    s.temporaryIssuedAt = QDateTime();
    s.temporaryVerifier.clear();
    c.state = s;
    return c;
}

} // namespace ward
