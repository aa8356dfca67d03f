#pragma once

#include "TerminalOptions.h"
#include "crypto/Certificate.h"
#include "crypto/SecureBytes.h"
#include "policy/AccessPolicy.h"
#include "records/SigningIdentity.h"
#include "session/LockReason.h"
#include "session/LoginVerdict.h"
#include "session/UserSession.h"
#include "sync/SyncStatus.h"
#include "sync/TerminalDisposal.h"
#include "ui/theme/StatusBadge.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QPrinter;
class QLabel;
class QToolButton;

namespace ward {

class ActivityFilter;
class AuditorWorkspace;
class CardAuthenticator;
class ChartWorkspace;
class DiagnosticsPage;
class NotEnrolledScreen;
class TerminalDiagnostics;
class TerminalDisposal;
class HubClient;
class HubLoginBackend;
class ItWorkspace;
class LockController;
class LoginController;
class LoginScreen;
class MainWindow;
class OfflineLoginBackend;
class Reauthenticator;
class ReaderMonitor;
class ReceptionWorkspace;
class SessionShell;
class StatusStrip;
class SyncEngine;
class Vault;
class Workspace;

// The ward terminal, composed: main window → session shell (lock) → login screen or chart workspace.
// Only wiring lives here (STYLE): the login flow is LoginController's, locking LockController's and
// SessionShell's, the chart ChartWorkspace's, sync SyncEngine's.
//
//   card + password (LoginController) → signing key unwrapped or certified by the hub (DATA-3, off the UI
//   thread) → SessionShell::startSession with a ChartWorkspace → lock (idle, card removed, manual) →
//   card + password at the lock screen → same patient and draft → logout → login screen again.
//
// With a hub the vault syncs in the background (its own vault connection) while a session is open.
class Terminal : public QObject
{
    Q_OBJECT

public:
    struct SignerResult
    {
        std::optional<SigningIdentity> identity;
        QString error;
    };

    explicit Terminal(TerminalOptions options, QObject* parent = nullptr);
    ~Terminal() override;

    // Starts the card watcher and shows the window.
    void start();

    const TerminalOptions& options() const { return m_options; }
    MainWindow* window() const { return m_window.get(); }
    SessionShell* shell() const { return m_shell; }
    LoginController* login() const { return m_login.get(); }
    LoginScreen* loginScreen() const { return m_loginScreen; }
    LockController* lockController() const { return m_lock.get(); }
    ReaderMonitor* readerMonitor() const { return m_monitor.get(); }
    // The chart of the running session, null while logged out or locked.
    ChartWorkspace* chart() const;
    // The reception desk of the running session (issue 12): null unless the hub's admin session grants
    // users.manage or cards.manage, and while locked.
    ReceptionWorkspace* reception() const;
    // The administration permissions the hub granted this session (empty: no desk).
    QStringList deskPermissions() const { return m_deskPermissions; }
    // The IT console of the running session (issue 13): null unless the hub's admin session grants terminals.manage
    // or policy.manage, and while locked.
    ItWorkspace* itWorkspace() const;
    AuditorWorkspace* auditorWorkspace() const;
    // Issue 13: the diagnostics page of an IT user's session (terminals.manage), null otherwise and while locked.
    DiagnosticsPage* diagnosticsPage() const;
    TerminalDiagnostics* diagnostics() const { return m_diagnostics.get(); }
    // False after a wipe (DATA-5): the not-enrolled screen replaces the login screen, no card is read for a login.
    bool isEnrolled() const { return m_enrolled; }
    NotEnrolledScreen* notEnrolledScreen() const { return m_notEnrolled; }
    // The step a wipe in progress has reached (Done when none is, or when it has finished).
    TerminalDisposal::Step disposalStep() const { return m_disposalStep; }
    bool hasSigner() const { return m_signer.has_value(); }
    QString signerError() const { return m_signerError; }
    SyncEngine* syncEngine() const { return m_syncEngine; }
    SyncStatus syncStatus() const { return m_syncStatus; }
    // The hub part of the status bar (StatusStrip).
    QLabel* syncStatusLabel() const;
    StatusStrip* statusStrip() const { return m_status; }
    QAction* logoutAction() const { return m_logoutAction; }
    // AUTH-9: the status bar's session menu (the last-login banner again).
    QToolButton* sessionMenuButton() const { return m_sessionMenu; }
    // The hub's answer to the last 「これは私ではない」 report of this session (for tests and the banner).
    bool loginReportDelivered() const { return m_loginReportDelivered; }
    // Argon2id cost for the signing-key wrap and a vault created at first login (tests use a cheap one).
    void setKdf(const Argon2Params& params);

