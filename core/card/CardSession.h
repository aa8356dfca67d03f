#pragma once

#include "card/ApduTransport.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

namespace ward {

// One connection to the card in one reader over PC/SC. Blocking: use it from a worker thread
// (CardAuthenticator does), never from the UI thread.
class CardSession final : public ApduTransport
{
public:
    CardSession();
    ~CardSession() override;
    CardSession(const CardSession&) = delete;
    CardSession& operator=(const CardSession&) = delete;

    // Connects in shared mode (other middleware may watch the same card).
    CardError open(const QString& reader);
    void close();
    bool isOpen() const;
    QString reader() const { return m_reader; }
    QByteArray atr() const { return m_atr; }

    // Runs an APDU sequence inside one PC/SC transaction so no other application can interleave commands
    // between our SELECT and GENERAL AUTHENTICATE. If another application reset the card
    // (SCARD_W_RESET_CARD), the session reconnects and runs the whole sequence once more: a reset loses
    // the selected application, so repeating only the failed APDU would talk to the wrong applet.
    CardError runTransaction(const std::function<CardError()>& sequence);

    CardResult<QByteArray> transmitRaw(const QByteArray& command) override;

    // How long a failed exchange waits for pcscd to confirm a removal before calling it a line error.
    static constexpr unsigned kRemovalGraceMs = 700;

    // Number of times runTransaction reconnected after a reset (observable for tests and diagnostics).
    int resetRetries() const { return m_resetRetries; }

private:
    CardError reconnect();
    CardError failureAfter(long rv);

    struct Handles;
    std::unique_ptr<Handles> m_h;
    QString m_reader;
    QByteArray m_atr;
    int m_resetRetries = 0;
};

} // namespace ward
