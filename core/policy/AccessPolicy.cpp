#include "policy/AccessPolicy.h"

#include "session/UserSession.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <stdexcept>

namespace ward {

namespace {

constexpr const char* kFormat = "wardstation-access-policy";

} // namespace

QString AccessPolicy::actionName(RecordAction action)
{
    switch (action) {
    case RecordAction::Read:
        return QStringLiteral("read");
    case RecordAction::Write:
        return QStringLiteral("write");
    case RecordAction::Confirm:
        return QStringLiteral("confirm");
    case RecordAction::Approve:
        return QStringLiteral("approve");
    case RecordAction::ProxyEnter:
        return QStringLiteral("proxy-enter");
    case RecordAction::Export:
        return QStringLiteral("export");
    }
    return QString();
}

bool AccessPolicy::actionFromName(const QString& name, RecordAction* out)
{
    for (RecordAction a : {RecordAction::Read, RecordAction::Write, RecordAction::Confirm, RecordAction::Approve,
                           RecordAction::ProxyEnter, RecordAction::Export}) {
        if (actionName(a) == name) {
            *out = a;
            return true;
        }
    }
    return false;
}

std::optional<AccessPolicy> AccessPolicy::fromJson(const QByteArray& json, QString* error)
{
    auto fail = [error](const QString& message) -> std::optional<AccessPolicy> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(tr("The access policy is not valid JSON: %1").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return fail(tr("The file is not a WardStation access policy (format field missing or wrong)."));

    AccessPolicy policy;
    policy.m_version = root.value(QStringLiteral("version")).toInt(0);
    if (policy.m_version < 1)
        return fail(tr("The access policy has no valid version number."));

    const QJsonObject types = root.value(QStringLiteral("recordTypes")).toObject();
    for (auto it = types.begin(); it != types.end(); ++it) {
        const int c = it.value().toObject().value(QStringLiteral("classification")).toInt(0);
        if (c < 1 || c > 4)
            return fail(tr("Record type %1: classification must be I to IV (1–4).").arg(it.key()));
        policy.m_typeClassification.insert(it.key(), c);
    }

    const QJsonObject roles = root.value(QStringLiteral("roles")).toObject();
    if (roles.isEmpty())
        return fail(tr("The access policy defines no roles."));
    for (auto it = roles.begin(); it != roles.end(); ++it) {
        if (!it.value().isArray())
            return fail(tr("Role %1: permissions must be a list.").arg(it.key()));
        QList<Grant> grants;
        for (const QJsonValue& g : it.value().toArray()) {
            const QJsonObject o = g.toObject();
            Grant grant;
            for (const QJsonValue& a : o.value(QStringLiteral("actions")).toArray()) {
                RecordAction action;
                if (!actionFromName(a.toString(), &action))
                    return fail(tr("Role %1: unknown action \"%2\".").arg(it.key(), a.toString()));
                grant.actions |= 1u << static_cast<unsigned>(action);
            }
            for (const QJsonValue& t : o.value(QStringLiteral("types")).toArray()) {
                if (t.toString().isEmpty())
                    return fail(tr("Role %1: an empty record type.").arg(it.key()));
                grant.types.insert(t.toString());
            }
            grant.maxClassification = o.value(QStringLiteral("maxClassification")).toInt(0);
            if (grant.maxClassification < 1 || grant.maxClassification > 4)
                return fail(tr("Role %1: maxClassification must be I to IV (1–4).").arg(it.key()));
            if (grant.actions == 0 || grant.types.isEmpty())
                return fail(tr("Role %1: a permission needs actions and record types.").arg(it.key()));
            grants.append(grant);
        }
        policy.m_roles.insert(it.key(), grants);
    }

    for (const QJsonValue& c : root.value(QStringLiteral("compartments")).toArray()) {
        const QJsonObject o = c.toObject();
        const QString id = o.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            return fail(tr("A compartment without an id."));
        policy.m_compartmentNames.insert(id, o.value(QStringLiteral("name")).toString(id));
        if (o.value(QStringLiteral("special")).toBool(false))
            policy.m_specialCompartments.insert(id);
    }
    return policy;
}

AccessPolicy AccessPolicy::defaultPolicy()
{
    QFile file(QStringLiteral(":/policy/default-policy.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("the default access policy resource is missing from this build");
    QString error;
    auto policy = fromJson(file.readAll(), &error);
    if (!policy)
        throw std::runtime_error(error.toStdString());
    return *policy;
}

bool AccessPolicy::readsAnyRecord(const QStringList& roles) const
{
    for (const QString& role : roles)
        for (const Grant& g : m_roles.value(role))
            if ((g.actions & (1u << static_cast<unsigned>(RecordAction::Read))) && g.maxClassification > 0 && !g.types.isEmpty())
                return true;
    return false;
}

bool AccessPolicy::permits(const QStringList& roles, RecordAction action, const QString& recordType,
                           int classification) const
{
    if (classification < 1 || classification > 4)
        return false;
    for (const QString& role : roles) {
        const auto it = m_roles.constFind(role);
        if (it == m_roles.constEnd())
            continue;
        for (const Grant& g : *it) {
            if ((g.actions & (1u << static_cast<unsigned>(action))) && classification <= g.maxClassification
                && (g.types.contains(recordType) || g.types.contains(QStringLiteral("*"))))
                return true;
        }
    }
    return false;
}

bool AccessPolicy::canRead(const UserSession& user, const QString& recordType, int classification) const
{
    return permits(user.roles, RecordAction::Read, recordType, classification);
}

bool AccessPolicy::canWrite(const UserSession& user, const QString& recordType, int classification) const
{
    return permits(user.roles, RecordAction::Write, recordType, classification);
}

bool AccessPolicy::canConfirm(const UserSession& user, const QString& recordType, int classification) const
{
    return permits(user.roles, RecordAction::Confirm, recordType, classification);
}

bool AccessPolicy::canApprove(const UserSession& user, const QString& recordType, int classification) const
{
    return permits(user.roles, RecordAction::Approve, recordType, classification);
}

bool AccessPolicy::canProxyEnter(const UserSession& user, const QString& recordType, int classification) const
{
    return permits(user.roles, RecordAction::ProxyEnter, recordType, classification);
}

bool AccessPolicy::canExport(const UserSession& user, const QString& recordType, int classification) const
{
    return permits(user.roles, RecordAction::Export, recordType, classification);
}

CompartmentAccess AccessPolicy::compartmentAccess(const UserSession& user, const QString& compartment) const
{
    if (user.compartments.contains(compartment))
        return CompartmentAccess::Member;
    // AC-2: special compartments (e.g. psychiatry) are for assigned staff only.
    if (m_specialCompartments.contains(compartment))
        return CompartmentAccess::Denied;
    return CompartmentAccess::NeedsReason;
}

int AccessPolicy::defaultClassification(const QString& recordType) const
{
    return m_typeClassification.value(recordType, 2);
}

QStringList AccessPolicy::recordTypes() const
{
    QStringList types = m_typeClassification.keys();
    types.sort();
    return types;
}

QString AccessPolicy::compartmentName(const QString& compartment) const
{
    return m_compartmentNames.value(compartment, compartment);
}

} // namespace ward
