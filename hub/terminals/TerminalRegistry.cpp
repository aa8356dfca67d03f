#include "hub/terminals/TerminalRegistry.h"

#include "crypto/Digest.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/pki/HubPki.h"
#include "hub/storage/DataKeys.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "hub/terminals/TerminalContact.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

namespace ward::hub {

namespace {

// No 0/O, 1/I/L: the code is read aloud or typed by IT staff. 16 symbols of 31 ≈ 79 bits, far beyond guessing
// in its lifetime, so an unsalted SHA-256 is an adequate verifier.
const char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

QString normaliseCode(const QString& code)
{
    QString out;
    for (QChar c : code)
        if (c.isLetterOrNumber())
            out += c.toUpper();
    return out;
}

QString codeHash(const QString& code)
{
    return QString::fromLatin1(Digest::sha256(normaliseCode(code).toUtf8()).toHex());
}

QString tr(const char* text)
{
    return QCoreApplication::translate("TerminalRegistry", text);
}

QByteArray slotAad(const QString& id)
{
    return QByteArrayLiteral("terminals/") + id.toUtf8() + QByteArrayLiteral("/slot_key");
}

} // namespace

TerminalRegistry::TerminalRegistry(HubDatabase& db, const DataKeys& keys, HubPki& pki)
    : m_db(db)
    , m_keys(keys)
    , m_pki(pki)
{
}

bool TerminalRegistry::isValidWardId(const QString& ward)
{
    static const QRegularExpression kWard(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    return kWard.match(ward).hasMatch();
}

TerminalRegistry::EnrolCode TerminalRegistry::createEnrolCode(const QString& ward, int validMinutes, const QString& actor,
                                                             WardRule rule, const QJsonObject& auditContext)
{
    if (!isValidWardId(ward))
        throw HubError(QStringLiteral("bad_request"), tr("Invalid ward id \"%1\" (letters, digits, - and _ only).").arg(ward), 400);
    if (validMinutes < 1 || validMinutes > kMaxCodeMinutes)
        throw HubError(QStringLiteral("bad_request"), tr("A code must be valid for 1 minute to 7 days."), 400);
    const QByteArray random = Random::bytes(16);
    QString code;
    for (int i = 0; i < 16; ++i) {
        if (i > 0 && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(kAlphabet[static_cast<unsigned char>(random[i]) % (sizeof(kAlphabet) - 1)]);
    }
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    const qint64 expires = now + qint64(validMinutes) * 60000;
    m_db.transaction([&] {
        QSqlQuery w = m_db.exec(QStringLiteral("SELECT 1 FROM wards WHERE id = ?"), {ward});
        if (!w.next()) {
            if (rule == WardRule::MustExist)
                throw HubError(QStringLiteral("not_found"), tr("The hub has no ward \"%1\". Choose a ward from the list.").arg(ward), 404);
            m_db.exec(QStringLiteral("INSERT INTO wards (id, name, seq) VALUES (?, ?, ?)"), {ward, ward, m_db.takeSequence()});
        }
        m_db.exec(QStringLiteral("INSERT INTO enrol_codes (code_hash, ward, created_at, expires_at) VALUES (?, ?, ?, ?)"),
                  {codeHash(code), ward, now, expires});
        QJsonObject detail = auditContext;
        detail[QStringLiteral("ward")] = ward;
        detail[QStringLiteral("validMinutes")] = validMinutes;
        HubAuditLog(m_db).append(actor, QStringLiteral("enrol_code.create"), detail);
    });
    return EnrolCode{code, ward, QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC)};
}

TerminalRegistry::Enrolment TerminalRegistry::enrol(const QString& code, const QByteArray& csrPem, const QString& terminalName)
{
    const QString name = terminalName.trimmed();
    if (name.isEmpty() || name.size() > 64)
        throw HubError(QStringLiteral("bad_request"), tr("terminalName must be 1 to 64 characters."), 400);
    const auto csr = CertificateRequest::fromPem(csrPem);
    if (!csr || !csr->signatureValid())
        throw HubError(QStringLiteral("bad_csr"), tr("The certificate request is not a valid, self-signed PKCS#10 PEM."), 400);
    const QString hash = codeHash(code);
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    return m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT ward, expires_at, used_at FROM enrol_codes WHERE code_hash = ?"), {hash});
        if (!q.next())
            throw HubError(QStringLiteral("enrol_code_unknown"), tr("This enrolment code is not known. Ask IT for a new code."), 403);
        if (!q.value(2).isNull())
            throw HubError(QStringLiteral("enrol_code_used"), tr("This enrolment code has already been used. Ask IT for a new code."), 403);
        if (q.value(1).toLongLong() <= now)
            throw HubError(QStringLiteral("enrol_code_expired"), tr("This enrolment code has expired. Ask IT for a new code."), 403);
        const QString ward = q.value(0).toString();
        const QString id = QStringLiteral("T-") + Random::uuid();
        QString error;
        const auto cert = m_pki.issue(*csr, CertificateProfile::TerminalClient, id, HubPki::kTerminalDays, &error);
        if (!cert)
            throw HubError(QStringLiteral("bad_csr"), tr("The hub cannot certify this request: %1").arg(error), 400);
        // Guarded update: of two concurrent enrolments with one code exactly one matches a row.
        QSqlQuery u = m_db.exec(QStringLiteral("UPDATE enrol_codes SET used_at = ?, terminal_id = ? WHERE code_hash = ? AND used_at IS NULL"),
                                {now, id, hash});
        if (u.numRowsAffected() != 1)
            throw HubError(QStringLiteral("enrol_code_used"), tr("This enrolment code has already been used. Ask IT for a new code."), 403);
        const SecureBytes slotKey = Random::secureBytes(32);
        m_db.exec(QStringLiteral("INSERT INTO terminals (id, name, ward, cert_serial, cert_fingerprint, cert_der, status,"
                                 " enrolled_at, slot_key) VALUES (?, ?, ?, ?, ?, ?, 'enrolled', ?, ?)"),
                  {id, name, ward, cert->serialHex(), QString::fromLatin1(cert->sha256Fingerprint().toHex()), cert->toDer(), now,
                   m_keys.sealSlot(slotKey, slotAad(id))});
        HubAuditLog(m_db).append(QStringLiteral("enrolment"), QStringLiteral("terminal.enrol"),
                                 {{QStringLiteral("terminal"), id}, {QStringLiteral("ward"), ward},
                                  {QStringLiteral("serial"), cert->serialHex()}});
        return Enrolment{id, ward, *cert};
    });
}

