#include "card/ApduTransport.h"

namespace ward {

CardResult<ApduResponse> ApduTransport::exchange(const Apdu& command)
{
    auto first = transmitRaw(command.encode());
    if (!first.ok())
        return CardResult<ApduResponse>::failure(first.error);
    auto resp = ApduResponse::parse(first.value);
    if (!resp)
        return CardResult<ApduResponse>::failure(CardError::MalformedResponse);

    if (resp->isWrongLe()) {
        const Apdu again(command.cla(), command.ins(), command.p1(), command.p2(), command.data(),
                         resp->sw2() == 0 ? 256 : resp->sw2());
        auto second = transmitRaw(again.encode());
        if (!second.ok())
            return CardResult<ApduResponse>::failure(second.error);
        resp = ApduResponse::parse(second.value);
        if (!resp)
            return CardResult<ApduResponse>::failure(CardError::MalformedResponse);
    }

    QByteArray data = resp->data();
    int rounds = 0;
    while (resp->hasMoreData()) {
        if (++rounds > kMaxGetResponseRounds)
            return CardResult<ApduResponse>::failure(CardError::ProtocolViolation);
        const int le = resp->sw2() == 0 ? 256 : resp->sw2();
        // GET RESPONSE keeps the logical channel bits of the original class byte.
        const Apdu getResponse(static_cast<quint8>(command.cla() & 0x03), 0xC0, 0x00, 0x00, {}, le);
        auto next = transmitRaw(getResponse.encode());
        if (!next.ok())
            return CardResult<ApduResponse>::failure(next.error);
        resp = ApduResponse::parse(next.value);
        if (!resp)
            return CardResult<ApduResponse>::failure(CardError::MalformedResponse);
        // "More data" with none in this answer makes no progress: `61 00` forever would never end.
        if (resp->hasMoreData() && resp->data().isEmpty())
            return CardResult<ApduResponse>::failure(CardError::ProtocolViolation);
        data.append(resp->data());
        if (data.size() > kMaxResponseBytes)
            return CardResult<ApduResponse>::failure(CardError::ProtocolViolation);
    }
    return CardResult<ApduResponse>::success(ApduResponse(data, resp->statusWord()));
}

} // namespace ward
