#pragma once

#include "card/Apdu.h"
#include "card/ApduResponse.h"
#include "card/CardResult.h"

namespace ward {

// Something that carries command APDUs to a card: the PC/SC CardSession in production, a scripted
// transport in unit tests of the PIV layer.
class ApduTransport
{
public:
    virtual ~ApduTransport() = default;

    // One raw exchange; the answer must include SW1 SW2. Transport failures (card pulled, reader gone)
    // come back as typed errors.
    virtual CardResult<QByteArray> transmitRaw(const QByteArray& command) = 0;

    // One logical command: follows 61xx with GET RESPONSE and repeats on 6Cxx with the right Le, so a
    // certificate larger than one short response arrives whole (SP 800-73-4 §3.1, ISO 7816-4 §5.3.4).
    // The returned status word is the card's final one; non-9000 answers are not errors here.
    CardResult<ApduResponse> exchange(const Apdu& command);

    // A card that keeps answering 61xx is either broken or hostile; PIV objects are at most a few KB.
    // Both bounds end the chaining with ProtocolViolation, so a card cannot hold the card thread (issue 10):
    // at most this many bytes, in at most this many GET RESPONSE rounds, each of which must carry data.
    static constexpr int kMaxResponseBytes = 65536;
    static constexpr int kMaxGetResponseRounds = kMaxResponseBytes / 256 + 1;
};

} // namespace ward
