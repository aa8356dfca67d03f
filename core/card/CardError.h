#pragma once

#include <QMetaType>
#include <QString>

namespace ward {

// Every way reading a card can fail, each with a message a nurse or IT can act on (STYLE: errors a person
// can act on). PC/SC codes and ISO 7816 status words are mapped here so no caller sees raw numbers.
enum class CardError {
    None,
    ServiceUnavailable,   // pcscd not running or restarted
    NoReader,
    ReaderUnavailable,    // the named reader vanished
    NoCard,
    CardRemoved,          // pulled mid-sequence
    CardReset,            // another application reset the card
    CardUnresponsive,     // mute card / bad contact
    CardInUse,            // another program holds it exclusively
    CommunicationError,
    Timeout,
    Cancelled,
    NotPivCard,           // no PIV application on the card
    ObjectNotFound,       // 6A82 on GET DATA
    SecurityStatusNotSatisfied,  // 6982
    AuthenticationBlocked,       // 6983
    ConditionsNotSatisfied,      // 6985
    WrongData,                   // 6A80
    WrongParameters,             // 6A86 / 6B00 / 6A81
    WrongLength,                 // 67xx
    InstructionNotSupported,     // 6D00
    ClassNotSupported,           // 6E00
    MemoryFailure,               // 6581
    UnexpectedStatus,
    MalformedResponse,
    ProtocolViolation,    // the card never finishes an answer (endless 61xx chaining): broken or hostile
    CertificateInvalid,
    UnsupportedKey,
    SignatureInvalid,
    UidUnavailable,
    Internal,
};

namespace CardErrors {

// Translated, user-facing text (context "CardError", English source).
QString message(CardError error);
// Stable identifier for logs and the audit trail ("card-removed"); never translated.
const char* code(CardError error);
// ISO 7816-4 / SP 800-73-4 status word to error; 0x9000 and 0x61xx map to None.
CardError fromStatusWord(quint16 statusWord);

} // namespace CardErrors
} // namespace ward

Q_DECLARE_METATYPE(ward::CardError)
