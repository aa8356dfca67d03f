#pragma once

#include "VirtualCard.h"
#include "card/ApduTransport.h"

// Connects the PIV layer directly to the test card's APDU processor, without PC/SC: unit tests of the
// protocol against a card that really signs. `pullAfter` > 0 simulates the card leaving after that many APDUs.
class VirtualCardTransport : public ward::ApduTransport
{
public:
    explicit VirtualCardTransport(VirtualCard& card, int pullAfter = 0) : m_card(card), m_pullAfter(pullAfter) {}

    ward::CardResult<QByteArray> transmitRaw(const QByteArray& command) override
    {
        if (m_pullAfter > 0 && m_count >= m_pullAfter)
            return ward::CardResult<QByteArray>::failure(ward::CardError::CardRemoved);
        ++m_count;
        m_sent.append(command);
        return ward::CardResult<QByteArray>::success(m_card.process(command));
    }
    QList<QByteArray> sent() const { return m_sent; }

private:
    VirtualCard& m_card;
    int m_pullAfter;
    int m_count = 0;
    QList<QByteArray> m_sent;
};
