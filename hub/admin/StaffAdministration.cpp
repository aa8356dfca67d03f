#include "hub/admin/StaffAdministration.h"

#include "auth/AccountGuard.h"
#include "auth/UserId.h"
#include "crypto/Certificate.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/directory/FallbackCodes.h"
#include "hub/directory/UserDirectory.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("StaffAdministration", text);
}

qint64 nowMs()
{
    return Clock::instance().nowUtc().toMSecsSinceEpoch();
}

QByteArray requestAad(const QString& requestId)
{
    return QByteArrayLiteral("admin_requests/") + requestId.toLatin1();
}

QString secret(const SecureBytes& password)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(password.data()), static_cast<int>(password.size()));
}

} // namespace

StaffAdministration::StaffAdministration(HubDatabase& db, const DataKeys& keys, UserDirectory& users, AdminSessions& sessions,
                                         FallbackCodes& fallbackCodes)
    : m_db(db)
    , m_keys(keys)
    , m_users(users)
    , m_sessions(sessions)
    , m_fallbackCodes(fallbackCodes)
{
}

QJsonObject StaffAdministration::context(const Admin& admin, const QString& reason) const
{
    QJsonObject c{{QStringLiteral("terminal"), admin.terminalId}, {QStringLiteral("via"), QStringLiteral("admin-api")}};
    if (!reason.isEmpty())
        c[QStringLiteral("reason")] = reason;
    return c;
}

QString StaffAdministration::nextId(const QString& requestedPrefix)
{
    const QString prefix = requestedPrefix.isEmpty() ? m_sessions.policy().defaultIdPrefix : requestedPrefix;
    if (!AdminRequest::isIdPrefix(prefix))
        throw HubError(QStringLiteral("bad_request"), tr("idPrefix must be 1 to 6 capital letters A-Z."), 400);
    const int digits = UserId::kLength - int(prefix.size());
    qint64 highest = 0;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id FROM users WHERE id LIKE ?"), {prefix + QStringLiteral("%")});
    while (q.next()) {
        bool ok = false;
        const QString rest = q.value(0).toString().mid(prefix.size());
        const qint64 n = rest.toLongLong(&ok);
        if (ok && rest.size() == digits && !rest.startsWith(QLatin1Char('+')) && !rest.startsWith(QLatin1Char('-')))
            highest = std::max(highest, n);
    }
    const QString next = QStringLiteral("%1").arg(highest + 1, digits, 10, QLatin1Char('0'));
    if (next.size() > digits)
        throw HubError(QStringLiteral("conflict"), tr("Every id with prefix %1 is used. Choose another prefix.").arg(prefix), 409);
    return prefix + next;
}

void StaffAdministration::requireVersion(const QString& userId, qint64 expected)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT version FROM users WHERE id = ?") + m_db.forUpdate(), {userId});
    if (!q.next())
        throw HubError(QStringLiteral("not_found"), tr("No user with id %1.").arg(userId), 404);
    const qint64 current = q.value(0).toLongLong();
    if (current != expected)
        throw HubError(QStringLiteral("version_conflict"),
                       tr("%1 was changed by someone else while you were working (version %2, you saw %3). Reload the person, "
                          "check the change and try again.")
                           .arg(userId)
                           .arg(current)
                           .arg(expected),
                       409);
}

