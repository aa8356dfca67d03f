#include "session/LoginController.h"

#include "auth/PasswordRules.h"
#include "auth/UserId.h"
#include "card/ReaderMonitor.h"
#include "session/LoginAudit.h"
#include "session/LoginBackend.h"
#include "util/Clock.h"
#include "vault/Vault.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace ward {

namespace {

} // namespace

LoginController::LoginController(LoginBackend* online, LoginBackend* offline, Config config, QObject* parent)
    : QObject(parent)
    , m_online(online)
    , m_offline(offline)
    , m_config(std::move(config))
{
    qRegisterMetaType<ward::CardAuthenticator::Result>();
    qRegisterMetaType<ward::LoginVerdict>();
    qRegisterMetaType<ward::PasswordChangeVerdict>();
    qRegisterMetaType<ward::UserSession>();
    m_delayTimer.setInterval(200);
    connect(&m_delayTimer, &QTimer::timeout, this, &LoginController::updateDelay);
    if (m_online) {
        connect(m_online, &LoginBackend::loginFinished, this, [this](const LoginVerdict& v) { loginAnswered(v, false); });
        connect(m_online, &LoginBackend::passwordChangeFinished, this, &LoginController::changeAnswered);
    }
    if (m_offline && m_offline != m_online) {
        connect(m_offline, &LoginBackend::loginFinished, this, [this](const LoginVerdict& v) { loginAnswered(v, true); });
        connect(m_offline, &LoginBackend::passwordChangeFinished, this, &LoginController::changeAnswered);
    }
}

LoginController::~LoginController() = default;

void LoginController::attachCardStack(ReaderMonitor* monitor, CardAuthenticator* authenticator)
{
    if (authenticator) {
        m_identify = [authenticator](const QString& reader) { authenticator->identify(reader); };
        connect(authenticator, &CardAuthenticator::identified, this, &LoginController::cardIdentified,
                Qt::QueuedConnection);
    }
    if (monitor) {
        connect(monitor, &ReaderMonitor::cardInserted, this, &LoginController::cardInserted, Qt::QueuedConnection);
        connect(monitor, &ReaderMonitor::cardRemoved, this, &LoginController::cardRemoved, Qt::QueuedConnection);
        connect(monitor, &ReaderMonitor::readersChanged, this, &LoginController::readersChanged, Qt::QueuedConnection);
        connect(monitor, &ReaderMonitor::serviceAvailable, this, &LoginController::serviceAvailable,
                Qt::QueuedConnection);
        connect(monitor, &ReaderMonitor::serviceUnavailable, this, &LoginController::serviceUnavailable,
                Qt::QueuedConnection);
        // A card already in the reader when the screen appears is a presentation too.
        const auto present = monitor->presentCards();
        for (auto it = present.begin(); it != present.end(); ++it)
            QMetaObject::invokeMethod(this, "cardInserted", Qt::QueuedConnection, Q_ARG(QString, it.key()),
                                      Q_ARG(QByteArray, it.value()));
    }
}

bool LoginController::passwordInputEnabled() const
{
    return (m_state == State::PasswordEntry || m_state == State::ChangePasswordRequired) && delayRemainingMs() == 0;
}

qint64 LoginController::delayRemainingMs() const
{
    return std::max<qint64>(0, m_delayUntilMs - Clock::instance().monotonicMs());
}

void LoginController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void LoginController::setMessage(const QString& message, bool isError)
{
    m_message = message;
    m_messageIsError = isError;
    emit messageChanged(message, isError);
}

void LoginController::backToCard(const QString& message, bool isError)
{
    // AUTH-8: nothing typed survives a transition.
    m_inFlight = LoginAttempt();
    m_changedPassword.clear();
    m_card = CardIdentity();
    m_reader.clear();
    m_userId.clear();
    m_fallbackCode.clear();
    m_emergency = LoginAttempt();
    m_delayUntilMs = 0;
    m_delayTimer.stop();
    m_vault.reset();
    m_held.reset();
    m_heldPassword.clear();
    setState(State::WaitingForCard);
    setMessage(message, isError);
}

void LoginController::reset()
{
    if (m_state == State::Verifying || m_state == State::ChangingPassword)
        ++m_generation;  // drop the answer that is still on its way
    backToCard(m_serviceDown ? tr("The card service is not running. Ask IT to restart the card service (pcscd).")
                             : QString(),
               m_serviceDown);
}

