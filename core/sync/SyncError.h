#pragma once

#include <QString>
#include <stdexcept>

namespace ward {

// Why a conversation with the hub failed, typed so the status bar and the engine can act on it: a network
// failure means "retry later", a revoked terminal means "stop and call IT", a malformed answer means "do not
// trust anything in it".
class SyncError : public std::runtime_error
{
public:
    enum class Kind {
        None,
        NetworkDown,       // connection refused, host unreachable, DNS: try again later
        Timeout,           // no complete answer in time
        TlsFailure,        // handshake failed: wrong CA, hostname mismatch, certificate refused
        UnknownTerminal,   // 401: the hub does not know this certificate (or none was sent)
        TerminalRevoked,   // 403: IT has revoked the terminal
        PayloadTooLarge,   // 413
        BadRequest,        // other 4xx: the hub names what was wrong
        ServerError,       // 5xx
        MalformedResponse, // not the JSON the protocol promises
        ResponseTooLarge,  // refused before it was read in full
        CaMismatch,        // enrolment: the hub's CA is not the one IT confirmed
        Rejected,          // the hub refused this record (per-record verdict)
        Storage,           // the vault refused to store what arrived
    };

    SyncError()
        : SyncError(Kind::None, QString())
    {
    }
    SyncError(Kind kind, QString message, int httpStatus = 0, QString hubCode = QString());

    Kind kind() const { return m_kind; }
    const QString& message() const { return m_message; }
    int httpStatus() const { return m_httpStatus; }
    // The hub's machine-readable error code ("terminal_revoked", …) when it sent one.
    const QString& hubCode() const { return m_hubCode; }
    // Worth retrying later without anyone doing anything (offline, timeout, hub overloaded).
    bool isTransient() const;
    static QString kindName(Kind kind);

private:
    Kind m_kind;
    QString m_message;
    int m_httpStatus;
    QString m_hubCode;
};

} // namespace ward
