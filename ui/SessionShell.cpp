#include "ui/SessionShell.h"

#include "card/ReaderMonitor.h"
#include "session/LockController.h"
#include "session/Reauthenticator.h"
#include "ui/HelpOverlay.h"
#include "ui/LastLoginBanner.h"
#include "ui/LockScreen.h"
#include "ui/LockWatchdog.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeIcon.h"
#include "util/Clock.h"
#include "vault/Vault.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPixmapCache>
#include <QResizeEvent>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWhatsThis>
#include <exception>

namespace ward {

SessionShell::SessionShell(LockController* controller, WorkspaceFactory factory, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_makeWorkspace(std::move(factory)),
      m_resolveUser(&SessionShell::defaultUserForCard),
      m_toolBar(new QToolBar(this)),
      m_lockAction(new QAction(tr("Lock"), this)),
      m_helpAction(new QAction(tr("Help"), this)),
      m_lastLoginAction(new QAction(tr("Last login…"), this)),
      m_banner(new LastLoginBanner(this)),
      m_help(nullptr),
      m_countdown(new StatusBadge(StatusBadge::Shape::Banner, this)),
      m_emergencyBanner(new StatusBadge(StatusBadge::Shape::Banner, this)),
      m_stack(new QStackedWidget(this)),
      m_loginPlaceholder(new QLabel(tr("Insert your staff card to log in."), this)),
      m_lockScreen(new LockScreen(this)),
      m_watchdog(new LockWatchdog(this)),
      m_authenticator(new CardAuthenticator(this))
{
    qRegisterMetaType<ward::CardIdentity>("ward::CardIdentity");
    qRegisterMetaType<ward::CardAuthenticator::Result>("ward::CardAuthenticator::Result");
    setObjectName(QStringLiteral("sessionShell"));
    m_toolBar->setObjectName(QStringLiteral("sessionToolBar"));
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_countdown->setObjectName(QStringLiteral("idleCountdown"));
    m_loginPlaceholder->setObjectName(QStringLiteral("loginPlaceholder"));
    static_cast<QLabel*>(m_loginPlaceholder)->setAlignment(Qt::AlignCenter);

    // SES-1: a lock button and shortcuts; Pause is the key hospitals label for "lock" on ward keyboards.
    m_lockAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_L), QKeySequence(Qt::Key_Pause)});
    m_lockAction->setShortcutContext(Qt::WindowShortcut);
    m_lockAction->setToolTip(tr("Lock the screen (Ctrl+L)"));
    m_lockAction->setEnabled(false);
    m_lockAction->setIcon(ThemeIcon::icon(IconName::Lock));
    // Icon and word on every toolbar button, sized by the theme (issue 11), never dragged away.
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->setAccessibleName(tr("Session"));
    m_toolBar->addAction(m_lockAction);
    m_toolBar->hide();
    addAction(m_lockAction);
    connect(m_lockAction, &QAction::triggered, this, &SessionShell::lockNow);

    // F1 on every screen; the shell never disables it (it shows only help, never session data while locked).
    m_helpAction->setObjectName(QStringLiteral("helpAction"));
    m_helpAction->setShortcut(QKeySequence(Qt::Key_F1));
    m_helpAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_helpAction);
    connect(m_helpAction, &QAction::triggered, this, &SessionShell::toggleHelp);
    m_lastLoginAction->setObjectName(QStringLiteral("lastLoginAction"));
    m_lastLoginAction->setEnabled(false);
    addAction(m_lastLoginAction);
    connect(m_lastLoginAction, &QAction::triggered, m_banner, &LastLoginBanner::showAgain);
    connect(m_banner, &LastLoginBanner::reportRequested, this,
            [this](const QString& note) { emit loginReportRequested(m_session, note); });

    m_countdown->hide();
    m_emergencyBanner->setObjectName(QStringLiteral("emergencySessionBanner"));
    m_emergencyBanner->setProperty("textStyle", QStringLiteral("title"));
    m_emergencyBanner->hide();

    m_stack->addWidget(m_loginPlaceholder);
    m_stack->addWidget(m_lockScreen);
    m_stack->setCurrentWidget(m_loginPlaceholder);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_emergencyBanner);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_countdown);
    layout->addWidget(m_stack, 1);
    m_help = new HelpOverlay(this);
    // AUTH-9's banner floats over the top of the workspace instead of taking a row of the layout: the census and
    // the chart keep their room on the smallest ward screen, and nothing under the nurse's hand moves when the
    // banner goes away a few seconds after login.
    m_banner->installEventFilter(this);

    connect(m_controller, &LockController::lockRequested, this, &SessionShell::lock);
    connect(m_controller, &LockController::logoutRequested, this, &SessionShell::logout);
    connect(m_controller, &LockController::warningChanged, this, &SessionShell::showWarning);
    connect(m_lockScreen, &LockScreen::unlockRequested, this, &SessionShell::attemptUnlock);
    connect(m_lockScreen, &LockScreen::screensaverChanged, this, &SessionShell::screensaverChanged);
    connect(m_watchdog, &LockWatchdog::sessionDataFound, this, &SessionShell::onWatchdogFinding);
    connect(m_authenticator, &CardAuthenticator::identified, this, &SessionShell::cardIdentified);
}