    static QString syncStatusText(const SyncStatus& status);

public slots:
    // Runs a sync cycle now (after a confirm, or from a test); no-op without a hub or session.
    void syncNow();

signals:
    void sessionStarted(const QString& userId);
    void sessionEnded();
    // The hub answered whether this session may use the reception desk (granted or not).
    void deskDecided(bool shown);
    // The same for the IT console (issue 13).
    void itWorkspaceDecided(bool shown);
    void syncStatusChanged(const ward::SyncStatus& status);
    // A wipe went as far as it could now: Done (no longer enrolled), or waiting to deliver its record (Send).
    void disposalProgressed(ward::TerminalDisposal::Step step);

private:
    void keepPassword(const QString& userId, const SecureBytes& password);
    void loggedIn(const UserSession& session);
    void takeOver(const QString& userId, const LoginVerdict& verdict, const SecureBytes& password,
                  const QString& cardReader);
    void beginSession(const UserSession& session, std::shared_ptr<Vault> vault, const LoginVerdict& verdict);
    void signerObtained(quint64 generation);
    void loggedOut(LockReason reason);
    Workspace* makeWorkspace(const UserSession& session);
    void applyHubPolicy();
    void askForDesk();
    void installDesk(ChartWorkspace* workspace);
    void installItWorkspace(ChartWorkspace* workspace);
    void installAuditorWorkspace(ChartWorkspace* workspace);
    void openOfficeWorkspace(ChartWorkspace* workspace);
    // The desk's and the auditor's printer: the default printer, or PDF files in --letter-dir.
    std::function<std::unique_ptr<QPrinter>(const QString&)> printers() const;
    // AUTH-10: the hub ended the desk's (or the IT console's) admin session: idle → lock (the unlock renews it) with
    // `idleMessage` on the lock screen, time limit or a dead token → logout.
    void endDeskSession(const QString& code, const QString& token, const QString& idleMessage);
    // Issue 13: the diagnostics page for a session whose roles grant terminals.manage (the hub's role directory as
    // synced into the vault, so an offline login of IT gets it too).
    void installDiagnostics(ChartWorkspace* workspace);
    // DATA-5: ends the session, then destroys the vault and the enrolment (TerminalDisposal).
    void wipeTerminal(const QString& operatorId, const QString& reason, const TerminalDisposal::Unsent& lost);
    void enterNotEnrolled();
    void resumeDisposal();
    void startSync();
    void stopSync();
    void showSyncStatus(const SyncStatus& status);
    void refreshCensus(bool ok);
    void shipAudit();
    void saveScreenshot(const QString& name);
    void sendLoginReport(const UserSession& session, const QString& note);
    void sendPendingLoginReport();
    QString helpContact() const;
    QString wardName() const;

    TerminalOptions m_options;
    QSslConfiguration m_tls;
    QList<Certificate> m_trustedCas;
    Argon2Params m_kdf;

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ReaderMonitor> m_monitor;
    std::unique_ptr<CardAuthenticator> m_authenticator;
    std::unique_ptr<OfflineLoginBackend> m_offline;
    std::unique_ptr<HubLoginBackend> m_online;
    std::unique_ptr<LoginController> m_login;
    // The lock screen's own backends: unlock and takeover are decided like a login (AUTH-5, SES-5).
    std::unique_ptr<OfflineLoginBackend> m_unlockOffline;
    std::unique_ptr<HubLoginBackend> m_unlockOnline;
    std::unique_ptr<Reauthenticator> m_reauth;
    std::unique_ptr<LockController> m_lock;
    std::unique_ptr<ActivityFilter> m_activity;
    SessionShell* m_shell = nullptr;  // owned by the window
    LoginScreen* m_loginScreen = nullptr;  // owned by the shell
    StatusStrip* m_status = nullptr;       // owned by the status bar
    QAction* m_logoutAction = nullptr;     // owned by the shell
    QToolButton* m_sessionMenu = nullptr;  // owned by the status bar

    // The session's state, dropped at logout.
    std::shared_ptr<Vault> m_vault;
    AccessPolicy m_access;
    std::optional<SigningIdentity> m_signer;
    QString m_signerError;
    QString m_pendingUser;
    SecureBytes m_pendingPassword;  // held only from passwordVerified until the signing key is obtained
    UserSession m_pendingSession;
    QString m_cardReader;           // the reader of the card that logged in (its removal locks, SES-2)
    QString m_sessionToken;         // the hub's token of the running session (online logins only)
    // AUTH-9: a 「これは私ではない」 report the hub has not acknowledged yet (sent again after the next sync).
    QJsonObject m_pendingLoginReport;
    bool m_loginReportDelivered = false;
    QStringList m_deskPermissions;  // issue 12: users.manage / cards.manage granted by the hub's admin session
    QStringList m_itPermissions;    // issue 13: terminals.manage / policy.manage
    bool m_auditor = false;         // issue 14: audit.read
    quint64 m_generation = 0;
    QFutureWatcher<SignerResult> m_signerWatcher;

    std::unique_ptr<TerminalDiagnostics> m_diagnostics;
    std::unique_ptr<TerminalDisposal> m_disposal;
    HubClient* m_disposalClient = nullptr;  // the terminal's client while its disposal record is delivered
    TerminalDisposal::Step m_disposalStep = TerminalDisposal::Step::Done;
    bool m_enrolled = true;
    bool m_diagnosticsOpened = false;
    bool m_auditShipping = false;  // the session's first diagnostics page opens by itself
    NotEnrolledScreen* m_notEnrolled = nullptr;  // owned by the shell

    std::unique_ptr<Vault> m_syncVault;  // sync's own connection (SQLite connections are not shared)
    HubClient* m_hubClient = nullptr;
    SyncEngine* m_syncEngine = nullptr;
    SyncStatus m_syncStatus;
};

} // namespace ward
