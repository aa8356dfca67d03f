#pragma once

#include "policy/PolicyRules.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace ward::hub {

class DataKeys;
class HubDatabase;
class HubPki;
class UserDirectory;

// Issue 10 (signing keys never die): the signer writes the CMS signing time, so the hub does not take it on
// trust. A verified record is
//   refused  when it was signed (by its own signing time) after its certificate was revoked;
//   held     when its signing time is further from the hub's receipt time than the offline grace window (policy
//            "records": {"offlineGraceHours"}, default 72, 1..720), or its certificate was revoked before it
//            arrived (a stolen key can backdate its signatures), or the version it follows is held;
//   stored   otherwise.
// Held records are kept in records_review (body sealed under the HEALTH key like records), are not records
// (no timestamp token, not in /changes, not in backups' record lines) until a reviewer with records.review
// accepts them (`wardhub review accept`): then they are stamped and stored like any record. Refusing keeps the row.
class ReviewQueue
{
public:
    static constexpr int kDefaultGraceHours = PolicyRules::kDefaultOfflineGraceHours;

    enum class Action { Store, Hold, Refuse };
    struct Verdict
    {
        Action action = Action::Store;
        QString reason;
    };
    struct Held
    {
        QString recordId;
        int version = 0;
        QString patientId;
        QString type;
        QString ward;
        QString author;
        QString prevHash;
        QByteArray body;
        QByteArray bodyMac;
        QByteArray signature;
        QString terminalId;
        qint64 receivedAt = 0;
        qint64 signedAt = 0;
        QString reason;
        QString status; // pending | accepted | refused
    };

    ReviewQueue(HubDatabase& db, const DataKeys& keys, HubPki& pki, UserDirectory& users);

    // The grace window of the newest policy (default when unset).
    int graceHours();
    static Verdict judge(const QDateTime& signedAt, const QDateTime& receivedAt, int graceHours,
                         std::optional<qint64> certificateRevokedAtMs);

    // Holds a verified record (own transaction). Idempotent: the same bytes again answer true; other bytes under
    // the same (record, version) answer false (a conflict).
    bool hold(const Held& record);
    // Whether (record, version) is held and not accepted.
    bool isHeld(const QString& recordId, int version);
    // Held records, oldest first (body left empty).
    QList<Held> list(const QString& status = QStringLiteral("pending"));
    // The reviewer's decision; audited (record.review.accept / record.review.refuse). Accept stamps the record and
    // stores it as a normal record (it then reaches terminals). HubError not_found, conflict, forbidden.
    // auditContext is merged into the audit detail (issue 12: the console and how the reviewer was proved).
    void accept(const QString& recordId, int version, const QString& reviewerId, const QJsonObject& auditContext = {});
    void refuse(const QString& recordId, int version, const QString& reviewerId, const QJsonObject& auditContext = {});

    static QByteArray bodyAad(const QString& recordId, int version);

private:
    Held load(const QString& recordId, int version);

    HubDatabase& m_db;
    const DataKeys& m_keys;
    HubPki& m_pki;
    UserDirectory& m_users;
};

} // namespace ward::hub
