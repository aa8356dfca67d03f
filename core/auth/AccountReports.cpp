#include "auth/AccountReports.h"

#include "auth/AccountGuard.h"

#include <algorithm>

namespace ward {

namespace {
constexpr qint64 kMsPerDay = 24LL * 60 * 60 * 1000;

AccountReports::Row row(const AccountReports::Entry& e, const QDateTime& since, const QDateTime& now)
{
    AccountReports::Row r;
    r.userId = e.first;
    r.since = since;
    // A time ahead of now (a skewed terminal clock) counts as zero days, not a negative age.
    r.days = since.isValid() ? static_cast<int>(std::max<qint64>(0, since.msecsTo(now)) / kMsPerDay) : -1;
    r.privileged = e.second.privileged;
    r.lockReason = e.second.lockReason;
    return r;
}

QList<AccountReports::Row> sorted(QList<AccountReports::Row> rows)
{
    std::sort(rows.begin(), rows.end(),
              [](const AccountReports::Row& a, const AccountReports::Row& b) { return a.userId < b.userId; });
    return rows;
}

bool active(const AccountReports::Entry& e)
{
    return e.second.status == AccountState::Status::Active;
}
} // namespace

QList<AccountReports::Row> AccountReports::stalePasswords(const QList<Entry>& accounts, const PasswordPolicy& policy,
                                                          QDateTime now)
{
    now = AccountGuard::resolveNow(now);
    const AccountGuard guard(policy);
    QList<Row> rows;
    for (const Entry& e : accounts) {
        // A pending temporary password has its own expiry (expiredTemporaryPasswords).
        if (active(e) && !e.second.mustChange && guard.isPasswordExpired(e.second, now))
            rows.append(row(e, e.second.passwordChangedAt, now));
    }
    return sorted(rows);
}

QList<AccountReports::Row> AccountReports::unusedAccounts(const QList<Entry>& accounts, int unusedDays, QDateTime now)
{
    now = AccountGuard::resolveNow(now);
    const QDateTime cutoff = now.addDays(-std::max(0, unusedDays));
    QList<Row> rows;
    for (const Entry& e : accounts) {
        if (!active(e))
            continue;
        // Never logged in: the ID has been open since it was created.
        const QDateTime lastUse = e.second.lastSuccessAt.isValid() ? e.second.lastSuccessAt : e.second.createdAt;
        if (!lastUse.isValid() || lastUse <= cutoff)
            rows.append(row(e, lastUse, now));
    }
    return sorted(rows);
}

QList<AccountReports::Row> AccountReports::lockedAccounts(const QList<Entry>& accounts, QDateTime now)
{
    now = AccountGuard::resolveNow(now);
    QList<Row> rows;
    for (const Entry& e : accounts) {
        if (active(e) && e.second.isLocked())
            rows.append(row(e, e.second.lockedAt, now));
    }
    return sorted(rows);
}

QList<AccountReports::Row> AccountReports::privilegedAccounts(const QList<Entry>& accounts, QDateTime now)
{
    now = AccountGuard::resolveNow(now);
    QList<Row> rows;
    for (const Entry& e : accounts) {
        if (active(e) && e.second.privileged)
            rows.append(row(e, e.second.lastSuccessAt, now));
    }
    return sorted(rows);
}

QList<AccountReports::Row> AccountReports::expiredTemporaryPasswords(const QList<Entry>& accounts,
                                                                     const PasswordPolicy& policy, QDateTime now)
{
    now = AccountGuard::resolveNow(now);
    const AccountGuard guard(policy);
    QList<Row> rows;
    for (const Entry& e : accounts) {
        if (active(e) && e.second.mustChange && guard.isTemporaryExpired(e.second, now))
            rows.append(row(e, e.second.temporaryIssuedAt, now));
    }
    return sorted(rows);
}

} // namespace ward
