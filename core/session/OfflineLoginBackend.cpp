#include "session/OfflineLoginBackend.h"

#include "auth/AccountGuard.h"
#include "auth/EmergencyLetterKey.h"
#include "crypto/KeyPair.h"
#include "policy/PolicyRules.h"
#include "records/StaffDirectory.h"
#include "session/LoginAudit.h"
#include "session/OfflineAccountCache.h"
#include "session/ReplicatedStanding.h"
#include "sync/EmergencyLetters.h"
#include "sync/HubReplica.h"
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

LoginVerdict failed(const QString& message)
{
    LoginVerdict v;
    v.outcome = LoginVerdict::Outcome::Failed;
    v.message = message;
    return v;
}

QString tamperedCacheText()
{
    return OfflineLoginBackend::tr("This terminal's offline login data was altered and cannot be trusted. Log in while "
                                   "the hub is reachable, and tell IT.");
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
    if (attempt.emergency)
        return decideEmergency(attempt);
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
        return failed(error);
    }
    bool hasSlot = false;
    if (Vault::exists(m_dir)) {
        KeySlotFile slotFile(Vault::slotFilePath(m_dir));
        try {
            slotFile.load();
            hasSlot = slotFile.hasUserSlot(attempt.userId);
        } catch (const VaultError& e) {
            return failed(e.message());
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
            return failed(e.message());
        }
        // Vault::openWithPassword already queued the failed unwrap for the audit chain.
    }
    if (vault && !cache.isAuthentic(vault->key())) {
        // Issue 10: the hub's account state on disk is not what this terminal wrote (reset counters, a lock
        // removed, a status or binding changed): nothing in it is believed, and nobody logs in offline.
        LoginAudit::record(vault.get(), m_dir, attempt.userId, QStringLiteral("login"), QStringLiteral("denied"),
                           detailFor(attempt, "cache-tampered"));
        return failed(tamperedCacheText());
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

LoginVerdict OfflineLoginBackend::decideEmergency(const LoginAttempt& attempt)
{
    // BCP-1 offline: the ward's letter opens the vault through the emergency slot the last sync made; the lockout
    // counts here as for anyone; the replica's copy of the letter says whether its use period is over.
    LoginVerdict refused;
    QJsonObject detail = detailFor(attempt, "no-slot");
    detail.insert(QStringLiteral("realName"), attempt.emergencyRealName);
    detail.insert(QStringLiteral("test"), attempt.emergencyTest);
    const QString action = QStringLiteral("login.emergency");
    OfflineAccountCache cache(OfflineAccountCache::pathFor(m_dir));
    QString error;
    if (!cache.load(&error)) {
        return failed(error);
    }
    std::optional<KeySlot> slot;
    if (Vault::exists(m_dir)) {
        KeySlotFile slotFile(Vault::slotFilePath(m_dir));
        try {
            slotFile.load();
            slot = slotFile.emergencySlot(attempt.userId);
        } catch (const VaultError& e) {
            return failed(e.message());
        }
    }
    if (!slot) {
        refused.outcome = LoginVerdict::Outcome::HubUnreachable;
        refused.message = tr("This terminal has no offline key for this emergency account (it is another ward's, or its "
                             "letter has not reached this terminal yet). Follow the ward's paper procedure and call IT.");
        LoginAudit::recordPending(m_dir, attempt.userId, action, QStringLiteral("denied"), detail);
        return refused;
    }

    const QDateTime now = Clock::instance().nowUtc();
    const AccountGuard guard(cache.policy);
    AccountState known;
    known.passwordChangedAt = now;  // the letter has its own use period, not the password expiry of AUTH-6
    const AccountState merged = OfflineFailureCounter::reconcile(known, cache.failures.entry(attempt.userId), cache.policy);
    if (const auto early = guard.refuseBeforeVerifying(merged)) {
        cache.failures.record(attempt.userId, *early, m_terminal);
        cache.save();
        LoginVerdict v = fromDecision(*early);
        detail.insert(QStringLiteral("reason"), QLatin1String(LoginVerdict::code(v.outcome)));
        LoginAudit::recordPending(m_dir, attempt.userId, action, QStringLiteral("denied"), detail);
        return v;
    }
    std::shared_ptr<Vault> vault;
    KeyPair letterKey;
    try {
        vault = Vault::openWithEmergencyLetter(m_dir, m_terminal, attempt.userId, attempt.password, &letterKey);
    } catch (const VaultError& e) {
        if (e.code() != VaultError::Code::NoMatchingSlot) {
            return failed(e.message());
        }
    }
    if (vault && !cache.isAuthentic(vault->key())) {
        detail.insert(QStringLiteral("reason"), QStringLiteral("cache-tampered"));
        LoginAudit::record(vault.get(), m_dir, attempt.userId, action, QStringLiteral("denied"), detail);
        return failed(tamperedCacheText());
    }
    const LoginDecision decision = guard.evaluateLogin(merged, vault != nullptr, m_terminal);
    cache.failures.record(attempt.userId, decision, m_terminal);
    cache.save(nullptr, vault ? vault->key() : SecureBytes());
    if (!vault) {
        LoginVerdict v = fromDecision(decision);
        detail.insert(QStringLiteral("reason"), QLatin1String(LoginVerdict::code(v.outcome)));
        if (decision.lockedNow)
            LoginAudit::recordPending(m_dir, attempt.userId, QStringLiteral("account.lock"), QStringLiteral("success"), detail);
        return v;
    }

    // The letter as the replica knows it: the same letter as the slot, approved, and its use period not over.
    std::optional<EmergencyLetters::Letter> letter;
    std::optional<LoginVerdict::Outcome> standing;
    std::optional<QJsonObject> policy;
    HubReplica replica(vault->database());
    try {
        letter = EmergencyLetters::find(replica, attempt.userId);
        standing = ReplicatedStanding::refusal(*vault, attempt.userId, CardIdentity());
        policy = replica.currentPolicy();
    } catch (const VaultError& e) {
        return failed(e.message());
    }
    if (standing || !letter || letter->serial != slot->letter.serial || !letter->opensAt(now)) {
        refused.outcome = standing ? *standing : LoginVerdict::Outcome::EmergencyUnavailable;
        if (!standing)
            refused.message = letter && letter->spentAt(now)
                                  ? tr("This emergency account was used on %1 and is closed until IT issues a new letter.")
                                        .arg(letter->firstUsedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                  : tr("This letter is no longer valid on this terminal (a newer letter was issued). Call IT.");
        detail.insert(QStringLiteral("reason"), QLatin1String(LoginVerdict::code(refused.outcome)));
        LoginAudit::record(vault.get(), m_dir, attempt.userId, action, QStringLiteral("denied"), detail);
        return refused;
    }
    // What the hub believes of this report: signed with the letter's key, which only the password opened.
    detail.insert(QStringLiteral("letter"), slot->letter.serial);
    detail.insert(QStringLiteral("usedAt"), now.toString(Qt::ISODateWithMs));
    detail.insert(QStringLiteral("proof"),
                  EmergencyLetterKey::proveUse(letterKey, attempt.userId, slot->letter.serial, m_terminal, now, attempt.emergencyTest));
    if (attempt.emergencyTest) {
        // The periodic test proves the letter and this terminal's slot; nothing opens and nothing is used up.
        detail.insert(QStringLiteral("reason"), QStringLiteral("test"));
        LoginAudit::record(vault.get(), m_dir, attempt.userId, action, QStringLiteral("success"), detail);
        LoginVerdict v;
        v.outcome = LoginVerdict::Outcome::EmergencyTested;
        v.online = false;
        return v;
    }
    const QJsonObject hubPolicy = policy.value_or(QJsonObject());
    try {
        letter = EmergencyLetters::recordOfflineUse(replica, *letter, now, PolicyRules::emergencyUseHours(hubPolicy));
    } catch (const VaultError& e) {
        return failed(e.message());
    }
    LoginVerdict v = fromDecision(decision);
    v.expiryWarningDays = -1;
    v.online = false;
    v.roles = QStringList{QStringLiteral("emergency")};
    v.compartments = QStringList{letter->ward};
    v.emergency = true;
    v.emergencyRealName = attempt.emergencyRealName;
    v.emergencySessionMinutes = PolicyRules::emergencySessionMinutes(hubPolicy);
    v.emergencyUsableUntil = letter->usableUntil;
    // Flagged for review like an online use; the hub learns of it (and begins its own period) from this chain.
    detail.insert(QStringLiteral("reason"), attempt.emergencyReason);
    detail.insert(QStringLiteral("letter"), letter->serial);
    detail.insert(QStringLiteral("review"), true);
    detail.insert(QStringLiteral("usableUntil"), letter->usableUntil.toString(Qt::ISODateWithMs));
    LoginAudit::record(vault.get(), m_dir, attempt.userId, action, QStringLiteral("success"), detail);
    v.displayName = StaffDirectory(*vault).displayName(attempt.userId);
    v.vault = std::move(vault);
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
