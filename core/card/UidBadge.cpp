#include "card/UidBadge.h"

namespace ward {

Apdu UidBadge::getUidCommand()
{
    return Apdu(0xFF, 0xCA, 0x00, 0x00, {}, 256);
}

CardResult<CardIdentity> UidBadge::read()
{
    using R = CardResult<CardIdentity>;
    const auto r = m_transport.exchange(getUidCommand());
    if (!r.ok())
        return R::failure(r.error);
    // 6A81 / 6D00 / 6E00: the reader does not do the pseudo-APDU (a contact reader, a contact card).
    if (!r.value.isSuccess())
        return R::failure(CardError::UidUnavailable, r.value.statusWord());
    // UIDs are 4, 7 or 10 bytes (ISO 14443) or 8 (FeliCa IDm); anything outside 4..10 is not a UID.
    const QByteArray uid = r.value.data();
    if (uid.size() < 4 || uid.size() > 10)
        return R::failure(CardError::MalformedResponse);
    CardIdentity id;
    id.kind = CardIdentity::Kind::Uid;
    id.uid = uid;
    return R::success(id);
}

} // namespace ward