void LoginController::cardInserted(const QString& reader, const QByteArray&)
{
    if (m_state != State::WaitingForCard || m_serviceDown)
        return;
    if (!m_config.loginReaders.isEmpty() && !m_config.loginReaders.contains(reader))
        return;
    m_reader = reader;
    m_identifyRetries = 0;
    setState(State::ReadingCard);
    setMessage(tr("Reading the card…"), false);
    if (m_identify)
        m_identify(reader);
}

void LoginController::cardIdentified(const QString& reader, const CardAuthenticator::Result& result)
{
    if (m_state != State::ReadingCard || reader != m_reader)
        return;
    if (!result.ok && m_identifyRetries == 0
        && (result.error == CardError::CommunicationError || result.error == CardError::CardUnresponsive
            || result.error == CardError::CardReset)) {
        // A card read while it is still settling in the field (a tap, a half-inserted card) often fails once;
        // one quiet retry spares the nurse a second tap. A removal is reported by the monitor meanwhile.
        ++m_identifyRetries;
        const quint64 generation = m_generation;
        QTimer::singleShot(150, this, [this, reader, generation] {
            if (generation == m_generation && m_state == State::ReadingCard && reader == m_reader && m_identify)
                m_identify(reader);
        });
        return;
    }
    if (!result.ok) {
        const QString text = result.error == CardError::CardRemoved
                                 ? tr("The card was removed during login. Present your card again.")
                                 : result.message.isEmpty() ? CardErrors::message(result.error) : result.message;
        backToCard(text, true);
        return;
    }
    const CardIdentity& card = result.identity;
    if (card.kind == CardIdentity::Kind::Uid && !m_config.allowUidBadges) {
        backToCard(tr("This hospital does not allow ID badges without a chip key for login. Use your staff IC "
                      "card."),
                   true);
        return;
    }
    const QString userId = userFor(card);
    if (!UserId::isValid(userId)) {
        backToCard(tr("This card is not registered. Ask reception to register your card."), true);
        return;
    }
    m_card = card;
    m_userId = userId;
    m_failuresThisCard = 0;
    setState(State::PasswordEntry);
    setMessage(tr("Enter your password."), false);
}

QString LoginController::userFor(const CardIdentity& card) const
{
    if (card.kind == CardIdentity::Kind::Uid)
        return m_config.allowUidBadges ? m_config.uidBindings.value(card.uid) : QString();
    // The certificate names the user ID (never the person's name: that is shown only after the password).
    return card.kind == CardIdentity::Kind::Piv ? card.subjectCommonName : QString();
}

void LoginController::releaseVault()
{
    m_vault.reset();
}

void LoginController::cardRemoved(const QString& reader)
{
    if (reader != m_reader || m_state == State::WaitingForCard || m_state == State::LoggedIn)
        return;
    ++m_generation;
    backToCard(tr("The card was removed during login. Present your card again."), true);
}

void LoginController::readersChanged(const QStringList& readers)
{
    const bool none = readers.isEmpty();
    if (none == m_noReader)
        return;
    m_noReader = none;
    if (m_state == State::LoggedIn)
        return;
    if (none)
        setMessage(tr("No card reader is connected. Check the reader's cable or ask IT."), true);
    else if (m_state == State::WaitingForCard)
        setMessage(QString(), false);
}

void LoginController::serviceUnavailable()
{
    if (m_serviceDown)
        return;
    m_serviceDown = true;
    if (m_state == State::LoggedIn)
        return;
    if (m_state == State::Verifying || m_state == State::ChangingPassword)
        ++m_generation;
    // Fail closed: a card the service can no longer vouch for is no longer present.
    backToCard(tr("The card service is not running. Ask IT to restart the card service (pcscd)."), true);
}

void LoginController::serviceAvailable()
{
    if (!m_serviceDown)
        return;
    m_serviceDown = false;
    if (m_state == State::WaitingForCard)
        setMessage(QString(), false);
}

void LoginController::startFallback(const QString& userId, const QString& code)
{
    if (m_state != State::WaitingForCard)
        return;
    if (!UserId::isValid(userId)) {
        setMessage(UserId::message(UserId::validate(userId)), true);
        return;
    }
    if (code.trimmed().isEmpty()) {
        setMessage(tr("Enter the one-time code reception gave you."), true);
        return;
    }
    m_card = CardIdentity();
    m_reader.clear();
    m_userId = userId;
    m_fallbackCode = code.trimmed();
    m_failuresThisCard = 0;
    setState(State::PasswordEntry);
    setMessage(tr("Card-less login with a one-time code. Enter your password."), false);
}

