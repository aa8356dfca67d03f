#include "hub/directory/LoginAttempts.h"

#include "crypto/Argon2Kdf.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/directory/UserDirectory.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace ward::hub {

namespace {

QString toText(const AccountState& state)
{
    return QString::fromUtf8(QJsonDocument(state.toJson()).toJson(QJsonDocument::Compact));
}

AccountState fromText(const QString& text, const QString& userId)
{
    AccountState state;
    JsonFieldError error;
    if (!AccountState::fromJson(QJsonDocument::fromJson(text.toUtf8()).object(), &state, &error))
        throw HubError(QStringLiteral("storage"), QStringLiteral("account state of %1 is damaged: %2").arg(userId, error.message));
    return state;
}

} // namespace

LoginAttempts::LoginAttempts(HubDatabase& db, UserDirectory& users)
    : m_db(db)
    , m_users(users)
{
}

const QString& LoginAttempts::decoyVerifier()
{
    // Same parameters as every verifier the hub writes, so checking it costs what checking a real one costs.
    static const QString verifier = Argon2Kdf::hashEncoded(Random::secureBytes(32), Argon2Params());
    return verifier;
}

AccountState LoginAttempts::lockedState(const QString& userId, bool* known, QString* verifier)
{
    QSqlQuery user = m_db.exec(QStringLiteral("SELECT password_verifier, account_state FROM users WHERE id = ?") + m_db.forUpdate(),
                               {userId});
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    // Decoys are purged on every attempt (known or not), so both paths run the same statements.
    m_db.exec(QStringLiteral("DELETE FROM login_decoys WHERE updated_at < ?"), {now - kDecoyKeepMs});
    if (user.next()) {
        *known = true;
        *verifier = user.value(0).toString();
        return fromText(user.value(1).toString(), userId);
    }
    *known = false;
    *verifier = decoyVerifier();
    AccountState fresh;
    fresh.createdAt = Clock::instance().nowUtc();
    fresh.passwordChangedAt = fresh.createdAt;
    m_db.exec(QStringLiteral("INSERT INTO login_decoys (user_id, account_state, updated_at) VALUES (?, ?, ?)"
                             " ON CONFLICT (user_id) DO NOTHING"),
              {userId, toText(fresh), now});
    QSqlQuery decoy = m_db.exec(QStringLiteral("SELECT account_state FROM login_decoys WHERE user_id = ?") + m_db.forUpdate(), {userId});
    if (!decoy.next())
        throw HubError(QStringLiteral("storage"), QStringLiteral("decoy account row missing"));
    return fromText(decoy.value(0).toString(), userId);
}

LoginAttempts::Charge LoginAttempts::charge(const QString& userId, const AccountGuard& guard, const Failure& failure,
                                            const std::function<void()>& admitted)
{
    Charge c;
    m_db.transaction([&] {
        c.before = lockedState(userId, &c.known, &c.verifier);
        c.refused = guard.refuseBeforeVerifying(c.before);
        if (c.refused)
            return;
        if (admitted)
            admitted();
        c.charged = failure(c.before);
        if (c.known)
            m_users.store(userId, c.charged);
        else
            m_db.exec(QStringLiteral("UPDATE login_decoys SET account_state = ?, updated_at = ? WHERE user_id = ?"),
                      {toText(c.charged), Clock::instance().nowUtc().toMSecsSinceEpoch(), userId});
    });
    return c;
}

AccountState LoginAttempts::refunded(const QString& userId, const Charge& charge)
{
    bool known = false;
    QString verifier;
    const AccountState current = lockedState(userId, &known, &verifier);
    const QJsonObject before = charge.before.toJson();
    const QJsonObject charged = charge.charged.toJson();
    QJsonObject now = current.toJson();
    QSet<QString> keys;
    for (const QString& k : before.keys() + charged.keys())
        keys.insert(k);
    for (const QString& k : keys) {
        // Only what this attempt changed, and only where no later attempt (or administrator) changed it again.
        if (charged.value(k) == before.value(k) || now.value(k) != charged.value(k))
            continue;
        if (before.contains(k))
            now[k] = before.value(k);
        else
            now.remove(k);
    }
    AccountState out;
    if (!AccountState::fromJson(now, &out))
        return current;
    return out;
}

} // namespace ward::hub
