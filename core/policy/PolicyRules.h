#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace ward {

// One refusal of a hospital policy document: the field ("password.minLength", "session.idleLockSeconds",
// "access", …) and a readable reason. The editor shows it next to that field.
struct PolicyFieldError
{
    QString field;
    QString message;
};

// One field whose value differs between two policy documents (undefined: absent on that side).
struct PolicyFieldChange
{
    QString field; // "session.idleLockSeconds", "access.roles.nurse"
    QJsonValue before;
    QJsonValue after;
};

// CFG-2: the rules a hospital policy document must pass, section by section, with the very parsers the terminals
// apply it with (PasswordPolicy::fromJson, LockPolicy::fromJson, AccessPolicy::fromJson) plus the card, help,
// records and clock sections. The hub refuses to sign what fails here and a terminal refuses to apply it, so an
// editor, `wardhub policy set` and the terminal can never disagree about what is valid.
class PolicyRules
{
    Q_DECLARE_TR_FUNCTIONS(ward::PolicyRules)

public:
    // Issue 10: records signed further from the hub's receipt than this many hours are held for review.
    static constexpr int kDefaultOfflineGraceHours = 72;
    static constexpr int kMaxOfflineGraceHours = 30 * 24;
    static constexpr int kMaxHelpContactLength = 200;
    static constexpr int kMaxClockSkewWarningSeconds = 3600;
    // BCP-1: an emergency account's session is short, and after its first use the letter opens it only for a
    // while (one shift by default); then it is closed until IT issues a new letter.
    static constexpr int kDefaultEmergencySessionMinutes = 30;
    static constexpr int kMaxEmergencySessionMinutes = 120;
    static constexpr int kDefaultEmergencyUseHours = 12;
    static constexpr int kMaxEmergencyUseHours = 72;

    // Every problem of the document; empty when the terminals would apply all of it.
    static QList<PolicyFieldError> check(const QJsonObject& policy);
    // Issue 10: UID badges are weak; only a policy {"cards": {"allowUidBadges": true}} admits them.
    static bool allowsUidBadges(const QJsonObject& policy);
    // The leaf fields that differ (objects are walked, lists compared whole), sorted by field: the editor's diff
    // and the hub audit's "changed" list.
    static QList<PolicyFieldChange> diff(const QJsonObject& before, const QJsonObject& after);

    // The records.offlineGraceHours of a valid document, else the default.
    static int offlineGraceHours(const QJsonObject& policy);
    // BCP-1: policy "emergency": {"sessionMinutes", "useHours"}, or the defaults.
    static int emergencySessionMinutes(const QJsonObject& policy);
    static int emergencyUseHours(const QJsonObject& policy);

private:
    static void checkPassword(const QJsonObject& policy, QList<PolicyFieldError>* errors);
    static void checkSession(const QJsonObject& policy, QList<PolicyFieldError>* errors);
    static void checkAccess(const QJsonObject& policy, QList<PolicyFieldError>* errors);
    static void checkSmallSections(const QJsonObject& policy, QList<PolicyFieldError>* errors);
};

} // namespace ward