qint64 StaffAdministration::bumpVersion(const QString& userId)
{
    m_db.exec(QStringLiteral("UPDATE users SET version = version + 1 WHERE id = ?"), {userId});
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT version FROM users WHERE id = ?"), {userId});
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool StaffAdministration::grantsPrivilege(const QStringList& oldRoles, bool oldPrivileged, const QStringList& newRoles, bool newPrivileged)
{
    if (newPrivileged && !oldPrivileged)
        return true;
    const QStringList privileged = m_sessions.policy().privilegedPermissions;
    const QSet<QString> before = m_sessions.permissionsOf(oldRoles);
    for (const QString& p : m_sessions.permissionsOf(newRoles))
        if (privileged.contains(p) && !before.contains(p))
            return true;
    return false;
}

QString StaffAdministration::fileRequest(const Admin& admin, const QString& kind, const QString& userId, const QJsonObject& body)
{
    const QString id = QString::fromLatin1(Random::bytes(16).toHex());
    // The body names the person (name, kana): sealed like the directory's names.
    const QByteArray sealed = m_keys.sealIdentity(QJsonDocument(body).toJson(QJsonDocument::Compact), requestAad(id));
    m_db.exec(QStringLiteral("INSERT INTO admin_requests (id, kind, user_id, body, requested_by, requested_terminal, requested_at, status)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')"),
              {id, kind, userId, QString::fromLatin1(sealed.toBase64()), admin.userId, admin.terminalId, nowMs()});
    QJsonObject detail = context(admin, body.value(QStringLiteral("reason")).toString());
    detail[QStringLiteral("request")] = id;
    detail[QStringLiteral("kind")] = kind;
    detail[QStringLiteral("user")] = userId;
    detail[QStringLiteral("roles")] = body.value(QStringLiteral("roles"));
    detail[QStringLiteral("privileged")] = body.value(QStringLiteral("privileged"));
    HubAuditLog(m_db).append(admin.userId, QStringLiteral("admin_request.file"), detail);
    return id;
}

QJsonObject StaffAdministration::registerStaff(const Admin& admin, const AdminRequest::Registration& r, int* status)
{
    const QString id = r.userId.isEmpty() ? nextId(r.idPrefix) : r.userId;
    IdentityVerification verification;
    verification.method = r.method;
    verification.documentRef = r.documentRef;
    verification.verifiedBy = admin.userId;
    verification.verifiedAt = Clock::instance().nowUtc();
    if (grantsPrivilege({}, false, r.roles, r.privileged)) {
        *status = 202;
        const QJsonObject body{{QStringLiteral("userId"), id},
                               {QStringLiteral("name"), r.name},
                               {QStringLiteral("kana"), r.kana},
                               {QStringLiteral("roles"), QJsonArray::fromStringList(r.roles)},
                               {QStringLiteral("wards"), QJsonArray::fromStringList(r.wards)},
                               {QStringLiteral("privileged"), r.privileged},
                               {QStringLiteral("verification"), verification.toJson()}};
        // Checked now so the approver is not shown a request that cannot succeed (and again at approval).
        return m_db.transaction([&] {
            QSqlQuery existing = m_db.exec(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {id});
            if (existing.next())
                throw HubError(QStringLiteral("conflict"), tr("User id %1 exists already; ids are never reused.").arg(id), 409);
            m_users.requireKnown(r.roles, r.wards);
            return QJsonObject{{QStringLiteral("pending"), true}, {QStringLiteral("requestId"), fileRequest(admin, QStringLiteral("register"), id, body)},
                               {QStringLiteral("userId"), id}};
        });
    }
    const AccountChange change = m_users.prepareAccount(id, r.name, r.roles, r.privileged, verification);
    m_db.transaction([&] { m_users.insertUser(id, r.name, r.kana, r.roles, r.wards, r.privileged, verification, change, context(admin, QString())); });
    *status = 201;
    return {{QStringLiteral("userId"), id}, {QStringLiteral("version"), 1}, {QStringLiteral("temporaryPassword"), secret(change.temporaryPassword)}};
}

QJsonObject StaffAdministration::changeStatus(const Admin& admin, const AdminRequest::StatusChange& r)
{
    static const QHash<QString, UserDirectory::StatusAction> actions{{QStringLiteral("disable"), UserDirectory::StatusAction::Disable},
                                                                    {QStringLiteral("enable"), UserDirectory::StatusAction::Enable},
                                                                    {QStringLiteral("retire"), UserDirectory::StatusAction::Retire},
                                                                    {QStringLiteral("unlock"), UserDirectory::StatusAction::Unlock}};
    return m_db.transaction([&] {
        requireVersion(r.userId, r.version);
        m_users.changeStatusIn(r.userId, actions.value(r.action), admin.userId, context(admin, r.reason));
        return QJsonObject{{QStringLiteral("userId"), r.userId}, {QStringLiteral("version"), bumpVersion(r.userId)}};
    });
}

QJsonObject StaffAdministration::resetPassword(const Admin& admin, const AdminRequest::PasswordReset& r)
{
    IdentityVerification verification;
    verification.method = r.method;
    verification.documentRef = r.documentRef;
    verification.verifiedBy = admin.userId;
    verification.verifiedAt = Clock::instance().nowUtc();
    SecureBytes password;
    const qint64 version = m_db.transaction([&] {
        requireVersion(r.userId, r.version);
        password = m_users.resetPasswordIn(r.userId, verification, context(admin, r.reason));
        return bumpVersion(r.userId);
    });
    return {{QStringLiteral("userId"), r.userId}, {QStringLiteral("version"), version}, {QStringLiteral("temporaryPassword"), secret(password)}};
}

QJsonObject StaffAdministration::applyRoles(const QString& actor, const QJsonObject& ctx, const AdminRequest::RoleChange& r)
{
    m_users.authorise(actor, QStringLiteral("users.manage"));
    m_users.requireKnown(r.roles, r.wards);
    auto user = m_users.find(r.userId);
    AccountState state = user->state;
    state.privileged = r.privileged;
    m_users.store(r.userId, state);
    m_db.exec(QStringLiteral("UPDATE users SET roles = ?, wards = ?, privileged = ?, seq = ? WHERE id = ?"),
              {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(r.roles)).toJson(QJsonDocument::Compact)),
               QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(r.wards)).toJson(QJsonDocument::Compact)), r.privileged ? 1 : 0,
               m_db.takeSequence(), r.userId});
    QJsonObject detail = ctx;
    detail[QStringLiteral("user")] = r.userId;
    detail[QStringLiteral("roles")] = QJsonArray::fromStringList(r.roles);
    detail[QStringLiteral("wards")] = QJsonArray::fromStringList(r.wards);
    detail[QStringLiteral("privileged")] = r.privileged;
    detail[QStringLiteral("previousRoles")] = QJsonArray::fromStringList(user->roles);
    detail[QStringLiteral("previousWards")] = QJsonArray::fromStringList(user->wards);
    detail[QStringLiteral("previousPrivileged")] = user->privileged;
    HubAuditLog(m_db).append(actor, QStringLiteral("user.roles"), detail);
    return {{QStringLiteral("userId"), r.userId}, {QStringLiteral("version"), bumpVersion(r.userId)}};
}

