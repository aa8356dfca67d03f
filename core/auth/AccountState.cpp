#include "auth/AccountState.h"

#include "auth/JsonReader.h"
#include "auth/UserId.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ward {

namespace {
const QString kStatus = QStringLiteral("status");
const QString kPrivileged = QStringLiteral("privileged");
const QString kCreatedAt = QStringLiteral("createdAt");
const QString kFailedCount = QStringLiteral("failedCount");
const QString kRetryNotBefore = QStringLiteral("retryNotBefore");
const QString kLockedAt = QStringLiteral("lockedAt");
const QString kLockReason = QStringLiteral("lockReason");
const QString kUnlockedBy = QStringLiteral("unlockedBy");
const QString kUnlockedAt = QStringLiteral("unlockedAt");
const QString kLastSuccessAt = QStringLiteral("lastSuccessAt");
const QString kLastSuccessTerminal = QStringLiteral("lastSuccessTerminal");
const QString kFailuresSinceSuccess = QStringLiteral("failuresSinceSuccess");
const QString kLastFailureAt = QStringLiteral("lastFailureAt");
const QString kLastFailureTerminal = QStringLiteral("lastFailureTerminal");
const QString kPasswordChangedAt = QStringLiteral("passwordChangedAt");
const QString kMustChange = QStringLiteral("mustChange");
const QString kTemporaryIssuedAt = QStringLiteral("temporaryIssuedAt");
const QString kTemporaryVerifier = QStringLiteral("temporaryVerifier");
const QString kPasswordHistory = QStringLiteral("passwordHistory");
const QString kOldPasswordFailures = QStringLiteral("oldPasswordFailures");
const QString kStatusChangedBy = QStringLiteral("statusChangedBy");
const QString kStatusChangedAt = QStringLiteral("statusChangedAt");
const QString kLastResetVerification = QStringLiteral("lastResetVerification");
const QString kLastResetAt = QStringLiteral("lastResetAt");

QString tr(const char* text)
{
    return QCoreApplication::translate("AccountState", text);
}

bool isArgon2idVerifier(const QString& s)
{
    return s.startsWith(QLatin1String("$argon2id$")) && s.size() <= AccountState::kMaxVerifierLength;
}
} // namespace

QString AccountState::statusName(Status s)
{
    switch (s) {
    case Status::Active:
        return QStringLiteral("active");
    case Status::Disabled:
        return QStringLiteral("disabled");
    case Status::Retired:
        return QStringLiteral("retired");
    }
    return QString();
}

QString AccountState::lockReasonName(LockReason r)
{
    switch (r) {
    case LockReason::None:
        return QStringLiteral("none");
    case LockReason::FailedLogins:
        return QStringLiteral("failedLogins");
    case LockReason::FailedOldPassword:
        return QStringLiteral("failedOldPassword");
    }
    return QString();
}

QJsonObject AccountState::toJson() const
{
    QJsonObject o{{kStatus, statusName(status)},
                  {kPrivileged, privileged},
                  {kCreatedAt, JsonReader::dateTimeToJson(createdAt)},
                  {kFailedCount, failedCount},
                  {kRetryNotBefore, JsonReader::dateTimeToJson(retryNotBefore)},
                  {kLockedAt, JsonReader::dateTimeToJson(lockedAt)},
                  {kLockReason, lockReasonName(lockReason)},
                  {kUnlockedBy, unlockedBy},
                  {kUnlockedAt, JsonReader::dateTimeToJson(unlockedAt)},
                  {kLastSuccessAt, JsonReader::dateTimeToJson(lastSuccessAt)},
                  {kLastSuccessTerminal, lastSuccessTerminal},
                  {kFailuresSinceSuccess, failuresSinceSuccess},
                  {kLastFailureAt, JsonReader::dateTimeToJson(lastFailureAt)},
                  {kLastFailureTerminal, lastFailureTerminal},
                  {kPasswordChangedAt, JsonReader::dateTimeToJson(passwordChangedAt)},
                  {kMustChange, mustChange},
                  {kTemporaryIssuedAt, JsonReader::dateTimeToJson(temporaryIssuedAt)},
                  {kTemporaryVerifier, temporaryVerifier},
                  {kPasswordHistory, QJsonArray::fromStringList(passwordHistory)},
                  {kOldPasswordFailures, oldPasswordFailures},
                  {kStatusChangedBy, statusChangedBy},
                  {kStatusChangedAt, JsonReader::dateTimeToJson(statusChangedAt)},
                  {kLastResetAt, JsonReader::dateTimeToJson(lastResetAt)}};
    if (lastResetAt.isValid())
        o.insert(kLastResetVerification, lastResetVerification.toJson());
    return o;
}

