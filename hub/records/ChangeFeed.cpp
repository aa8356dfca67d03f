#include "hub/records/ChangeFeed.h"

#include "hub/HubError.h"
#include "hub/records/PatientRegistry.h"
#include "hub/records/RecordIngest.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubDatabase.h"
#include "policy/SignedPolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <algorithm>
#include <limits>

namespace ward::hub {

namespace {

struct Item
{
    qint64 seq;
    QJsonObject json;
};

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString b64(const QByteArray& b)
{
    return QString::fromLatin1(b.toBase64());
}

} // namespace

ChangeFeed::ChangeFeed(HubDatabase& db, const DataKeys& keys)
    : m_db(db)
    , m_keys(keys)
{
}

QJsonObject ChangeFeed::changes(const TerminalRegistry::Terminal& terminal, qint64 cursor, int limit)
{
    if (cursor < 0)
        throw HubError(QStringLiteral("bad_request"), QStringLiteral("cursor must be ≥ 0"), 400);
    if (limit < 1 || limit > kMaxLimit)
        throw HubError(QStringLiteral("bad_request"), QStringLiteral("limit must be 1..%1").arg(kMaxLimit), 400);

    // Each source is read up to `limit` rows past the cursor. When a source returns a full page, rows beyond its
    // last seq were not looked at, so the page may only contain items up to the smallest such bound.
    qint64 bound = std::numeric_limits<qint64>::max();
    qint64 maxSeen = cursor;
    QList<Item> items;
    auto source = [&](const QString& sql, const QVariantList& extra, const std::function<void(QSqlQuery&, qint64)>& onRow) {
        QVariantList values{cursor};
        values += extra;
        values << limit;
        QSqlQuery q = m_db.exec(sql, values);
        int rows = 0;
        qint64 last = cursor;
        while (q.next()) {
            ++rows;
            last = q.value(0).toLongLong();
            onRow(q, last);
        }
        if (rows == limit)
            bound = std::min(bound, last);
        maxSeen = std::max(maxSeen, last);
    };
    // All sources read one committed state, so an item can neither be missed nor appear twice across sources.
    m_db.snapshot([&] {
        source(QStringLiteral("SELECT seq, id, name FROM wards WHERE seq > ? ORDER BY seq LIMIT ?"), {}, [&](QSqlQuery& q, qint64 seq) {
            items << Item{seq, {{QStringLiteral("kind"), QStringLiteral("ward")}, {QStringLiteral("id"), q.value(1).toString()},
                                {QStringLiteral("name"), q.value(2).toString()}}};
        });
        source(QStringLiteral("SELECT seq, id, name, permissions, removed_at FROM roles WHERE seq > ? ORDER BY seq LIMIT ?"), {},
               [&](QSqlQuery& q, qint64 seq) {
                   QJsonObject role{{QStringLiteral("kind"), QStringLiteral("role")}, {QStringLiteral("id"), q.value(1).toString()},
                                    {QStringLiteral("name"), q.value(2).toString()},
                                    {QStringLiteral("permissions"), QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array()}};
                   // AC-1: a role the policy removed; the terminal drops it from its directory.
                   if (!q.value(4).isNull())
                       role.insert(QStringLiteral("removed"), true);
                   items << Item{seq, role};
               });
        source(QStringLiteral("SELECT seq, id, display_name, roles, wards, privileged, status FROM users WHERE seq > ? ORDER BY seq LIMIT ?"), {},
               [&](QSqlQuery& q, qint64 seq) {
                   const QString id = q.value(1).toString();
                   QByteArray name;
                   if (!m_keys.openIdentity(q.value(2).toByteArray(), QByteArrayLiteral("users/") + id.toUtf8() + QByteArrayLiteral("/display_name"), &name))
                       throw HubError(QStringLiteral("keys"), QStringLiteral("display name of %1 does not open").arg(id));
                   const QJsonArray wards = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array();
                   QJsonObject user{{QStringLiteral("kind"), QStringLiteral("user")}, {QStringLiteral("id"), id},
                                    {QStringLiteral("displayName"), QString::fromUtf8(name)},
                                    {QStringLiteral("roles"), QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array()},
                                    {QStringLiteral("wards"), wards}, {QStringLiteral("privileged"), q.value(5).toInt() != 0},
                                    {QStringLiteral("status"), q.value(6).toString()}};
                   if (wards.contains(terminal.ward)) {
                       QJsonArray cards;
                       // UID badges as the terminals' keyed digest only (issue 10): never the hub's own digest.
                       QSqlQuery c = m_db.exec(QStringLiteral("SELECT kind, CASE WHEN kind = 'uid' THEN terminal_key_id ELSE key_id END, public_key"
                                                              " FROM card_bindings WHERE user_id = ? AND revoked_at IS NULL"),
                                               {id});
                       while (c.next()) {
                           QJsonObject card{{QStringLiteral("kind"), c.value(0).toString()}, {QStringLiteral("keyId"), c.value(1).toString()}};
                           if (!c.value(2).isNull())
                               card[QStringLiteral("publicKey")] = b64(c.value(2).toByteArray());
                           cards.append(card);
                       }
                       user[QStringLiteral("cards")] = cards;
                   }
                   items << Item{seq, user};
               });
        source(QStringLiteral("SELECT seq, serial, user_id, cert_der, revoked_at FROM staff_certs WHERE seq > ? ORDER BY seq LIMIT ?"), {},
               [&](QSqlQuery& q, qint64 seq) {
                   QJsonObject cert{{QStringLiteral("kind"), QStringLiteral("staffCert")}, {QStringLiteral("serial"), q.value(1).toString()},
                                    {QStringLiteral("userId"), q.value(2).toString()}, {QStringLiteral("certificate"), b64(q.value(3).toByteArray())}};
                   // Issue 10: a revoked certificate comes again with its revocation time.
                   if (!q.value(4).isNull())
                       cert[QStringLiteral("revokedAt")] = iso(q.value(4).toLongLong());
                   items << Item{seq, cert};
               });
        // BCP-1 offline: the ward's emergency letter (its sealed key) and its use period, for the terminals' emergency
        // slots. Only the terminal's own ward's account.
        source(QStringLiteral("SELECT seq, user_id, ward, state, letter_serial, letter_key, first_used_at, usable_until"
                              " FROM emergency_accounts WHERE seq > ? AND ward = ? ORDER BY seq LIMIT ?"),
               {terminal.ward}, [&](QSqlQuery& q, qint64 seq) {
                   QJsonObject letter{{QStringLiteral("kind"), QStringLiteral("emergencyLetter")},
                                      {QStringLiteral("id"), q.value(1).toString()}, {QStringLiteral("ward"), q.value(2).toString()},
                                      {QStringLiteral("state"), q.value(3).toString()}, {QStringLiteral("letter"), q.value(4).toInt()},
                                      {QStringLiteral("key"), QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object()}};
                   if (!q.value(6).isNull())
                       letter[QStringLiteral("firstUsedAt")] = iso(q.value(6).toLongLong());
                   if (!q.value(7).isNull())
                       letter[QStringLiteral("usableUntil")] = iso(q.value(7).toLongLong());
                   items << Item{seq, letter};
               });
        source(QStringLiteral("SELECT seq, version, json, signature FROM policy WHERE seq > ? ORDER BY seq LIMIT ?"), {}, [&](QSqlQuery& q, qint64 seq) {
            // CFG-2: the version with the hub's signature, exactly as SignedPolicy reads it on the terminal.
            SignedPolicy p;
            p.version = q.value(1).toInt();
            p.policy = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
            p.signature = QByteArray::fromBase64(q.value(3).toString().toLatin1());
            items << Item{seq, p.toFeedItem()};
        });
        source(QStringLiteral("SELECT seq, id, ward, identity, updated_at FROM patients WHERE seq > ? AND ward = ? ORDER BY seq LIMIT ?"),
               {terminal.ward}, [&](QSqlQuery& q, qint64 seq) {
                   PatientRegistry patients(m_db, m_keys);
                   const QString id = q.value(1).toString();
                   items << Item{seq, {{QStringLiteral("kind"), QStringLiteral("patient")}, {QStringLiteral("id"), id},
                                       {QStringLiteral("ward"), q.value(2).toString()},
                                       {QStringLiteral("identity"), patients.identity(id, q.value(3).toByteArray())},
                                       {QStringLiteral("updatedAt"), iso(q.value(4).toLongLong())}}};
               });
        source(QStringLiteral("SELECT seq, record_id, version, patient_id, type, ward, author, prev_hash, body, signature, ts_token,"
                              " received_at FROM records WHERE seq > ? AND ward = ? ORDER BY seq LIMIT ?"),
               {terminal.ward}, [&](QSqlQuery& q, qint64 seq) {
                   const QString id = q.value(1).toString();
                   const int version = q.value(2).toInt();
                   QByteArray body;
                   if (!m_keys.openHealth(q.value(8).toByteArray(), RecordIngest::bodyAad(id, version), &body))
                       throw HubError(QStringLiteral("keys"), QStringLiteral("record body %1/%2 does not open").arg(id).arg(version));
                   items << Item{seq, {{QStringLiteral("kind"), QStringLiteral("record")}, {QStringLiteral("recordId"), id},
                                       {QStringLiteral("version"), version}, {QStringLiteral("patientId"), q.value(3).toString()},
                                       {QStringLiteral("type"), q.value(4).toString()}, {QStringLiteral("ward"), q.value(5).toString()},
                                       {QStringLiteral("author"), q.value(6).toString()}, {QStringLiteral("prevHash"), q.value(7).toString()},
                                       {QStringLiteral("body"), b64(body)}, {QStringLiteral("signature"), b64(q.value(9).toByteArray())},
                                       {QStringLiteral("timestampToken"), b64(q.value(10).toByteArray())},
                                       {QStringLiteral("receivedAt"), iso(q.value(11).toLongLong())}}};
               });
    });

    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.seq < b.seq; });
    QJsonArray out;
    qint64 next = cursor;
    bool more = bound != std::numeric_limits<qint64>::max();
    for (const Item& it : items) {
        if (it.seq > bound)
            break;
        if (out.size() == limit) {
            more = true;
            break;
        }
        QJsonObject j = it.json;
        j[QStringLiteral("seq")] = it.seq;
        out.append(j);
        next = it.seq;
    }
    if (out.size() < limit && !more)
        next = std::max(next, maxSeen); // rows of other wards seen on the way also move the cursor on
    else if (out.size() < limit && bound != std::numeric_limits<qint64>::max())
        next = std::max(next, bound);
    return {{QStringLiteral("cursor"), cursor}, {QStringLiteral("nextCursor"), next}, {QStringLiteral("hasMore"), more},
            {QStringLiteral("items"), out}};
}

} // namespace ward::hub
