#include "auth/OfflineFailureCounter.h"

#include "auth/AccountGuard.h"
#include "auth/JsonReader.h"
#include "auth/UserId.h"

#include <QCoreApplication>
#include <algorithm>

namespace ward {

namespace {
const QString kFailures = QStringLiteral("failures");
const QString kConsecutive = QStringLiteral("consecutiveFailures");
const QString kLastFailureAt = QStringLiteral("lastFailureAt");
const QString kLastFailureTerminal = QStringLiteral("lastFailureTerminal");
const QString kLastSuccessAt = QStringLiteral("lastSuccessAt");
const QString kLastSuccessTerminal = QStringLiteral("lastSuccessTerminal");
const QString kRetryNotBefore = QStringLiteral("retryNotBefore");
const QString kLockedAt = QStringLiteral("lockedAt");
const QString kUsers = QStringLiteral("users");

QDateTime later(const QDateTime& a, const QDateTime& b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return std::max(a, b);
}
} // namespace

bool OfflineFailureCounter::Entry::isEmpty() const
{
    return failures == 0 && consecutiveFailures == 0 && !lastSuccessAt.isValid() && !lockedAt.isValid();
}

QJsonObject OfflineFailureCounter::Entry::toJson() const
{
    return QJsonObject{{kFailures, failures},
                       {kConsecutive, consecutiveFailures},
                       {kLastFailureAt, JsonReader::dateTimeToJson(lastFailureAt)},
                       {kLastFailureTerminal, lastFailureTerminal},
                       {kLastSuccessAt, JsonReader::dateTimeToJson(lastSuccessAt)},
                       {kLastSuccessTerminal, lastSuccessTerminal},
                       {kRetryNotBefore, JsonReader::dateTimeToJson(retryNotBefore)},
                       {kLockedAt, JsonReader::dateTimeToJson(lockedAt)}};
}

bool OfflineFailureCounter::Entry::fromJson(const QJsonObject& json, Entry* out, JsonFieldError* error)
{
    Entry e;
    JsonReader r(json);
    r.readInt(kFailures, 0, AccountState::kMaxCount, &e.failures, true);
    r.readInt(kConsecutive, 0, AccountState::kMaxCount, &e.consecutiveFailures, true);
    r.readDateTime(kLastFailureAt, &e.lastFailureAt);
    r.readString(kLastFailureTerminal, AccountState::kMaxTerminalLength, &e.lastFailureTerminal);
    r.readDateTime(kLastSuccessAt, &e.lastSuccessAt);
    r.readString(kLastSuccessTerminal, AccountState::kMaxTerminalLength, &e.lastSuccessTerminal);
    r.readDateTime(kRetryNotBefore, &e.retryNotBefore);
    r.readDateTime(kLockedAt, &e.lockedAt);
    if (r.ok() && e.consecutiveFailures > e.failures)
        r.fail(kConsecutive, QCoreApplication::translate("OfflineFailureCounter", "must not exceed failures"));
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return false;
    }
    *out = e;
    return true;
}

void OfflineFailureCounter::recordFailure(const QString& userId, const QString& terminalId, QDateTime now)
{
    now = AccountGuard::resolveNow(now);
    Entry& e = m_entries[userId];
    e.failures = std::min(e.failures + 1, AccountState::kMaxCount);
    e.consecutiveFailures = std::min(e.consecutiveFailures + 1, e.failures);
    e.lastFailureAt = now;
    e.lastFailureTerminal = terminalId.left(AccountState::kMaxTerminalLength);
}

void OfflineFailureCounter::recordSuccess(const QString& userId, const QString& terminalId, QDateTime now)
{
    now = AccountGuard::resolveNow(now);
    Entry& e = m_entries[userId];
    e.consecutiveFailures = 0;
    e.retryNotBefore = QDateTime();
    e.lastSuccessAt = now;
    e.lastSuccessTerminal = terminalId.left(AccountState::kMaxTerminalLength);
}