QJsonObject StaffAdministration::changeRoles(const Admin& admin, const AdminRequest::RoleChange& r, int* status)
{
    return m_db.transaction([&] {
        requireVersion(r.userId, r.version);
        const auto user = m_users.find(r.userId);
        if (user->status == QLatin1String("retired"))
            throw HubError(QStringLiteral("refused"), tr("User %1 is retired; a retired id gets no roles.").arg(r.userId), 409);
        if (grantsPrivilege(user->roles, user->privileged, r.roles, r.privileged)) {
            *status = 202;
            // The previous roles and wards ride along so the approver sees the change as before → after.
            const QJsonObject body{{QStringLiteral("userId"), r.userId},   {QStringLiteral("version"), r.version},
                                   {QStringLiteral("roles"), QJsonArray::fromStringList(r.roles)},
                                   {QStringLiteral("wards"), QJsonArray::fromStringList(r.wards)},
                                   {QStringLiteral("privileged"), r.privileged}, {QStringLiteral("reason"), r.reason},
                                   {QStringLiteral("previousRoles"), QJsonArray::fromStringList(user->roles)},
                                   {QStringLiteral("previousWards"), QJsonArray::fromStringList(user->wards)},
                                   {QStringLiteral("previousPrivileged"), user->privileged}};
            m_users.requireKnown(r.roles, r.wards);
            return QJsonObject{{QStringLiteral("pending"), true},
                               {QStringLiteral("requestId"), fileRequest(admin, QStringLiteral("roles"), r.userId, body)},
                               {QStringLiteral("userId"), r.userId}};
        }
        *status = 200;
        return applyRoles(admin.userId, context(admin, r.reason), r);
    });
}

QJsonObject StaffAdministration::bindCard(const Admin& admin, const AdminRequest::CardBinding& r)
{
    const auto cert = Certificate::fromPem(r.certificatePem);
    if (!cert)
        throw HubError(QStringLiteral("bad_request"), tr("certificate is not a PEM certificate read from the card's PIV application."), 400);
    const QByteArray publicKey = cert->publicKeyDer();
    return m_db.transaction([&] {
        requireVersion(r.userId, r.version);
        m_users.authorise(admin.userId, QStringLiteral("cards.manage"));
        const auto user = m_users.find(r.userId);
        if (user->status != QLatin1String("active"))
            throw HubError(QStringLiteral("refused"), tr("User %1 is %2; cards are issued only to active users.").arg(r.userId, user->status), 409);
        if (!m_users.bindPivCardIn(r.userId, publicKey, admin.userId, context(admin, r.reason)))
            throw HubError(QStringLiteral("conflict"), tr("This card is already bound to %1.").arg(r.userId), 409);
        return QJsonObject{{QStringLiteral("userId"), r.userId},
                           {QStringLiteral("keyId"), UserDirectory::pivKeyId(publicKey)},
                           {QStringLiteral("version"), bumpVersion(r.userId)}};
    });
}

