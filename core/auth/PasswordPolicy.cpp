#include "auth/PasswordPolicy.h"

#include "auth/JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ward {

namespace {
const QString kDelays = QStringLiteral("nonResponseDelaysMs");

// A delay longer than this is a denial of service on the user, not a brake on guessing.
constexpr int kMaxDelayMs = 5 * 60 * 1000;

// Every integer setting with its JSON key and bounds, so JSON reading, validation of a policy built in
// code, and the error text all use the same limits.
struct IntField
{
    const char* key;
    int PasswordPolicy::*member;
    int min;
    int max;
};

const IntField kIntFields[] = {
    {"minLength", &PasswordPolicy::minLength, 8, 128},
    {"maxLength", &PasswordPolicy::maxLength, 8, 1024},
    {"minCharacterClasses", &PasswordPolicy::minCharacterClasses, 1, 4},
    {"historyGenerations", &PasswordPolicy::historyGenerations, 1, 24},
    {"maxAgeDays", &PasswordPolicy::maxAgeDays, 1, 365},
    {"privilegedMaxAgeDays", &PasswordPolicy::privilegedMaxAgeDays, 1, 365},
    {"warnDays", &PasswordPolicy::warnDays, 0, 30},
    {"lockoutThreshold", &PasswordPolicy::lockoutThreshold, 1, 20},
    {"privilegedLockoutThreshold", &PasswordPolicy::privilegedLockoutThreshold, 1, 20},
    {"changeOldPasswordFailureLimit", &PasswordPolicy::changeOldPasswordFailureLimit, 1, 20},
    {"temporaryPasswordValidHours", &PasswordPolicy::temporaryPasswordValidHours, 1, 30 * 24},
    {"temporaryPasswordLength", &PasswordPolicy::temporaryPasswordLength, 8, 64},
    {"unusedAccountDays", &PasswordPolicy::unusedAccountDays, 1, 3650},
    {"idleLockMinutes", &PasswordPolicy::idleLockMinutes, 1, 60},
    {"lockedSessionLogoutMinutes", &PasswordPolicy::lockedSessionLogoutMinutes, 1, 24 * 60},
    {"privilegedSessionLimitMinutes", &PasswordPolicy::privilegedSessionLimitMinutes, 5, 24 * 60},
};

QString tr(const char* text)
{
    return QCoreApplication::translate("PasswordPolicy", text);
}

QString key(const char* k)
{
    return QString::fromLatin1(k);
}

// Bounds and cross-field rules, shared by fromJson and validate.
void checkPolicy(const PasswordPolicy& p, JsonReader* r)
{
    for (const IntField& f : kIntFields) {
        const int v = p.*(f.member);
        if (v < f.min || v > f.max)
            r->fail(key(f.key), QCoreApplication::translate("JsonReader", "must be a whole number from %1 to %2")
                                    .arg(f.min)
                                    .arg(f.max));
    }
    if (p.nonResponseDelaysMs.isEmpty() || p.nonResponseDelaysMs.size() > 32)
        r->fail(kDelays, tr("must list from 1 to 32 delays"));
    for (int i = 0; i < p.nonResponseDelaysMs.size(); ++i) {
        if (p.nonResponseDelaysMs[i] < 0 || p.nonResponseDelaysMs[i] > kMaxDelayMs)
            r->fail(kDelays, tr("every delay must be from 0 to %1 ms").arg(kMaxDelayMs));
        // A shrinking schedule would reward a guesser for failing more.
        if (i > 0 && p.nonResponseDelaysMs[i] < p.nonResponseDelaysMs[i - 1])
            r->fail(kDelays, tr("delays must not decrease"));
    }
    if (p.maxLength < p.minLength)
        r->fail(key("maxLength"), tr("must not be below minLength"));
    if (p.temporaryPasswordLength < p.minLength || p.temporaryPasswordLength > p.maxLength)
        r->fail(key("temporaryPasswordLength"), tr("must lie between minLength and maxLength"));
    // AUTH-10: privileged IDs are never laxer than ordinary ones.
    if (p.privilegedMaxAgeDays > p.maxAgeDays)
        r->fail(key("privilegedMaxAgeDays"), tr("must not exceed maxAgeDays (privileged IDs are stricter)"));
    if (p.privilegedLockoutThreshold > p.lockoutThreshold)
        r->fail(key("privilegedLockoutThreshold"),
                tr("must not exceed lockoutThreshold (privileged IDs are stricter)"));
    // Otherwise a privileged user would be warned from the day the password is set.
    if (p.warnDays >= p.privilegedMaxAgeDays)
        r->fail(key("warnDays"), tr("must be shorter than privilegedMaxAgeDays"));
}
} // namespace

QList<int> PasswordPolicy::defaultNonResponseDelaysMs()
{
    return {1000, 2000, 4000, 8000, 16000, 30000};
}

int PasswordPolicy::nonResponseDelayMs(int consecutiveFailures) const
{
    if (consecutiveFailures <= 0 || nonResponseDelaysMs.isEmpty())
        return 0;
    const int index = std::min<int>(consecutiveFailures, nonResponseDelaysMs.size()) - 1;
    return nonResponseDelaysMs[index];
}

QJsonObject PasswordPolicy::toJson() const
{
    QJsonObject json;
    for (const IntField& f : kIntFields)
        json.insert(key(f.key), this->*(f.member));
    QJsonArray delays;
    for (int d : nonResponseDelaysMs)
        delays.append(d);
    json.insert(kDelays, delays);
    return json;
}

bool PasswordPolicy::fromJson(const QJsonObject& json, PasswordPolicy* out, JsonFieldError* error)
{
    PasswordPolicy p;
    JsonReader r(json);
    for (const IntField& f : kIntFields)
        r.readInt(key(f.key), f.min, f.max, &(p.*(f.member)));
    r.readIntList(kDelays, 32, 0, kMaxDelayMs, &p.nonResponseDelaysMs);
    if (r.ok())
        checkPolicy(p, &r);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return false;
    }
    *out = p;
    return true;
}

bool PasswordPolicy::validate(JsonFieldError* error) const
{
    JsonReader r{QJsonObject()};
    checkPolicy(*this, &r);
    if (!r.ok() && error)
        *error = r.error();
    return r.ok();
}

bool PasswordPolicy::operator==(const PasswordPolicy& o) const
{
    return toJson() == o.toJson();
}

} // namespace ward
