#include "sync/SyncError.h"

namespace ward {

SyncError::SyncError(Kind kind, QString message, int httpStatus, QString hubCode)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
    , m_message(std::move(message))
    , m_httpStatus(httpStatus)
    , m_hubCode(std::move(hubCode))
{
}

bool SyncError::isTransient() const
{
    return m_kind == Kind::NetworkDown || m_kind == Kind::Timeout || m_kind == Kind::ServerError;
}

QString SyncError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::NetworkDown: return QStringLiteral("network_down");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::TlsFailure: return QStringLiteral("tls_failure");
    case Kind::UnknownTerminal: return QStringLiteral("unknown_terminal");
    case Kind::TerminalRevoked: return QStringLiteral("terminal_revoked");
    case Kind::PayloadTooLarge: return QStringLiteral("payload_too_large");
    case Kind::BadRequest: return QStringLiteral("bad_request");
    case Kind::ServerError: return QStringLiteral("server_error");
    case Kind::MalformedResponse: return QStringLiteral("malformed_response");
    case Kind::ResponseTooLarge: return QStringLiteral("response_too_large");
    case Kind::CaMismatch: return QStringLiteral("ca_mismatch");
    case Kind::Rejected: return QStringLiteral("rejected");
    case Kind::Storage: return QStringLiteral("storage");
    }
    return QString();
}

} // namespace ward
