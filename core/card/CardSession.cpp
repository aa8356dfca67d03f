#include "card/CardSession.h"

#include "card/PcscError.h"

#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>

namespace ward {

struct CardSession::Handles
{
    SCARDCONTEXT context = 0;
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    bool hasContext = false;
    bool hasCard = false;
};

CardSession::CardSession() : m_h(std::make_unique<Handles>()) {}

CardSession::~CardSession()
{
    close();
}

bool CardSession::isOpen() const
{
    return m_h->hasCard;
}

CardError CardSession::open(const QString& reader)
{
    close();
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &m_h->context);
    if (rv != SCARD_S_SUCCESS)
        return PcscError::toCardError(rv);
    m_h->hasContext = true;
    const QByteArray name = reader.toUtf8();
    rv = SCardConnect(m_h->context, name.constData(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                      &m_h->card, &m_h->protocol);
    if (rv != SCARD_S_SUCCESS) {
        const CardError e = PcscError::toCardError(rv);
        close();
        return e;
    }
    m_h->hasCard = true;
    m_reader = reader;

    unsigned char atr[MAX_ATR_SIZE];
    DWORD atrLen = sizeof(atr);
    DWORD state = 0;
    DWORD protocol = 0;
    char readerName[256];
    DWORD readerLen = sizeof(readerName);
    rv = SCardStatus(m_h->card, readerName, &readerLen, &state, &protocol, atr, &atrLen);
    if (rv != SCARD_S_SUCCESS) {
        const CardError e = PcscError::toCardError(rv);
        close();
        return e;
    }
    m_atr = QByteArray(reinterpret_cast<const char*>(atr), static_cast<int>(atrLen));
    return CardError::None;
}

void CardSession::close()
{
    if (m_h->hasCard)
        SCardDisconnect(m_h->card, SCARD_LEAVE_CARD);
    if (m_h->hasContext)
        SCardReleaseContext(m_h->context);
    m_h->hasCard = false;
    m_h->hasContext = false;
    m_atr.clear();
}

CardError CardSession::reconnect()
{
    if (!m_h->hasCard)
        return CardError::NoCard;
    const LONG rv = SCardReconnect(m_h->card, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                                   SCARD_LEAVE_CARD, &m_h->protocol);
    return PcscError::toCardError(rv);
}

CardError CardSession::failureAfter(long rv)
{
    // PLATFORM-NOTES: after a removal the first transmit says SCARD_E_NOT_TRANSACTED, which by itself does
    // not tell a pulled card from a line error. Ask pcscd, giving it a moment: readers that are polled
    // (vpcd, some contactless readers) report the removal up to ~0.5 s later. The user gets "card removed"
    // rather than a vague communication error.
    if (rv == SCARD_E_NOT_TRANSACTED || rv == SCARD_F_COMM_ERROR || rv == SCARD_W_REMOVED_CARD
        || rv == SCARD_E_NO_SMARTCARD) {
        if (rv == SCARD_W_REMOVED_CARD || rv == SCARD_E_NO_SMARTCARD)
            return CardError::CardRemoved;
        const QByteArray name = m_reader.toUtf8();
        SCARD_READERSTATE st{};
        st.szReader = name.constData();
        st.dwCurrentState = SCARD_STATE_UNAWARE;
        LONG s = SCardGetStatusChange(m_h->context, 0, &st, 1);
        if (PcscError::isServiceLost(s))
            return CardError::ServiceUnavailable;
        if (s == SCARD_S_SUCCESS && (st.dwEventState & SCARD_STATE_PRESENT)) {
            st.dwCurrentState = st.dwEventState & ~SCARD_STATE_CHANGED;
            s = SCardGetStatusChange(m_h->context, kRemovalGraceMs, &st, 1);
        }
        if (s == SCARD_S_SUCCESS && !(st.dwEventState & SCARD_STATE_PRESENT))
            return CardError::CardRemoved;
        if (PcscError::isServiceLost(s))
            return CardError::ServiceUnavailable;
    }
    return PcscError::toCardError(rv);
}

CardError CardSession::runTransaction(const std::function<CardError()>& sequence)
{
    if (!m_h->hasCard)
        return CardError::NoCard;
    for (int attempt = 0; attempt < 2; ++attempt) {
        LONG rv = SCardBeginTransaction(m_h->card);
        if (rv == SCARD_W_RESET_CARD && attempt == 0) {
            ++m_resetRetries;
            const CardError r = reconnect();
            if (r != CardError::None)
                return r;
            continue;
        }
        if (rv != SCARD_S_SUCCESS)
            return failureAfter(rv);
        const CardError result = sequence();
        SCardEndTransaction(m_h->card, SCARD_LEAVE_CARD);
        if (result == CardError::CardReset && attempt == 0) {
            ++m_resetRetries;
            const CardError r = reconnect();
            if (r != CardError::None)
                return r;
            continue;
        }
        return result;
    }
    return CardError::CardReset;
}

CardResult<QByteArray> CardSession::transmitRaw(const QByteArray& command)
{
    if (!m_h->hasCard)
        return CardResult<QByteArray>::failure(CardError::NoCard);
    // Up to 64 KiB + SW for extended answers.
    QByteArray response(65538, Qt::Uninitialized);
    DWORD len = static_cast<DWORD>(response.size());
    const SCARD_IO_REQUEST* pci = m_h->protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    const LONG rv = SCardTransmit(m_h->card, pci, reinterpret_cast<const unsigned char*>(command.constData()),
                                  static_cast<DWORD>(command.size()), nullptr,
                                  reinterpret_cast<unsigned char*>(response.data()), &len);
    if (rv != SCARD_S_SUCCESS)
        return CardResult<QByteArray>::failure(failureAfter(rv));
    response.truncate(static_cast<int>(len));
    return CardResult<QByteArray>::success(response);
}

} // namespace ward