QJsonObject StaffAdministration::revokeCard(const Admin& admin, const AdminRequest::CardRevocation& r)
{
    return m_db.transaction([&] {
        requireVersion(r.userId, r.version);
        QString kind;
        if (!r.keyId.isEmpty()) {
            QSqlQuery q = m_db.exec(QStringLiteral("SELECT kind FROM card_bindings WHERE user_id = ? AND key_id = ? AND revoked_at IS NULL"),
                                    {r.userId, r.keyId});
            if (!q.next())
                throw HubError(QStringLiteral("not_found"), tr("User %1 has no such bound card.").arg(r.userId), 404);
            kind = q.value(0).toString();
        }
        const int cards = m_users.revokeCardsIn(r.userId, kind, r.keyId, admin.userId, context(admin, r.reason));
        return QJsonObject{{QStringLiteral("userId"), r.userId}, {QStringLiteral("revoked"), cards}, {QStringLiteral("version"), bumpVersion(r.userId)}};
    });
}

QJsonObject StaffAdministration::issueFallbackCode(const Admin& admin, const AdminRequest::FallbackCode& r)
{
    QDateTime validUntil;
    QString code;
    const qint64 version = m_db.transaction([&] {
        requireVersion(r.userId, r.version);
        m_users.authorise(admin.userId, QStringLiteral("cards.manage"));
        const auto user = m_users.find(r.userId);
        if (user->status != QLatin1String("active"))
            throw HubError(QStringLiteral("refused"),
                           tr("User %1 is %2; a fallback code is issued only to an active user.").arg(r.userId, user->status), 409);
        code = m_fallbackCodes.issueIn(r.userId, admin.userId, r.validMinutes > 0 ? r.validMinutes : FallbackCodes::kDefaultMinutes,
                                       context(admin, r.reason), &validUntil);
        return bumpVersion(r.userId);
    });
    return {{QStringLiteral("userId"), r.userId},
            {QStringLiteral("code"), code},
            {QStringLiteral("validUntil"), validUntil.toString(Qt::ISODateWithMs)},
            {QStringLiteral("version"), version}};
}

QJsonObject StaffAdministration::requests(const QString& status)
{
    if (!QStringList{QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("refused")}.contains(status))
        throw HubError(QStringLiteral("bad_request"), tr("status must be pending, approved or refused."), 400);
    QJsonArray out;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, kind, user_id, body, requested_by, requested_terminal, requested_at, decided_by,"
                                           " decided_at, decision_reason FROM admin_requests WHERE status = ? ORDER BY requested_at, id LIMIT 500"),
                            {status});
    while (q.next()) {
        QByteArray plain;
        if (!m_keys.openIdentity(QByteArray::fromBase64(q.value(3).toString().toLatin1()), requestAad(q.value(0).toString()), &plain))
            throw HubError(QStringLiteral("keys"), QStringLiteral("admin request %1 does not open").arg(q.value(0).toString()));
        QJsonObject body = QJsonDocument::fromJson(plain).object();
        body.remove(QStringLiteral("verification")); // the ledger reference stays in the audit chain
        out.append(QJsonObject{{QStringLiteral("requestId"), q.value(0).toString()},
                               {QStringLiteral("kind"), q.value(1).toString()},
                               {QStringLiteral("userId"), q.value(2).toString()},
                               {QStringLiteral("change"), body},
                               {QStringLiteral("requestedBy"), q.value(4).toString()},
                               {QStringLiteral("requestedTerminal"), q.value(5).toString()},
                               {QStringLiteral("requestedAt"), QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC).toString(Qt::ISODateWithMs)},
                               {QStringLiteral("decidedBy"), q.value(7).toString()},
                               {QStringLiteral("decisionReason"), q.value(9).toString()}});
    }
    return {{QStringLiteral("status"), status}, {QStringLiteral("requests"), out}};
}

QJsonObject StaffAdministration::takePending(const Admin& admin, const AdminRequest::Decision& d, QString* kind, QString* userId,
                                             QString* requester, bool lock)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT kind, user_id, body, requested_by, status FROM admin_requests WHERE id = ?")
                                + (lock ? m_db.forUpdate() : QString()),
                            {d.requestId});
    if (!q.next())
        throw HubError(QStringLiteral("not_found"), tr("No such request."), 404);
    if (q.value(4).toString() != QLatin1String("pending"))
        throw HubError(QStringLiteral("request_decided"), tr("This request was already %1.").arg(q.value(4).toString()), 409);
    *kind = q.value(0).toString();
    *userId = q.value(1).toString();
    *requester = q.value(3).toString();
    // AC-4: whoever asked for the privilege is not the one who grants it.
    if (*requester == admin.userId)
        throw HubError(QStringLiteral("self_approval"),
                       tr("You filed this request; a second authorised person must approve or refuse it (segregation of duties)."), 403);
    QByteArray plain;
    if (!m_keys.openIdentity(QByteArray::fromBase64(q.value(2).toString().toLatin1()), requestAad(d.requestId), &plain))
        throw HubError(QStringLiteral("keys"), QStringLiteral("admin request %1 does not open").arg(d.requestId));
    return QJsonDocument::fromJson(plain).object();
}

