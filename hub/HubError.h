#pragma once

#include <QString>
#include <stdexcept>

namespace ward::hub {

// A failure the hub reports with a stable machine code (JSON "error.code") and a message a person can act
// on. Thrown by storage and services; the HTTP layer maps codes to statuses, the CLI prints the message.
class HubError : public std::runtime_error
{
public:
    HubError(QString code, const QString& message)
        : std::runtime_error(message.toStdString())
        , m_code(std::move(code))
        , m_message(message)
    {
    }
    const QString& code() const { return m_code; }
    const QString& message() const { return m_message; }

private:
    QString m_code;
    QString m_message;
};

} // namespace ward::hub
