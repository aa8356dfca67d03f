#pragma once

#include "card/CardError.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace ward {

// A new card in the reception desk's reader, read before it is issued to a person (issue 12): its PIV Card
// Authentication (9E) certificate, proven to belong to this card (PivCard::authenticate: the card signs a fresh
// challenge with the certificate's key, so a certificate copied onto another card is refused), and what the desk
// shows before binding it. Unlike a login there is no fallback to the UID: a card without a PIV application is
// NotPivCard, because only PIV cards are issued at the desk. Validity is judged by the injected Clock.
struct CardInspection
{
    enum class Validity { Valid, Expired, NotYetValid };

    CardError error = CardError::None;
    quint16 statusWord = 0;  // the card's last status word when it refused, for diagnostics
    QByteArray certificatePem;
    QString subjectCommonName;  // the user ID the card logs in as (LoginController reads it)
    QString issuerCommonName;
    QString serialHex;
    QDateTime notBefore;  // UTC
    QDateTime notAfter;   // UTC
    Validity validity = Validity::Valid;
    // Hex SHA-256 of the certificate's SubjectPublicKeyInfo: the hub's key id of a bound PIV card, so the desk can
    // recognise this card among a person's bound cards.
    QString keyId;
    qint64 elapsedMs = 0;

    bool ok() const { return error == CardError::None; }
    // Read, proven and within its validity: a card the desk may offer to bind.
    bool issuable() const { return ok() && validity == Validity::Valid; }

    // Blocking PC/SC work (one transaction, re-run once after a reset): call it on a worker thread, never on the
    // UI thread.
    static CardInspection read(const QString& reader);
};

} // namespace ward
