#include "hub/admin/HospitalPolicy.h"

#include "auth/PasswordPolicy.h"
#include "hub/HubError.h"
#include "hub/admin/AdminPolicy.h"
#include "hub/pki/HubPki.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace ward::hub {

HospitalPolicy::HospitalPolicy(HubDatabase& db, HubPki& pki)
    : m_db(db)
    , m_pki(pki)
{
}

QList<PolicyFieldError> HospitalPolicy::check(const QJsonObject& policy)
{
    QList<PolicyFieldError> errors = PolicyRules::check(policy);
    AdminPolicy admin;
    QString error;
    if (!AdminPolicy::fromPolicy(policy, &admin, &error))
        errors.append({error.section(QLatin1Char(' '), 0, 0), error});
    return errors;
}

HospitalPolicy::Version HospitalPolicy::current()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT version, json, updated_at FROM policy ORDER BY version DESC LIMIT 1"));
    Version v;
    if (q.next()) {
        v.version = q.value(0).toInt();
        v.policy = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        v.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
    }
    return v;
}

int HospitalPolicy::save(const QJsonObject& policy, int expectedVersion, const QString& actor, const QString& reason,
                         const QString& terminalId)
{
    const QList<PolicyFieldError> errors = check(policy);
    if (!errors.isEmpty())
        throw HubError(QStringLiteral("invalid_policy"), tr("The policy is not valid: %1: %2").arg(errors.first().field, errors.first().message), 400);
    QJsonObject stored = policy;
    PasswordPolicy password;
    PasswordPolicy::fromJson(policy.value(QStringLiteral("password")).toObject(), &password);
    stored[QStringLiteral("password")] = password.toJson(); // normalised: every key explicit
    return m_db.transaction([&] {
        const Version before = current();
        if (expectedVersion >= 0 && expectedVersion != before.version)
            throw HubError(QStringLiteral("version_conflict"),
                           tr("The policy was changed meanwhile (version %1 is now in force, this change was made on version %2). "
                              "Reload it and make the change again.")
                               .arg(before.version)
                               .arg(expectedVersion),
                           409);
        const int version = before.version + 1;
        const QByteArray signature = m_pki.signPolicy(version, stored);
        m_db.exec(QStringLiteral("INSERT INTO policy (version, json, updated_at, seq, signature) VALUES (?, ?, ?, ?, ?)"),
                  {version, QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)),
                   Clock::instance().nowUtc().toMSecsSinceEpoch(), m_db.takeSequence(), QString::fromLatin1(signature.toBase64())});
        QJsonArray changed;
        for (const PolicyFieldChange& c : PolicyRules::diff(before.policy, stored))
            changed.append(c.field);
        QJsonObject detail{{QStringLiteral("version"), version}, {QStringLiteral("changed"), changed}};
        if (!reason.isEmpty())
            detail.insert(QStringLiteral("reason"), reason);
        if (!terminalId.isEmpty())
            detail.insert(QStringLiteral("terminal"), terminalId);
        HubAuditLog(m_db).append(actor, QStringLiteral("policy.set"), detail);
        return version;
    });
}

void HospitalPolicy::recordRefusal(const QString& terminalId, int version, const QString& code, const QString& message)
{
    m_db.transaction([&] {
        HubAuditLog(m_db).append(QStringLiteral("terminal:") + terminalId, QStringLiteral("policy.refused"),
                                 {{QStringLiteral("terminal"), terminalId}, {QStringLiteral("version"), version},
                                  {QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
    });
}

} // namespace ward::hub
