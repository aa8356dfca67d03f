#include "card/CardAuthenticator.h"

#include "card/CardSession.h"
#include "card/PivCard.h"
#include "card/UidBadge.h"

#include <QElapsedTimer>

namespace ward {

CardAuthenticator::CardAuthenticator(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<ward::CardAuthenticator::Result>();
    qRegisterMetaType<ward::CardIdentity>();
    qRegisterMetaType<ward::CardError>();
    // One card operation at a time: two logins racing on one reader would only fight over the transaction.
    m_pool.setMaxThreadCount(1);
}

CardAuthenticator::~CardAuthenticator()
{
    m_pool.waitForDone();
}

void CardAuthenticator::identify(const QString& reader)
{
    m_pool.start([this, reader] {
        const Result r = identifyBlocking(reader);
        // Emitted from the worker thread: receivers in the UI thread get it queued.
        emit identified(reader, r);
    });
}

CardAuthenticator::Result CardAuthenticator::identifyBlocking(const QString& reader)
{
    QElapsedTimer timer;
    timer.start();
    Result result;
    CardSession session;
    CardError err = session.open(reader);
    if (err == CardError::None) {
        err = session.runTransaction([&]() -> CardError {
            PivCard piv(session);
            const auto proof = piv.authenticate();
            if (proof.ok()) {
                result.identity = proof.value;
                return CardError::None;
            }
            // Fall back to the UID only when the card has no PIV application at all. A PIV card that
            // fails its proof (bad signature, missing certificate) is refused: otherwise a cloned card
            // could downgrade itself to a UID badge.
            if (proof.error != CardError::NotPivCard) {
                result.statusWord = proof.statusWord;
                return proof.error;
            }
            UidBadge badge(session);
            const auto uid = badge.read();
            if (!uid.ok()) {
                result.statusWord = uid.statusWord;
                // A card that is neither PIV nor a readable badge: say so rather than "no UID".
                return uid.error == CardError::UidUnavailable ? CardError::NotPivCard : uid.error;
            }
            result.identity = uid.value;
            return CardError::None;
        });
    }
    session.close();
    result.error = err;
    result.ok = err == CardError::None;
    if (!result.ok)
        result.identity = CardIdentity{};
    result.message = CardErrors::message(err);
    result.elapsedMs = timer.elapsed();
    return result;
}

CardKeyAgreement CardAuthenticator::keyAgreementFor(const QString& reader, const CardIdentity& card)
{
    return card.kind == CardIdentity::Kind::Piv ? keyAgreementIn(reader) : CardKeyAgreement();
}

CardKeyAgreement CardAuthenticator::keyAgreementIn(const QString& reader)
{
    return CardKeyAgreement([reader](const QByteArray& point) {
        CardSession session;
        QByteArray shared;
        CardError err = session.open(reader);
        if (err == CardError::None) {
            err = session.runTransaction([&]() -> CardError {
                PivCard piv(session);
                if (const CardError selected = piv.select(); selected != CardError::None)
                    return selected;
                const auto r = piv.keyAgreement(PivCard::kKeyManagement, PivCard::kAlgEccP256, point);
                shared = r.value;
                return r.error;
            });
        }
        SecureBytes secret = err == CardError::None ? SecureBytes::fromQByteArray(shared) : SecureBytes();
        shared.fill('\0');
        return secret;
    });
}

} // namespace ward
