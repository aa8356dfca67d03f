#include "hub/directory/SessionService.h"

#include "crypto/Argon2Kdf.h"
#include "crypto/Digest.h"
#include "crypto/KeyPair.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/directory/StaffCertificates.h"
#include "hub/directory/UserDirectory.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SessionService", text);
}

QString hashHex(const QByteArray& data)
{
    return QString::fromLatin1(Digest::sha256(data).toHex());
}

HubError loginFailed()
{
    return HubError(QStringLiteral("login_failed"), tr("User ID, password or card is not correct."), 401);
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

SessionService::SessionService(HubDatabase& db, UserDirectory& users, StaffCertificates& certs)
    : m_db(db)
    , m_users(users)
    , m_certs(certs)
{
}

QString SessionService::challenge(const QString& terminalId)
{
    const QByteArray nonce = Random::bytes(32);
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    m_db.exec(QStringLiteral("INSERT INTO card_challenges (nonce_hash, terminal_id, expires_at) VALUES (?, ?, ?)"),
              {hashHex(nonce), terminalId, now + kChallengeSeconds * 1000});
    return QString::fromLatin1(nonce.toBase64());
}

bool SessionService::checkCard(const QString& terminalId, const QString& userId, const QJsonObject& proof)
{
    const QString kind = proof.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("uid")) {
        const QByteArray uid = QByteArray::fromHex(proof.value(QStringLiteral("uid")).toString().toLatin1());
        return !uid.isEmpty() && m_users.hasUid(userId, uid);
    }
    if (kind != QLatin1String("piv"))
        throw HubError(QStringLiteral("bad_request"), tr("cardProof.kind must be \"piv\" or \"uid\"."), 400);
    const QByteArray challenge = QByteArray::fromBase64(proof.value(QStringLiteral("challenge")).toString().toLatin1());
    const QByteArray signature = QByteArray::fromBase64(proof.value(QStringLiteral("signature")).toString().toLatin1());
    if (challenge.size() != 32 || signature.isEmpty())
        return false;
    // The challenge must be one this hub issued to this terminal, unexpired and unused: a recorded card
    // answer cannot be replayed.
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    QSqlQuery used = m_db.exec(QStringLiteral("UPDATE card_challenges SET used_at = ? WHERE nonce_hash = ? AND terminal_id = ?"
                                              " AND used_at IS NULL AND expires_at > ?"),
                               {now, hashHex(challenge), terminalId, now});
    if (used.numRowsAffected() != 1)
        return false;
    for (const QByteArray& spki : m_users.pivKeys(userId)) {
        const auto key = KeyPair::fromPublicDer(spki);
        if (key && key->verify(challenge, signature))
            return true;
    }
    return false;
}

