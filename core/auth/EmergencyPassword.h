#pragma once

#include "crypto/SecureBytes.h"

#include <QString>

namespace ward {

// BCP-1 (003 §6.6(2) ア-1): the password printed on an emergency account's sealed letter is hard to guess but not
// hard to type at 3 a.m.: 16 symbols of an alphabet without look-alikes (no 0/O, 1/I/L), printed in groups of four
// (about 79 bits). Case, spaces and dashes do not matter when it is typed; both the hub's verifier and the check
// use the normalised form.
class EmergencyPassword
{
public:
    static constexpr int kSymbols = 16;

    // "ABCD-EFGH-JKMN-PQRS" (UTF-8), from the CSPRNG.
    static SecureBytes generate();
    // `count` symbols of the same alphabet, each equally likely: also AUTH-2's one-time codes (FallbackCodes), read
    // aloud and typed by the same tired people. The caller treats them as secret.
    static QByteArray readableSymbols(int count);
    // Upper case, without spaces and dashes: what the verifier is made of.
    static SecureBytes normalise(const SecureBytes& typed);
};

} // namespace ward
