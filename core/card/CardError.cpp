#include "card/CardError.h"

#include <QCoreApplication>

namespace ward::CardErrors {

QString message(CardError error)
{
    switch (error) {
    case CardError::None:
        return QCoreApplication::translate("CardError", "The card was read successfully.");
    case CardError::ServiceUnavailable:
        return QCoreApplication::translate("CardError",
            "The card service is not running. Wait a moment; if this persists, ask IT to restart the card service (pcscd).");
    case CardError::NoReader:
        return QCoreApplication::translate("CardError", "No card reader was found. Check that the reader is connected.");
    case CardError::ReaderUnavailable:
        return QCoreApplication::translate("CardError",
            "The card reader was disconnected. Reconnect the reader and insert the card again.");
    case CardError::NoCard:
        return QCoreApplication::translate("CardError", "No card is in the reader. Insert your staff card.");
    case CardError::CardRemoved:
        return QCoreApplication::translate("CardError",
            "The card was removed while it was being read. Insert the card again and leave it in the reader.");
    case CardError::CardReset:
        return QCoreApplication::translate("CardError",
            "The card was reset by another program while it was being read. Insert the card again.");
    case CardError::CardUnresponsive:
        return QCoreApplication::translate("CardError",
            "The card does not respond. Insert it again; if this repeats, the card may be damaged — contact reception.");
    case CardError::CardInUse:
        return QCoreApplication::translate("CardError",
            "The card is in use by another program. Close that program or insert the card again.");
    case CardError::CommunicationError:
        return QCoreApplication::translate("CardError",
            "Communication with the card failed. Insert the card again.");
    case CardError::Timeout:
        return QCoreApplication::translate("CardError", "The card took too long to answer. Insert the card again.");
    case CardError::Cancelled:
        return QCoreApplication::translate("CardError", "Reading the card was cancelled.");
    case CardError::NotPivCard:
        return QCoreApplication::translate("CardError",
            "This card has no PIV application. Use your staff IC card.");
    case CardError::ObjectNotFound:
        return QCoreApplication::translate("CardError",
            "The card does not hold the expected certificate. Ask reception to check or reissue the card.");
    case CardError::SecurityStatusNotSatisfied:
        return QCoreApplication::translate("CardError", "The card refused the operation: it requires a PIN first.");
    case CardError::AuthenticationBlocked:
        return QCoreApplication::translate("CardError", "The card is blocked. Ask reception to unblock or reissue it.");
    case CardError::ConditionsNotSatisfied:
        return QCoreApplication::translate("CardError",
            "The card refused the operation in its current state. Insert the card again.");
    case CardError::WrongData:
        return QCoreApplication::translate("CardError", "The card rejected the data it was sent.");
    case CardError::WrongParameters:
        return QCoreApplication::translate("CardError", "The card does not support this operation or key.");
    case CardError::WrongLength:
        return QCoreApplication::translate("CardError", "The card rejected the length of a command.");
    case CardError::InstructionNotSupported:
        return QCoreApplication::translate("CardError", "The card does not support this command.");
    case CardError::ClassNotSupported:
        return QCoreApplication::translate("CardError", "The card does not support this command class.");
    case CardError::MemoryFailure:
        return QCoreApplication::translate("CardError",
            "The card reported a memory failure. The card may be damaged — contact reception.");
    case CardError::UnexpectedStatus:
        return QCoreApplication::translate("CardError", "The card answered with an unexpected status.");
    case CardError::MalformedResponse:
        return QCoreApplication::translate("CardError",
            "The card sent a malformed answer. Insert it again; if this repeats, contact reception.");
    case CardError::ProtocolViolation:
        return QCoreApplication::translate("CardError",
            "The card never finished its answer and was given up. Remove it and use your staff card; if this is "
            "your staff card, ask reception to replace it.");
    case CardError::CertificateInvalid:
        return QCoreApplication::translate("CardError",
            "The certificate on the card cannot be read. Ask reception to reissue the card.");
    case CardError::UnsupportedKey:
        return QCoreApplication::translate("CardError",
            "The card's key type is not supported (ECDSA P-256 is required). Ask reception to reissue the card.");
    case CardError::SignatureInvalid:
        return QCoreApplication::translate("CardError",
            "The card failed its authenticity check: its signature does not match its certificate. "
            "Do not use this card; report it to IT.");
    case CardError::UidUnavailable:
        return QCoreApplication::translate("CardError", "The reader could not read the card's serial number.");
    case CardError::Internal:
        return QCoreApplication::translate("CardError", "An internal error occurred while reading the card.");
    }
    return QCoreApplication::translate("CardError", "An unknown card error occurred.");
}

const char* code(CardError error)
{
    switch (error) {
    case CardError::None: return "ok";
    case CardError::ServiceUnavailable: return "service-unavailable";
    case CardError::NoReader: return "no-reader";
    case CardError::ReaderUnavailable: return "reader-unavailable";
    case CardError::NoCard: return "no-card";
    case CardError::CardRemoved: return "card-removed";
    case CardError::CardReset: return "card-reset";
    case CardError::CardUnresponsive: return "card-unresponsive";
    case CardError::CardInUse: return "card-in-use";
    case CardError::CommunicationError: return "communication-error";
    case CardError::Timeout: return "timeout";
    case CardError::Cancelled: return "cancelled";
    case CardError::NotPivCard: return "not-piv";
    case CardError::ObjectNotFound: return "object-not-found";
    case CardError::SecurityStatusNotSatisfied: return "security-status-not-satisfied";
    case CardError::AuthenticationBlocked: return "authentication-blocked";
    case CardError::ConditionsNotSatisfied: return "conditions-not-satisfied";
    case CardError::WrongData: return "wrong-data";
    case CardError::WrongParameters: return "wrong-parameters";
    case CardError::WrongLength: return "wrong-length";
    case CardError::InstructionNotSupported: return "instruction-not-supported";
    case CardError::ClassNotSupported: return "class-not-supported";
    case CardError::MemoryFailure: return "memory-failure";
    case CardError::UnexpectedStatus: return "unexpected-status";
    case CardError::MalformedResponse: return "malformed-response";
    case CardError::ProtocolViolation: return "protocol-violation";
    case CardError::CertificateInvalid: return "certificate-invalid";
    case CardError::UnsupportedKey: return "unsupported-key";
    case CardError::SignatureInvalid: return "signature-invalid";
    case CardError::UidUnavailable: return "uid-unavailable";
    case CardError::Internal: return "internal";
    }
    return "unknown";
}

CardError fromStatusWord(quint16 sw)
{
    const quint8 sw1 = static_cast<quint8>(sw >> 8);
    if (sw == 0x9000 || sw1 == 0x61)
        return CardError::None;
    if (sw1 == 0x67)
        return CardError::WrongLength;
    if (sw1 == 0x6C)
        return CardError::WrongLength;
    // 63Cx: a verification failed with x tries left; 6983: no tries left.
    if (sw1 == 0x63)
        return CardError::SecurityStatusNotSatisfied;
    switch (sw) {
    case 0x6581: return CardError::MemoryFailure;
    case 0x6882:
    case 0x6E00: return CardError::ClassNotSupported;
    case 0x6982: return CardError::SecurityStatusNotSatisfied;
    case 0x6983: return CardError::AuthenticationBlocked;
    case 0x6984:
    case 0x6985: return CardError::ConditionsNotSatisfied;
    case 0x6A80: return CardError::WrongData;
    case 0x6A81:
    case 0x6A86:
    case 0x6B00: return CardError::WrongParameters;
    case 0x6A82: return CardError::ObjectNotFound;
    case 0x6D00: return CardError::InstructionNotSupported;
    default: break;
    }
    return CardError::UnexpectedStatus;
}

} // namespace ward::CardErrors