void LoginController::startEmergency(const QString& accountId, const QString& realName, const QString& reason, bool test)
{
    if (m_state != State::WaitingForCard)
        return;
    const QString account = accountId.trimmed().toUpper();
    if (!UserId::isValid(account) || !UserId::isEmergency(account)) {
        setMessage(tr("Type the emergency account printed on the sealed letter (it begins with EMERG)."), true);
        return;
    }
    if (realName.trimmed().isEmpty()) {
        setMessage(tr("Type your own name and where you work: the record must say who used the account."), true);
        return;
    }
    if (!test && reason.trimmed().isEmpty()) {
        setMessage(tr("Say briefly why the emergency account is needed."), true);
        return;
    }
    m_card = CardIdentity();
    m_reader.clear();
    m_userId = account;
    m_fallbackCode.clear();
    m_emergency = LoginAttempt();
    m_emergency.emergency = true;
    m_emergency.emergencyRealName = realName.trimmed().left(100);
    m_emergency.emergencyReason = reason.trimmed().left(500);
    m_emergency.emergencyTest = test;
    m_failuresThisCard = 0;
    setState(State::PasswordEntry);
    setMessage(test ? tr("Test of the emergency account: type the password from the sealed letter. Nothing will open.")
                    : tr("Emergency account: type the password from the sealed letter. IT and the auditors are told at once."),
               false);
}

void LoginController::submitPassword(const SecureBytes& password)
{
    if (m_state != State::PasswordEntry)
        return;
    if (delayRemainingMs() > 0) {
        updateDelay();
        return;
    }
    if (password.isEmpty()) {
        setMessage(tr("Enter your password."), true);
        return;
    }
    LoginAttempt attempt;
    attempt.userId = m_userId;
    attempt.password = password;
    attempt.card = m_card;
    attempt.reader = m_reader;
    attempt.fallbackCode = m_fallbackCode;
    attempt.emergency = m_emergency.emergency;
    attempt.emergencyRealName = m_emergency.emergencyRealName;
    attempt.emergencyReason = m_emergency.emergencyReason;
    attempt.emergencyTest = m_emergency.emergencyTest;
    if (!attempt.isCardless() && m_cardKey)
        attempt.cardKey = m_cardKey(m_reader, m_card);
    runLogin(std::move(attempt), false);
}

void LoginController::runLogin(LoginAttempt attempt, bool offlineOnly)
{
    LoginBackend* backend = (!offlineOnly && m_online) ? m_online : m_offline;
    if (!backend) {
        backToCard(tr("This terminal has no hub and no vault configured. Ask IT."), true);
        return;
    }
    m_inFlight = std::move(attempt);
    setState(State::Verifying);
    setMessage(tr("Checking…"), false);
    const quint64 generation = m_generation;
    // The answer is matched to this attempt by generation: a card pulled meanwhile bumps it.
    QMetaObject::invokeMethod(
        this,
        [this, backend, generation] {
            if (generation != m_generation)
                return;
            m_pending = generation;
            backend->login(m_inFlight);
        },
        Qt::QueuedConnection);
}

