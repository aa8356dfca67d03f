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
    // PIV: SHA-256 of publicKeyDer (the 9E key): a public *binding* used for the offline card check, never a
    // key. What the card adds to a vault key slot is ECDH with its key management key 9D
    // (CardAuthenticator::keyAgreementIn), which only the card can compute. Empty for UID badges.
    QByteArray cardSecret;

    bool isValid() const { return kind != Kind::None; }
};

} // namespace ward

Q_DECLARE_METATYPE(ward::CardIdentity)
