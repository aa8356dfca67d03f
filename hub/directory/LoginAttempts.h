#pragma once

#include "auth/AccountGuard.h"
#include "auth/AccountState.h"
#include "auth/LoginDecision.h"

#include <QString>
#include <functional>
#include <optional>

namespace ward::hub {

class HubDatabase;
class UserDirectory;

// AUTH-5 under concurrency. Every attempt (login, card-less login, password change) is charged as a failure in
// the database *before* its secret is checked, in one transaction holding the account's row lock (PostgreSQL
// SELECT … FOR UPDATE, SQLite BEGIN IMMEDIATE); a right secret then takes the charge back. So parallel guesses
// are counted one after the other: once a charge has set the non-response delay or the lock, the next attempt is
// refused at admission and its password is never evaluated.
//
// AUTH-1 (no user enumeration): an unknown user id takes the same path on a decoy account (table login_decoys)
// with a decoy Argon2id verifier, so it costs, answers, is throttled and locks like a real account.
class LoginAttempts
{
public:
    // Decoy rows untouched this long are purged (they only exist to look like accounts).
    static constexpr qint64 kDecoyKeepMs = 30LL * 24 * 3600 * 1000;

    struct Charge
    {
        bool known = false;       // false: an unknown id, charged on its decoy row
        QString verifier;         // the user's Argon2id verifier, or the decoy verifier
        AccountState before;      // the state that admitted the attempt
        AccountState charged;     // the state stored with this attempt counted as failed
        std::optional<LoginDecision> refused; // set: not admitted (locked, throttled, disabled…); nothing stored
        bool lockedNow() const { return !before.isLocked() && charged.isLocked(); }
    };
    using Failure = std::function<AccountState(const AccountState&)>;

    LoginAttempts(HubDatabase& db, UserDirectory& users);

    // One transaction: lock the account (or decoy) row, refuse it when guard.refuseBeforeVerifying says so,
    // run `admitted` (consumes card challenges, looks up codes — a throw rolls everything back), store
    // failure(state). Throws HubError on storage errors.
    Charge charge(const QString& userId, const AccountGuard& guard, const Failure& failure,
                  const std::function<void()>& admitted = {});
    // Call inside a transaction: the account's current state (row locked) with this charge taken back in every
    // field the charge changed and no later attempt changed since.
    AccountState refunded(const QString& userId, const Charge& charge);

    // Argon2id verifier of a random password with the current parameters, made once per process.
    static const QString& decoyVerifier();

private:
    // Inside a transaction: the locked state of the account or its decoy.
    AccountState lockedState(const QString& userId, bool* known, QString* verifier);

    HubDatabase& m_db;
    UserDirectory& m_users;
};

} // namespace ward::hub
