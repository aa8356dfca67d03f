#pragma once

#include <QJsonObject>
#include <QString>

namespace ward::hub {

class HubDatabase;
class UserDirectory;

// The administrator's account reports over the hub directory (AUTH-5, AUTH-6, AUTH-7, AUTH-10, AUTH-11), decided by
// core/auth AccountReports under the hospital's password policy, and the hub audit chain for auditors (read-only).
class AdminReports
{
public:
    AdminReports(HubDatabase& db, UserDirectory& users);

    // kind: locked | password-expiry (past or within the warning days) | unused (days: N, default the policy's
    // unusedAccountDays) | privileged | temporary-expired. {report, rows: [{userId, since, days, privileged, …}]}.
    QJsonObject report(const QString& kind, int days);
    // Audit chain entries after `afterSeq`, oldest first, at most `limit`; {entries, next}.
    QJsonObject auditPage(qint64 afterSeq, int limit);

private:
    HubDatabase& m_db;
    UserDirectory& m_users;
};

} // namespace ward::hub
