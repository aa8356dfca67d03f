#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <functional>
#include <memory>

namespace ward {

class KeyPair;

// What a staff card adds to a user's key slot (issue 10): a secret only that card can produce, ECDH of its
// PIV key management key (9D) with the slot's terminal point, computed on the card (SP 800-73-4 key
// establishment). The slot keeps only the public point; the secret exists in memory while the slot is
// opened or written. No card (UID badge, card-less fallback): a slot bound to the password alone.
class CardKeyAgreement
{
public:
    // Given the slot's point (65 bytes, uncompressed P-256), the card's shared secret; empty when the card
    // cannot answer (pulled, no 9D key). Blocking: call it off the UI thread.
    using Function = std::function<SecureBytes(const QByteArray& terminalPoint)>;

    CardKeyAgreement() = default;
    explicit CardKeyAgreement(Function agree) : m_agree(std::move(agree)) {}

    bool isPresent() const { return static_cast<bool>(m_agree); }
    SecureBytes agree(const QByteArray& terminalPoint) const;

    // A P-256 key in software playing the card's 9D key (unit tests, benchmarks).
    static CardKeyAgreement softwareKey(std::shared_ptr<const KeyPair> key);

private:
    Function m_agree;
};

} // namespace ward