QJsonObject StaffAdministration::approve(const Admin& admin, const AdminRequest::Decision& d)
{
    // A registration's temporary password is made (Argon2id) before the transaction, from the request as filed.
    QString kind, userId, requester;
    const QJsonObject peek = m_db.snapshot([&] { return takePending(admin, d, &kind, &userId, &requester, false); });
    auto decide = [&] { decideRequest(admin, d, QStringLiteral("approved")); };
    QJsonObject ctx = context(admin, d.reason);
    ctx[QStringLiteral("request")] = d.requestId;
    ctx[QStringLiteral("approvedBy")] = admin.userId;
    ctx[QStringLiteral("requestedBy")] = requester;
    if (kind == QLatin1String("register")) {
        IdentityVerification verification;
        IdentityVerification::fromJson(peek.value(QStringLiteral("verification")).toObject(), &verification);
        QStringList roles, wards;
        for (const QJsonValue& v : peek.value(QStringLiteral("roles")).toArray())
            roles << v.toString();
        for (const QJsonValue& v : peek.value(QStringLiteral("wards")).toArray())
            wards << v.toString();
        const bool privileged = peek.value(QStringLiteral("privileged")).toBool();
        const QString name = peek.value(QStringLiteral("name")).toString();
        const AccountChange change = m_users.prepareAccount(userId, name, roles, privileged, verification);
        m_db.transaction([&] {
            decide();
            // Audited as added by the clerk who checked the identity, approved by this admin.
            m_users.insertUser(userId, name, peek.value(QStringLiteral("kana")).toString(), roles, wards, privileged, verification, change, ctx);
        });
        return {{QStringLiteral("requestId"), d.requestId}, {QStringLiteral("status"), QStringLiteral("approved")},
                {QStringLiteral("userId"), userId}, {QStringLiteral("version"), 1},
                {QStringLiteral("temporaryPassword"), secret(change.temporaryPassword)}};
    }
    AdminRequest::RoleChange r;
    r.userId = userId;
    r.version = peek.value(QStringLiteral("version")).toInteger();
    r.reason = peek.value(QStringLiteral("reason")).toString();
    for (const QJsonValue& v : peek.value(QStringLiteral("roles")).toArray())
        r.roles << v.toString();
    for (const QJsonValue& v : peek.value(QStringLiteral("wards")).toArray())
        r.wards << v.toString();
    r.privileged = peek.value(QStringLiteral("privileged")).toBool();
    return m_db.transaction([&] {
        decide();
        // The person may have changed since the request was filed: the grant was decided on that version.
        requireVersion(r.userId, r.version);
        m_users.authorise(admin.userId, QStringLiteral("users.manage"));
        QJsonObject reply = applyRoles(requester, ctx, r);
        reply[QStringLiteral("requestId")] = d.requestId;
        reply[QStringLiteral("status")] = QStringLiteral("approved");
        return reply;
    });
}

QJsonObject StaffAdministration::refuse(const Admin& admin, const AdminRequest::Decision& d)
{
    return m_db.transaction([&] {
        decideRequest(admin, d, QStringLiteral("refused"));
        return QJsonObject{{QStringLiteral("requestId"), d.requestId}, {QStringLiteral("status"), QStringLiteral("refused")}};
    });
}

void StaffAdministration::decideRequest(const Admin& admin, const AdminRequest::Decision& d, const QString& status)
{
    QString kind, userId, requester;
    takePending(admin, d, &kind, &userId, &requester, true);
    m_db.exec(QStringLiteral("UPDATE admin_requests SET status = ?, decided_by = ?, decided_terminal = ?, decided_at = ?,"
                             " decision_reason = ? WHERE id = ?"),
              {status, admin.userId, admin.terminalId, nowMs(), d.reason, d.requestId});
    QJsonObject detail = context(admin, d.reason);
    detail[QStringLiteral("request")] = d.requestId;
    detail[QStringLiteral("user")] = userId;
    detail[QStringLiteral("requestedBy")] = requester;
    HubAuditLog(m_db).append(admin.userId, status == QLatin1String("approved") ? QStringLiteral("admin_request.approve")
                                                                               : QStringLiteral("admin_request.refuse"),
                             detail);
}

} // namespace ward::hub