SessionShell::~SessionShell()
{
    ++m_generation;
    if (m_reauth)
        m_reauth->cancel();
    delete m_workspace.data();
}

void SessionShell::setWatchdogIntervalMs(int ms)
{
    m_watchdog->setIntervalMs(ms);
}

void SessionShell::setReauthenticator(Reauthenticator* reauthenticator)
{
    if (m_reauth)
        disconnect(m_reauth, nullptr, this, nullptr);
    m_reauth = reauthenticator;
    if (reauthenticator)
        connect(reauthenticator, &Reauthenticator::decided, this, &SessionShell::finishUnlock);
}

void SessionShell::setLoginWidget(QWidget* widget)
{
    if (!widget || widget == m_loginPlaceholder)
        return;
    const bool showing = m_stack->currentWidget() == m_loginPlaceholder;
    QWidget* old = m_loginPlaceholder;
    m_loginPlaceholder = widget;
    widget->setParent(m_stack);
    m_stack->insertWidget(0, widget);
    if (showing)
        m_stack->setCurrentWidget(widget);
    m_stack->removeWidget(old);
    delete old;
}

void SessionShell::attachReaderMonitor(ReaderMonitor* monitor)
{
    if (m_monitor) {
        disconnect(m_monitor, nullptr, this, nullptr);
        m_controller->stopWatchingCardHeartbeat();
    }
    m_monitor = monitor;
    if (!monitor)
        return;
    connect(monitor, &ReaderMonitor::cardInserted, this, &SessionShell::cardInserted);
    connect(monitor, &ReaderMonitor::cardRemoved, this, &SessionShell::cardRemoved);
    connect(monitor, &ReaderMonitor::serviceUnavailable, this, &SessionShell::cardServiceUnavailable);
    QPointer<ReaderMonitor> watched = monitor;
    // A deleted monitor answers 0: as stalled as one that stopped (fail closed).
    m_controller->watchCardHeartbeat([watched] { return watched ? watched->lastAliveMs() : qint64(0); });
}

QString SessionShell::neutralTitle()
{
    // SES-3: the title bar and taskbar are readable from across the ward.
    return QStringLiteral("WardStation");
}

QString SessionShell::defaultUserForCard(const CardIdentity& identity)
{
    // Staff PIV certificates carry the staff ID as CN. A wrong claim cannot unlock anything: the key slot
    // of the claimed user only opens with that user's password *and* this card's key binding.
    return identity.kind == CardIdentity::Kind::Piv ? identity.subjectCommonName : QString();
}