void LoginController::loginAnswered(const LoginVerdict& verdict, bool fromOffline)
{
    if (m_pending != m_generation || m_state != State::Verifying)
        return;  // the card was pulled or the screen reset while the backend decided
    if (verdict.outcome == LoginVerdict::Outcome::HubUnreachable && !fromOffline && m_offline
        && m_offline != m_online && !m_inFlight.isFallback()) {
        // Offline login: the vault slot and the local counter decide (FirstLoginNeedsHub without a slot). Also an
        // emergency letter (BCP-1: the ward's emergency slot); a one-time code only ever opens at the hub.
        LoginAttempt attempt = m_inFlight;
        runLogin(std::move(attempt), true);
        return;
    }
    using O = LoginVerdict::Outcome;
    if (verdict.outcome == O::Ok && verdict.expiryWarningDays >= 0 && !m_held) {
        // AUTH-6: inside the warning period the user is told the days left and offered the change now.
        m_held = verdict;
        m_heldPassword = m_inFlight.password;
        m_inFlight = LoginAttempt();
        m_verdict = verdict;
        m_verdict.vault.reset();
        setState(State::PasswordExpiring);
        setMessage(expiryText(verdict.expiryWarningDays, verdict.online), false);
        return;
    }
    if (verdict.outcome == O::Ok) {
        // The login after an optional change replaces the held one (its vault connection closes).
        m_held.reset();
        m_heldPassword.clear();
        finishLogin(verdict, m_inFlight.password);
        return;
    }
    m_verdict = verdict;
    m_verdict.vault.reset();
    m_inFlight.password.clear();
    m_changedPassword.clear();
    switch (verdict.outcome) {
    case O::Ok:
        return;
    case O::WrongPassword:
    case O::Throttled: {
        if (verdict.outcome == O::WrongPassword)
            ++m_failuresThisCard;
        // AUTH-5: when the backend does not say how long (the hub of today), the policy's delay for the failures
        // seen here is shown; it can only under-state the hub's, which still refuses early attempts itself.
        const qint64 delay = verdict.delayMs > 0
                                 ? verdict.delayMs
                                 : m_config.policy.nonResponseDelayMs(std::max(1, m_failuresThisCard));
        setState(State::PasswordEntry);
        setMessage(verdict.text(), true);
        startDelay(delay);
        return;
    }
    case O::PasswordExpired:
    case O::MustChangeTemporary:
        // AUTH-6: on the day the password expires the change is required (no way around it).
        m_held.reset();
        m_heldPassword.clear();
        setState(State::ChangePasswordRequired);
        setMessage(verdict.text(), false);
        return;
    case O::HubUnreachable:
        if (m_inFlight.isCardless()) {
            backToCard(verdict.text(), true);
            return;
        }
        setState(State::PasswordEntry);
        setMessage(verdict.text(), true);
        return;
    case O::EmergencyTested:
        backToCard(verdict.text(), false);
        return;
    case O::EmergencyUnavailable:
    case O::FallbackCodeInvalid:
    case O::Locked:
    case O::Disabled:
    case O::Retired:
    case O::TemporaryExpired:
    case O::CardNotBound:
    case O::FirstLoginNeedsHub:
        backToCard(verdict.text(), true);
        return;
    case O::Failed:
        setState(State::PasswordEntry);
        setMessage(verdict.text(), true);
        return;
    }
}

void LoginController::finishLogin(const LoginVerdict& verdict, const SecureBytes& password)
{
    // DATA-3: the signing key is wrapped under the password; this is the one moment it is still held.
    emit passwordVerified(m_userId, password);
    m_verdict = verdict;
    m_verdict.vault.reset();
    m_inFlight = LoginAttempt();
    m_changedPassword.clear();
    m_vault = verdict.vault;
    m_session = verdict.sessionFor(m_userId, m_config.terminalId);
    m_session.cardlessFallback = isFallback();
    if (isEmergency() && m_vault)
        // BCP-1: the terminal's chain names the real person and the reason too, flagged for review.
        m_vault->audit().append(m_userId, QStringLiteral("login.emergency.flag"), QString(), QString(), QStringLiteral("success"),
                                QJsonObject{{QStringLiteral("flagged"), true},
                                            {QStringLiteral("realName"), m_emergency.emergencyRealName},
                                            {QStringLiteral("reason"), m_emergency.emergencyReason}});
    if (isFallback() && m_vault)
        // AUTH-2: the fallback use is flagged in the terminal's chain as well as at the hub.
        m_vault->audit().append(m_userId, QStringLiteral("login.fallback.flag"), QString(), QString(),
                                QStringLiteral("success"), QJsonObject{{QStringLiteral("flagged"), true}});
    setState(State::LoggedIn);
    setMessage(QString(), false);
    emit loggedIn(m_session);
}

QString LoginController::expiryText(int daysLeft, bool online)
{
    QString text = tr("Your password expires in %n day(s). On that day you must change it to log in.", nullptr,
                      daysLeft);
    text += QLatin1Char(' ');
    text += online ? tr("Change it now?")
                   : tr("This terminal is offline: change it at the next login while the hub is reachable.");
    return text;
}

void LoginController::changePasswordNow()
{
    if (!m_held || m_state != State::PasswordExpiring || !m_held->online)
        return;
    setState(State::ChangePasswordRequired);
    setMessage(tr("Choose a new password. You can also keep the current one for now."), false);
}