bool AccountState::fromJson(const QJsonObject& json, AccountState* out, JsonFieldError* error)
{
    AccountState s;
    JsonReader r(json);

    QString status;
    r.readString(kStatus, 16, &status, true);
    if (r.ok()) {
        if (status == statusName(Status::Active))
            s.status = Status::Active;
        else if (status == statusName(Status::Disabled))
            s.status = Status::Disabled;
        else if (status == statusName(Status::Retired))
            s.status = Status::Retired;
        else
            r.fail(kStatus, tr("must be active, disabled or retired"));
    }
    r.readBool(kPrivileged, &s.privileged);
    r.readDateTime(kCreatedAt, &s.createdAt);
    r.readInt(kFailedCount, 0, kMaxCount, &s.failedCount);
    r.readDateTime(kRetryNotBefore, &s.retryNotBefore);
    r.readDateTime(kLockedAt, &s.lockedAt);
    QString reason = lockReasonName(LockReason::None);
    r.readString(kLockReason, 32, &reason);
    if (r.ok()) {
        if (reason == lockReasonName(LockReason::None))
            s.lockReason = LockReason::None;
        else if (reason == lockReasonName(LockReason::FailedLogins))
            s.lockReason = LockReason::FailedLogins;
        else if (reason == lockReasonName(LockReason::FailedOldPassword))
            s.lockReason = LockReason::FailedOldPassword;
        else
            r.fail(kLockReason, tr("must be none, failedLogins or failedOldPassword"));
    }
    if (r.ok() && s.lockedAt.isValid() != (s.lockReason != LockReason::None))
        r.fail(kLockReason, tr("must be set exactly when lockedAt is set"));
    r.readString(kUnlockedBy, UserId::kLength, &s.unlockedBy);
    r.readDateTime(kUnlockedAt, &s.unlockedAt);
    if (r.ok() && !s.unlockedBy.isEmpty() && !UserId::isValid(s.unlockedBy))
        r.fail(kUnlockedBy, UserId::message(UserId::validate(s.unlockedBy)));
    r.readDateTime(kLastSuccessAt, &s.lastSuccessAt);
    r.readString(kLastSuccessTerminal, kMaxTerminalLength, &s.lastSuccessTerminal);
    r.readInt(kFailuresSinceSuccess, 0, kMaxCount, &s.failuresSinceSuccess);
    r.readDateTime(kLastFailureAt, &s.lastFailureAt);
    r.readString(kLastFailureTerminal, kMaxTerminalLength, &s.lastFailureTerminal);
    r.readDateTime(kPasswordChangedAt, &s.passwordChangedAt);
    r.readBool(kMustChange, &s.mustChange);
    r.readDateTime(kTemporaryIssuedAt, &s.temporaryIssuedAt);
    r.readString(kTemporaryVerifier, kMaxVerifierLength, &s.temporaryVerifier);
    if (r.ok() && !s.temporaryVerifier.isEmpty() && !isArgon2idVerifier(s.temporaryVerifier))
        r.fail(kTemporaryVerifier, tr("must be an Argon2id verifier"));
    // A temporary password without an issue time could never expire (AUTH-7).
    if (r.ok() && s.mustChange && !s.temporaryIssuedAt.isValid())
        r.fail(kTemporaryIssuedAt, tr("must be set while a temporary password is in force"));
    r.readStringList(kPasswordHistory, kMaxHistory, kMaxVerifierLength, &s.passwordHistory);
    for (const QString& v : std::as_const(s.passwordHistory)) {
        // AUTH-4: the history only ever holds irreversible verifiers.
        if (r.ok() && !isArgon2idVerifier(v))
            r.fail(kPasswordHistory, tr("every entry must be an Argon2id verifier"));
    }
    r.readInt(kOldPasswordFailures, 0, kMaxCount, &s.oldPasswordFailures);
    r.readString(kStatusChangedBy, UserId::kLength, &s.statusChangedBy);
    r.readDateTime(kStatusChangedAt, &s.statusChangedAt);
    if (r.ok() && !s.statusChangedBy.isEmpty() && !UserId::isValid(s.statusChangedBy))
        r.fail(kStatusChangedBy, UserId::message(UserId::validate(s.statusChangedBy)));
    r.readDateTime(kLastResetAt, &s.lastResetAt);
    QJsonObject verification;
    r.readObject(kLastResetVerification, &verification, s.lastResetAt.isValid());
    if (r.ok() && s.lastResetAt.isValid()) {
        JsonFieldError inner;
        if (!IdentityVerification::fromJson(verification, &s.lastResetVerification, &inner))
            r.fail(kLastResetVerification + QLatin1Char('.') + inner.field, inner.message);
    }
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return false;
    }
    *out = s;
    return true;
}

bool AccountState::operator==(const AccountState& o) const
{
    return toJson() == o.toJson();
}

} // namespace ward
