#include "hub/directory/FallbackCodes.h"

#include "auth/EmergencyPassword.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/directory/UserDirectory.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlQuery>

namespace ward::hub {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("FallbackCodes", text);
}

QString codeHash(const QString& normalised)
{
    return QString::fromLatin1(Digest::sha256(normalised.toLatin1()).toHex());
}

} // namespace

FallbackCodes::FallbackCodes(HubDatabase& db, UserDirectory& users)
    : m_db(db)
    , m_users(users)
{
}

QString FallbackCodes::normalise(const QString& code)
{
    QString n;
    for (const QChar c : code)
        if (c != QLatin1Char('-') && !c.isSpace())
            n += c.toUpper();
    return n;
}

QString FallbackCodes::issue(const QString& userId, const QString& adminId, int validMinutes, const QJsonObject& auditContext)
{
    return m_db.transaction([&] {
        m_users.authorise(adminId, QStringLiteral("users.manage"));
        return issueIn(userId, adminId, validMinutes, auditContext, nullptr);
    });
}

QString FallbackCodes::issueIn(const QString& userId, const QString& adminId, int validMinutes, const QJsonObject& auditContext,
                               QDateTime* expiresAt)
{
    if (validMinutes < 1 || validMinutes > kMaxMinutes)
        throw HubError(QStringLiteral("bad_request"), tr("A fallback code is valid for 1 minute to 12 hours."), 400);
    if (!m_users.find(userId))
        throw HubError(QStringLiteral("not_found"), tr("No user %1.").arg(userId), 404);
    UserDirectory::requireStaffAccount(userId);
    // No 0/O, 1/I/L: the code is read aloud and typed by tired people. 31 symbols, about 59 bits per code.
    const QString code = QString::fromLatin1(EmergencyPassword::readableSymbols(kCodeLength));
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    const qint64 until = now + qint64(validMinutes) * 60000;
    m_db.exec(QStringLiteral("INSERT INTO fallback_codes (id, user_id, code_hash, issued_by, issued_at, expires_at)"
                             " VALUES (?, ?, ?, ?, ?, ?)"),
              {QString::fromLatin1(Random::bytes(16).toHex()), userId, codeHash(code), adminId, now, until});
    QJsonObject detail = auditContext;
    detail[QStringLiteral("user")] = userId;
    detail[QStringLiteral("admin")] = adminId;
    detail[QStringLiteral("expiresAt")] = QDateTime::fromMSecsSinceEpoch(until, Qt::UTC).toString(Qt::ISODateWithMs);
    HubAuditLog(m_db).append(adminId, QStringLiteral("user.fallback-code.issue"), detail);
    if (expiresAt)
        *expiresAt = QDateTime::fromMSecsSinceEpoch(until, Qt::UTC);
    return code.left(4) + QLatin1Char('-') + code.mid(4, 4) + QLatin1Char('-') + code.mid(8);
}

std::optional<QString> FallbackCodes::findUsable(const QString& userId, const QString& code)
{
    const QString n = normalise(code);
    if (n.size() != kCodeLength)
        return std::nullopt;
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id FROM fallback_codes WHERE user_id = ? AND code_hash = ?"
                                           " AND used_at IS NULL AND expires_at > ?"),
                            {userId, codeHash(n), now});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

bool FallbackCodes::spend(const QString& codeId, const QString& terminalId)
{
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    QSqlQuery q = m_db.exec(QStringLiteral("UPDATE fallback_codes SET used_at = ?, used_terminal = ? WHERE id = ?"
                                           " AND used_at IS NULL AND expires_at > ?"),
                            {now, terminalId, codeId, now});
    return q.numRowsAffected() == 1;
}

} // namespace ward::hub
