#pragma once

#include <QJsonObject>
#include <QString>

namespace ward::hub {

class HubDatabase;
class StaffCertificates;
class UserDirectory;

// Online login (the hub is authoritative when reachable): card proof + password → a short-lived session token
// (random 256 bits; only its SHA-256 is stored). AUTH-1: both factors are checked before anything else is
// revealed; unknown user, wrong password and wrong card all answer the same "login_failed".
class SessionService
{
public:
    static constexpr int kChallengeSeconds = 120;
    static constexpr int kSessionMinutes = 60;
    static constexpr int kPrivilegedSessionMinutes = 15; // AUTH-10
    static constexpr int kMaxFailures = 5;                // AUTH-5 (privileged: 3)
    static constexpr int kPrivilegedMaxFailures = 3;
    static constexpr int kPasswordMaxAgeDays = 60;        // AUTH-6: two months by default
    static constexpr int kPrivilegedPasswordMaxAgeDays = 30;

    SessionService(HubDatabase& db, UserDirectory& users, StaffCertificates& certs);

    // A one-time card challenge for this terminal (base64).
    QString challenge(const QString& terminalId);
    // The /api/v1/session request body → response JSON, or HubError (401 login_failed, 403 account_locked /
    // account_disabled, 400 bad_request).
    QJsonObject login(const QString& terminalId, const QJsonObject& request);
    // The user behind a live token issued to this terminal; HubError 401 session_invalid otherwise.
    QString userForToken(const QString& terminalId, const QString& bearerToken);

private:
    bool checkCard(const QString& terminalId, const QString& userId, const QJsonObject& proof);

    HubDatabase& m_db;
    UserDirectory& m_users;
    StaffCertificates& m_certs;
};

} // namespace ward::hub
