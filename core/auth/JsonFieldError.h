#pragma once

#include <QString>

namespace ward {

// Why a stored or pushed auth document (policy, account state, offline counter) was refused: the
// field that was wrong and a readable reason. Nothing is applied when one is reported.
struct JsonFieldError
{
    QString field;
    QString message;

    bool isError() const { return !field.isEmpty() || !message.isEmpty(); }
    // "field: message", for logs and admin screens (never contains a secret: only names and limits).
    QString text() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }
};

} // namespace ward
