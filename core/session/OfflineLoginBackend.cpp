#include "session/OfflineLoginBackend.h"

#include "auth/AccountGuard.h"
#include "session/LoginAudit.h"
#include "records/StaffDirectory.h"
#include "session/OfflineAccountCache.h"
#include "session/ReplicatedStanding.h"
#include "util/Clock.h"
#include "vault/KeySlotFile.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QPointer>
#include <QtConcurrent>

namespace ward {

namespace {

QJsonObject detailFor(const LoginAttempt& attempt, const char* reason = nullptr)
{
    QJsonObject d{{QStringLiteral("mode"), QStringLiteral("offline")},
                  {QStringLiteral("card"), attempt.card.kind == CardIdentity::Kind::Piv   ? QStringLiteral("piv")
                                           : attempt.card.kind == CardIdentity::Kind::Uid ? QStringLiteral("uid")
                                                                                           : QStringLiteral("none")},
                  {QStringLiteral("purpose"), attempt.purpose}};
    if (reason)
        d.insert(QStringLiteral("reason"), QLatin1String(reason));
    return d;
}

} // namespace

OfflineLoginBackend::OfflineLoginBackend(QString vaultDir, QString terminalId, QObject* parent)
    : LoginBackend(parent)
    , m_dir(std::move(vaultDir))
    , m_terminal(std::move(terminalId))
{
}

OfflineLoginBackend::~OfflineLoginBackend()
{
    m_pool.waitForDone();
}

LoginVerdict OfflineLoginBackend::fromDecision(const LoginDecision& d)
{
    LoginVerdict v;
    using O = LoginDecision::Outcome;
    switch (d.outcome) {
    case O::Ok: v.outcome = LoginVerdict::Outcome::Ok; break;
    case O::WrongPassword: v.outcome = LoginVerdict::Outcome::WrongPassword; break;
    case O::Throttled: v.outcome = LoginVerdict::Outcome::Throttled; break;
    case O::Locked: v.outcome = LoginVerdict::Outcome::Locked; break;
    case O::Disabled: v.outcome = LoginVerdict::Outcome::Disabled; break;
    case O::Retired: v.outcome = LoginVerdict::Outcome::Retired; break;
    case O::PasswordExpired: v.outcome = LoginVerdict::Outcome::PasswordExpired; break;
    case O::MustChangeTemporary: v.outcome = LoginVerdict::Outcome::MustChangeTemporary; break;
    case O::TemporaryExpired: v.outcome = LoginVerdict::Outcome::TemporaryExpired; break;
    }
    v.remainingAttempts = d.outcome == O::WrongPassword ? d.remainingAttempts : -1;
    v.delayMs = d.outcome == O::Throttled ? d.retryAfterMs : d.delayMs;
    v.previousSuccessAt = d.previousSuccessAt;
    v.previousSuccessTerminal = d.previousSuccessTerminal;
    v.failuresSincePreviousSuccess = d.failuresSincePreviousSuccess;
    v.expiryWarningDays = d.expiryWarningDays;
    v.privileged = d.newState.privileged;
    v.passwordHistory = d.newState.passwordHistory;
    v.message = d.outcome == O::Ok ? QString() : d.message();
    return v;
}

LoginVerdict OfflineLoginBackend::decide(const LoginAttempt& attempt)
{
    QMutexLocker lock(&m_mutex);
    LoginVerdict refused;
    if (attempt.emergency) {
        // BCP-1: the emergency account's use is decided and raised at the hub; this terminal keeps no slot for it.
        refused.outcome = LoginVerdict::Outcome::HubUnreachable;
        refused.message = tr("The emergency account can only be used while the hub is reachable. Follow the ward's "
                             "paper procedure and call IT.");
        LoginAudit::recordPending(m_dir, attempt.userId, QStringLiteral("login.emergency"), QStringLiteral("denied"),
                                  detailFor(attempt, "offline"));
        return refused;
    }
    if (attempt.isFallback()) {
        // AUTH-2: a one-time code is issued and spent at the hub; it cannot be checked offline.
        refused.outcome = LoginVerdict::Outcome::HubUnreachable;
        refused.message = tr("A one-time code can only be used while the hub is reachable.");
        LoginAudit::recordPending(m_dir, attempt.userId, QStringLiteral("login.fallback"), QStringLiteral("denied"),
                                  detailFor(attempt, "offline"));
        return refused;
    }
    OfflineAccountCache cache(OfflineAccountCache::pathFor(m_dir));
    QString error;
    if (!cache.load(&error)) {
        refused.outcome = LoginVerdict::Outcome::Failed;
        refused.message = error;
        return refused;
    }
    bool hasSlot = false;
    if (Vault::exists(m_dir)) {
        KeySlotFile slotFile(Vault::slotFilePath(m_dir));
        try {
            slotFile.load();
            hasSlot = slotFile.hasUserSlot(attempt.userId);
        } catch (const VaultError& e) {
            refused.outcome = LoginVerdict::Outcome::Failed;
            refused.message = e.message();
            return refused;
        }
    }
    if (!hasSlot || !cache.accounts.contains(attempt.userId)) {
        refused.outcome = LoginVerdict::Outcome::FirstLoginNeedsHub;
        LoginAudit::recordPending(m_dir, attempt.userId, QStringLiteral("login"), QStringLiteral("denied"),
                                  detailFor(attempt, "no-slot"));
        return refused;
    }
    OfflineAccountCache::Account& account = cache.accounts[attempt.userId];
    if (attempt.card.kind == CardIdentity::Kind::Piv && !account.pivKeyHashes.isEmpty()
        && !account.pivKeyHashes.contains(attempt.card.cardSecret)) {
        refused.outcome = LoginVerdict::Outcome::CardNotBound;
        LoginAudit::recordPending(m_dir, attempt.userId, QStringLiteral("login"), QStringLiteral("denied"),
                                  detailFor(attempt, "card-not-bound"));
        return refused;
    }

    const AccountGuard guard(cache.policy);
    AccountState known = account.state;
    // A refusal the hub gave while the vault was closed (cache's local part) only ever restricts.
    const QString refusedAs = cache.refusals.value(attempt.userId);
    if (refusedAs == QLatin1String(LoginVerdict::code(LoginVerdict::Outcome::Disabled)))
        known.status = AccountState::Status::Disabled;
    else if (refusedAs == QLatin1String(LoginVerdict::code(LoginVerdict::Outcome::Retired)))
        known.status = AccountState::Status::Retired;
    else if (refusedAs == QLatin1String(LoginVerdict::code(LoginVerdict::Outcome::Locked)) && !known.isLocked()) {
        known.lockedAt = Clock::instance().nowUtc();
        known.lockReason = AccountState::LockReason::FailedLogins;
    }
    const AccountState merged = OfflineFailureCounter::reconcile(known, cache.failures.entry(attempt.userId), cache.policy);
    if (const auto early = guard.refuseBeforeVerifying(merged)) {
        cache.failures.record(attempt.userId, *early, m_terminal);
        cache.save();
        LoginVerdict v = fromDecision(*early);
        LoginAudit::recordPending(m_dir, attempt.userId, QStringLiteral("login"), QStringLiteral("denied"),
                                  detailFor(attempt, LoginVerdict::code(v.outcome)));
        return v;
    }

    std::shared_ptr<Vault> vault;
    try {
        vault = Vault::openWithPassword(m_dir, m_terminal, attempt.userId, attempt.password, attempt.cardKey);
    } catch (const VaultError& e) {
        if (e.code() != VaultError::Code::NoMatchingSlot) {
            refused.outcome = LoginVerdict::Outcome::Failed;
            refused.message = e.message();
            return refused;
        }
        // Vault::openWithPassword already queued the failed unwrap for the audit chain.
    }
    if (vault && !cache.isAuthentic(vault->key())) {
        // Issue 10: the hub's account state on disk is not what this terminal wrote (reset counters, a lock
        // removed, a status or binding changed): nothing in it is believed, and nobody logs in offline.
        refused.outcome = LoginVerdict::Outcome::Failed;
        refused.message = tr("This terminal's offline login data was altered and cannot be trusted. Log in while "
                             "the hub is reachable, and tell IT.");
        LoginAudit::record(vault.get(), m_dir, attempt.userId, QStringLiteral("login"), QStringLiteral("denied"),
                           detailFor(attempt, "cache-tampered"));
        return refused;
    }
    if (vault) {
        // Issue 12: what the reception desk changed since this person's last online login (a revoked card, a
        // disabled or retired account) reached the vault with the last sync; it refuses here too.
        std::optional<LoginVerdict::Outcome> standing;
        try {
            standing = ReplicatedStanding::refusal(*vault, attempt.userId, attempt.card);
        } catch (const VaultError& e) {
            refused.outcome = LoginVerdict::Outcome::Failed;  // fail closed on a replica that cannot be read
            refused.message = e.message();
            return refused;
        }
        if (standing) {
            refused.outcome = *standing;
            LoginAudit::record(vault.get(), m_dir, attempt.userId, QStringLiteral("login"), QStringLiteral("denied"),
                               detailFor(attempt, LoginVerdict::code(*standing)));
            return refused;
        }
    }
    const LoginDecision decision = guard.evaluateLogin(merged, vault != nullptr, m_terminal);
    cache.failures.record(attempt.userId, decision, m_terminal);
    cache.save(nullptr, vault ? vault->key() : SecureBytes());
    LoginVerdict v = fromDecision(decision);
    v.online = false;
    v.roles = account.roles;
    v.compartments = account.compartments;
    const QJsonObject detail = detailFor(attempt, LoginVerdict::code(v.outcome));
    if (decision.lockedNow)
        LoginAudit::record(vault.get(), m_dir, attempt.userId, QStringLiteral("account.lock"), QStringLiteral("success"),
                           detail);
    if (v.allowsSession()) {
        LoginAudit::record(vault.get(), m_dir, attempt.userId, QStringLiteral("login"), QStringLiteral("success"),
                           detail);
        // The header names the person offline too: the name comes from the hub directory replicated in the
        // vault (the login cache keeps no names outside the encrypted vault).
        if (vault)
            v.displayName = StaffDirectory(*vault).displayName(attempt.userId);
        v.vault = std::move(vault);
    } else {
        if (vault)
            LoginAudit::record(vault.get(), m_dir, attempt.userId, QStringLiteral("login"), QStringLiteral("denied"),
                               detail);
        else if (decision.outcome != LoginDecision::Outcome::WrongPassword)
            LoginAudit::recordPending(m_dir, attempt.userId, QStringLiteral("login"), QStringLiteral("denied"), detail);
        // A vault opened for a password change is closed again: only the hub changes passwords.
    }
    return v;
}

void OfflineLoginBackend::login(const LoginAttempt& attempt)
{
    auto* watcher = new QFutureWatcher<LoginVerdict>(this);
    connect(watcher, &QFutureWatcher<LoginVerdict>::finished, this, [this, watcher] {
        const LoginVerdict v = watcher->result();
        watcher->deleteLater();
        emit loginFinished(v);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [this, attempt] { return decide(attempt); }));
}

void OfflineLoginBackend::changePassword(const PasswordChangeRequest&)
{
    PasswordChangeVerdict v;
    v.outcome = PasswordChangeVerdict::Outcome::HubUnreachable;
    v.message = tr("The password can only be changed while the hub is reachable. Try again when the network is back, "
                   "or use a terminal that is online.");
    QMetaObject::invokeMethod(this, [this, v] { emit passwordChangeFinished(v); }, Qt::QueuedConnection);
}

} // namespace ward
