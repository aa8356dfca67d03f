#include "hub/directory/EmergencyAccounts.h"

#include "auth/EmergencyLetterKey.h"
#include "auth/EmergencyPassword.h"
#include "auth/UserId.h"
#include "crypto/Argon2Kdf.h"
#include "hub/HubError.h"
#include "hub/directory/UserDirectory.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"
#include "policy/PolicyRules.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace ward::hub {

namespace {

QDateTime fromMs(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}

QVariant nullableMs(const QDateTime& t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

constexpr int kMaxRealNameLength = 100;
constexpr int kMaxReasonLength = 500;

} // namespace

QJsonObject EmergencyAccounts::Account::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("ward"), ward},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("state"), state},
            {QStringLiteral("requestedBy"), requestedBy},
            {QStringLiteral("requestedAt"), iso(requestedAt)},
            {QStringLiteral("approvedBy"), approvedBy},
            {QStringLiteral("approvedAt"), iso(approvedAt)},
            {QStringLiteral("letterSerial"), letterSerial},
            {QStringLiteral("firstUsedAt"), iso(firstUsedAt)},
            {QStringLiteral("usableUntil"), iso(usableUntil)},
            {QStringLiteral("lastTestAt"), iso(lastTestAt)}};
}

EmergencyAccounts::EmergencyAccounts(HubDatabase& db, UserDirectory& users)
    : m_db(db)
    , m_users(users)
{
}

void EmergencyAccounts::request(const QString& id, const QString& ward, const QString& requestedBy, const QJsonObject& auditContext)
{
    if (!UserId::isValid(id) || !UserId::isEmergency(id))
        throw HubError(QStringLiteral("bad_request"),
                       tr("An emergency account's ID has 10 letters or digits and begins with EMERG, e.g. EMERGW3001."), 400);
    m_db.transaction([&] {
        m_users.authorise(requestedBy, QStringLiteral("users.manage"));
        const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
        const std::optional<Account> existing = read(id, true);
        bool rotation = false;
        if (!existing) {
            QSqlQuery w = m_db.exec(QStringLiteral("SELECT name FROM wards WHERE id = ?"), {ward});
            if (!w.next())
                throw HubError(QStringLiteral("bad_request"), tr("No ward %1.").arg(ward), 400);
            // The directory's display name is the hospital's data, in its language like the ward's name beside it:
            // what the header and every record's author line show during a use.
            m_users.insertEmergencyAccount(id, QString::fromUtf8("\u975e\u5e38\u7528\u30a2\u30ab\u30a6\u30f3\u30c8\uff08%1\uff09")
                                                   .arg(w.value(0).toString()),
                                           ward);
            m_db.exec(QStringLiteral("INSERT INTO emergency_accounts (user_id, ward, state, requested_by, requested_at, letter_serial,"
                                     " created_at) VALUES (?, ?, 'awaiting', ?, ?, 0, ?)"),
                      {id, ward, requestedBy, now, now});
        } else {
            if (!ward.isEmpty() && ward != existing->ward)
                throw HubError(QStringLiteral("bad_request"),
                               tr("%1 is the emergency account of ward %2.").arg(id, existing->ward), 400);
            if (!existing->requestedBy.isEmpty())
                throw HubError(QStringLiteral("conflict"),
                               tr("A request by %1 for %2 already awaits a second person's approval.").arg(existing->requestedBy, id), 409);
            m_db.exec(QStringLiteral("UPDATE emergency_accounts SET requested_by = ?, requested_at = ? WHERE user_id = ?"),
                      {requestedBy, now, id});
            rotation = true;
        }
        QJsonObject detail = auditContext;
        detail[QStringLiteral("account")] = id;
        detail[QStringLiteral("ward")] = existing ? existing->ward : ward;
        detail[QStringLiteral("newLetter")] = rotation;
        HubAuditLog(m_db).append(requestedBy, QStringLiteral("emergency.request"), detail);
    });
}

