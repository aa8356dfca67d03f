#pragma once

#include "auth/AccountState.h"
#include "auth/PasswordPolicy.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace ward {

// Administrator reports over the directory (the hub passes every account it holds). Only Active IDs
// are listed: disabled and retired IDs cannot log in, so they are neither stale nor "left open".
// Rows are sorted by user ID so two runs over the same data compare equal.
class AccountReports
{
public:
    using Entry = QPair<QString, AccountState>;

    struct Row
    {
        QString userId;
        // Stale: when the password was last chosen; unused: last login (or creation if never);
        // locked: when it locked; expired temporary: when it was issued. Invalid = unknown.
        QDateTime since;
        // Whole days from `since` to now; -1 when unknown.
        int days = -1;
        bool privileged = false;
        AccountState::LockReason lockReason = AccountState::LockReason::None;
    };

    // AUTH-6 / 003 §6.2(4)(イ): users whose chosen password is past its maximum age (the privileged
    // maximum for privileged IDs), i.e. who would be forced to change at their next login.
    static QList<Row> stalePasswords(const QList<Entry>& accounts, const PasswordPolicy& policy,
                                     QDateTime now = {});
    // AUTH-11 / 003 §6.2(1)(イ): IDs not used to log in for at least unusedDays.
    static QList<Row> unusedAccounts(const QList<Entry>& accounts, int unusedDays, QDateTime now = {});
    // AUTH-5: locked IDs waiting for an administrator.
    static QList<Row> lockedAccounts(const QList<Entry>& accounts, QDateTime now = {});
    // AUTH-10 / 002 §2.6.14(7)(8): the privileged IDs, for the periodic check that they stay few and
    // used (since = last login).
    static QList<Row> privilegedAccounts(const QList<Entry>& accounts, QDateTime now = {});
    // AUTH-7: temporary passwords that expired unused (the letter may be lost: issue a new one).
    static QList<Row> expiredTemporaryPasswords(const QList<Entry>& accounts, const PasswordPolicy& policy,
                                                QDateTime now = {});
};

} // namespace ward
