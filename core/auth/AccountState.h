#pragma once

#include "auth/IdentityVerification.h"
#include "auth/JsonFieldError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ward {

// Everything the policy engine needs to remember about one user ID. The hub keeps the authoritative
// copy in its directory; the terminal keeps the last one it synced (plus OfflineFailureCounter). The
// current login verifier is not here: the hub directory and the vault key slots own it.
struct AccountState
{
    // AUTH-11: Disabled is reversible (leave of absence keeps the ID); Retired is final (AUTH-3).
    enum class Status { Active, Disabled, Retired };
    enum class LockReason { None, FailedLogins, FailedOldPassword };

    Status status = Status::Active;
    // AUTH-10: stricter expiry and lockout.
    bool privileged = false;
    QDateTime createdAt;

    // AUTH-5: consecutive failures since the last successful login; reaching the threshold locks.
    int failedCount = 0;
    // Next attempt not before this time (不応時間); enforced at the hub, not just by the login screen.
    QDateTime retryNotBefore;
    QDateTime lockedAt;
    LockReason lockReason = LockReason::None;
    QString unlockedBy;
    QDateTime unlockedAt;

    // AUTH-9: shown at login so the user notices misuse.
    QDateTime lastSuccessAt;
    QString lastSuccessTerminal;
    int failuresSinceSuccess = 0;
    QDateTime lastFailureAt;
    QString lastFailureTerminal;

    // AUTH-6: when the user last chose a password (expiry counts from here).
    QDateTime passwordChangedAt;
    // AUTH-7: a temporary password is in force; it must be changed at first login and expires.
    bool mustChange = false;
    QDateTime temporaryIssuedAt;
    // The temporary password's verifier, so the first chosen password cannot be the temporary one.
    QString temporaryVerifier;
    // AUTH-6: Argon2id PHC verifiers of the chosen passwords, newest (the current one) first.
    QStringList passwordHistory;
    // AUTH-6 / 002 §2.6.14(16): wrong old passwords during change attempts.
    int oldPasswordFailures = 0;

    // AUTH-11: who last changed the status, and when.
    QString statusChangedBy;
    QDateTime statusChangedAt;
    // AUTH-12: how identity was verified at the last reset (the full history is in the audit trail).
    IdentityVerification lastResetVerification;
    QDateTime lastResetAt;

    bool isLocked() const { return lockedAt.isValid(); }

    static constexpr int kMaxHistory = 24;
    static constexpr int kMaxVerifierLength = 256;
    static constexpr int kMaxTerminalLength = 64;
    static constexpr int kMaxCount = 1000000;

    QJsonObject toJson() const;
    // Refuses wrong types, unknown enum names, absurd counts, verifiers that are not Argon2id PHC
    // strings, and impossible combinations (a locked account without a reason); *out is untouched then.
    static bool fromJson(const QJsonObject& json, AccountState* out, JsonFieldError* error = nullptr);

    static QString statusName(Status s);
    static QString lockReasonName(LockReason r);

    bool operator==(const AccountState& o) const;
    bool operator!=(const AccountState& o) const { return !(*this == o); }
};

} // namespace ward
