#include "hub/directory/UserDirectory.h"

#include "crypto/Argon2Kdf.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("UserDirectory", text);
}

QString toJsonText(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString toJsonText(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QStringList fromJsonList(const QString& text)
{
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

qint64 nowMs()
{
    return Clock::instance().nowUtc().toMSecsSinceEpoch();
}

SecureBytes temporaryPassword()
{
    // No look-alike characters: read from a printed slip at the reception desk.
    static const char kAlphabet[] = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    const QByteArray r = Random::bytes(UserDirectory::kTemporaryPasswordLength);
    SecureBytes pw(UserDirectory::kTemporaryPasswordLength);
    for (int i = 0; i < r.size(); ++i)
        pw.data()[i] = static_cast<std::uint8_t>(kAlphabet[static_cast<unsigned char>(r[i]) % (sizeof(kAlphabet) - 1)]);
    return pw;
}

} // namespace

UserDirectory::UserDirectory(HubDatabase& db, const DataKeys& keys)
    : m_db(db)
    , m_keys(keys)
{
}

bool UserDirectory::isValidUserId(const QString& id)
{
    static const QRegularExpression kId(QStringLiteral("^[A-Za-z0-9]{10}$"));
    return kId.match(id).hasMatch();
}

QString UserDirectory::uidHash(const QByteArray& uid)
{
    return QString::fromLatin1(Digest::sha256(QByteArrayLiteral("ward-card-uid:") + uid.toUpper()).toHex());
}

QByteArray UserDirectory::nameAad(const QString& id) const
{
    return QByteArrayLiteral("users/") + id.toUtf8() + QByteArrayLiteral("/display_name");
}

void UserDirectory::seedDefaultRoles()
{
    const QList<QPair<QString, QStringList>> roles{
        {QStringLiteral("nurse"), {QStringLiteral("chart.read"), QStringLiteral("chart.write.nursing"), QStringLiteral("vitals.write")}},
        {QStringLiteral("doctor"), {QStringLiteral("chart.read"), QStringLiteral("chart.write"), QStringLiteral("orders.write"),
                                    QStringLiteral("proxy.approve")}},
        {QStringLiteral("clerk"), {QStringLiteral("chart.read.identity"), QStringLiteral("proxy.enter")}},
        {QStringLiteral("reception"), {QStringLiteral("users.manage"), QStringLiteral("cards.manage")}},
        {QStringLiteral("it"), {QStringLiteral("terminals.manage"), QStringLiteral("policy.manage")}},
        {QStringLiteral("auditor"), {QStringLiteral("audit.read")}},
    };
    m_db.transaction([&] {
        for (const auto& r : roles) {
            QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM roles WHERE id = ?"), {r.first});
            if (q.next())
                continue;
            m_db.exec(QStringLiteral("INSERT INTO roles (id, name, permissions, seq) VALUES (?, ?, ?, ?)"),
                      {r.first, r.first, toJsonText(QJsonArray::fromStringList(r.second)), m_db.takeSequence()});
        }
    });
}

void UserDirectory::ensureWard(const QString& ward, const QString& name)
{
    m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM wards WHERE id = ?"), {ward});
        if (!q.next())
            m_db.exec(QStringLiteral("INSERT INTO wards (id, name, seq) VALUES (?, ?, ?)"), {ward, name, m_db.takeSequence()});
    });
}

