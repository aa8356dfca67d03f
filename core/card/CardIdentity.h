#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace ward {

// What a card proved about itself. The auth layer binds it to a user (certificate / public key for PIV,
// UID for badges where the hospital's policy allows them).
struct CardIdentity
{
    enum class Kind { None, Piv, Uid };

    Kind kind = Kind::None;
    // PIV: the Card Authentication (9E) certificate and its SubjectPublicKeyInfo, both DER; the card has
    // just proven possession of the matching private key by signing a fresh random challenge.
    QByteArray certificateDer;
    QByteArray publicKeyDer;
    QString subjectCommonName;
    // The reader-reported UID (FeliCa IDm, MIFARE UID). Any reader can read it: it identifies, it does
    // not authenticate (DESIGN: UID badges are weak and allowed only by policy).
    QByteArray uid;
    // PIV: SHA-256 of publicKeyDer. This is a *binding*, not a secret: anyone holding the certificate can
    // compute it. It is only meaningful because it is released after the card signed our challenge, so
    // mixing it into a key slot KEK ties that slot to this card's key pair without pretending the card
    // holds a symmetric secret (PIV cards do not export one; the 9E key can only sign). Empty for UID badges,
    // which can prove nothing.
    QByteArray cardSecret;

    bool isValid() const { return kind != Kind::None; }
};

} // namespace ward

Q_DECLARE_METATYPE(ward::CardIdentity)
