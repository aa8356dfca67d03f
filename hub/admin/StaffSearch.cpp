#include "hub/admin/StaffSearch.h"

#include "auth/AccountState.h"
#include "hub/HubError.h"
#include "hub/directory/UserDirectory.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubDatabase.h"
#include "records/KanaFolding.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSqlQuery>

namespace ward::hub {

namespace {

QString isoOrEmpty(const QDateTime& t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}

QString placeholders(int n)
{
    QStringList p;
    for (int i = 0; i < n; ++i)
        p << QStringLiteral("?");
    return p.join(QLatin1Char(','));
}

} // namespace

StaffSearch::StaffSearch(HubDatabase& db, const DataKeys& keys)
    : m_db(db)
    , m_keys(keys)
{
}

void StaffSearch::openNames(Entry* e, const QByteArray& sealedName, const QByteArray& sealedKana) const
{
    QByteArray plain;
    if (!m_keys.openIdentity(sealedName, UserDirectory::nameAad(e->id), &plain))
        throw HubError(QStringLiteral("keys"), QStringLiteral("display name of %1 does not open").arg(e->id));
    e->name = QString::fromUtf8(plain);
    e->kana.clear();
    if (!sealedKana.isEmpty()) {
        if (!m_keys.openIdentity(sealedKana, UserDirectory::kanaAad(e->id), &plain))
            throw HubError(QStringLiteral("keys"), QStringLiteral("kana of %1 does not open").arg(e->id));
        e->kana = QString::fromUtf8(plain);
    }
    e->folded = KanaFolding::fold(e->name) + QChar(0x1F) + KanaFolding::fold(e->kana);
}

void StaffSearch::refresh()
{
    m_db.snapshot([&] {
        QSqlQuery f = m_db.exec(QStringLiteral("SELECT COUNT(*), COALESCE(MAX(seq), 0), COALESCE(SUM(version), 0) FROM users"));
        const QString fingerprint = f.next() ? QStringLiteral("%1/%2/%3").arg(f.value(0).toString(), f.value(1).toString(), f.value(2).toString())
                                             : QString();
        if (fingerprint == m_fingerprint && !m_fingerprint.isEmpty())
            return;
        // Names of users whose version did not move are kept; the others are opened (sealed columns read only then).
        QHash<QString, qint64> stale;
        QList<Entry> entries;
        QHash<QString, int> index;
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, version, status, roles, wards FROM users ORDER BY id"));
        while (q.next()) {
            Entry e;
            e.id = q.value(0).toString();
            e.version = q.value(1).toLongLong();
            e.status = q.value(2).toString();
            e.roles = q.value(3).toString();
            e.wards = q.value(4).toString();
            const auto old = m_index.constFind(e.id);
            if (old != m_index.cend() && m_entries.at(*old).version == e.version) {
                e.name = m_entries.at(*old).name;
                e.kana = m_entries.at(*old).kana;
                e.folded = m_entries.at(*old).folded;
            } else {
                stale.insert(e.id, e.version);
            }
            index.insert(e.id, int(entries.size()));
            entries.append(e);
        }
        if (!stale.isEmpty()) {
            QSqlQuery names = m_db.exec(QStringLiteral("SELECT id, display_name, kana FROM users"));
            while (names.next()) {
                const auto at = index.constFind(names.value(0).toString());
                if (at != index.cend() && stale.contains(names.value(0).toString()))
                    openNames(&entries[*at], names.value(1).toByteArray(), names.value(2).toByteArray());
            }
        }
        m_entries = std::move(entries);
        m_index = std::move(index);
        m_fingerprint = fingerprint;
    });
}

QJsonObject StaffSearch::search(const AdminRequest::Search& request)
{
    const QString folded = KanaFolding::fold(request.text);
    const QString idPrefix = request.text.toUpper();
    // roles and wards are compact JSON arrays of ids; ids never contain '"', so this is an exact element match.
    const QString role = QStringLiteral("\"%1\"").arg(request.role);
    const QString ward = QStringLiteral("\"%1\"").arg(request.ward);
    QStringList matches;
    {
        QMutexLocker lock(&m_mutex);
        refresh();
        for (const Entry& e : std::as_const(m_entries)) {
            if ((!request.status.isEmpty() && e.status != request.status) || (!request.role.isEmpty() && !e.roles.contains(role))
                || (!request.ward.isEmpty() && !e.wards.contains(ward)))
                continue;
            if (request.text.isEmpty() || e.id.startsWith(idPrefix) || (!folded.isEmpty() && e.folded.contains(folded)))
                matches << e.id;
        }
    }
    const QStringList page = matches.mid(request.offset, request.limit);
    return {{QStringLiteral("total"), int(matches.size())},
            {QStringLiteral("offset"), request.offset},
            {QStringLiteral("limit"), request.limit},
            {QStringLiteral("staff"), rows(page)}};
}

QJsonObject StaffSearch::person(const QString& userId)
{
    const QJsonArray found = rows({userId});
    if (found.isEmpty())
        throw HubError(QStringLiteral("not_found"), QCoreApplication::translate("StaffSearch", "No user with id %1.").arg(userId), 404);
    return found.first().toObject();
}

QJsonArray StaffSearch::rows(const QStringList& ids)
{
    QJsonArray out;
    if (ids.isEmpty())
        return out;
    QVariantList values;
    for (const QString& id : ids)
        values << id;
    const QDateTime now = Clock::instance().nowUtc();
    QHash<QString, QJsonObject> byId;
    m_db.snapshot([&] {
        QHash<QString, QJsonArray> activeCards;
        QHash<QString, int> revokedCards;
        QSqlQuery cards = m_db.exec(QStringLiteral("SELECT user_id, kind, key_id, revoked_at, bound_at FROM card_bindings WHERE user_id IN (%1)")
                                        .arg(placeholders(ids.size())),
                                    values);
        while (cards.next()) {
            const QString user = cards.value(0).toString();
            if (!cards.value(3).isNull()) {
                ++revokedCards[user];
                continue;
            }
            activeCards[user].append(QJsonObject{
                {QStringLiteral("kind"), cards.value(1).toString()},
                {QStringLiteral("keyId"), cards.value(2).toString()},
                {QStringLiteral("boundAt"), QDateTime::fromMSecsSinceEpoch(cards.value(4).toLongLong(), Qt::UTC).toString(Qt::ISODateWithMs)}});
        }
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, version, display_name, kana, roles, wards, privileged, status, account_state"
                                               " FROM users WHERE id IN (%1)")
                                    .arg(placeholders(ids.size())),
                                values);
        while (q.next()) {
            Entry names;
            names.id = q.value(0).toString();
            const QString& id = names.id;
            openNames(&names, q.value(2).toByteArray(), q.value(3).toByteArray());
            AccountState state;
            AccountState::fromJson(QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object(), &state);
            const QJsonArray active = activeCards.value(id);
            const int revoked = revokedCards.value(id);
            byId.insert(id, QJsonObject{
                {QStringLiteral("userId"), id},
                {QStringLiteral("version"), q.value(1).toLongLong()},
                {QStringLiteral("name"), names.name},
                {QStringLiteral("kana"), names.kana},
                {QStringLiteral("roles"), QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array()},
                {QStringLiteral("wards"), QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array()},
                {QStringLiteral("privileged"), q.value(6).toInt() != 0},
                {QStringLiteral("status"), q.value(7).toString()},
                {QStringLiteral("locked"), state.isLocked()},
                {QStringLiteral("cardStatus"), !active.isEmpty() ? QStringLiteral("active") : revoked > 0 ? QStringLiteral("revoked")
                                                                                                          : QStringLiteral("none")},
                {QStringLiteral("cards"), active},
                {QStringLiteral("revokedCards"), revoked},
                {QStringLiteral("lastLoginAt"), isoOrEmpty(state.lastSuccessAt)},
                {QStringLiteral("lastLoginTerminal"), state.lastSuccessTerminal},
                {QStringLiteral("passwordChangedAt"), isoOrEmpty(state.passwordChangedAt)},
                {QStringLiteral("passwordAgeDays"), state.passwordChangedAt.isValid() ? int(state.passwordChangedAt.daysTo(now)) : -1},
                {QStringLiteral("temporaryPassword"), state.mustChange},
            });
        }
    });
    for (const QString& id : ids)
        if (byId.contains(id))
            out.append(byId.value(id));
    return out;
}

} // namespace ward::hub
