#pragma once

#include "card/CardError.h"
#include "card/CardIdentity.h"
#include "vault/CardKeyAgreement.h"

#include <QObject>
#include <QThreadPool>

namespace ward {

// Identifies the card in a reader: PIV challenge-response first, UID badge as the fallback when the card
// has no PIV application. Runs on its own worker thread; results come back as a signal, so the UI thread
// never waits on a card.
class CardAuthenticator : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        CardIdentity identity;
        CardError error = CardError::None;
        QString message;       // translated, for the user
        quint16 statusWord = 0;  // the card's last status word when it refused, for diagnostics
        qint64 elapsedMs = 0;
    };

    explicit CardAuthenticator(QObject* parent = nullptr);
    // Waits for a running identification: the worker must not outlive the object it reports to.
    ~CardAuthenticator() override;

    // Queues identification of the card in `reader`; identified() follows.
    void identify(const QString& reader);
    // The same, blocking: for worker threads and tests. Never call it on the UI thread.
    static Result identifyBlocking(const QString& reader);
    // What the PIV card in `reader` adds to a key slot: ECDH of its key management key (9D) with the slot's
    // point, on the card (issue 10). Each call opens its own PC/SC session; blocking, for worker threads.
    static CardKeyAgreement keyAgreementIn(const QString& reader);
    // keyAgreementIn for a PIV card; nothing for a UID badge or no card (their slots are password-only).
    static CardKeyAgreement keyAgreementFor(const QString& reader, const CardIdentity& card);

signals:
    void identified(const QString& reader, const ward::CardAuthenticator::Result& result);

private:
    QThreadPool m_pool;
};

} // namespace ward

Q_DECLARE_METATYPE(ward::CardAuthenticator::Result)
