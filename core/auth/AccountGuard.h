#pragma once

#include "auth/AccountChange.h"
#include "auth/AccountState.h"
#include "auth/IdentityVerification.h"
#include "auth/LoginDecision.h"
#include "auth/PasswordPolicy.h"
#include "crypto/Argon2Kdf.h"
#include "crypto/SecureBytes.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace ward {

// The account rules of AUTH-3…AUTH-13 as pure functions of (AccountState, policy, now): the hub runs
// them authoritatively online, the terminal runs the same code offline. No I/O: the caller verifies
// passwords (Argon2 verifier at the hub, key-slot unwrap on the terminal), stores the returned state
// and writes the audit entry.
//
// Every `now` parameter defaults to an invalid QDateTime, which means Clock::instance().nowUtc().
class AccountGuard
{
public:
    explicit AccountGuard(const PasswordPolicy& policy = PasswordPolicy());

    const PasswordPolicy& policy() const { return m_policy; }

    // Call before verifying the password: a retired, disabled, locked or throttled account is refused
    // without spending Argon2 time on it (and without becoming a password oracle while locked).
    std::optional<LoginDecision> refuseBeforeVerifying(const AccountState& state, QDateTime now = {}) const;

    // The login decision once the password was checked. A correct password on a Locked / Disabled /
    // Retired / throttled account is still refused. After PasswordExpired or MustChangeTemporary, the
    // caller runs changePassword and then evaluateLogin again with the new password to start the session.
    LoginDecision evaluateLogin(const AccountState& state, bool passwordOk, const QString& terminalId,
                                QDateTime now = {}) const;

    // AUTH-6 / AUTH-10: expiry counts from the last chosen password; unknown change time = expired.
    QDateTime passwordExpiresAt(const AccountState& state) const;
    bool isPasswordExpired(const AccountState& state, QDateTime now = {}) const;
    // Whole days left (rounded up) when within policy.warnDays of expiry, else -1.
    int expiryWarningDays(const AccountState& state, QDateTime now = {}) const;
    // AUTH-7: a temporary password not used within temporaryPasswordValidHours is void.
    bool isTemporaryExpired(const AccountState& state, QDateTime now = {}) const;

    // AUTH-3 / AUTH-7 / AUTH-12: reception issues a new ID with a random temporary password; the
    // identity check is recorded exactly as for a reset.
    AccountChange issueAccount(const QString& userId, bool privileged, const IdentityVerification& verification,
                               const Argon2Params& params, QDateTime now = {}) const;
    // AUTH-5: only an administrator other than the account holder unlocks.
    AccountChange unlock(const AccountState& state, const QString& targetUserId, const QString& adminId,
                         QDateTime now = {}) const;
    // Issue 12: the hub machine's operator unlocks at the console when no administrator can (`wardhub
    // emergency-unlock`). No staff ID names them, so unlockedBy stays empty; the hub's audit chain records the
    // operator and the reason.
    AccountChange emergencyUnlock(const AccountState& state, const QString& targetUserId, QDateTime now = {}) const;
    // AUTH-11: leave of absence keeps the ID; AUTH-3: retired is final, never re-enabled.
    AccountChange disable(const AccountState& state, const QString& targetUserId, const QString& adminId,
                          QDateTime now = {}) const;
    AccountChange enable(const AccountState& state, const QString& targetUserId, const QString& adminId,
                         QDateTime now = {}) const;
    AccountChange retire(const AccountState& state, const QString& targetUserId, const QString& adminId,
                         QDateTime now = {}) const;
    // AUTH-12: verification.verifiedBy is the acting registrar. The result carries a fresh temporary
    // password (mustChange) and clears any lock: the person has just proved who they are in person.
    // A disabled ID may be reset ahead of its return and stays disabled; a retired one is refused.
    // The chosen-password history is kept, so the user cannot go back to an old password afterwards.
    AccountChange resetPassword(const AccountState& state, const QString& targetUserId,
                                const IdentityVerification& verification, const Argon2Params& params,
                                QDateTime now = {}) const;
    // AUTH-6 / 002 §2.6.14(16): the old (or temporary) password is required; too many wrong ones lock
    // the account. The new password must pass PasswordRules, including history and "not the temporary".
    AccountChange changePassword(const AccountState& state, const QString& userId, bool oldPasswordOk,
                                 const SecureBytes& newPassword, const Argon2Params& params,
                                 QDateTime now = {}) const;

    static QDateTime resolveNow(const QDateTime& now);

private:
    AccountChange refuseAdmin(const AccountState& state, const QString& targetUserId, const QString& adminId) const;
    static AccountChange failed(const AccountState& state, AccountChange::Error error);
    // The lock and every failure counter cleared, as of `now`, by `unlockedBy` (empty: the hub operator).
    static AccountChange unlocked(const AccountState& state, const QString& unlockedBy, const QDateTime& now);
    // disable/enable/retire: an authorised admin other than the user sets the status and is recorded.
    AccountChange changeStatus(const AccountState& state, const QString& targetUserId, const QString& adminId,
                               const QDateTime& now, AccountState::Status status,
                               std::optional<AccountChange::Error> alreadyError) const;

    PasswordPolicy m_policy;
};

} // namespace ward