void TerminalRegistry::revoke(const QString& terminalId, const QString& actor, const QString& reason, const QJsonObject& auditContext)
{
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    m_db.transaction([&] {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT status FROM terminals WHERE id = ?"), {terminalId});
        if (!q.next())
            throw HubError(QStringLiteral("not_found"), tr("No terminal with id %1.").arg(terminalId), 404);
        if (q.value(0).toString() == QLatin1String("revoked"))
            return;
        m_db.exec(QStringLiteral("UPDATE terminals SET status = 'revoked', revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE id = ?"),
                  {now, actor, reason.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(reason), terminalId});
        QJsonObject detail = auditContext;
        detail[QStringLiteral("terminal")] = terminalId;
        if (!reason.isEmpty())
            detail[QStringLiteral("reason")] = reason;
        HubAuditLog(m_db).append(actor, QStringLiteral("terminal.revoke"), detail);
    });
}

void TerminalRegistry::recordContact(const QString& terminalId, const TerminalContact& contact)
{
    const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
    bool writeSync = false;
    {
        QMutexLocker lock(&m_contactMutex);
        ContactWritten& last = m_contactWritten[terminalId];
        const bool due = now - last.contactMs >= kContactWriteMs || (!contact.version.isEmpty() && contact.version != last.version);
        writeSync = contact.sync && now - last.syncMs >= kContactWriteMs;
        if (!due && !writeSync)
            return;
        last.contactMs = now;
        if (writeSync)
            last.syncMs = now;
        if (!contact.version.isEmpty())
            last.version = contact.version;
    }
    // An older client says nothing of its version or clock: what it said before stays.
    m_db.exec(QStringLiteral("UPDATE terminals SET last_contact_at = ?, program_version = COALESCE(?, program_version),"
                             " clock_skew_ms = COALESCE(?, clock_skew_ms), last_sync_at = COALESCE(?, last_sync_at) WHERE id = ?"),
              {now, contact.version.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(contact.version),
               contact.skewMs ? QVariant(*contact.skewMs) : QVariant(QMetaType(QMetaType::LongLong)),
               writeSync ? QVariant(now) : QVariant(QMetaType(QMetaType::LongLong)), terminalId});
}