EmergencyAccounts::Letter EmergencyAccounts::approve(const QString& id, const QString& approvedBy, const QJsonObject& auditContext)
{
    // The password, its Argon2id verifier and the letter's sealed key are made before the transaction (the KDF takes
    // a while); the serial they are made for is checked again inside it.
    const std::optional<Account> before = read(id, false);
    const int serial = before ? before->letterSerial + 1 : 1;
    SecureBytes password = EmergencyPassword::generate();
    const QString verifier = Argon2Kdf::hashEncoded(EmergencyPassword::normalise(password), Argon2Params());
    // BCP-1 offline: the ward's terminals wrap their vault key to this key; only the letter's password unseals it.
    const EmergencyLetterKey letterKey = EmergencyLetterKey::seal(id, serial, password);
    Letter letter;
    m_db.transaction([&] {
        m_users.authorise(approvedBy, QStringLiteral("users.manage"));
        const std::optional<Account> a = read(id, true);
        if (!a)
            throw HubError(QStringLiteral("not_found"), tr("No emergency account %1.").arg(id), 404);
        if (a->requestedBy.isEmpty())
            throw HubError(QStringLiteral("conflict"), tr("Nothing awaits approval for %1: ask for a new letter first.").arg(id), 409);
        // BCP-1: two people — the one who asked cannot approve their own request.
        if (a->requestedBy == approvedBy)
            throw HubError(QStringLiteral("second_person_required"),
                           tr("%1 asked for this letter; another person must approve it.").arg(approvedBy), 403);
        if (a->letterSerial + 1 != serial)
            throw HubError(QStringLiteral("conflict"), tr("Another approval of %1 came first.").arg(id), 409);
        const QDateTime now = Clock::instance().nowUtc();
        m_users.activateEmergencyAccount(id, verifier);
        m_db.exec(QStringLiteral("UPDATE emergency_accounts SET state = 'active', requested_by = NULL, requested_at = NULL,"
                                 " approved_by = ?, approved_at = ?, letter_serial = ?, first_used_at = NULL,"
                                 " usable_until = NULL, letter_key = ?, seq = ? WHERE user_id = ?"),
                  {approvedBy, now.toMSecsSinceEpoch(), serial,
                   QString::fromUtf8(QJsonDocument(letterKey.toJson()).toJson(QJsonDocument::Compact)), m_db.takeSequence(), id});
        QSqlQuery w = m_db.exec(QStringLiteral("SELECT name FROM wards WHERE id = ?"), {a->ward});
        letter.accountId = id;
        letter.ward = a->ward;
        letter.wardName = w.next() ? w.value(0).toString() : a->ward;
        letter.serial = serial;
        letter.issuedAt = now;
        letter.requestedBy = a->requestedBy;
        letter.approvedBy = approvedBy;
        QJsonObject detail = auditContext;
        detail[QStringLiteral("account")] = id;
        detail[QStringLiteral("ward")] = a->ward;
        detail[QStringLiteral("requestedBy")] = a->requestedBy;
        detail[QStringLiteral("letter")] = letter.serial;
        HubAuditLog(m_db).append(approvedBy, QStringLiteral("emergency.approve"), detail);
    });
    letter.password = std::move(password);
    return letter;
}

QList<EmergencyAccounts::Account> EmergencyAccounts::list()
{
    QList<Account> out;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT user_id FROM emergency_accounts ORDER BY ward, user_id"));
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    for (const QString& id : ids)
        if (auto a = read(id, false))
            out << *a;
    return out;
}

std::optional<EmergencyAccounts::Account> EmergencyAccounts::find(const QString& id)
{
    return read(id, false);
}

std::optional<EmergencyAccounts::Account> EmergencyAccounts::read(const QString& id, bool forUpdate)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT ward, state, requested_by, requested_at, approved_by, approved_at, letter_serial,"
                                           " first_used_at, usable_until, last_test_at FROM emergency_accounts WHERE user_id = ?")
                                + (forUpdate ? m_db.forUpdate() : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    Account a;
    a.id = id;
    a.ward = q.value(0).toString();
    a.state = q.value(1).toString();
    a.requestedBy = q.value(2).toString();
    a.requestedAt = fromMs(q.value(3));
    a.approvedBy = q.value(4).toString();
    a.approvedAt = fromMs(q.value(5));
    a.letterSerial = q.value(6).toInt();
    a.firstUsedAt = fromMs(q.value(7));
    a.usableUntil = fromMs(q.value(8));
    a.lastTestAt = fromMs(q.value(9));
    if (const auto user = m_users.find(id))
        a.displayName = user->displayName;
    a.state = stateAt(a, Clock::instance().nowUtc());
    return a;
}