void LoginController::continueWithoutChange()
{
    if (!m_held || (m_state != State::PasswordExpiring && m_state != State::ChangePasswordRequired))
        return;
    const LoginVerdict held = *m_held;
    const SecureBytes password = m_heldPassword;
    m_held.reset();
    m_heldPassword.clear();
    finishLogin(held, password);
}

void LoginController::startDelay(qint64 ms)
{
    if (ms <= 0)
        return;
    // AUTH-5 不応時間: the field stays disabled and a countdown is shown; the hub enforces it too.
    m_delayUntilMs = Clock::instance().monotonicMs() + ms;
    m_delayTimer.start();
    updateDelay();
}

void LoginController::updateDelay()
{
    const qint64 left = delayRemainingMs();
    emit delayChanged(static_cast<int>((left + 999) / 1000));
    if (left == 0)
        m_delayTimer.stop();
}

void LoginController::submitPasswordChange(const SecureBytes& oldPassword, const SecureBytes& newPassword,
                                           const SecureBytes& confirmation)
{
    if (m_state != State::ChangePasswordRequired)
        return;
    if (oldPassword.isEmpty()) {
        setMessage(tr("Enter your current password to change it."), true);
        return;
    }
    if (!newPassword.equals(confirmation)) {
        setMessage(tr("The new password and its confirmation differ. Type them again."), true);
        return;
    }
    if (newPassword.equals(oldPassword)) {
        setMessage(PasswordRules::message(PasswordRules::Kind::ReusedPassword, m_config.policy), true);
        return;
    }
    PasswordChangeRequest request;
    request.userId = m_userId;
    request.oldPassword = oldPassword;
    request.newPassword = newPassword;
    request.card = m_card;
    request.reader = m_reader;
    request.fallbackCode = m_fallbackCode;
    setState(State::ChangingPassword);
    setMessage(tr("Checking the new password…"), false);
    const quint64 generation = m_generation;
    const QStringList history = m_verdict.passwordHistory;
    const PasswordPolicy policy = m_config.policy;
    // The reuse check costs one Argon2 verification per remembered generation: off the UI thread.
    auto* watcher = new QFutureWatcher<QList<PasswordRules::Violation>>(this);
    connect(watcher, &QFutureWatcher<QList<PasswordRules::Violation>>::finished, this,
            [this, watcher, generation, request] {
                const QList<PasswordRules::Violation> violations = watcher->result();
                watcher->deleteLater();
                if (generation != m_generation || m_state != State::ChangingPassword)
                    return;
                if (!violations.isEmpty()) {
                    QStringList texts;
                    for (const auto& v : violations)
                        texts << v.message;
                    setState(State::ChangePasswordRequired);
                    setMessage(texts.join(QLatin1Char('\n')), true);
                    return;
                }
                LoginBackend* backend = m_online ? m_online : m_offline;
                if (!backend) {
                    setState(State::ChangePasswordRequired);
                    setMessage(tr("The password can only be changed while the hub is reachable."), true);
                    return;
                }
                m_changedPassword = request.newPassword;
                m_pending = m_generation;
                backend->changePassword(request);
            });
    const QString userId = m_userId;
    watcher->setFuture(QtConcurrent::run([newPassword, userId, history, policy] {
        return PasswordRules::check(newPassword, userId, history, policy);
    }));
}

void LoginController::changeAnswered(const PasswordChangeVerdict& verdict)
{
    if (m_pending != m_generation || m_state != State::ChangingPassword)
        return;
    if (verdict.outcome == PasswordChangeVerdict::Outcome::Changed) {
        // AccountGuard's rule: after the change, a normal login with the new password starts the session
        // (it also rewrites this terminal's vault slot with the new password).
        LoginAttempt attempt;
        attempt.userId = m_userId;
        attempt.password = m_changedPassword;
        attempt.card = m_card;
        attempt.reader = m_reader;
        attempt.fallbackCode = m_fallbackCode;
        if (!attempt.isFallback() && m_cardKey)
            attempt.cardKey = m_cardKey(m_reader, m_card);
        m_changedPassword.clear();
        runLogin(std::move(attempt), false);
        return;
    }
    m_changedPassword.clear();
    if (verdict.outcome == PasswordChangeVerdict::Outcome::Locked) {
        backToCard(verdict.message, true);
        return;
    }
    setState(State::ChangePasswordRequired);
    setMessage(verdict.message, true);
}

} // namespace ward