QString TerminalRegistry::name(const QString& terminalId)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT name FROM terminals WHERE id = ?"), {terminalId});
    return q.next() ? q.value(0).toString() : QString();
}

QJsonObject TerminalRegistry::overview()
{
    const auto time = [](const QVariant& ms) -> QJsonValue {
        return ms.isNull() ? QJsonValue() : QJsonValue(QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC).toString(Qt::ISODateWithMs));
    };
    QJsonArray terminals;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, name, ward, status, enrolled_at, revoked_at, revoked_by, revoked_reason,"
                                           " last_contact_at, last_sync_at, program_version, clock_skew_ms,"
                                           " (SELECT MAX(a.seq) FROM terminal_audit a WHERE a.terminal_id = terminals.id)"
                                           " FROM terminals ORDER BY ward, name, id"));
    while (q.next()) {
        QJsonObject t{{QStringLiteral("terminalId"), q.value(0).toString()},
                      {QStringLiteral("name"), q.value(1).toString()},
                      {QStringLiteral("ward"), q.value(2).toString()},
                      {QStringLiteral("status"), q.value(3).toString()},
                      {QStringLiteral("enrolledAt"), time(q.value(4))},
                      {QStringLiteral("lastContactAt"), time(q.value(8))},
                      {QStringLiteral("lastSyncAt"), time(q.value(9))},
                      {QStringLiteral("programVersion"), q.value(10).isNull() ? QJsonValue() : QJsonValue(q.value(10).toString())},
                      {QStringLiteral("clockSkewMs"), q.value(11).isNull() ? QJsonValue() : QJsonValue(q.value(11).toLongLong())},
                      // The last entry of the terminal's audit chain the hub holds (TerminalAuditChains): what it
                      // has acknowledged; null until the terminal first ships its chain.
                      {QStringLiteral("auditHeadAcknowledged"),
                       q.value(12).isNull() ? QJsonValue() : QJsonValue(QString::number(q.value(12).toLongLong()))}};
        if (q.value(3).toString() == QLatin1String("revoked"))
            t[QStringLiteral("revocation")] = QJsonObject{{QStringLiteral("at"), time(q.value(5))},
                                                          {QStringLiteral("by"), q.value(6).isNull() ? QJsonValue() : QJsonValue(q.value(6).toString())},
                                                          {QStringLiteral("reason"), q.value(7).isNull() ? QJsonValue() : QJsonValue(q.value(7).toString())}};
        terminals.append(t);
    }
    QJsonArray wards;
    QSqlQuery w = m_db.exec(QStringLiteral("SELECT id, name FROM wards ORDER BY id"));
    while (w.next())
        wards.append(QJsonObject{{QStringLiteral("id"), w.value(0).toString()}, {QStringLiteral("name"), w.value(1).toString()}});
    return {{QStringLiteral("terminals"), terminals}, {QStringLiteral("wards"), wards}};
}

std::optional<TerminalRegistry::Terminal> TerminalRegistry::findByFingerprint(const QByteArray& sha256)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, name, ward, status FROM terminals WHERE cert_fingerprint = ?"),
                            {QString::fromLatin1(sha256.toHex())});
    if (!q.next())
        return std::nullopt;
    return Terminal{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString() == QLatin1String("revoked")};
}

SecureBytes TerminalRegistry::networkSlotKey(const QString& terminalId, const QString& userId)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT slot_key FROM terminals WHERE id = ? AND status = 'enrolled'"), {terminalId});
    if (!q.next())
        throw HubError(QStringLiteral("forbidden"), tr("This terminal is not enrolled."), 403);
    SecureBytes key;
    if (!m_keys.openSlot(q.value(0).toByteArray(), slotAad(terminalId), &key))
        throw HubError(QStringLiteral("keys"), QStringLiteral("network-slot key of %1 does not open").arg(terminalId));
    m_db.transaction([&] {
        HubAuditLog(m_db).append(userId, QStringLiteral("network_slot.release"), {{QStringLiteral("terminal"), terminalId}, {QStringLiteral("user"), userId}});
    });
    return key;
}

} // namespace ward::hub
