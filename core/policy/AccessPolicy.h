#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace ward {

struct UserSession;

// AC-1: what a role may do is data from the hospital (the hub pushes the policy; a default ships as a
// resource), never a hard-coded profession check.
// Export (DATA-4): print, save as PDF or export the record type outside the chart.
enum class RecordAction { Read, Write, Confirm, Approve, ProxyEnter, Export };

// AC-2 / AC-3: where a patient sits relative to the user's compartments.
enum class CompartmentAccess {
    Member,        // one of the user's wards/departments
    NeedsReason,   // another compartment: break-the-glass with a stated reason, flagged for review
    Denied,        // a special compartment: only assigned staff, no break-the-glass
};

class AccessPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ward::AccessPolicy)

public:
    // nullopt + *error (readable) for malformed JSON, unknown actions, classifications outside I–IV,
    // or a policy without roles. A bad policy is refused whole: nothing is half-applied.
    static std::optional<AccessPolicy> fromJson(const QByteArray& json, QString* error);
    // The policy shipped with the terminal (:/policy/default-policy.json) until the hub sends one.
    static AccessPolicy defaultPolicy();

    static QString actionName(RecordAction action);
    static bool actionFromName(const QString& name, RecordAction* out);

    bool permits(const QStringList& roles, RecordAction action, const QString& recordType, int classification) const;
    // Whether any of these roles reads some record type at all (a reception clerk, IT person or auditor does not:
    // their session opens on their own workspace, not on a census they cannot open).
    bool readsAnyRecord(const QStringList& roles) const;
    bool canRead(const UserSession& user, const QString& recordType, int classification) const;
    bool canWrite(const UserSession& user, const QString& recordType, int classification) const;
    bool canConfirm(const UserSession& user, const QString& recordType, int classification) const;
    bool canApprove(const UserSession& user, const QString& recordType, int classification) const;
    bool canProxyEnter(const UserSession& user, const QString& recordType, int classification) const;
    bool canExport(const UserSession& user, const QString& recordType, int classification) const;

    CompartmentAccess compartmentAccess(const UserSession& user, const QString& compartment) const;

    // Classification a new record of this type gets (AC-2); 2 when the policy does not say.
    int defaultClassification(const QString& recordType) const;
    QStringList recordTypes() const;
    QStringList roles() const { return m_roles.keys(); }
    QString compartmentName(const QString& compartment) const;
    int version() const { return m_version; }

private:
    struct Grant
    {
        unsigned actions = 0;  // bit per RecordAction
        QSet<QString> types;  // "*" = every type
        int maxClassification = 0;
    };

    int m_version = 0;
    QHash<QString, QList<Grant>> m_roles;
    QHash<QString, int> m_typeClassification;
    QHash<QString, QString> m_compartmentNames;
    QSet<QString> m_specialCompartments;
};

} // namespace ward