void SessionShell::startSession(const UserSession& session, const QString& cardReader)
{
    if (m_state != State::LoggedOut)
        logout(LockReason::UserLogout);
    ++m_generation;
    m_session = session;
    m_sessionReader = cardReader;
    m_savedState = WorkspaceState();
    m_presentedCard = CardIdentity();
    m_unlockFailures = 0;
    m_state = State::Active;
    window()->setWindowTitle(neutralTitle());
    try {
        createWorkspace();
    } catch (...) {
        logout(LockReason::LockFailure);
        return;
    }
    // AUTH-9; not for a ward's shared emergency account, whose previous use is nobody's to recognise.
    if (!session.emergency)
        m_banner->showFor(session);
    setSessionActionsEnabled(true);
    m_toolBar->show();
    m_controller->startSession(session.privileged);
    // BCP-1 (003 §6.6(2) イ, ウ): everyone near the screen sees that the emergency account is in use and by whom, on
    // every screen of the session (also while locked), and the session is short.
    m_emergencyBanner->setVisible(session.emergency);
    if (session.emergency) {
        const QDateTime ends = Clock::instance().nowUtc().addSecs(qint64(session.emergencySessionMinutes) * 60);
        const QString endsAt = QLocale().toString(ends.toLocalTime().time(), QLocale::ShortFormat);
        // Offline the hub has not heard of it yet: the banner does not claim IT knows (they hear when it is back).
        m_emergencyBanner->setStatus(StatusTone::Danger, IconName::BreakGlass,
                                     session.online
                                         ? tr("EMERGENCY ACCOUNT in use by %1. IT and the auditors have been told; every "
                                              "action is recorded and reviewed. This session ends at %2.")
                                               .arg(session.emergencyRealName, endsAt)
                                         : tr("EMERGENCY ACCOUNT in use by %1, offline. IT and the auditors are told as soon "
                                              "as the hub is reachable; every action is recorded and reviewed. This session "
                                              "ends at %2.")
                                               .arg(session.emergencyRealName, endsAt));
        m_controller->limitSession(qint64(session.emergencySessionMinutes) * 60000);
    }
    audit(session.userId, QStringLiteral("session.start"), QStringLiteral("success"), {});
    // Like GNOME's removal action at start: a session whose card is already gone does not begin unlocked.
    if (m_monitor && !cardReader.isEmpty() && !m_monitor->presentCards().contains(cardReader))
        m_controller->cardRemoved();
}

void SessionShell::createWorkspace()
{
    Workspace* w = m_makeWorkspace(m_session);
    if (!w)
        throw std::runtime_error("no workspace");
    m_workspace = w;
    m_stack->addWidget(w);
    m_stack->setCurrentWidget(w);
    connect(w, &Workspace::activity, m_controller, &LockController::noteActivity);
}

void SessionShell::lockNow()
{
    m_controller->lockNow(LockReason::Manual);
}

void SessionShell::lock(LockReason reason)
{
    if (m_state != State::Active)
        return;
    // Every lock goes through the controller, so its clocks (lock timeout, hard limit) know about it.
    if (m_controller->state() == LockController::State::Active) {
        m_controller->lockNow(reason);
        return;
    }
    // The controller already counts the session as locked; from here on there is no way back to the
    // workspace except the unlock (STYLE: locking is unconditional).
    m_state = State::Locked;
    // A card presented for an earlier unlock is spent: this lock wants the card presented again (with a UID badge
    // the presentation is the only card factor there is).
    m_presentedCard = CardIdentity();
    m_cardReader.clear();
    try {
        // (1) SES-4: drafts encrypted to the vault first, then what to come back to (identifiers only).
        if (m_workspace) {
            m_workspace->saveDrafts();
            m_savedState = m_workspace->state();
        }
        // (2) No dialog can veto or outlive the lock.
        closeTransientWindows();
        // (3) SES-3: patient data is destroyed, not covered.
        destroyWorkspace();
        // (4)
        window()->setWindowTitle(neutralTitle());
        for (QStatusBar* bar : window()->findChildren<QStatusBar*>())
            bar->clearMessage();
        setSessionActionsEnabled(false);
        m_toolBar->hide();
        // (5)
        m_countdown->hide();
        m_banner->hide();
        m_help->hide();
        m_lockScreen->setScreensaverDelayMs(m_controller->policy().screensaverDelayMs);
        m_lockScreen->showLocked(m_controller->policy().showLockedBy ? m_session.displayName : QString());
        m_stack->setCurrentWidget(m_lockScreen);
        // (6) AUD: which trigger fired.
        QJsonObject detail{{QStringLiteral("reason"), lockReasonName(reason)}};
        if (!m_session.vault)
            throw std::runtime_error("no vault for the audit trail");
        m_session.vault->audit().append(m_session.userId, QStringLiteral("session.lock"), QString(), QString(),
                                        QStringLiteral("success"), detail);
    } catch (const std::exception&) {
        logout(LockReason::LockFailure);
        return;
    } catch (...) {
        logout(LockReason::LockFailure);
        return;
    }
    emit locked(reason);
    // One check right away, then periodically for as long as the lock lasts.
    m_watchdog->start(m_lockScreen);
    m_watchdog->check();
}

