#include "session/Reauthenticator.h"

#include "session/LoginBackend.h"

#include <QCoreApplication>

namespace ward {

Reauthenticator::Reauthenticator(LoginBackend* online, LoginBackend* offline, QObject* parent)
    : QObject(parent)
    , m_online(online)
    , m_offline(offline)
{
    qRegisterMetaType<ward::LoginVerdict>();
    if (m_online)
        connect(m_online, &LoginBackend::loginFinished, this, [this](const LoginVerdict& v) { answered(v, false); });
    if (m_offline && m_offline != m_online)
        connect(m_offline, &LoginBackend::loginFinished, this, [this](const LoginVerdict& v) { answered(v, true); });
}

void Reauthenticator::verify(const LoginAttempt& attempt)
{
    LoginBackend* backend = m_online ? m_online : m_offline;
    if (m_busy || !backend) {
        LoginVerdict refused;
        refused.message = m_busy ? tr("A check is already running. Wait for its answer.")
                                 : tr("This terminal has no hub and no vault configured. Ask IT.");
        QMetaObject::invokeMethod(this, [this, refused] { emit decided(refused); }, Qt::QueuedConnection);
        return;
    }
    m_attempt = attempt;
    m_busy = true;
    m_cancelled = false;
    backend->login(m_attempt);
}

void Reauthenticator::cancel()
{
    if (m_busy)
        m_cancelled = true;
    m_attempt.password.clear();
}

void Reauthenticator::answered(const LoginVerdict& verdict, bool fromOffline)
{
    if (!m_busy)
        return;
    if (!m_cancelled && verdict.outcome == LoginVerdict::Outcome::HubUnreachable && !fromOffline && m_offline
        && m_offline != m_online) {
        // Offline: the user's vault slot and the local failure counter decide, as at the login screen.
        m_offline->login(m_attempt);
        return;
    }
    finish(verdict);
}

void Reauthenticator::finish(const LoginVerdict& verdict)
{
    m_busy = false;
    m_attempt = LoginAttempt();
    if (m_cancelled) {
        m_cancelled = false;
        return;  // the vault the verdict may carry closes with it
    }
    emit decided(verdict);
}

} // namespace ward
