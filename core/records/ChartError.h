#pragma once

#include "records/ValidationProblem.h"

#include <QList>
#include <QString>
#include <stdexcept>

namespace ward {

// Every refusal of the chart API, typed so the UI can react (ask for a reason, show field errors)
// and worded so the user knows what to do. A refused call changes nothing but the audit trail.
class ChartError : public std::runtime_error
{
public:
    enum class Code {
        Denied,        // the role or compartment does not allow it (AC-1, AC-2)
        NeedsReason,   // another compartment's patient: state a reason first (AC-3)
        InvalidInput,  // DATA-7; problems() says which fields
        NotFound,
        NoSigningKey,  // confirming needs the user's signing key
        WrongState,    // e.g. approving what is not pending, correcting an outdated version
    };

    ChartError(Code code, const QString& message, QList<ValidationProblem> problems = {})
        : std::runtime_error(message.toStdString()), m_code(code), m_message(message), m_problems(std::move(problems))
    {
    }

    Code code() const { return m_code; }
    QString message() const { return m_message; }
    const QList<ValidationProblem>& problems() const { return m_problems; }

private:
    Code m_code;
    QString m_message;
    QList<ValidationProblem> m_problems;
};

} // namespace ward