QString EmergencyAccounts::stateAt(const Account& a, const QDateTime& now) const
{
    if (a.state != QLatin1String("active"))
        return a.state;
    if (a.firstUsedAt.isValid())
        return now < a.usableUntil ? QStringLiteral("in-use") : QStringLiteral("spent");
    return a.state;
}

std::optional<HubError> EmergencyAccounts::refusal(const std::optional<Account>& a, bool test)
{
    if (!a || a->state == QLatin1String("awaiting"))
        return HubError(QStringLiteral("emergency_not_active"), tr("This emergency account has no approved letter yet. Call IT."), 403);
    // The details let the terminal say it in its own language (HubLoginBackend).
    if (a->state == QLatin1String("spent"))
        return HubError(QStringLiteral("emergency_account_spent"),
                        tr("This emergency account was used on %1 and is closed until IT issues a new letter.")
                            .arg(a->firstUsedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                        403, {{QStringLiteral("firstUsedAt"), iso(a->firstUsedAt)}});
    if (test && a->state != QLatin1String("active"))
        return HubError(QStringLiteral("emergency_not_active"),
                        tr("This emergency account is in use; a test login is not possible now."), 403,
                        {{QStringLiteral("inUse"), true}});
    return std::nullopt;
}

EmergencyAccounts::Account EmergencyAccounts::recordUse(const QString& id, const QString& terminalId, const QString& realName,
                                                        const QString& reason)
{
    std::optional<Account> a = read(id, true);
    if (const auto refused = refusal(a, false))
        throw *refused;
    const QDateTime now = Clock::instance().nowUtc();
    if (!a->firstUsedAt.isValid()) {
        a->firstUsedAt = now;
        a->usableUntil = now.addSecs(qint64(PolicyRules::emergencyUseHours(m_users.policyJson())) * 3600);
        // The ward's terminals learn of the use with their next pull (they then close the account offline too).
        m_db.exec(QStringLiteral("UPDATE emergency_accounts SET first_used_at = ?, usable_until = ?, seq = ? WHERE user_id = ?"),
                  {nullableMs(a->firstUsedAt), nullableMs(a->usableUntil), m_db.takeSequence(), id});
        a->state = QStringLiteral("in-use");
    }
    // BCP-1: the real person and the reason, flagged for review; SyslogMessage sends emergency.* as alerts.
    HubAuditLog(m_db).append(id, QStringLiteral("emergency.login"),
                             {{QStringLiteral("account"), id},
                              {QStringLiteral("ward"), a->ward},
                              {QStringLiteral("terminal"), terminalId},
                              {QStringLiteral("realName"), realName.left(kMaxRealNameLength)},
                              {QStringLiteral("reason"), reason.left(kMaxReasonLength)},
                              {QStringLiteral("letter"), a->letterSerial},
                              {QStringLiteral("usableUntil"), iso(a->usableUntil)},
                              {QStringLiteral("review"), true}});
    return *a;
}

EmergencyAccounts::Account EmergencyAccounts::recordTest(const QString& id, const QString& terminalId, const QString& realName)
{
    std::optional<Account> a = read(id, true);
    if (const auto refused = refusal(a, true))
        throw *refused;
    const QDateTime now = Clock::instance().nowUtc();
    m_db.exec(QStringLiteral("UPDATE emergency_accounts SET last_test_at = ? WHERE user_id = ?"), {now.toMSecsSinceEpoch(), id});
    a->lastTestAt = now;
    HubAuditLog(m_db).append(id, QStringLiteral("emergency.test"),
                             {{QStringLiteral("account"), id},
                              {QStringLiteral("ward"), a->ward},
                              {QStringLiteral("terminal"), terminalId},
                              {QStringLiteral("realName"), realName.left(kMaxRealNameLength)},
                              {QStringLiteral("letter"), a->letterSerial}});
    return *a;
}

void EmergencyAccounts::recordTerminalUse(const QString& id, const QString& terminalId, const QString& terminalWard,
                                          const QDateTime& at, const QJsonObject& detail)
{
    std::optional<Account> a = read(id, true);
    if (a && terminalWard != a->ward) {
        // Only the ward's own terminals receive its letter (ChangeFeed): such a report is not a use of it.
        HubAuditLog(m_db).append(id, QStringLiteral("emergency.refused"),
                                 {{QStringLiteral("account"), id},
                                  {QStringLiteral("ward"), a->ward},
                                  {QStringLiteral("terminal"), terminalId},
                                  {QStringLiteral("terminalWard"), terminalWard},
                                  {QStringLiteral("mode"), QStringLiteral("offline")},
                                  {QStringLiteral("reason"), QStringLiteral("terminal_of_another_ward")}});
        return;
    }
    const bool test = detail.value(QStringLiteral("test")).toBool();
    const int letter = detail.value(QStringLiteral("letter")).toInt();
    // The report is believed only when signed with the current letter's key (EmergencyLetterKey::proveUse): an
    // enrolled terminal of the ward without the letter's password cannot invent a use and close the account early.
    // A use of an earlier letter cannot be checked (its key is gone): recorded for the auditors, changing nothing.
    const QDateTime usedAt = QDateTime::fromString(detail.value(QStringLiteral("usedAt")).toString(), Qt::ISODateWithMs);
    bool proven = false;
    if (a && letter == a->letterSerial) {
        EmergencyLetterKey key;
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT letter_key FROM emergency_accounts WHERE user_id = ?"), {id});
        proven = q.next() && EmergencyLetterKey::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object(), &key)
                 && key.serial == letter && key.provesUse(detail.value(QStringLiteral("proof")).toString(), terminalId, usedAt, test);
        if (!proven) {
            HubAuditLog(m_db).append(id, QStringLiteral("emergency.refused"),
                                     {{QStringLiteral("account"), id},
                                      {QStringLiteral("ward"), a->ward},
                                      {QStringLiteral("terminal"), terminalId},
                                      {QStringLiteral("mode"), QStringLiteral("offline")},
                                      {QStringLiteral("test"), test},
                                      {QStringLiteral("reason"), QStringLiteral("unproven_use")}});
            return;
        }
    }
    QJsonObject entry{{QStringLiteral("account"), id},
                      {QStringLiteral("ward"), a ? a->ward : QString()},
                      {QStringLiteral("terminal"), terminalId},
                      {QStringLiteral("mode"), QStringLiteral("offline")},
                      {QStringLiteral("at"), iso((proven ? usedAt : at).toUTC())},
                      {QStringLiteral("proven"), proven},
                      {QStringLiteral("realName"), detail.value(QStringLiteral("realName")).toString().left(kMaxRealNameLength)}};
    if (test) {
        if (proven && (!a->lastTestAt.isValid() || a->lastTestAt < usedAt))
            m_db.exec(QStringLiteral("UPDATE emergency_accounts SET last_test_at = ? WHERE user_id = ?"), {usedAt.toMSecsSinceEpoch(), id});
        HubAuditLog(m_db).append(id, QStringLiteral("emergency.test"), entry);
        return;
    }
    if (proven && a->state != QLatin1String("awaiting") && !a->firstUsedAt.isValid()) {
        a->firstUsedAt = usedAt.toUTC();
        a->usableUntil = a->firstUsedAt.addSecs(qint64(PolicyRules::emergencyUseHours(m_users.policyJson())) * 3600);
        m_db.exec(QStringLiteral("UPDATE emergency_accounts SET first_used_at = ?, usable_until = ?, seq = ? WHERE user_id = ?"),
                  {nullableMs(a->firstUsedAt), nullableMs(a->usableUntil), m_db.takeSequence(), id});
    }
    entry[QStringLiteral("reason")] = detail.value(QStringLiteral("reason")).toString().left(kMaxReasonLength);
    entry[QStringLiteral("letter")] = letter;
    entry[QStringLiteral("usableUntil")] = a ? iso(a->usableUntil) : QString();
    entry[QStringLiteral("review")] = true;
    HubAuditLog(m_db).append(id, QStringLiteral("emergency.login"), entry);
}

} // namespace ward::hub
