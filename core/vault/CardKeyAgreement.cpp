#include "vault/CardKeyAgreement.h"

#include "crypto/CryptoError.h"
#include "crypto/KeyPair.h"

namespace ward {

SecureBytes CardKeyAgreement::agree(const QByteArray& terminalPoint) const
{
    if (!m_agree)
        return SecureBytes();
    try {
        return m_agree(terminalPoint);
    } catch (const CryptoError&) {
        return SecureBytes();  // a card or key that cannot answer opens nothing
    }
}

CardKeyAgreement CardKeyAgreement::softwareKey(std::shared_ptr<const KeyPair> key)
{
    return CardKeyAgreement([key](const QByteArray& point) { return key->agree(point); });
}

} // namespace ward
