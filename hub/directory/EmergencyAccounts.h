#pragma once

#include "crypto/SecureBytes.h"
#include "hub/HubError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace ward::hub {

class HubDatabase;
class UserDirectory;

// BCP-1 (003 §6.6(2)): one emergency account per ward for when nobody with a working card and password can log in
// (the card system is down, staff from outside arrive in a disaster). The account is a user of the directory
// (id "EMERG…", role "emergency", the ward as its only ward, no card), so sessions, lockout and signing work as
// for anyone; this class keeps what is particular to it:
// - two people: one asks for the account (or for a new letter), another approves; only the approval makes the
//   password, which is returned once for the sealed letter kept in the ward's safe (only its verifier is stored);
// - use: the first login opens a use period (policy emergency.useHours, one shift); after it the account is
//   closed ("spent") until IT asks for and a second person approves a new letter;
// - tests: a periodic test login proves the letter and the account work, opens no session and closes nothing.
class EmergencyAccounts
{
    Q_DECLARE_TR_FUNCTIONS(ward::hub::EmergencyAccounts)

public:
    static constexpr char kRole[] = "emergency";

    struct Account
    {
        QString id;
        QString ward;
        QString displayName;
        QString state;  // awaiting (no letter yet) | active | in-use | spent
        QString requestedBy;  // a request (new account or new letter) awaiting its second person; empty: none
        QDateTime requestedAt;
        QString approvedBy;
        QDateTime approvedAt;
        int letterSerial = 0;
        QDateTime firstUsedAt;
        QDateTime usableUntil;
        QDateTime lastTestAt;
        QJsonObject toJson() const;
    };

    // What the sealed letter says; the password exists only here and on the paper.
    struct Letter
    {
        QString accountId;
        QString ward;
        QString wardName;
        SecureBytes password;
        int serial = 0;
        QDateTime issuedAt;
        QString requestedBy;
        QString approvedBy;
    };

    EmergencyAccounts(HubDatabase& db, UserDirectory& users);

    // The first person (users.manage) asks for a new emergency account of `ward`, or for a new letter of an existing
    // one (rotation after use, or a periodic change). Nothing can log in with it yet. HubError bad_request (id not
    // EMERG…, unknown ward), conflict (a request already awaits approval), forbidden.
    void request(const QString& id, const QString& ward, const QString& requestedBy, const QJsonObject& auditContext = {});
    // The second person (users.manage, not the one who asked) approves: a new password, the account active, the use
    // period cleared, the letter's serial counted up. HubError not_found, conflict (nothing awaits approval),
    // forbidden (the same person, or no permission).
    Letter approve(const QString& id, const QString& approvedBy, const QJsonObject& auditContext = {});
    QList<Account> list();
    std::optional<Account> find(const QString& id);

    // Inside the login's transaction, after the letter's password was proven. A real use opens (or continues) the
    // use period and is audited emergency.login with the real person's name and the reason (review: true, an alert
    // on the ATNA stream); HubError 403 emergency_account_spent once the period is over, 403 emergency_not_active
    // before approval. Returns the account as it is now.
    Account recordUse(const QString& id, const QString& terminalId, const QString& realName, const QString& reason);
    // A periodic test (emergency.test): only an active account that is not in use; nothing else changes.
    Account recordTest(const QString& id, const QString& terminalId, const QString& realName);

    // BCP-1 offline: a use (or test) of the letter on a terminal while the hub was away, as that terminal's shipped
    // chain reports it (login.emergency, mode offline). Recorded in the hub chain like an online one (emergency.login
    // with mode offline, an alert on the ATNA stream; emergency.test); a use of the current letter begins the use
    // period from the time the terminal signed, if none began yet, so the other terminals close the account when it
    // ends. Inside the caller's transaction. A report of the current letter counts only with its proof (signed with
    // the letter's key: EmergencyLetterKey::provesUse), else it is recorded as emergency.refused (unproven_use);
    // reports of unknown accounts or older letters are recorded (proven false) and change nothing; a report from a
    // terminal of another ward (which cannot hold this ward's slot) is recorded as emergency.refused.
    void recordTerminalUse(const QString& id, const QString& terminalId, const QString& terminalWard, const QDateTime& at,
                           const QJsonObject& detail);

    // Why this account cannot be used (test: for a test login) now: emergency_not_active, emergency_account_spent;
    // nullopt when it can.
    static std::optional<HubError> refusal(const std::optional<Account>& account, bool test);

private:
    std::optional<Account> read(const QString& id, bool forUpdate);
    QString stateAt(const Account& a, const QDateTime& now) const;

    HubDatabase& m_db;
    UserDirectory& m_users;
};

} // namespace ward::hub
