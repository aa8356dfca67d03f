#include "auth/IdentityVerification.h"

#include "auth/JsonReader.h"
#include "auth/UserId.h"

#include <QCoreApplication>

namespace ward {

namespace {
const QString kMethod = QStringLiteral("method");
const QString kDocumentRef = QStringLiteral("documentRef");
const QString kVerifiedBy = QStringLiteral("verifiedBy");
const QString kVerifiedAt = QStringLiteral("verifiedAt");

QString tr(const char* text)
{
    return QCoreApplication::translate("IdentityVerification", text);
}
} // namespace

bool IdentityVerification::validate(const QString& targetUserId, JsonFieldError* error) const
{
    JsonFieldError e;
    if (method.trimmed().isEmpty() || method.size() > kMaxMethodLength)
        e = {kMethod, tr("Record how the person's identity was verified.")};
    else if (documentRef.trimmed().isEmpty() || documentRef.size() > kMaxDocumentRefLength)
        e = {kDocumentRef, tr("Record the ledger reference of the identity document that was checked.")};
    else if (!UserId::isValid(verifiedBy))
        e = {kVerifiedBy, tr("Record the user ID of the staff member who verified the identity.")};
    else if (verifiedBy == targetUserId)
        e = {kVerifiedBy, tr("Staff cannot verify their own identity; another registrar must do it.")};
    if (error)
        *error = e;
    return !e.isError();
}

QJsonObject IdentityVerification::toJson() const
{
    return QJsonObject{{kMethod, method},
                       {kDocumentRef, documentRef},
                       {kVerifiedBy, verifiedBy},
                       {kVerifiedAt, JsonReader::dateTimeToJson(verifiedAt)}};
}

bool IdentityVerification::fromJson(const QJsonObject& json, IdentityVerification* out, JsonFieldError* error)
{
    IdentityVerification v;
    JsonReader r(json);
    r.readString(kMethod, kMaxMethodLength, &v.method, true);
    r.readString(kDocumentRef, kMaxDocumentRefLength, &v.documentRef, true);
    r.readString(kVerifiedBy, UserId::kLength, &v.verifiedBy, true);
    r.readDateTime(kVerifiedAt, &v.verifiedAt);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return false;
    }
    *out = v;
    return true;
}

bool IdentityVerification::operator==(const IdentityVerification& o) const
{
    return method == o.method && documentRef == o.documentRef && verifiedBy == o.verifiedBy
           && verifiedAt == o.verifiedAt;
}

} // namespace ward