void SessionShell::closeTransientWindows()
{
    QToolTip::hideText();
    QWhatsThis::leaveWhatsThisMode();
    for (int guard = 0; guard < 16; ++guard) {
        QWidget* popup = QApplication::activePopupWidget();
        if (!popup)
            break;
        popup->close();
        popup->hide();
    }
    // reject() ends a running exec(); the code that opened the dialog resumes after the lock is complete.
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w == window() || !w->isVisible())
            continue;
        if (auto* dialog = qobject_cast<QDialog*>(w)) {
            dialog->reject();
            dialog->hide();
        } else if (qobject_cast<QMenu*>(w)) {
            w->hide();
        } else if (w->isWindow()) {
            w->close();
            w->hide();
        }
    }
}

void SessionShell::destroyWorkspace()
{
    Workspace* w = m_workspace.data();
    m_workspace = nullptr;
    if (w) {
        m_stack->removeWidget(w);
        // Deleted now, not deleteLater(): a deferred delete would leave it alive until the event loop
        // runs again, and a nested loop (a modal dialog) might never let it.
        delete w;
    }
    QPixmapCache::clear();
}

void SessionShell::setSessionActionsEnabled(bool enabled)
{
    // SES-3: no shortcut may reach the session while it is locked.
    if (!enabled) {
        QList<QObject*> targets;
        for (QAction* a : window()->findChildren<QAction*>())
            targets.append(a);
        for (QShortcut* s : window()->findChildren<QShortcut*>())
            targets.append(s);
        for (QObject* o : targets) {
            bool inLockScreen = false;
            for (QObject* p = o; p; p = p->parent())
                inLockScreen = inLockScreen || p == m_lockScreen;
            if (inLockScreen || o == m_helpAction)
                continue;
            if (auto* a = qobject_cast<QAction*>(o); a && a->isEnabled()) {
                a->setEnabled(false);
                m_disabledWhileLocked.append(a);
            } else if (auto* s = qobject_cast<QShortcut*>(o); s && s->isEnabled()) {
                s->setEnabled(false);
                m_disabledWhileLocked.append(s);
            }
        }
        m_lockAction->setEnabled(false);
        m_lastLoginAction->setEnabled(false);
        return;
    }
    for (const QPointer<QObject>& o : std::as_const(m_disabledWhileLocked)) {
        if (auto* a = qobject_cast<QAction*>(o.data()))
            a->setEnabled(true);
        else if (auto* s = qobject_cast<QShortcut*>(o.data()))
            s->setEnabled(true);
    }
    m_disabledWhileLocked.clear();
    m_lockAction->setEnabled(true);
    m_lastLoginAction->setEnabled(m_banner->hasSession());
}

