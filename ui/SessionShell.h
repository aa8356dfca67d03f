#pragma once

#include "card/CardAuthenticator.h"
#include "card/CardIdentity.h"
#include "crypto/SecureBytes.h"
#include "session/LockReason.h"
#include "session/LoginVerdict.h"
#include "session/UserSession.h"
#include "ui/Workspace.h"
#include "ui/theme/StatusBadge.h"

#include <memory>
#include <QList>
#include <QPointer>
#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace ward {

class LockController;
class Reauthenticator;
class LockScreen;
class ReaderMonitor;
class Vault;
class LockWatchdog;
class LastLoginBanner;
class HelpOverlay;

// The main window's central area and the owner of the session's lifetime on screen: login placeholder,
// the workspace (patient data) and the lock screen. It carries out what LockController decides.
//
// lock() is unconditional and ordered (SES-3, SES-4): save drafts encrypted, close every dialog and popup,
// delete the workspace and its models, neutral title, lock screen, audit. Any failure on that path ends
// the session instead (fail closed). While locked a watchdog checks that no patient data survived.
class SessionShell : public QWidget
{
    Q_OBJECT

public:
    enum class State { LoggedOut, Active, Locked };
    // Refused card/password pairs tolerated at the lock screen before the session ends (each costs an
    // Argon2id run; the account lockout itself is the login decision's, AUTH-5, and counts them too).
    static constexpr int kMaxUnlockFailures = 5;

    // Builds the workspace for a session (the chart, or a test workspace). The shell owns the result.
    using WorkspaceFactory = std::function<Workspace*(const UserSession&)>;
    // Which user a card that has proven itself belongs to. The answer is only a claim: the unlock is
    // granted by the login decision (Reauthenticator) for that user, card and password.
    using CardUserResolver = std::function<QString(const CardIdentity&)>;
    // Starts the session of a user who took over a locked terminal (SES-5), after the previous session
    // ended: the composed terminal prepares the signing key with the password, then calls startSession.
    // Without a handler the shell starts the session on the verdict's vault itself.
    using TakeOverHandler = std::function<void(const QString& userId, const LoginVerdict& verdict,
                                               const SecureBytes& password, const QString& cardReader)>;

    SessionShell(LockController* controller, WorkspaceFactory factory, QWidget* parent = nullptr);
    ~SessionShell() override;

    void setCardUserResolver(CardUserResolver resolver) { m_resolveUser = std::move(resolver); }
    // Unlock and takeover are decided like a login (AUTH-5, SES-5); without one the lock screen refuses
    // every attempt (fail closed). Not owned; must outlive the shell.
    void setReauthenticator(Reauthenticator* reauthenticator);
    void setTakeOverHandler(TakeOverHandler handler) { m_takeOver = std::move(handler); }
    // What the presented card adds to the vault key slot (default: ECDH on the PIV card in its reader).
    using CardKeySource = std::function<CardKeyAgreement(const QString& reader, const CardIdentity& card)>;
    void setCardKeySource(CardKeySource source) { m_cardKey = std::move(source); }
    void setWatchdogIntervalMs(int ms);
    // Whom staff call (hub policy "help.contact"), read when the help opens: the login screen's help exists
    // before any session, so the composed terminal reads it from its login cache.
    void setHelpContactSource(std::function<QString()> source) { m_helpContact = std::move(source); }
    // The widget shown while nobody is logged in (the login screen), in place of the built-in prompt.
    // The shell takes ownership; the previous login widget is deleted.
    void setLoginWidget(QWidget* widget);
    QWidget* loginWidget() const { return m_loginPlaceholder; }
    // Wires the card watcher: insertions and removals, service loss (treated as removal) and its heartbeat
    // (a stalled watcher ends the session). The monitor must outlive the shell or be detached first.
    void attachReaderMonitor(ReaderMonitor* monitor);

    // Called by the login flow once card and password have been checked. `cardReader` is where the
    // user's card sits: its removal locks (SES-2); empty means any reader.
    void startSession(const UserSession& session, const QString& cardReader = QString());