void OfflineFailureCounter::record(const QString& userId, const LoginDecision& decision, const QString& terminalId,
                                   QDateTime now)
{
    now = AccountGuard::resolveNow(now);
    using O = LoginDecision::Outcome;
    switch (decision.outcome) {
    case O::WrongPassword:
        recordFailure(userId, terminalId, now);
        m_entries[userId].retryNotBefore = decision.newState.retryNotBefore;
        break;
    case O::Locked:
        if (decision.lockedNow) {
            recordFailure(userId, terminalId, now);
            m_entries[userId].lockedAt = now;
        }
        break;
    case O::Ok:
        recordSuccess(userId, terminalId, now);
        break;
    case O::PasswordExpired:
    case O::MustChangeTemporary:
    case O::TemporaryExpired:
        // The password was right, so the local run of failures ends, but no session started.
        if (m_entries.contains(userId)) {
            m_entries[userId].consecutiveFailures = 0;
            m_entries[userId].retryNotBefore = QDateTime();
        }
        break;
    case O::Throttled:
    case O::Disabled:
    case O::Retired:
        break;
    }
}

QStringList OfflineFailureCounter::users() const
{
    QStringList ids = m_entries.keys();
    ids.sort();
    return ids;
}

AccountState OfflineFailureCounter::reconcile(const AccountState& hubState, const Entry& local,
                                              const PasswordPolicy& policy, QDateTime now)
{
    now = AccountGuard::resolveNow(now);
    AccountState s = hubState;
    s.failedCount = std::min(hubState.failedCount + local.consecutiveFailures, AccountState::kMaxCount);
    s.failuresSinceSuccess = std::min(hubState.failuresSinceSuccess + local.failures, AccountState::kMaxCount);
    if (local.lastFailureAt.isValid() && later(hubState.lastFailureAt, local.lastFailureAt) == local.lastFailureAt) {
        s.lastFailureAt = local.lastFailureAt;
        s.lastFailureTerminal = local.lastFailureTerminal;
    }
    if (local.lastSuccessAt.isValid() && later(hubState.lastSuccessAt, local.lastSuccessAt) == local.lastSuccessAt) {
        s.lastSuccessAt = local.lastSuccessAt;
        s.lastSuccessTerminal = local.lastSuccessTerminal;
    }
    s.retryNotBefore = later(hubState.retryNotBefore, local.retryNotBefore);
    if (!s.isLocked()) {
        if (local.lockedAt.isValid()) {
            s.lockedAt = local.lockedAt;
            s.lockReason = AccountState::LockReason::FailedLogins;
        } else if (s.failedCount >= policy.lockoutThresholdFor(s.privileged)) {
            s.lockedAt = now;
            s.lockReason = AccountState::LockReason::FailedLogins;
        }
    }
    if (s.isLocked())
        s.retryNotBefore = QDateTime();
    return s;
}

QJsonObject OfflineFailureCounter::toJson() const
{
    QJsonObject users;
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it)
        users.insert(it.key(), it.value().toJson());
    return QJsonObject{{kUsers, users}};
}

bool OfflineFailureCounter::fromJson(const QJsonObject& json, OfflineFailureCounter* out, JsonFieldError* error)
{
    JsonReader r(json);
    QJsonObject users;
    r.readObject(kUsers, &users, true);
    if (r.ok() && users.size() > kMaxUsers)
        r.fail(kUsers, QCoreApplication::translate("OfflineFailureCounter", "has more than %1 users").arg(kMaxUsers));
    OfflineFailureCounter counter;
    for (auto it = users.constBegin(); r.ok() && it != users.constEnd(); ++it) {
        const QString field = kUsers + QLatin1Char('.') + it.key();
        if (!UserId::isValid(it.key())) {
            r.fail(field, UserId::message(UserId::validate(it.key())));
            break;
        }
        if (!it.value().isObject()) {
            r.fail(field, QCoreApplication::translate("JsonReader", "must be an object"));
            break;
        }
        Entry e;
        JsonFieldError inner;
        if (!Entry::fromJson(it.value().toObject(), &e, &inner)) {
            r.fail(field + QLatin1Char('.') + inner.field, inner.message);
            break;
        }
        counter.m_entries.insert(it.key(), e);
    }
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return false;
    }
    *out = counter;
    return true;
}

} // namespace ward