void SessionShell::logout(LockReason reason)
{
    if (m_state == State::LoggedOut)
        return;
    ++m_generation;
    const UserSession ended = m_session;
    // SES-4: a logout never costs a draft; a failing save must not keep the session alive either.
    if (m_workspace) {
        try {
            m_workspace->saveDrafts();
        } catch (...) {
        }
    }
    try {
        closeTransientWindows();
    } catch (...) {
    }
    destroyWorkspace();
    m_state = State::LoggedOut;
    m_savedState = WorkspaceState();
    m_presentedCard = CardIdentity();
    m_cardReader.clear();
    if (m_verifying && m_reauth)
        m_reauth->cancel();
    m_verifying = false;
    m_verifyingUser.clear();
    m_verifyingPassword.clear();
    m_watchdog->stop();
    m_controller->endSession();
    m_countdown->hide();
    m_emergencyBanner->hide();
    m_banner->clear();
    m_help->hide();
    window()->setWindowTitle(neutralTitle());
    for (QStatusBar* bar : window()->findChildren<QStatusBar*>())
        bar->clearMessage();
    setSessionActionsEnabled(false);
    m_toolBar->hide();
    m_lockScreen->reset();
    m_stack->setCurrentWidget(m_loginPlaceholder);
    m_session = UserSession();
    // Last, and allowed to fail: the session is already gone.
    if (ended.vault) {
        try {
            ended.vault->audit().append(ended.userId, QStringLiteral("session.logout"), QString(), QString(),
                                        QStringLiteral("success"), {{QStringLiteral("reason"), lockReasonName(reason)}});
        } catch (...) {
        }
    }
    m_ownedVault.reset();
    emit loggedOut(reason);
}

void SessionShell::showWarning(int secondsLeft)
{
    if (secondsLeft <= 0 || m_state != State::Active) {
        m_countdown->hide();
        return;
    }
    m_countdown->setStatus(StatusTone::Warning, IconName::Lock,
                           tr("The screen locks in %n second(s). Move the mouse or press a key to keep working.",
                              nullptr, secondsLeft));
    m_countdown->show();
}

bool SessionShell::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_banner && (event->type() == QEvent::Show || event->type() == QEvent::LayoutRequest))
        placeBanner();
    return QWidget::eventFilter(watched, event);
}

void SessionShell::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeBanner();
}

void SessionShell::placeBanner()
{
    if (!m_banner->isVisible())
        return;
    // Bottom right of the workspace, like a notice that arrived: the search field, the table header and the patient
    // header at the top stay uncovered. As wide as its text needs, at most 60 % of the workspace.
    const int margin = 8;
    const QRect area = m_stack->geometry();
    const int width = qMin(m_banner->sizeHint().width(), qMax(area.width() * 3 / 5, m_banner->minimumSizeHint().width()));
    const int height = m_banner->heightFor(width);
    m_banner->setGeometry(area.right() - margin - width + 1, area.bottom() - margin - height + 1, width, height);
    m_banner->raise();
}

void SessionShell::screensaverChanged(bool active)
{
    // The screensaver is the whole window: status, tool and menu bars (sync state, menus) go dark with it.
    if (active) {
        QList<QWidget*> bars;
        for (QStatusBar* b : window()->findChildren<QStatusBar*>())
            bars << b;
        for (QToolBar* b : window()->findChildren<QToolBar*>())
            bars << b;
        for (QMenuBar* b : window()->findChildren<QMenuBar*>())
            bars << b;
        for (QWidget* b : bars) {
            if (b->isVisible()) {
                b->hide();
                m_hiddenForScreensaver << b;
            }
        }
        return;
    }
    for (const QPointer<QWidget>& b : std::as_const(m_hiddenForScreensaver))
        if (b)
            b->show();
    m_hiddenForScreensaver.clear();
}

void SessionShell::toggleHelp()
{
    if (m_help->isVisible()) {
        m_help->hide();
        return;
    }
    const QString contact = m_helpContact ? m_helpContact() : QString();
    switch (m_state) {
    case State::LoggedOut:
        m_help->showLoginHelp(contact);
        break;
    case State::Locked:
        m_lockScreen->wake();
        m_help->showLockHelp(contact);
        break;
    case State::Active:
        m_help->showShortcuts(window());
        break;
    }
}

