#pragma once

#include "crypto/Argon2Kdf.h"
#include "session/LoginBackend.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QUrl>
#include <functional>

class QNetworkReply;

namespace ward {

// Online login against wardhub over mutual TLS (the hub is authoritative: lockout, disabled, expiry, card
// binding). Deliberately small: the sync layer's HubClient can replace the transport later.
//
// Protocol (hub/directory/SessionService):
//   POST /api/v1/session/challenge            -> {challenge: base64(32 bytes)}      (PIV only)
//   the card signs the challenge with key 9E  (worker thread, PC/SC)
//   POST /api/v1/session {userId, password, cardProof: {kind: "piv", challenge, signature} | {kind: "uid", uid}}
//        -> 200 {token, profile{displayName, wards, privileged}, roles, lastLogin{at, terminal},
//                failedAttemptsSinceLastLogin, passwordStatus{mustChange, expired, expiresAt}}
//        -> 401 login_failed | 403 account_locked | 403 account_disabled
//   GET  /api/v1/network-slot-key             -> {key: base64}  (first login here: create the user's slot)
// Needed from the hub, client side implemented here (404 is reported as "not supported by this hub"):
//   POST /api/v1/password {userId, oldPassword, newPassword, cardProof} -> 200 | 401 login_failed |
//        422 password_rejected {message} | 403 account_locked
//   POST /api/v1/session/fallback {userId, code, password} -> as /session; 401 fallback_code_invalid
//
// After the hub accepts, the vault opens through the user's slot, or (no slot yet, or the password changed
// at the hub) through the network slot, and the user's slot is (re)written so later logins work offline.
// The offline cache (OfflineAccountCache) is refreshed from the hub's answer.
class HubLoginBackend : public LoginBackend
{
    Q_OBJECT

public:
    HubLoginBackend(QUrl baseUrl, QSslConfiguration tls, QString vaultDir, QString terminalId,
                    QObject* parent = nullptr);

    // Argon2 parameters for a vault created at the first login on a fresh terminal.
    void setVaultKdf(const Argon2Params& params) { m_kdf = params; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void login(const LoginAttempt& attempt) override;
    void changePassword(const PasswordChangeRequest& request) override;

    // Blocking, for the worker thread: the PIV card in `reader` signs `challenge` with key 9E.
    struct CardSignature
    {
        QByteArray signature;
        QString error;  // translated; empty on success
        bool cardRemoved = false;
    };
    static CardSignature signChallenge(const QString& reader, const QByteArray& challenge);

private:
    using ProofHandler = std::function<void(const QJsonObject& proof, const LoginVerdict& failure)>;
    void buildCardProof(const CardIdentity& card, const QString& reader, const ProofHandler& done);
    QNetworkReply* post(const QString& path, const QJsonObject& body);
    // bearerToken: the session token of the login this call belongs to (Authorization: Bearer).
    QNetworkReply* get(const QString& path, const QString& bearerToken = QString());
    void sessionAnswered(QNetworkReply* reply, const LoginAttempt& attempt);
    void rememberRefusal(const QString& userId, LoginVerdict::Outcome outcome);
    void openVault(const LoginAttempt& attempt, LoginVerdict verdict, const QJsonObject& answer);
    void finishLogin(const LoginAttempt& attempt, LoginVerdict verdict, const QJsonObject& answer);
    static LoginVerdict transportFailure(QNetworkReply* reply);
    static QJsonObject replyObject(QNetworkReply* reply);

    QNetworkAccessManager m_net;
    QUrl m_base;
    QSslConfiguration m_tls;
    QString m_dir;
    QString m_terminal;
    Argon2Params m_kdf;
    int m_timeoutMs = 8000;
};

} // namespace ward