SecureBytes UserDirectory::addUser(const QString& id, const QString& displayName, const QStringList& roles,
                                   const QStringList& wards, bool privileged, const QString& actor)
{
    if (!isValidUserId(id))
        throw HubError(QStringLiteral("bad_request"), tr("A user id is exactly 10 letters or digits; \"%1\" is not.").arg(id), 400);
    if (displayName.trimmed().isEmpty() || displayName.size() > 100)
        throw HubError(QStringLiteral("bad_request"), tr("The display name must be 1 to 100 characters."), 400);
    if (roles.isEmpty())
        throw HubError(QStringLiteral("bad_request"), tr("A user needs at least one role."), 400);
    const SecureBytes password = temporaryPassword();
    const QString verifier = Argon2Kdf::hashEncoded(password, Argon2Params());
    m_db.transaction([&] {
        QSqlQuery existing = m_db.exec(QStringLiteral("SELECT status FROM users WHERE id = ?"), {id});
        if (existing.next())
            throw HubError(QStringLiteral("conflict"),
                           tr("User id %1 exists already (status %2); ids are never reused.").arg(id, existing.value(0).toString()), 409);
        for (const QString& role : roles) {
            QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM roles WHERE id = ?"), {role});
            if (!q.next())
                throw HubError(QStringLiteral("bad_request"), tr("Unknown role \"%1\".").arg(role), 400);
        }
        for (const QString& ward : wards) {
            QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM wards WHERE id = ?"), {ward});
            if (!q.next())
                throw HubError(QStringLiteral("bad_request"), tr("Unknown ward \"%1\".").arg(ward), 400);
        }
        const QJsonObject state{{QStringLiteral("failedAttempts"), 0},
                                {QStringLiteral("passwordSetAt"), QString::number(nowMs())},
                                {QStringLiteral("mustChangePassword"), true}};
        m_db.exec(QStringLiteral("INSERT INTO users (id, display_name, roles, wards, privileged, status, password_verifier,"
                                 " password_history, account_state, created_at, seq) VALUES (?, ?, ?, ?, ?, 'active', ?, '[]', ?, ?, ?)"),
                  {id, m_keys.sealIdentity(displayName.toUtf8(), nameAad(id)), toJsonText(QJsonArray::fromStringList(roles)),
                   toJsonText(QJsonArray::fromStringList(wards)), privileged ? 1 : 0, verifier, toJsonText(state), nowMs(),
                   m_db.takeSequence()});
        HubAuditLog(m_db).append(actor, QStringLiteral("user.add"),
                                 {{QStringLiteral("user"), id}, {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
                                  {QStringLiteral("wards"), QJsonArray::fromStringList(wards)},
                                  {QStringLiteral("privileged"), privileged}});
    });
    return password;
}

void UserDirectory::requireUser(const QString& id)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {id});
    if (!q.next())
        throw HubError(QStringLiteral("not_found"), tr("No user with id %1.").arg(id), 404);
}

void UserDirectory::setStatus(const QString& id, const QString& status, const QString& actor)
{
    if (status != QLatin1String("active") && status != QLatin1String("disabled") && status != QLatin1String("retired"))
        throw HubError(QStringLiteral("bad_request"), tr("Unknown status %1.").arg(status), 400);
    m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT status FROM users WHERE id = ?"), {id});
        if (!q.next())
            throw HubError(QStringLiteral("not_found"), tr("No user with id %1.").arg(id), 404);
        const QString old = q.value(0).toString();
        if (old == QLatin1String("retired") && status != old)
            throw HubError(QStringLiteral("conflict"), tr("User %1 is retired; a retired account cannot be reactivated.").arg(id), 409);
        m_db.exec(QStringLiteral("UPDATE users SET status = ?, seq = ? WHERE id = ?"), {status, m_db.takeSequence(), id});
        if (status == QLatin1String("active")) {
            // AUTH-5: only an administrator unlocks; enabling is that act.
            QSqlQuery st = m_db.exec(QStringLiteral("SELECT account_state FROM users WHERE id = ?"), {id});
            QJsonObject state = st.next() ? QJsonDocument::fromJson(st.value(0).toString().toUtf8()).object() : QJsonObject();
            state[QStringLiteral("failedAttempts")] = 0;
            state.remove(QStringLiteral("locked"));
            saveAccountState(id, state);
        }
        if (status != QLatin1String("active"))
            m_db.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {id}); // ends live sessions at once
        HubAuditLog(m_db).append(actor, QStringLiteral("user.status"),
                                 {{QStringLiteral("user"), id}, {QStringLiteral("from"), old}, {QStringLiteral("to"), status}});
    });
}

SecureBytes UserDirectory::resetPassword(const QString& id, const QString& verifiedBy, const QString& method,
                                         const QString& document, const QString& actor)
{
    if (verifiedBy.trimmed().isEmpty() || method.trimmed().isEmpty() || document.trimmed().isEmpty())
        throw HubError(QStringLiteral("bad_request"),
                       tr("A password reset needs --verified-by, --method and --document (AUTH-12: identity checked in person)."), 400);
    requireUser(id);
    const SecureBytes password = temporaryPassword();
    m_db.transaction([&] {
        setPassword(id, password, true);
        m_db.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {id});
        HubAuditLog(m_db).append(actor, QStringLiteral("user.reset_password"),
                                 {{QStringLiteral("user"), id}, {QStringLiteral("verifiedBy"), verifiedBy},
                                  {QStringLiteral("method"), method}, {QStringLiteral("document"), document}});
    });
    return password;
}

void UserDirectory::setPassword(const QString& userId, const SecureBytes& password, bool temporary)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT password_verifier, password_history, account_state FROM users WHERE id = ?"), {userId});
    if (!q.next())
        throw HubError(QStringLiteral("not_found"), tr("No user with id %1.").arg(userId), 404);
    QJsonArray history = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array();
    history.prepend(q.value(0).toString());
    while (history.size() > kPasswordHistory)
        history.removeLast();
    QJsonObject state = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
    state[QStringLiteral("passwordSetAt")] = QString::number(nowMs());
    state[QStringLiteral("mustChangePassword")] = temporary;
    state[QStringLiteral("failedAttempts")] = 0;
    state.remove(QStringLiteral("lockedUntil"));
    m_db.exec(QStringLiteral("UPDATE users SET password_verifier = ?, password_history = ?, account_state = ?, seq = ? WHERE id = ?"),
              {Argon2Kdf::hashEncoded(password, Argon2Params()), toJsonText(history), toJsonText(state), m_db.takeSequence(), userId});
}