void SessionShell::onWatchdogFinding(const QStringList& findings)
{
    // Class and object names only: never contents (no patient data in logs).
    qWarning("session lock watchdog: %s still alive while locked; ending the session",
             qPrintable(findings.join(QStringLiteral(", "))));
    if (m_state == State::Locked)
        logout(LockReason::WatchdogFinding);
}

void SessionShell::cardInserted(const QString& reader, const QByteArray&)
{
    if (m_state == State::Locked) {
        m_lockScreen->wake();  // a card wakes the screensaver before it is even read
        m_authenticator->identify(reader);
    }
}

void SessionShell::cardIdentified(const QString& reader, const CardAuthenticator::Result& result)
{
    if (m_state != State::Locked)
        return;
    if (!result.ok) {
        m_lockScreen->showMessage(result.message);
        return;
    }
    presentCard(reader, result.identity);
}

void SessionShell::presentCard(const QString& reader, const CardIdentity& identity)
{
    if (m_state != State::Locked || !identity.isValid())
        return;
    m_presentedCard = identity;
    m_cardReader = reader;
    m_lockScreen->setCardPresent(true);
    m_lockScreen->showMessage(QString());
}

void SessionShell::cardRemoved(const QString& reader)
{
    if (m_state == State::Locked && (m_cardReader.isEmpty() || reader == m_cardReader)) {
        m_presentedCard = CardIdentity();
        m_cardReader.clear();
        m_lockScreen->setCardPresent(false);
    }
    if (m_sessionReader.isEmpty() || reader == m_sessionReader)
        m_controller->cardRemoved();
}

void SessionShell::cardServiceUnavailable()
{
    // The card service can no longer vouch for the card: treat it as pulled (fail closed).
    cardRemoved(m_sessionReader);
}

void SessionShell::attemptUnlock(const SecureBytes& password)
{
    if (m_state != State::Locked || m_verifying)
        return;
    if (!m_presentedCard.isValid()) {
        // The password alone never unlocks, nor does the card alone.
        m_lockScreen->showMessage(tr("Insert your staff card, then enter your password."));
        return;
    }
    const QString userId = m_resolveUser ? m_resolveUser(m_presentedCard) : QString();
    if (userId.isEmpty() || !m_session.vault) {
        m_lockScreen->showMessage(tr("This card is not registered for this terminal. Use your staff card."));
        return;
    }
    if (!m_reauth) {
        m_lockScreen->showMessage(tr("The password cannot be checked on this terminal. Call IT."));
        return;
    }
    LoginAttempt attempt;
    attempt.userId = userId;
    attempt.password = password;
    attempt.card = m_presentedCard;
    attempt.reader = m_cardReader;
    if (m_cardKey)
        attempt.cardKey = m_cardKey(m_cardReader, m_presentedCard);
    attempt.purpose = userId == m_session.userId ? QStringLiteral("unlock") : QStringLiteral("takeover");
    m_verifying = true;
    m_verifyingUser = userId;
    m_verifyingPassword = password;
    m_lockScreen->setBusy(true);
    // AUTH-5, SES-5: the same decision as a login (hub, or slot + offline counter), off the UI thread.
    m_reauth->verify(attempt);
}

void SessionShell::finishUnlock(const LoginVerdict& verdict)
{
    if (!m_verifying || m_state != State::Locked)
        return;  // the session ended while the password was being checked
    const QString userId = m_verifyingUser;
    const SecureBytes password = m_verifyingPassword;
    m_verifying = false;
    m_verifyingUser.clear();
    m_verifyingPassword.clear();
    m_lockScreen->setBusy(false);
    if (verdict.allowsSession() && m_resolveUser
        && (!m_presentedCard.isValid() || m_resolveUser(m_presentedCard) != userId)) {
        // The card was pulled (or swapped) while the password was being checked: it must still be there.
        m_lockScreen->showMessage(tr("The card was removed. Insert your card and enter your password again."));
        emit unlockDenied(userId);
        return;
    }
    if (!verdict.allowsSession()) {
        refuseUnlock(userId, verdict);
        return;
    }
    if (userId == m_session.userId) {
        emit reauthenticated(verdict);
        resumeSession();  // the verdict's own vault connection closes with it: the session keeps its own
    }
    else
        takeOver(userId, verdict, password);
}

