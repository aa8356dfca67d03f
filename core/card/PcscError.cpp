#include "card/PcscError.h"

namespace ward::PcscError {

CardError toCardError(LONG rv)
{
    switch (rv) {
    case SCARD_S_SUCCESS: return CardError::None;
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
    case SCARD_E_INVALID_HANDLE:
    case SCARD_E_NO_MEMORY: return CardError::ServiceUnavailable;
    case SCARD_E_NO_READERS_AVAILABLE: return CardError::NoReader;
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_READER_UNAVAILABLE: return CardError::ReaderUnavailable;
    case SCARD_E_NO_SMARTCARD: return CardError::NoCard;
    case SCARD_W_REMOVED_CARD: return CardError::CardRemoved;
    case SCARD_W_RESET_CARD: return CardError::CardReset;
    case SCARD_W_UNRESPONSIVE_CARD:
    case SCARD_W_UNPOWERED_CARD:
    case SCARD_W_UNSUPPORTED_CARD: return CardError::CardUnresponsive;
    case SCARD_E_SHARING_VIOLATION: return CardError::CardInUse;
    case SCARD_E_TIMEOUT: return CardError::Timeout;
    case SCARD_E_CANCELLED: return CardError::Cancelled;
    case SCARD_E_NOT_TRANSACTED:
    case SCARD_F_COMM_ERROR:
    case SCARD_E_PROTO_MISMATCH: return CardError::CommunicationError;
    default: return CardError::CommunicationError;
    }
}

bool isServiceLost(LONG rv)
{
    return rv == SCARD_E_NO_SERVICE || rv == SCARD_E_SERVICE_STOPPED || rv == SCARD_E_INVALID_HANDLE;
}

} // namespace ward::PcscError