bool UserDirectory::isInHistory(const QString& userId, const SecureBytes& password)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT password_verifier, password_history FROM users WHERE id = ?"), {userId});
    if (!q.next())
        return false;
    if (Argon2Kdf::verifyEncoded(q.value(0).toString(), password))
        return true;
    for (const QJsonValue& v : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array())
        if (Argon2Kdf::verifyEncoded(v.toString(), password))
            return true;
    return false;
}

void UserDirectory::bindPivCard(const QString& userId, const QByteArray& publicKeyDer, const QString& actor)
{
    requireUser(userId);
    const QString keyId = QString::fromLatin1(Digest::sha256(publicKeyDer).toHex());
    m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM card_bindings WHERE user_id = ? AND kind = 'piv' AND key_id = ?"), {userId, keyId});
        if (q.next())
            return;
        m_db.exec(QStringLiteral("INSERT INTO card_bindings (user_id, kind, key_id, public_key, bound_at) VALUES (?, 'piv', ?, ?, ?)"),
                  {userId, keyId, publicKeyDer, nowMs()});
        m_db.exec(QStringLiteral("UPDATE users SET seq = ? WHERE id = ?"), {m_db.takeSequence(), userId});
        HubAuditLog(m_db).append(actor, QStringLiteral("card.bind"),
                                 {{QStringLiteral("user"), userId}, {QStringLiteral("kind"), QStringLiteral("piv")}, {QStringLiteral("keyId"), keyId}});
    });
}

void UserDirectory::bindUidCard(const QString& userId, const QByteArray& uid, const QString& actor)
{
    requireUser(userId);
    if (uid.size() < 4 || uid.size() > 10)
        throw HubError(QStringLiteral("bad_request"), tr("A card UID is 4 to 10 bytes."), 400);
    const QString keyId = uidHash(uid);
    m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT user_id FROM card_bindings WHERE kind = 'uid' AND key_id = ? AND revoked_at IS NULL"), {keyId});
        if (q.next()) {
            if (q.value(0).toString() == userId)
                return;
            throw HubError(QStringLiteral("conflict"), tr("This card is already bound to another user."), 409);
        }
        m_db.exec(QStringLiteral("INSERT INTO card_bindings (user_id, kind, key_id, bound_at) VALUES (?, 'uid', ?, ?)"),
                  {userId, keyId, nowMs()});
        m_db.exec(QStringLiteral("UPDATE users SET seq = ? WHERE id = ?"), {m_db.takeSequence(), userId});
        HubAuditLog(m_db).append(actor, QStringLiteral("card.bind"), {{QStringLiteral("user"), userId}, {QStringLiteral("kind"), QStringLiteral("uid")}});
    });
}

std::optional<UserDirectory::User> UserDirectory::find(const QString& id)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT display_name, roles, wards, privileged, status, password_verifier, account_state, seq"
                                           " FROM users WHERE id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    User u;
    u.id = id;
    QByteArray name;
    if (!m_keys.openIdentity(q.value(0).toByteArray(), nameAad(id), &name))
        throw HubError(QStringLiteral("keys"), QStringLiteral("display name of %1 does not open").arg(id));
    u.displayName = QString::fromUtf8(name);
    u.roles = fromJsonList(q.value(1).toString());
    u.wards = fromJsonList(q.value(2).toString());
    u.privileged = q.value(3).toInt() != 0;
    u.status = q.value(4).toString();
    u.passwordVerifier = q.value(5).toString();
    u.accountState = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    u.seq = q.value(7).toLongLong();
    return u;
}

QList<QByteArray> UserDirectory::pivKeys(const QString& userId)
{
    QList<QByteArray> keys;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT public_key FROM card_bindings WHERE user_id = ? AND kind = 'piv' AND revoked_at IS NULL"), {userId});
    while (q.next())
        keys << q.value(0).toByteArray();
    return keys;
}

bool UserDirectory::hasUid(const QString& userId, const QByteArray& uid)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT 1 FROM card_bindings WHERE user_id = ? AND kind = 'uid' AND key_id = ? AND revoked_at IS NULL"),
                            {userId, uidHash(uid)});
    return q.next();
}

void UserDirectory::saveAccountState(const QString& userId, const QJsonObject& state)
{
    m_db.exec(QStringLiteral("UPDATE users SET account_state = ? WHERE id = ?"), {toJsonText(state), userId});
}

} // namespace ward::hub