void SessionShell::refuseUnlock(const QString& userId, const LoginVerdict& verdict)
{
    using O = LoginVerdict::Outcome;
    // A wait inside the non-response delay is not another guess; everything else the decision refused is.
    const bool counts = verdict.outcome != O::Throttled;
    QJsonObject detail{{QStringLiteral("reason"), QLatin1String(LoginVerdict::code(verdict.outcome))}};
    if (counts)
        detail.insert(QStringLiteral("attempt"), ++m_unlockFailures);
    audit(userId, userId == m_session.userId ? QStringLiteral("session.unlock") : QStringLiteral("session.takeover"),
          QStringLiteral("denied"), detail);
    emit unlockDenied(userId);
    if (m_unlockFailures >= kMaxUnlockFailures) {
        logout(LockReason::UnlockFailures);
        return;
    }
    QString text;
    switch (verdict.outcome) {
    case O::WrongPassword:
    case O::CardNotBound:
        text = tr("The card and password do not match. Check your password and try again.");
        if (verdict.remainingAttempts >= 0)
            text += QLatin1Char(' ') + verdict.text();
        break;
    case O::PasswordExpired:
    case O::MustChangeTemporary:
        text = tr("Your password must be changed first. Log in at the login screen of a free terminal to change "
                  "it.");
        break;
    case O::FirstLoginNeedsHub:
        text = tr("You have not used this terminal before and the hub cannot be reached. Use a terminal you have "
                  "used before, or try again when the network is back.");
        break;
    default:
        text = verdict.text().isEmpty() ? tr("The password could not be checked. Call IT.") : verdict.text();
        break;
    }
    m_lockScreen->showMessage(text);
}

void SessionShell::resumeSession()
{
    try {
        createWorkspace();
        m_workspace->restore(m_savedState);
    } catch (...) {
        logout(LockReason::LockFailure);
        return;
    }
    m_watchdog->stop();
    m_savedState = WorkspaceState();
    m_unlockFailures = 0;
    m_state = State::Active;
    window()->setWindowTitle(neutralTitle());
    setSessionActionsEnabled(true);
    m_toolBar->show();
    m_lockScreen->reset();
    m_controller->sessionUnlocked();
    audit(m_session.userId, QStringLiteral("session.unlock"), QStringLiteral("success"), {});
    emit unlocked(m_session.userId);
}

void SessionShell::takeOver(const QString& userId, const LoginVerdict& verdict, const SecureBytes& password)
{
    // SES-5: the previous session ends; its drafts were saved at lock time under its owner's key and stay
    // in the vault until that owner logs in again (DraftStore::forAuthor). The previous session's vault
    // belongs to whoever started that session and may close with its logout: nothing of it is used after.
    const QString previousUser = m_session.userId;
    const QString terminalId = m_session.terminalId;
    const QString reader = m_cardReader;
    audit(userId, QStringLiteral("session.takeover"), QStringLiteral("success"),
          {{QStringLiteral("previousUser"), previousUser}});
    logout(LockReason::TakenOver);
    emit sessionTakenOver(previousUser, userId);
    if (m_takeOver) {
        m_takeOver(userId, verdict, password, reader);
        return;
    }
    // Nothing runs any more, so startSession logs nothing out; a failure inside it lets go of the vault.
    m_ownedVault = verdict.vault;
    startSession(verdict.sessionFor(userId, terminalId), reader);
}

void SessionShell::audit(const QString& user, const QString& action, const QString& outcome, const QJsonObject& detail)
{
    if (!m_session.vault)
        return;
    try {
        m_session.vault->audit().append(user, action, QString(), QString(), outcome, detail);
    } catch (...) {
        // Outside the lock path an audit failure must not crash the terminal; the chain's gap is visible
        // to the hub, which acknowledges sequence numbers.
    }
}

} // namespace ward