QJsonObject SessionService::login(const QString& terminalId, const QJsonObject& request)
{
    const QString userId = request.value(QStringLiteral("userId")).toString();
    const QJsonValue pwValue = request.value(QStringLiteral("password"));
    const QJsonObject proof = request.value(QStringLiteral("cardProof")).toObject();
    if (!UserDirectory::isValidUserId(userId) || !pwValue.isString() || pwValue.toString().size() > 256 || proof.isEmpty())
        throw HubError(QStringLiteral("bad_request"), tr("userId (10 characters), password and cardProof are required."), 400);
    SecureBytes password = SecureBytes::fromUtf8(pwValue.toString());
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();

    const auto user = m_users.find(userId);
    if (!user) {
        // Same work as for a real user, so timing does not reveal which ids exist.
        Argon2Kdf::verifyEncoded(Argon2Kdf::hashEncoded(password, Argon2Params()), password);
        throw loginFailed();
    }
    QJsonObject state = user->accountState;
    if (state.value(QStringLiteral("locked")).toBool())
        throw HubError(QStringLiteral("account_locked"),
                       tr("This account is locked after too many failed attempts. Ask an administrator to unlock it."), 403);
    const bool cardOk = m_db.transaction([&] { return checkCard(terminalId, userId, proof); });
    const bool passwordOk = Argon2Kdf::verifyEncoded(user->passwordVerifier, password);
    if (!cardOk || !passwordOk) {
        const int failures = state.value(QStringLiteral("failedAttempts")).toInt() + 1;
        state[QStringLiteral("failedAttempts")] = failures;
        state[QStringLiteral("failedSinceLastLogin")] = state.value(QStringLiteral("failedSinceLastLogin")).toInt() + 1;
        const bool lock = failures >= (user->privileged ? kPrivilegedMaxFailures : kMaxFailures);
        if (lock)
            state[QStringLiteral("locked")] = true;
        m_db.transaction([&] {
            m_users.saveAccountState(userId, state);
            if (lock)
                HubAuditLog(m_db).append(QStringLiteral("hub"), QStringLiteral("user.locked"),
                                         {{QStringLiteral("user"), userId}, {QStringLiteral("terminal"), terminalId},
                                          {QStringLiteral("failures"), failures}});
        });
        throw loginFailed();
    }
    if (user->status != QLatin1String("active"))
        throw HubError(QStringLiteral("account_disabled"), tr("This account is disabled. Contact the reception desk."), 403);

    const qint64 setAt = state.value(QStringLiteral("passwordSetAt")).toString().toLongLong();
    const qint64 maxAge = qint64(user->privileged ? kPrivilegedPasswordMaxAgeDays : kPasswordMaxAgeDays) * 86400000;
    const bool expired = setAt > 0 && now > setAt + maxAge;
    const QJsonObject lastLogin = state.value(QStringLiteral("lastLogin")).toObject();
    const int failedSince = state.value(QStringLiteral("failedSinceLastLogin")).toInt();

    const QByteArray token = Random::bytes(32);
    const int minutes = user->privileged ? kPrivilegedSessionMinutes : kSessionMinutes;
    const qint64 expiresAt = now + qint64(minutes) * 60000;
    state[QStringLiteral("failedAttempts")] = 0;
    state[QStringLiteral("failedSinceLastLogin")] = 0;
    state[QStringLiteral("lastLogin")] = QJsonObject{{QStringLiteral("at"), iso(now)}, {QStringLiteral("terminal"), terminalId}};
    m_db.transaction([&] {
        m_users.saveAccountState(userId, state);
        m_db.exec(QStringLiteral("INSERT INTO sessions (token_hash, user_id, terminal_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
                  {hashHex(token), userId, terminalId, now, expiresAt});
    });

    QJsonObject reply{
        {QStringLiteral("token"), QString::fromLatin1(token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))},
        {QStringLiteral("expiresAt"), iso(expiresAt)},
        {QStringLiteral("profile"), QJsonObject{{QStringLiteral("userId"), userId},
                                                {QStringLiteral("displayName"), user->displayName},
                                                {QStringLiteral("wards"), QJsonArray::fromStringList(user->wards)},
                                                {QStringLiteral("privileged"), user->privileged}}},
        {QStringLiteral("roles"), QJsonArray::fromStringList(user->roles)},
        // AUTH-9: where and when the previous login was, and failures since.
        {QStringLiteral("lastLogin"), lastLogin},
        {QStringLiteral("failedAttemptsSinceLastLogin"), failedSince},
        {QStringLiteral("passwordStatus"),
         QJsonObject{{QStringLiteral("mustChange"), state.value(QStringLiteral("mustChangePassword")).toBool() || expired},
                     {QStringLiteral("expired"), expired},
                     {QStringLiteral("expiresAt"), setAt > 0 ? iso(setAt + maxAge) : QString()}}},
    };
    const QList<Certificate> certs = m_certs.certificatesOf(userId);
    if (!certs.isEmpty())
        reply[QStringLiteral("certificate")] = QString::fromLatin1(certs.first().toPem());
    password.clear();
    return reply;
}

QString SessionService::userForToken(const QString& terminalId, const QString& bearerToken)
{
    const QByteArray token = QByteArray::fromBase64(bearerToken.toLatin1(), QByteArray::Base64UrlEncoding);
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id"
                                           " WHERE s.token_hash = ? AND s.terminal_id = ? AND s.expires_at > ? AND u.status = 'active'"),
                            {hashHex(token), terminalId, now});
    if (token.size() != 32 || !q.next())
        throw HubError(QStringLiteral("session_invalid"), tr("The session has expired or is not valid here. Log in again."), 401);
    return q.value(0).toString();
}

} // namespace ward::hub
