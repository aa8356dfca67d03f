#include "auth/PasswordPolicy.h"

#include "auth/JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ward {

namespace {
const QString kMinLength = QStringLiteral("minLength");
const QString kMaxLength = QStringLiteral("maxLength");
const QString kMinClasses = QStringLiteral("minCharacterClasses");
const QString kHistory = QStringLiteral("historyGenerations");
const QString kMaxAge = QStringLiteral("maxAgeDays");
const QString kPrivMaxAge = QStringLiteral("privilegedMaxAgeDays");
const QString kWarnDays = QStringLiteral("warnDays");
const QString kLockout = QStringLiteral("lockoutThreshold");
const QString kPrivLockout = QStringLiteral("privilegedLockoutThreshold");
const QString kDelays = QStringLiteral("nonResponseDelaysMs");
const QString kOldFailures = QStringLiteral("changeOldPasswordFailureLimit");
const QString kTempHours = QStringLiteral("temporaryPasswordValidHours");
const QString kTempLength = QStringLiteral("temporaryPasswordLength");
const QString kUnusedDays = QStringLiteral("unusedAccountDays");
const QString kIdleLock = QStringLiteral("idleLockMinutes");
const QString kLockedLogout = QStringLiteral("lockedSessionLogoutMinutes");
const QString kPrivSession = QStringLiteral("privilegedSessionLimitMinutes");

// A delay longer than this is a denial of service on the user, not a brake on guessing.
constexpr int kMaxDelayMs = 5 * 60 * 1000;

QString tr(const char* text)
{
    return QCoreApplication::translate("PasswordPolicy", text);
}

// Range checks shared by fromJson and validate, so a policy built in code obeys the same bounds.
void checkRanges(const PasswordPolicy& p, JsonReader* r)
{
    auto range = [r](const QString& key, int v, int min, int max) {
        if (v < min || v > max)
            r->fail(key, QCoreApplication::translate("JsonReader", "must be a whole number from %1 to %2")
                             .arg(min)
                             .arg(max));
    };
    range(kMinLength, p.minLength, 8, 128);
    range(kMaxLength, p.maxLength, 8, 1024);
    range(kMinClasses, p.minCharacterClasses, 1, 4);
    range(kHistory, p.historyGenerations, 1, 24);
    range(kMaxAge, p.maxAgeDays, 1, 365);
    range(kPrivMaxAge, p.privilegedMaxAgeDays, 1, 365);
    range(kWarnDays, p.warnDays, 0, 30);
    range(kLockout, p.lockoutThreshold, 1, 20);
    range(kPrivLockout, p.privilegedLockoutThreshold, 1, 20);
    range(kOldFailures, p.changeOldPasswordFailureLimit, 1, 20);
    range(kTempHours, p.temporaryPasswordValidHours, 1, 30 * 24);
    range(kTempLength, p.temporaryPasswordLength, 8, 64);
    range(kUnusedDays, p.unusedAccountDays, 1, 3650);
    range(kIdleLock, p.idleLockMinutes, 1, 60);
    range(kLockedLogout, p.lockedSessionLogoutMinutes, 1, 24 * 60);
    range(kPrivSession, p.privilegedSessionLimitMinutes, 5, 24 * 60);
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
        r->fail(kMaxLength, tr("must not be below minLength"));
    if (p.temporaryPasswordLength < p.minLength || p.temporaryPasswordLength > p.maxLength)
        r->fail(kTempLength, tr("must lie between minLength and maxLength"));
    // A generated temporary password carries one character of each class; it needs room for them.
    if (p.temporaryPasswordLength < 4)
        r->fail(kTempLength, tr("must be at least 4"));
    // AUTH-10: privileged IDs are never laxer than ordinary ones.
    if (p.privilegedMaxAgeDays > p.maxAgeDays)
        r->fail(kPrivMaxAge, tr("must not exceed maxAgeDays (privileged IDs are stricter)"));
    if (p.privilegedLockoutThreshold > p.lockoutThreshold)
        r->fail(kPrivLockout, tr("must not exceed lockoutThreshold (privileged IDs are stricter)"));
    // Otherwise a privileged user would be warned from the day the password is set.
    if (p.warnDays >= p.privilegedMaxAgeDays)
        r->fail(kWarnDays, tr("must be shorter than privilegedMaxAgeDays"));
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
    QJsonArray delays;
    for (int d : nonResponseDelaysMs)
        delays.append(d);
    return QJsonObject{{kMinLength, minLength},
                       {kMaxLength, maxLength},
                       {kMinClasses, minCharacterClasses},
                       {kHistory, historyGenerations},
                       {kMaxAge, maxAgeDays},
                       {kPrivMaxAge, privilegedMaxAgeDays},
                       {kWarnDays, warnDays},
                       {kLockout, lockoutThreshold},
                       {kPrivLockout, privilegedLockoutThreshold},
                       {kDelays, delays},
                       {kOldFailures, changeOldPasswordFailureLimit},
                       {kTempHours, temporaryPasswordValidHours},
                       {kTempLength, temporaryPasswordLength},
                       {kUnusedDays, unusedAccountDays},
                       {kIdleLock, idleLockMinutes},
                       {kLockedLogout, lockedSessionLogoutMinutes},
                       {kPrivSession, privilegedSessionLimitMinutes}};
}

bool PasswordPolicy::fromJson(const QJsonObject& json, PasswordPolicy* out, JsonFieldError* error)
{
    PasswordPolicy p;
    JsonReader r(json);
    // Type checks here are loose on range (int bounds); checkRanges applies the policy's own bounds so
    // both paths report the same limits.
    constexpr qint64 kLo = -1000000000;
    constexpr qint64 kHi = 1000000000;
    r.readInt(kMinLength, kLo, kHi, &p.minLength);
    r.readInt(kMaxLength, kLo, kHi, &p.maxLength);
    r.readInt(kMinClasses, kLo, kHi, &p.minCharacterClasses);
    r.readInt(kHistory, kLo, kHi, &p.historyGenerations);
    r.readInt(kMaxAge, kLo, kHi, &p.maxAgeDays);
    r.readInt(kPrivMaxAge, kLo, kHi, &p.privilegedMaxAgeDays);
    r.readInt(kWarnDays, kLo, kHi, &p.warnDays);
    r.readInt(kLockout, kLo, kHi, &p.lockoutThreshold);
    r.readInt(kPrivLockout, kLo, kHi, &p.privilegedLockoutThreshold);
    r.readIntList(kDelays, 32, kLo, kHi, &p.nonResponseDelaysMs);
    r.readInt(kOldFailures, kLo, kHi, &p.changeOldPasswordFailureLimit);
    r.readInt(kTempHours, kLo, kHi, &p.temporaryPasswordValidHours);
    r.readInt(kTempLength, kLo, kHi, &p.temporaryPasswordLength);
    r.readInt(kUnusedDays, kLo, kHi, &p.unusedAccountDays);
    r.readInt(kIdleLock, kLo, kHi, &p.idleLockMinutes);
    r.readInt(kLockedLogout, kLo, kHi, &p.lockedSessionLogoutMinutes);
    r.readInt(kPrivSession, kLo, kHi, &p.privilegedSessionLimitMinutes);
    if (r.ok())
        checkRanges(p, &r);
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
    checkRanges(*this, &r);
    if (!r.ok() && error)
        *error = r.error();
    return r.ok();
}

bool PasswordPolicy::operator==(const PasswordPolicy& o) const
{
    return toJson() == o.toJson();
}

} // namespace ward
