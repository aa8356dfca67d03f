#pragma once

#include "auth/JsonFieldError.h"

#include <QJsonObject>
#include <QList>

namespace ward {

// The hospital-wide password and account policy, set by IT at the hub and pushed to every terminal
// (CFG-3). The defaults are the seeds' numbers; every field is bounded so a corrupt or hostile push
// cannot switch a control off (e.g. a lockout threshold of 0 or a 10-year expiry).
struct PasswordPolicy
{
    // AUTH-6 / 003 §6.2(4): "8 bytes or more, variable length"; 8 is also the floor of the range.
    int minLength = 8;
    // Bounds the Argon2 input and what a login form must accept.
    int maxLength = 128;
    // Of the four classes lower / upper / digit / symbol (non-ASCII counts as symbol).
    int minCharacterClasses = 3;
    // AUTH-6 / 002 §2.6.14(15): generations kept (irreversibly) to stop reuse; includes the current one.
    int historyGenerations = 5;
    // AUTH-6 / 003 §6.2(4): at most two months; AUTH-10: privileged IDs stricter.
    int maxAgeDays = 60;
    int privilegedMaxAgeDays = 30;
    // AUTH-6 / 003 §6.2(4)(ウ): warn before expiry.
    int warnDays = 7;
    // AUTH-5 / 003 §6.2(2)6: consecutive failures that lock; AUTH-10: fewer for privileged IDs.
    int lockoutThreshold = 5;
    int privilegedLockoutThreshold = 3;
    // AUTH-5 不応時間: delay after the n-th consecutive failure is entry n-1; the last entry is the cap.
    QList<int> nonResponseDelaysMs = defaultNonResponseDelaysMs();
    // AUTH-6 / 002 §2.6.14(16): wrong old passwords during a change before the account locks.
    int changeOldPasswordFailureLimit = 3;
    // AUTH-7: a temporary password not used within this many hours is void (a lost letter expires).
    int temporaryPasswordValidHours = 72;
    int temporaryPasswordLength = 12;
    // AUTH-11: "unused for N days" report default.
    int unusedAccountDays = 90;
    // Carried for the policy push only; the session layer enforces them (SES-1, SES-6, AUTH-10).
    int idleLockMinutes = 5;
    int lockedSessionLogoutMinutes = 30;
    int privilegedSessionLimitMinutes = 60;

    // 1 s, 2 s, 4 s, 8 s, 16 s, then 30 s for every further failure.
    static QList<int> defaultNonResponseDelaysMs();

    int maxAgeDaysFor(bool privileged) const { return privileged ? privilegedMaxAgeDays : maxAgeDays; }
    int lockoutThresholdFor(bool privileged) const
    {
        return privileged ? privilegedLockoutThreshold : lockoutThreshold;
    }
    // Delay to impose after the given number of consecutive failures (0 → none).
    int nonResponseDelayMs(int consecutiveFailures) const;

    QJsonObject toJson() const;
    // Absent keys take the hospital-wide default (older hubs push fewer keys, EX-6); unknown keys are
    // ignored for the same reason. On any wrong type, out-of-range value or inconsistency (a privileged
    // rule laxer than the general one) returns false with *error set and leaves *out untouched.
    static bool fromJson(const QJsonObject& json, PasswordPolicy* out, JsonFieldError* error = nullptr);
    // The same cross-field checks for a policy built in code.
    bool validate(JsonFieldError* error = nullptr) const;

    bool operator==(const PasswordPolicy& o) const;
    bool operator!=(const PasswordPolicy& o) const { return !(*this == o); }
};

} // namespace ward
