#pragma once

#include <QJsonObject>
#include <QString>
#include <stdexcept>

namespace ward::hub {

// A failure the hub reports with a stable machine code (JSON "error.code") and a message a person can act
// on. Thrown by storage and services; the HTTP layer maps codes to statuses, the CLI prints the message.
class HubError : public std::runtime_error
{
public:
    // httpStatus: what the HTTP layer answers (400 bad input, 401/403 identity, 404, 409, 500 storage, …).
    // details: machine-readable facts sent beside code and message in "error" (e.g. the permissions a refusal
    // needed, so a client can say in its own language what is missing).
    HubError(QString code, const QString& message, int httpStatus = 500, QJsonObject details = {})
        : std::runtime_error(message.toStdString())
        , m_code(std::move(code))
        , m_message(message)
        , m_status(httpStatus)
        , m_details(std::move(details))
    {
    }
    const QString& code() const { return m_code; }
    int httpStatus() const { return m_status; }
    const QString& message() const { return m_message; }
    const QJsonObject& details() const { return m_details; }

private:
    QString m_code;
    QString m_message;
    int m_status;
    QJsonObject m_details;
};

} // namespace ward::hub
