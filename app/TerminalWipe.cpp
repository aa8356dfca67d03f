#include "TerminalWipe.h"

#include "records/SigningIdentity.h"
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
            auto vault = Vault::openWithKey(s.vaultDir, s.terminalId, key);
            // The stored signing key opens only with the password it was wrapped under; nothing new is certified.
            const SigningIdentity::Issuer none = [](const QByteArray&, QString* error) -> std::optional<Certificate> {
                *error = TerminalWipe::tr("no signing key is stored for this user on this terminal");
                return std::nullopt;
            };
            SigningIdentity::obtain(*vault, s.userId, password, none, s.kdf);
            vault->audit().append(s.userId, QStringLiteral("terminal.wipe.confirm"), QString(), s.terminalId, QStringLiteral("success"));
            a.ok = true;
        } catch (const SigningError& e) {
            a.message = e.code() == SigningError::Code::WrongPassword
                            ? TerminalWipe::tr("The password is not correct. Nothing was wiped.")
                            : TerminalWipe::tr("Your password cannot be checked on this terminal (%1). Nothing was wiped.").arg(e.message());
            try {
                Vault::openWithKey(s.vaultDir, s.terminalId, key)
                    ->audit()
                    .append(s.userId, QStringLiteral("terminal.wipe.confirm"), QString(), s.terminalId, QStringLiteral("failure"));
            } catch (const std::exception&) {
                // The refusal stands whether or not it could be audited.
            }
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
