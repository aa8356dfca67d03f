#include "policy/PolicyRules.h"

#include "auth/PasswordPolicy.h"
#include "exports/ExportPolicy.h"
#include "policy/AccessPolicy.h"
#include "session/LockPolicy.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QMap>
#include <QRegularExpression>

namespace ward {

namespace {

bool isWholeNumber(const QJsonValue& v, int min, int max)
{
    return v.isDouble() && v.toDouble() == double(v.toInt()) && v.toInt() >= min && v.toInt() <= max;
}

// A section that is present must be an object; false (and the error) when it is something else.
bool sectionIsObject(const QJsonObject& policy, const QString& section, QList<PolicyFieldError>* errors)
{
    const QJsonValue v = policy.value(section);
    if (v.isUndefined() || v.isObject())
        return true;
    errors->append({section, PolicyRules::tr("%1 must be a group of settings (a JSON object).").arg(section)});
    return false;
}

void flatten(const QJsonValue& value, const QString& path, QMap<QString, QJsonValue>* out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            flatten(it.value(), path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(), out);
        return;
    }
    out->insert(path, value);
}

} // namespace

QList<PolicyFieldChange> PolicyRules::diff(const QJsonObject& before, const QJsonObject& after)
{
    QMap<QString, QJsonValue> a, b;
    flatten(before, QString(), &a);
    flatten(after, QString(), &b);
    QMap<QString, PolicyFieldChange> changes;
    for (auto it = a.begin(); it != a.end(); ++it)
        if (b.value(it.key(), QJsonValue(QJsonValue::Undefined)) != it.value())
            changes.insert(it.key(), {it.key(), it.value(), b.value(it.key(), QJsonValue(QJsonValue::Undefined))});
    for (auto it = b.begin(); it != b.end(); ++it)
        if (!a.contains(it.key()))
            changes.insert(it.key(), {it.key(), QJsonValue(QJsonValue::Undefined), it.value()});
    return changes.values();
}

QList<PolicyFieldError> PolicyRules::check(const QJsonObject& policy)
{
    QList<PolicyFieldError> errors;
    checkPassword(policy, &errors);
    checkSession(policy, &errors);
    checkAccess(policy, &errors);
    checkSmallSections(policy, &errors);
    return errors;
}

void PolicyRules::checkPassword(const QJsonObject& policy, QList<PolicyFieldError>* errors)
{
    if (!sectionIsObject(policy, QStringLiteral("password"), errors))
        return;
    PasswordPolicy parsed;
    JsonFieldError error;
    if (!PasswordPolicy::fromJson(policy.value(QStringLiteral("password")).toObject(), &parsed, &error))
        errors->append({error.field.isEmpty() ? QStringLiteral("password") : QStringLiteral("password.") + error.field,
                        error.message});
}

void PolicyRules::checkSession(const QJsonObject& policy, QList<PolicyFieldError>* errors)
{
    if (!sectionIsObject(policy, QStringLiteral("session"), errors))
        return;
    LockPolicy parsed;
    QString error;
    if (LockPolicy::fromJson(policy.value(QStringLiteral("session")).toObject(), &parsed, &error))
        return;
    // LockPolicy names the key in quotes: the first one is the field at fault.
    static const QRegularExpression quoted(QStringLiteral("\"(\\w+)\""));
    const QRegularExpressionMatch m = quoted.match(error);
    errors->append({m.hasMatch() ? QStringLiteral("session.") + m.captured(1) : QStringLiteral("session"), error});
}

void PolicyRules::checkAccess(const QJsonObject& policy, QList<PolicyFieldError>* errors)
{
    if (!sectionIsObject(policy, QStringLiteral("access"), errors) || !policy.contains(QStringLiteral("access")))
        return;
    QString error;
    if (!AccessPolicy::fromJson(QJsonDocument(policy.value(QStringLiteral("access")).toObject()).toJson(), &error))
        errors->append({QStringLiteral("access"), error});
}

