#pragma once

#include "auth/AccountState.h"
#include "auth/JsonFieldError.h"
#include "auth/LoginDecision.h"
#include "auth/PasswordPolicy.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ward {

// The terminal's own record of login attempts made while the hub was unreachable (design: "offline, the
// terminal's user slot and a local failure counter apply, and the results sync later"). The terminal
// keeps it in the vault, pushes it to the hub at the next sync, and clears a user's entry once the hub
// acknowledged it.
//
// Merge rule, reconcile(hubState, local): the stricter side wins and failures are additive.
//  - Lockout counter: hub.failedCount + local.consecutiveFailures. The hub's count is never lowered
//    from a terminal: the hub cannot order events across terminals whose clocks may be skewed (AUD-3),
//    and a guesser who spreads attempts over several offline terminals must still meet one threshold
//    for the whole fleet, not one per terminal. A genuine offline login (card + password unwrapping the
//    key slot) does end the local run of failures, exactly as an online success would.
//  - AUTH-9 display: hub.failuresSinceSuccess + local.failures — it may over-report, never hide misuse.
//  - Locked if either side locked, or the merged count reaches the threshold.
//  - Non-response delay: the later retryNotBefore. Last success / last failure: the later one.
//  - Status, privilege, password and history: the hub's (only the hub changes them; a terminal never
//    re-enables, unlocks or changes a password offline).
// The terminal uses the same merge offline, on its cached hub state, before AccountGuard::evaluateLogin,
// so local attempts are limited by the same threshold.
class OfflineFailureCounter
{
public:
    struct Entry
    {
        // Every failure recorded here since the hub last acknowledged this user's entry.
        int failures = 0;
        // Failures since the last local proof of the password (reset by a correct password).
        int consecutiveFailures = 0;
        QDateTime lastFailureAt;
        QString lastFailureTerminal;
        QDateTime lastSuccessAt;
        QString lastSuccessTerminal;
        QDateTime retryNotBefore;
        // The terminal locked the account offline.
        QDateTime lockedAt;

        bool isEmpty() const;
        QJsonObject toJson() const;
        static bool fromJson(const QJsonObject& json, Entry* out, JsonFieldError* error = nullptr);
        bool operator==(const Entry& o) const { return toJson() == o.toJson(); }
    };

    static constexpr int kMaxUsers = 10000;

    void recordFailure(const QString& userId, const QString& terminalId, QDateTime now = {});
    void recordSuccess(const QString& userId, const QString& terminalId, QDateTime now = {});
    // Applies a decision AccountGuard made offline: failures count, a lock is remembered, a correct
    // password ends the local run, and only Ok is a login (AUTH-9 "last login").
    void record(const QString& userId, const LoginDecision& decision, const QString& terminalId,
                QDateTime now = {});

    Entry entry(const QString& userId) const { return m_entries.value(userId); }
    QStringList users() const;
    // The hub merged this user's entry (its acknowledgement of the push).
    void acknowledge(const QString& userId) { m_entries.remove(userId); }

    static AccountState reconcile(const AccountState& hubState, const Entry& local, const PasswordPolicy& policy,
                                  QDateTime now = {});

    QJsonObject toJson() const;
    // All-or-nothing: a bad user ID or entry refuses the whole document and leaves *out untouched.
    static bool fromJson(const QJsonObject& json, OfflineFailureCounter* out, JsonFieldError* error = nullptr);

private:
    QHash<QString, Entry> m_entries;
};

} // namespace ward
