#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace ward::hub {

class HubDatabase;
class UserDirectory;

// AUTH-2: one-time codes that stand in for a forgotten or broken IC card. Reception issues one after seeing the
// person; it is printed once and only its SHA-256 is stored. The password is still required at login
// (SessionService::fallbackLogin), so a leaked code alone opens nothing.
class FallbackCodes
{
public:
    static constexpr int kDefaultMinutes = 8 * 60; // one shift
    static constexpr int kMaxMinutes = 12 * 60;
    static constexpr int kCodeLength = 12;

    FallbackCodes(HubDatabase& db, UserDirectory& users);

    // The acting admin (proved by their password at the console) must hold users.manage. Returns the code (shown
    // once, grouped XXXX-XXXX-XXXX). Throws HubError bad_request (validity), not_found (user), forbidden (admin).
    QString issue(const QString& userId, const QString& adminId, int validMinutes, const QJsonObject& auditContext = {});
    // The same inside the caller's transaction, for a caller that has already authorised the admin (the reception
    // desk's POST /api/v1/admin/cards/fallback-code needs cards.manage). auditContext is merged into the audit
    // detail (terminal, reason); the code itself is never in it. *expiresAt gets the end of its validity.
    QString issueIn(const QString& userId, const QString& adminId, int validMinutes, const QJsonObject& auditContext,
                    QDateTime* expiresAt);
    // The id of an unused, unexpired code of this user matching `code` (case, spaces and dashes ignored).
    std::optional<QString> findUsable(const QString& userId, const QString& code);
    // Marks the code used by this terminal; false when it was spent meanwhile. Call inside a transaction.
    bool spend(const QString& codeId, const QString& terminalId);

    static QString normalise(const QString& code);

private:
    HubDatabase& m_db;
    UserDirectory& m_users;
};

} // namespace ward::hub