void PolicyRules::checkSmallSections(const QJsonObject& policy, QList<PolicyFieldError>* errors)
{
    if (sectionIsObject(policy, QStringLiteral("cards"), errors)) {
        const QJsonValue allow = policy.value(QStringLiteral("cards")).toObject().value(QStringLiteral("allowUidBadges"));
        if (!allow.isUndefined() && !allow.isBool())
            errors->append({QStringLiteral("cards.allowUidBadges"), tr("cards.allowUidBadges must be true or false.")});
    }
    if (sectionIsObject(policy, QStringLiteral("help"), errors)) {
        const QJsonValue contact = policy.value(QStringLiteral("help")).toObject().value(QStringLiteral("contact"));
        if (!contact.isUndefined() && (!contact.isString() || contact.toString().size() > kMaxHelpContactLength))
            errors->append({QStringLiteral("help.contact"),
                            tr("help.contact must be a text of at most %1 characters.").arg(kMaxHelpContactLength)});
    }
    if (sectionIsObject(policy, QStringLiteral("records"), errors)) {
        const QJsonValue grace = policy.value(QStringLiteral("records")).toObject().value(QStringLiteral("offlineGraceHours"));
        if (!grace.isUndefined() && !isWholeNumber(grace, 1, kMaxOfflineGraceHours))
            errors->append({QStringLiteral("records.offlineGraceHours"),
                            tr("records.offlineGraceHours must be a whole number of hours from 1 to %1.").arg(kMaxOfflineGraceHours)});
    }
    if (sectionIsObject(policy, QStringLiteral("export"), errors)) {
        // DATA-4: where prints and exports may go (ExportPolicy reads it the same way at the terminal).
        for (const auto& [field, message] : ExportPolicy::problems(policy.value(QStringLiteral("export")).toObject()))
            errors->append({field, message});
    }
    if (sectionIsObject(policy, QStringLiteral("emergency"), errors)) {
        const QJsonObject e = policy.value(QStringLiteral("emergency")).toObject();
        const QJsonValue minutes = e.value(QStringLiteral("sessionMinutes"));
        if (!minutes.isUndefined() && !isWholeNumber(minutes, 5, kMaxEmergencySessionMinutes))
            errors->append({QStringLiteral("emergency.sessionMinutes"),
                            tr("emergency.sessionMinutes must be a whole number of minutes from 5 to %1.").arg(kMaxEmergencySessionMinutes)});
        const QJsonValue hours = e.value(QStringLiteral("useHours"));
        if (!hours.isUndefined() && !isWholeNumber(hours, 1, kMaxEmergencyUseHours))
            errors->append({QStringLiteral("emergency.useHours"),
                            tr("emergency.useHours must be a whole number of hours from 1 to %1.").arg(kMaxEmergencyUseHours)});
    }
    if (sectionIsObject(policy, QStringLiteral("clock"), errors)) {
        const QJsonValue skew = policy.value(QStringLiteral("clock")).toObject().value(QStringLiteral("skewWarningSeconds"));
        if (!skew.isUndefined() && !isWholeNumber(skew, 1, kMaxClockSkewWarningSeconds))
            errors->append({QStringLiteral("clock.skewWarningSeconds"),
                            tr("clock.skewWarningSeconds must be a whole number of seconds from 1 to %1.").arg(kMaxClockSkewWarningSeconds)});
    }
}

bool PolicyRules::allowsUidBadges(const QJsonObject& policy)
{
    return policy.value(QStringLiteral("cards")).toObject().value(QStringLiteral("allowUidBadges")).toBool(false);
}

int PolicyRules::offlineGraceHours(const QJsonObject& policy)
{
    const QJsonValue grace = policy.value(QStringLiteral("records")).toObject().value(QStringLiteral("offlineGraceHours"));
    return isWholeNumber(grace, 1, kMaxOfflineGraceHours) ? grace.toInt() : kDefaultOfflineGraceHours;
}

int PolicyRules::emergencySessionMinutes(const QJsonObject& policy)
{
    const QJsonValue v = policy.value(QStringLiteral("emergency")).toObject().value(QStringLiteral("sessionMinutes"));
    return isWholeNumber(v, 5, kMaxEmergencySessionMinutes) ? v.toInt() : kDefaultEmergencySessionMinutes;
}

int PolicyRules::emergencyUseHours(const QJsonObject& policy)
{
    const QJsonValue v = policy.value(QStringLiteral("emergency")).toObject().value(QStringLiteral("useHours"));
    return isWholeNumber(v, 1, kMaxEmergencyUseHours) ? v.toInt() : kDefaultEmergencyUseHours;
}

} // namespace ward
