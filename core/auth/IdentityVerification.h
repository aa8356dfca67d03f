#pragma once

#include "auth/JsonFieldError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ward {

// AUTH-12 / 003 §6.2(2)7(2): before an admin resets (or first issues) a password, the person's
// identity is checked and the ledger records how: the method, a reference to the document seen
// (the copy filed with the ledger) and who checked it.
struct IdentityVerification
{
    // e.g. "photo ID in person", "staff card and supervisor": the hospital's own procedure names.
    QString method;
    // Ledger reference of the document copy (not the document number itself: no personal data here).
    QString documentRef;
    // User ID of the registrar who checked the identity and performs the reset.
    QString verifiedBy;
    QDateTime verifiedAt;

    static constexpr int kMaxMethodLength = 64;
    static constexpr int kMaxDocumentRefLength = 128;

    // Empty fields, an invalid registrar ID or a registrar verifying themself are refused: an admin
    // must not reset their own password on their own say-so.
    bool validate(const QString& targetUserId, JsonFieldError* error = nullptr) const;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, IdentityVerification* out, JsonFieldError* error = nullptr);
    bool operator==(const IdentityVerification& o) const;
};

} // namespace ward
