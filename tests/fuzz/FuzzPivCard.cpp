// A whole conversation with a hostile card: the input is the card's answers in order, each as a 2-byte big-endian
// length and the response APDU (the vpcd framing), and the terminal runs its real login sequence against them —
// ApduTransport's GET RESPONSE / wrong-Le handling, PivCard::authenticate (SELECT, GET DATA, certificate,
// GENERAL AUTHENTICATE) and, on a second card, UidBadge::read. When the answers run out the card is "removed".
#include "FuzzInput.h"

#include "card/ApduTransport.h"
#include "card/PivCard.h"
#include "card/UidBadge.h"

using namespace ward;

namespace {

class ScriptedCard final : public ApduTransport
{
public:
    explicit ScriptedCard(const QByteArray& script) : m_script(script) {}

    CardResult<QByteArray> transmitRaw(const QByteArray& command) override
    {
        WARD_FUZZ_CHECK(command.size() >= 4);
        if (m_at + 2 > m_script.size())
            return CardResult<QByteArray>::failure(CardError::CardRemoved);
        const int length = static_cast<quint8>(m_script[m_at]) << 8 | static_cast<quint8>(m_script[m_at + 1]);
        m_at += 2;
        const QByteArray answer = m_script.mid(m_at, length);
        m_at += answer.size();
        return CardResult<QByteArray>::success(answer);
    }

private:
    QByteArray m_script;
    int m_at = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray script = fuzz::input(data, size);
    {
        ScriptedCard card(script);
        const auto id = PivCard(card).authenticate();
        // The challenge is fresh and random: no scripted answer can be a valid signature over it.
        WARD_FUZZ_CHECK(!id.ok());
    }
    {
        ScriptedCard card(script);
        const auto badge = UidBadge(card).read();
        if (badge.ok())
            WARD_FUZZ_CHECK(!badge.value.uid.isEmpty());
    }
    return 0;
}