    State state() const { return m_state; }
    bool isLocked() const { return m_state == State::Locked; }
    const UserSession& session() const { return m_session; }
    Workspace* workspace() const { return m_workspace.data(); }
    LockScreen* lockScreen() const { return m_lockScreen; }
    QAction* lockAction() const { return m_lockAction; }
    // F1: help for the current screen (login, lock, or the shortcuts of the session); never disabled.
    QAction* helpAction() const { return m_helpAction; }
    HelpOverlay* helpOverlay() const { return m_help; }
    // AUTH-9: the last-login banner of the running session, and the action that shows it again.
    LastLoginBanner* lastLoginBanner() const { return m_banner; }
    QAction* lastLoginAction() const { return m_lastLoginAction; }
    QLabel* idleCountdown() const { return m_countdown; }
    LockController* controller() const { return m_controller; }
    bool isVerifying() const { return m_verifying; }
    bool hasPresentedCard() const { return m_presentedCard.isValid(); }

    static QString neutralTitle();
    static QString defaultUserForCard(const CardIdentity& identity);

public slots:
    // Manual lock (toolbar button, Ctrl+L, Pause).
    void lockNow();
    void lock(ward::LockReason reason);
    // Never fails: whatever goes wrong on the way, the session is gone at the end.
    void logout(ward::LockReason reason);

    // From the card watcher (ReaderMonitor); connections from its thread are queued.
    void cardInserted(const QString& reader, const QByteArray& atr);
    void cardRemoved(const QString& reader);
    void cardServiceUnavailable();
    // A card the card layer has authenticated (challenge-response done) in `reader`.
    void presentCard(const QString& reader, const ward::CardIdentity& identity);

signals:
    void locked(ward::LockReason reason);
    void unlocked(const QString& userId);
    void loggedOut(ward::LockReason reason);
    void sessionTakenOver(const QString& oldUser, const QString& newUser);
    void unlockDenied(const QString& userId);
    // The session's own user passed the unlock check (card + password, hub or vault slot), just before the workspace
    // comes back: an online verdict carries a fresh hub session token (issue 12: the reception desk continues on it).
    void reauthenticated(const ward::LoginVerdict& verdict);
    // AUTH-9: the person said the previous login or the failed attempts were not theirs.
    void loginReportRequested(const ward::UserSession& session, const QString& note);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void placeBanner();
    void attemptUnlock(const ward::SecureBytes& password);
    void finishUnlock(const ward::LoginVerdict& verdict);
    void refuseUnlock(const QString& userId, const LoginVerdict& verdict);
    void resumeSession();
    void takeOver(const QString& userId, const LoginVerdict& verdict, const SecureBytes& password);
    void cardIdentified(const QString& reader, const ward::CardAuthenticator::Result& result);
    void showWarning(int secondsLeft);
    void closeTransientWindows();
    void destroyWorkspace();
    void createWorkspace();
    void setSessionActionsEnabled(bool enabled);
    void audit(const QString& user, const QString& action, const QString& outcome, const QJsonObject& detail);
    void onWatchdogFinding(const QStringList& findings);
    void toggleHelp();
    void screensaverChanged(bool active);

    LockController* m_controller;
    WorkspaceFactory m_makeWorkspace;
    CardUserResolver m_resolveUser;
    TakeOverHandler m_takeOver;
    CardKeySource m_cardKey = &CardAuthenticator::keyAgreementFor;
    QPointer<Reauthenticator> m_reauth;

    QToolBar* m_toolBar;
    QAction* m_lockAction;
    QAction* m_helpAction;
    QAction* m_lastLoginAction;
    LastLoginBanner* m_banner;
    HelpOverlay* m_help;
    std::function<QString()> m_helpContact;
    StatusBadge* m_countdown;
    StatusBadge* m_emergencyBanner;  // BCP-1: on every screen of an emergency account's session
    QStackedWidget* m_stack;
    QWidget* m_loginPlaceholder;
    LockScreen* m_lockScreen;
    LockWatchdog* m_watchdog;
    CardAuthenticator* m_authenticator;

    State m_state = State::LoggedOut;
    UserSession m_session;
    QString m_sessionReader;
    QPointer<Workspace> m_workspace;
    WorkspaceState m_savedState;
    QString m_cardReader;          // where the card shown to the lock screen sits
    CardIdentity m_presentedCard;  // authenticated card on the lock screen, if any
    bool m_verifying = false;
    QString m_verifyingUser;        // whom the check in flight is for
    SecureBytes m_verifyingPassword; // held only while it runs: a takeover needs it for the signing key
    std::shared_ptr<Vault> m_ownedVault;  // a taken-over session's vault when no handler took it
    int m_unlockFailures = 0;
    quint64 m_generation = 0;      // bumps on every session change: stale unlock results are dropped
    QList<QPointer<QObject>> m_disabledWhileLocked;
    QList<QPointer<QWidget>> m_hiddenForScreensaver;
    QPointer<ReaderMonitor> m_monitor;
};

} // namespace ward
