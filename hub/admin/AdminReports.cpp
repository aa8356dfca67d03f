#include "hub/admin/AdminReports.h"

#include "auth/AccountGuard.h"
#include "auth/AccountReports.h"
#include "hub/HubError.h"
#include "hub/directory/UserDirectory.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace ward::hub {

AdminReports::AdminReports(HubDatabase& db, UserDirectory& users)
    : m_db(db)
    , m_users(users)
{
}

QJsonObject AdminReports::report(const QString& kind, int days)
{
    const PasswordPolicy policy = m_users.passwordPolicy();
    const QDateTime now = Clock::instance().nowUtc();
    QList<AccountReports::Entry> accounts;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, account_state FROM users WHERE status = 'active' ORDER BY id"));
    while (q.next()) {
        AccountState state;
        if (AccountState::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object(), &state))
            accounts.append({q.value(0).toString(), state});
    }
    QList<AccountReports::Row> rows;
    QJsonArray out;
    auto row = [&](const AccountReports::Row& r) {
        return QJsonObject{{QStringLiteral("userId"), r.userId},
                           {QStringLiteral("since"), r.since.isValid() ? r.since.toString(Qt::ISODateWithMs) : QString()},
                           {QStringLiteral("days"), r.days},
                           {QStringLiteral("privileged"), r.privileged},
                           {QStringLiteral("lockReason"), AccountState::lockReasonName(r.lockReason)}};
    };
    if (kind == QLatin1String("locked")) {
        rows = AccountReports::lockedAccounts(accounts, now);
    } else if (kind == QLatin1String("unused")) {
        rows = AccountReports::unusedAccounts(accounts, days > 0 ? days : policy.unusedAccountDays, now);
    } else if (kind == QLatin1String("privileged")) {
        rows = AccountReports::privilegedAccounts(accounts, now);
    } else if (kind == QLatin1String("temporary-expired")) {
        rows = AccountReports::expiredTemporaryPasswords(accounts, policy, now);
    } else if (kind == QLatin1String("password-expiry")) {
        // AUTH-6: past expiry, or within the warning days (the desk reminds them before they are forced).
        const AccountGuard guard(policy);
        for (const auto& [id, state] : accounts) {
            if (state.mustChange)
                continue;
            const QDateTime expires = guard.passwordExpiresAt(state);
            if (!expires.isValid() || now.daysTo(expires) > policy.warnDays)
                continue;
            out.append(QJsonObject{{QStringLiteral("userId"), id},
                                   {QStringLiteral("expiresAt"), expires.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("expired"), expires <= now},
                                   {QStringLiteral("privileged"), state.privileged}});
        }
    } else if (kind == QLatin1String("cards-uncollected")) {
        // A card bound at the desk whose owner has not logged in since: not collected yet (or lost on the way).
        QHash<QString, AccountState> byId;
        for (const auto& [id, state] : accounts)
            byId.insert(id, state);
        QSqlQuery cards = m_db.exec(QStringLiteral("SELECT user_id, bound_at FROM card_bindings WHERE revoked_at IS NULL"
                                                   " ORDER BY user_id, bound_at"));
        while (cards.next()) {
            const auto state = byId.constFind(cards.value(0).toString());
            const QDateTime bound = QDateTime::fromMSecsSinceEpoch(cards.value(1).toLongLong(), Qt::UTC);
            if (state == byId.cend() || (state->lastSuccessAt.isValid() && state->lastSuccessAt >= bound))
                continue;
            out.append(QJsonObject{{QStringLiteral("userId"), state.key()},
                                   {QStringLiteral("since"), bound.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("days"), int(bound.daysTo(now))},
                                   {QStringLiteral("privileged"), state->privileged}});
        }
    } else {
        throw HubError(QStringLiteral("bad_request"),
                       QCoreApplication::translate("AdminReports",
                                                   "report must be locked, password-expiry, unused, privileged, temporary-expired or cards-uncollected."),
                       400);
    }
    for (const auto& r : rows)
        out.append(row(r));
    return {{QStringLiteral("report"), kind}, {QStringLiteral("at"), now.toString(Qt::ISODateWithMs)}, {QStringLiteral("rows"), out}};
}

QJsonObject AdminReports::auditPage(qint64 afterSeq, int limit)
{
    QJsonArray entries;
    qint64 last = afterSeq;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT seq, at, actor, action, detail, hash FROM hub_audit WHERE seq > ? ORDER BY seq LIMIT ?"),
                            {afterSeq, limit});
    while (q.next()) {
        last = q.value(0).toLongLong();
        entries.append(QJsonObject{{QStringLiteral("seq"), last},
                                   {QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC).toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("actor"), q.value(2).toString()},
                                   {QStringLiteral("action"), q.value(3).toString()},
                                   {QStringLiteral("detail"), QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object()},
                                   {QStringLiteral("hash"), q.value(5).toString()}});
    }
    return {{QStringLiteral("entries"), entries}, {QStringLiteral("next"), last}};
}

} // namespace ward::hub
