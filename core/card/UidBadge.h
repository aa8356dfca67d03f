#pragma once

#include "card/ApduTransport.h"
#include "card/CardIdentity.h"

namespace ward {

// A contactless badge identified only by its UID (FeliCa IDm, MIFARE UID), read with the PC/SC Part 3
// pseudo-APDU GET DATA FF CA 00 00 00 that the reader itself answers. Whether such a badge may log in is the
// hospital policy's decision, not this class's.
class UidBadge
{
public:
    explicit UidBadge(ApduTransport& transport) : m_transport(transport) {}

    static Apdu getUidCommand();
    CardResult<CardIdentity> read();

private:
    ApduTransport& m_transport;
};

} // namespace ward
