#include "TerminalWipe.h"

#include "auth/AccountGuard.h"
#include "auth/OfflineFailureCounter.h"
#include "records/SigningIdentity.h"
#include "session/OfflineAccountCache.h"
#include "sync/HubClient.h"
#include "sync/AuditShipment.h"
#include "sync/SyncEngine.h"
#include "vault/Vault.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

namespace ward {

TerminalWipe::TerminalWipe(Session session, std::function<void(const QString&, const TerminalDisposal::Unsent&)> wipe,
                           QObject* parent)
    : QObject(parent), m_session(std::move(session)), m_wipe(std::move(wipe))
{
}

void TerminalWipe::sendUnsent(std::function<void(const TerminalDisposal::Unsent&, const QString&)> done)
{
    if (!m_session.engine || !m_session.client) {
        done(TerminalDisposal::unsent(*m_session.vault), tr("this terminal has no hub connection"));
        return;
    }
    // One more cycle pushes what is queued (it coalesces with one already running); then the audit chain.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_session.engine, &SyncEngine::cycleFinished, this, [this, connection, done](bool ok) {
        disconnect(*connection);
        shipAudit(done, ok ? QString() : m_session.engine->status().lastError);
    });
    m_session.engine->syncNow();
}

void TerminalWipe::shipAudit(std::function<void(const TerminalDisposal::Unsent&, const QString&)> done, const QString& recordsError)
{
    QPointer<TerminalWipe> self(this);
    AuditShipment::ship(*m_session.syncVault, *m_session.client, [self, done, recordsError](qint64, const SyncError& error) {
        if (!self)
            return;
        done(TerminalDisposal::unsent(*self->m_session.vault), !recordsError.isEmpty() ? recordsError : error.message());
    });
}

void TerminalWipe::verifyPassword(const SecureBytes& password, std::function<void(bool, const QString&)> done)
{
    const QString token = m_session.sessionToken ? m_session.sessionToken() : QString();
    if (m_session.client && !token.isEmpty())
        verifyAtHub(password, token, std::move(done));
    else
        verifyOffline(password, std::move(done));
}

void TerminalWipe::auditLocally(const QString& outcome)
{
    try {
        m_session.vault->audit().append(m_session.userId, QStringLiteral("terminal.wipe.confirm"), QString(), m_session.terminalId,
                                        outcome);
    } catch (const std::exception&) {
        // The answer stands whether or not it could be audited here (the hub audited it).
    }
}

void TerminalWipe::verifyAtHub(const SecureBytes& password, const QString& token, std::function<void(bool, const QString&)> done)
{
    QPointer<TerminalWipe> self(this);
    m_session.client->postJson(
        QStringLiteral("/api/v1/terminal/wipe-confirmation"), {{QStringLiteral("password"), QString::fromUtf8(password.toQByteArrayUnsafe())}},
        token, [self, password, done](const HubReply& reply) {
            if (!self)
                return;
            if (reply.ok()) {
                self->auditLocally(QStringLiteral("success"));
                done(true, QString());
                return;
            }
            // The hub away: the terminal decides, as an offline unlock does.
            if (reply.httpStatus == 0) {
                self->verifyOffline(password, done);
                return;
            }
            self->auditLocally(QStringLiteral("failure"));
            const QString code = reply.error.hubCode();
            if (code == QLatin1String("login_failed"))
                done(false, tr("The password is not correct. Nothing was wiped. Wrong passwords count toward locking your "
                               "account, as at login."));
            else if (code == QLatin1String("account_locked"))
                done(false, tr("Your account is locked after too many wrong passwords. Nothing was wiped. Another "
                               "administrator must unlock the account before anyone can wipe with it."));
            else
                done(false, tr("The hub did not confirm your password (%1). Nothing was wiped.").arg(reply.error.message()));
        });
}

void TerminalWipe::verifyOffline(const SecureBytes& password, std::function<void(bool, const QString&)> done)
{
    struct Answer
    {
        bool ok = false;
        QString message;
    };
    const Session s = m_session;
    const SecureBytes key = m_session.vault->key();
    auto* watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcher<Answer>::finished, this, [watcher, done] {
        watcher->deleteLater();
        const Answer a = watcher->result();
        done(a.ok, a.message);
    });
    watcher->setFuture(QtConcurrent::run([s, key, password] {
        Answer a;
        try {
            // AUTH-5 offline: the terminal's failure counter on the cached hub state, as for an offline unlock.
            OfflineAccountCache cache(OfflineAccountCache::pathFor(s.vaultDir));
            if (!cache.load(&a.message))
                return a;
            const AccountGuard guard(cache.policy);
            const AccountState merged = OfflineFailureCounter::reconcile(cache.accounts.value(s.userId).state,
                                                                         cache.failures.entry(s.userId), cache.policy);
            auto vault = Vault::openWithKey(s.vaultDir, s.terminalId, key);
            if (const auto early = guard.refuseBeforeVerifying(merged)) {
                cache.failures.record(s.userId, *early, s.terminalId);
                cache.save();
                vault->audit().append(s.userId, QStringLiteral("terminal.wipe.confirm"), QString(), s.terminalId, QStringLiteral("failure"));
                a.message = TerminalWipe::tr("%1 Nothing was wiped.").arg(early->message());
                return a;
            }
            // The stored signing key opens only with the password it was wrapped under; nothing new is certified.
            const SigningIdentity::Issuer none = [](const QByteArray&, QString* error) -> std::optional<Certificate> {
                *error = TerminalWipe::tr("no signing key is stored for this user on this terminal");
                return std::nullopt;
            };
            bool correct = true;
            try {
                SigningIdentity::obtain(*vault, s.userId, password, none, s.kdf);
            } catch (const SigningError& e) {
                if (e.code() != SigningError::Code::WrongPassword) {
                    a.message = TerminalWipe::tr("Your password cannot be checked on this terminal (%1). Nothing was wiped.").arg(e.message());
                    return a;
                }
                correct = false;
            }
            const LoginDecision decision = guard.evaluateLogin(merged, correct, s.terminalId);
            cache.failures.record(s.userId, decision, s.terminalId);
            cache.save();
            a.ok = decision.outcome == LoginDecision::Outcome::Ok;
            vault->audit().append(s.userId, QStringLiteral("terminal.wipe.confirm"), QString(), s.terminalId,
                                  a.ok ? QStringLiteral("success") : QStringLiteral("failure"));
            if (decision.lockedNow)
                vault->audit().append(s.userId, QStringLiteral("account.lock"), QString(), s.terminalId, QStringLiteral("success"));
            if (!a.ok)
                a.message = TerminalWipe::tr("%1 Nothing was wiped.").arg(decision.message());
        } catch (const std::exception& e) {
            a.message = TerminalWipe::tr("Your password cannot be checked: %1. Nothing was wiped.").arg(QString::fromUtf8(e.what()));
        }
        return a;
    }));
}

void TerminalWipe::wipe(const QString& reason, const TerminalDisposal::Unsent& lost)
{
    m_wipe(reason, lost);
}

} // namespace ward
