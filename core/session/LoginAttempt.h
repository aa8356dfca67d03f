#pragma once

#include "card/CardIdentity.h"
#include "crypto/SecureBytes.h"
#include "vault/CardKeyAgreement.h"

#include <QString>

namespace ward {

// One submitted login: the user ID the card resolved to, the typed password, and either the card that
// proved itself (reader kept so an online backend can have it sign the hub's challenge) or, for the
// AUTH-2 card-less fallback, the one-time code reception issued.
struct LoginAttempt
{
    QString userId;
    SecureBytes password;
    CardIdentity card;
    QString reader;
    QString fallbackCode;  // AUTH-2: non-empty only for a card-less login
    // What the card adds to the user's vault key slot (ECDH with its 9D key, computed on the card); none for
    // UID badges and the card-less fallback.
    CardKeyAgreement cardKey;
    // Why the account is checked: "login", or "unlock"/"takeover" at the lock screen (SES-5), which go
    // through the same decision and are audited like a login with this as detail.purpose.
    QString purpose = QStringLiteral("login");

    // BCP-1: a ward's emergency account (no card): who is really at the terminal, why, and whether this is only
    // the periodic test. Online only (POST /api/v1/session/emergency); no vault slot is written for it.
    bool emergency = false;
    QString emergencyRealName;
    QString emergencyReason;
    bool emergencyTest = false;

    bool isFallback() const { return !fallbackCode.isEmpty(); }
    bool isCardless() const { return isFallback() || emergency; }
};

} // namespace ward
