#include "Terminal.h"

#include "HubStaffCertificateIssuer.h"
#include "TerminalWipe.h"
#include "auth/PasswordPolicy.h"
#include "card/CardAuthenticator.h"
#include "card/ReaderMonitor.h"
#include "crypto/KeyPair.h"
#include "diagnostics/TerminalDiagnostics.h"
#include "exports/ExportPolicy.h"
#include "session/HubLoginBackend.h"
#include "session/LockController.h"
#include "session/LockPolicy.h"
#include "session/LoginController.h"
#include "session/OfflineAccountCache.h"
#include "session/OfflineLoginBackend.h"
#include "session/Reauthenticator.h"
#include "sync/AuditShipment.h"
#include "sync/HubClient.h"
#include "sync/HubReplica.h"
#include "sync/SyncEngine.h"
#include "sync/TerminalIdentity.h"
#include "ui/ActivityFilter.h"
#include "ui/MainWindow.h"
#include "ui/LastLoginBanner.h"
#include "ui/LockScreen.h"
#include "ui/SessionShell.h"
#include "ui/StatusStrip.h"
#include "ui/chart/ChartWorkspace.h"
#include "ui/chart/PatientChart.h"
#include "ui/chart/WardView.h"
#include "ui/it/DiagnosticsPage.h"
#include "ui/login/LoginScreen.h"
#include "ui/audit/AuditorWorkspace.h"
#include "ui/it/ItWorkspace.h"
#include "ui/login/NotEnrolledScreen.h"
#include "ui/reception/ReceptionAccess.h"
#include "ui/reception/ReceptionWorkspace.h"
#include "ui/theme/Appearance.h"
#include "ui/theme/AppearancePreferences.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeIcon.h"
#include "vault/Vault.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScreen>
#include <QSslKey>
#include <QStatusBar>
#include <QTimer>
#include <QMenu>
#include <QPrinter>
#include <QPrinterInfo>
#include <QToolBar>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

namespace ward {

Terminal::Terminal(TerminalOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_access(AccessPolicy::defaultPolicy())
{
    qRegisterMetaType<ward::SyncStatus>("ward::SyncStatus");
    if (m_options.hasHub()) {
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setLocalCertificate(QSslCertificate(m_options.tlsCertPem));
        m_tls.setPrivateKey(QSslKey(m_options.tlsKeyPem.toQByteArrayUnsafe(), QSsl::Ec));
        m_tls.setCaCertificates(QSslCertificate::fromData(m_options.hubCaPem));
    }
    // DATA-3: signatures verify against the hub's CA (the staff CA); records are stamped by its TSA.
    if (const auto ca = Certificate::fromPem(m_options.hubCaPem))
        m_trustedCas << *ca;

    OfflineAccountCache cache(OfflineAccountCache::pathFor(m_options.vaultDir));
    cache.load();
    LoginController::Config config;
    config.terminalId = m_options.terminalId;
    config.allowUidBadges = cache.allowUidBadges;
    config.uidBindings = cache.uidBindings;
    config.policy = cache.policy;

    m_offline = std::make_unique<OfflineLoginBackend>(m_options.vaultDir, m_options.terminalId);
    if (m_options.hasHub())
        m_online = std::make_unique<HubLoginBackend>(m_options.hubUrl, m_tls, m_options.vaultDir, m_options.terminalId);
    m_login = std::make_unique<LoginController>(m_online.get(), m_offline.get(), config);
    m_unlockOffline = std::make_unique<OfflineLoginBackend>(m_options.vaultDir, m_options.terminalId);
    if (m_options.hasHub())
        m_unlockOnline =
            std::make_unique<HubLoginBackend>(m_options.hubUrl, m_tls, m_options.vaultDir, m_options.terminalId);
    m_reauth = std::make_unique<Reauthenticator>(m_unlockOnline.get(), m_unlockOffline.get());
    m_monitor = std::make_unique<ReaderMonitor>();
    m_authenticator = std::make_unique<CardAuthenticator>();
    m_login->attachCardStack(m_monitor.get(), m_authenticator.get());
    m_lock = std::make_unique<LockController>(LockPolicy());
    m_activity = std::make_unique<ActivityFilter>(m_lock.get());

    // Issue 11: the look last chosen on this terminal until someone logs in, then that person's.
    Appearance::instance()->setPreferences(
        std::make_unique<AppearancePreferences>(AppearancePreferences::pathFor(m_options.vaultDir)));
    m_window = std::make_unique<MainWindow>();
    m_shell = new SessionShell(m_lock.get(), [this](const UserSession& s) { return makeWorkspace(s); });
    m_window->setCentralWidget(m_shell);
    m_loginScreen = new LoginScreen(m_login.get());
    m_shell->setLoginWidget(m_loginScreen);
    m_shell->attachReaderMonitor(m_monitor.get());
    m_shell->setReauthenticator(m_reauth.get());
    m_shell->setCardUserResolver([this](const CardIdentity& card) { return m_login->userFor(card); });
    m_shell->setTakeOverHandler([this](const QString& userId, const LoginVerdict& verdict, const SecureBytes& password,
                                       const QString& reader) { takeOver(userId, verdict, password, reader); });
    // Logging out is a session action beside Lock (the shell disables both while locked, SES-3).
    m_logoutAction = new QAction(tr("Log out"), m_shell);
    m_logoutAction->setObjectName(QStringLiteral("logoutAction"));
    m_logoutAction->setToolTip(tr("End the session; drafts are kept for your next login"));
    m_logoutAction->setIcon(ThemeIcon::icon(IconName::LogOut));
    if (auto* bar = m_shell->findChild<QToolBar*>(QStringLiteral("sessionToolBar"))) {
        bar->addAction(m_logoutAction);
        m_window->setSessionToolBar(bar);
    }
    connect(m_logoutAction, &QAction::triggered, m_shell, [this] { m_shell->logout(LockReason::UserLogout); });
    // AUTH-9: the last-login banner stays reachable from the status bar's session menu.
    m_sessionMenu = new QToolButton(m_window->statusBar());
    m_sessionMenu->setObjectName(QStringLiteral("sessionMenuButton"));
    m_sessionMenu->setText(tr("Session"));
    m_sessionMenu->setPopupMode(QToolButton::InstantPopup);
    auto* sessionMenu = new QMenu(m_sessionMenu);
    sessionMenu->addAction(m_shell->lastLoginAction());
    sessionMenu->addAction(m_shell->helpAction());
    m_sessionMenu->setMenu(sessionMenu);
    // Left of the status strip, as a permanent item: QStatusBar's temporary area is hidden behind a stretching
    // permanent widget and by every showMessage().
    m_window->statusBar()->addPermanentWidget(m_sessionMenu);
    m_shell->setHelpContactSource([this] { return helpContact(); });
    connect(m_shell, &SessionShell::loginReportRequested, this, &Terminal::sendLoginReport);
    // Issue 11: one compact status bar — hub, queue, clock, user, time to the idle lock.
    m_status = new StatusStrip(m_lock.get(), m_window->statusBar());
    m_status->setHubConfigured(m_options.hasHub());
    m_window->statusBar()->addPermanentWidget(m_status, 1);

    // The reader of the card being used to log in: its removal is what locks the session (SES-2).
    connect(m_monitor.get(), &ReaderMonitor::cardInserted, this, [this](const QString& reader) {
        if (m_shell->state() == SessionShell::State::LoggedOut)
            m_cardReader = reader;
    });
    connect(m_login.get(), &LoginController::passwordVerified, this, &Terminal::keepPassword);
    connect(m_login.get(), &LoginController::loggedIn, this, &Terminal::loggedIn);
    connect(m_shell, &SessionShell::loggedOut, this, &Terminal::loggedOut);
    // An online unlock is a card + password login at the hub: its token carries the session on, so the reception
    // desk comes back with a fresh admin session after a lock (AUTH-10); the hard limit still counts from the login
    // (LockController).
    connect(m_shell, &SessionShell::reauthenticated, this, [this](const LoginVerdict& verdict) {
        if (verdict.online && !verdict.token.isEmpty() && m_shell->state() != SessionShell::State::LoggedOut)
            m_sessionToken = verdict.token;
    });
    connect(&m_signerWatcher, &QFutureWatcher<SignerResult>::finished, this,
            [this] { signerObtained(m_signerWatcher.property("generation").toULongLong()); });

    m_diagnostics = std::make_unique<TerminalDiagnostics>();
    m_diagnostics->attachReaderMonitor(m_monitor.get());
    // DATA-5: a wipe stopped by a power loss is finished before anything opens the vault; a wiped terminal whose
    // enrolment is gone stays "not enrolled".
    if (TerminalDisposal::isPending(m_options.vaultDir)) {
        enterNotEnrolled();
        resumeDisposal();
    } else if (!m_options.dataDir.isEmpty() && !TerminalIdentity::exists(m_options.dataDir)
               && QFileInfo::exists(Vault::disposalPath(m_options.vaultDir)) && !Vault::exists(m_options.vaultDir)) {
        enterNotEnrolled();
    }
}

Terminal::~Terminal()
{
    ++m_generation;
    m_signerWatcher.waitForFinished();
    // The disposal's client goes before the disposal whose answer it would carry.
    delete m_disposalClient;
    m_disposalClient = nullptr;
    if (m_shell && m_shell->state() != SessionShell::State::LoggedOut)
        m_shell->logout(LockReason::UserLogout);
    stopSync();
    m_diagnostics.reset();
    if (m_monitor)
        m_monitor->stop();
    m_shell = nullptr;
    m_window.reset();
}

void Terminal::setKdf(const Argon2Params& params)
{
    m_kdf = params;
    if (m_online)
        m_online->setVaultKdf(params);
    if (m_unlockOnline)
        m_unlockOnline->setVaultKdf(params);
}

void Terminal::start()
{
    m_activity->install();
    m_monitor->start();
    m_window->fillScreen(m_options.kiosk);
    if (!m_options.screenshotDir.isEmpty())
        QTimer::singleShot(1500, this, [this] { saveScreenshot(QStringLiteral("login.png")); });
}

ChartWorkspace* Terminal::chart() const
{
    return qobject_cast<ChartWorkspace*>(m_shell->workspace());
}

void Terminal::keepPassword(const QString& userId, const SecureBytes& password)
{
    m_pendingUser = userId;
    m_pendingPassword = password;
}

void Terminal::loggedIn(const UserSession& session)
{
    if (!m_login->vault() || session.userId != m_pendingUser || m_shell->state() != SessionShell::State::LoggedOut) {
        // A login without its vault or its password cannot start a session safely: back to the card.
        m_pendingPassword.clear();
        m_login->reset();
        return;
    }
    // A card-less session (one-time code, emergency account) has no card whose removal ends it: the reader of a card
    // seen earlier is not this session's.
    if (session.cardlessFallback || session.emergency)
        m_cardReader.clear();
    beginSession(session, m_login->vault(), m_login->lastVerdict());
}

void Terminal::takeOver(const QString& userId, const LoginVerdict& verdict, const SecureBytes& password,
                        const QString& cardReader)
{
    // SES-5: the shell has ended the locked session (loggedOut ran); the new user's session starts like one
    // that began at the login screen, on the vault connection the decision opened with their slot.
    if (!verdict.vault || m_shell->state() != SessionShell::State::LoggedOut) {
        m_login->reset();
        return;
    }
    m_cardReader = cardReader;
    m_pendingUser = userId;
    m_pendingPassword = password;
    beginSession(verdict.sessionFor(userId, m_options.terminalId), verdict.vault, verdict);
}

void Terminal::beginSession(const UserSession& session, std::shared_ptr<Vault> vault, const LoginVerdict& verdict)
{
    m_vault = std::move(vault);
    m_sessionToken = verdict.online ? verdict.token : QString();
    m_pendingLoginReport = QJsonObject();
    m_loginReportDelivered = false;
    m_pendingSession = session;
    m_pendingSession.vault = m_vault.get();
    applyHubPolicy();
    m_window->statusBar()->showMessage(tr("Preparing your signing key…"));

    // DATA-3: unwrap the stored signing key, or certify a new one at the hub, while the password is held.
    // Argon2id and the hub round trip run off the UI thread, on a vault connection of their own.
    const QString dir = m_options.vaultDir;
    const QString terminal = m_options.terminalId;
    const SecureBytes key = m_vault->key();
    const QString userId = session.userId;
    const SecureBytes password = m_pendingPassword;
    m_pendingPassword.clear();
    const Argon2Params kdf = m_kdf;
    const SigningIdentity::Issuer issuer =
        HubStaffCertificateIssuer(m_options.hubUrl, m_tls, verdict.token).asIssuer();
    // Online, the hub names the certificate it still honours; a stored key revoked there is replaced (issue 10).
    const std::optional<QString> liveSerial = verdict.online && !verdict.token.isEmpty()
                                                  ? std::optional<QString>(verdict.liveCertificateSerial)
                                                  : std::nullopt;
    m_signerWatcher.setProperty("generation", QVariant::fromValue(++m_generation));
    m_signerWatcher.setFuture(QtConcurrent::run([dir, terminal, key, userId, password, kdf, issuer, liveSerial] {
        SignerResult result;
        try {
            auto vault = Vault::openWithKey(dir, terminal, key);
            result.identity = SigningIdentity::obtainAfterLogin(*vault, userId, password, issuer, kdf, liveSerial);
        } catch (const SigningError& e) {
            result.error = e.message();
        } catch (const std::exception& e) {
            result.error = QString::fromUtf8(e.what());
        }
        return result;
    }));
}

void Terminal::signerObtained(quint64 generation)
{
    if (generation != m_generation || !m_vault)
        return;
    SignerResult result = m_signerWatcher.result();
    m_signer = std::move(result.identity);
    m_signerError = result.error;
    m_window->statusBar()->clearMessage();
    if (!m_signer)
        // The chart still opens (reading needs no key); confirming explains that signing is unavailable.
        qWarning("signing key unavailable for this session: %s", qPrintable(m_signerError));
    startSync();
    Appearance::instance()->setStaffId(m_pendingSession.userId);
    m_shell->startSession(m_pendingSession, m_cardReader);
    if (m_shell->state() != SessionShell::State::Active) {
        Appearance::instance()->setStaffId(QString());
        return;
    }
    m_status->setUser(m_pendingSession.displayName);
    installDiagnostics(chart());
    askForDesk();
    emit sessionStarted(m_pendingSession.userId);
    if (!m_options.screenshotDir.isEmpty())
        QTimer::singleShot(2000, this, [this] { saveScreenshot(QStringLiteral("ward.png")); });
}

void Terminal::loggedOut(LockReason reason)
{
    ++m_generation;
    stopSync();
    m_signer.reset();
    m_signerError.clear();
    m_pendingSession = UserSession();
    m_pendingPassword.clear();
    m_sessionToken.clear();
    m_deskPermissions.clear();
    m_itPermissions.clear();
    m_auditor = false;
    m_diagnosticsOpened = false;
    m_pendingLoginReport = QJsonObject();
    m_access = AccessPolicy::defaultPolicy();
    Appearance::instance()->setStaffId(QString());
    // A takeover starts the next session at once: the login screen stays out of it (LoggedIn) until that
    // session ends, but the first session's vault is let go now.
    if (reason == LockReason::TakenOver)
        m_login->releaseVault();
    else
        m_login->reset();
    m_vault.reset();
    m_status->setUser(QString());
    emit sessionEnded();
}

Workspace* Terminal::makeWorkspace(const UserSession& session)
{
    if (!m_vault)
        return nullptr;
    auto* workspace = new ChartWorkspace(session, *m_vault, m_access, m_signer, m_trustedCas,
                                         SignatureVerifier::timestampCheckFor(m_trustedCas));
    // After an unlock the desk and the IT console come back with the workspace (the hub's answer is kept for the session).
    installDesk(workspace);
    installItWorkspace(workspace);
    installAuditorWorkspace(workspace);
    openOfficeWorkspace(workspace);
    installDiagnostics(workspace);
    if (!m_options.screenshotDir.isEmpty()) {
        // Documentation: the chart as a user first opens one.
        auto* poll = new QTimer(workspace);
        connect(poll, &QTimer::timeout, workspace, [this, workspace, poll] {
            if (workspace->chart() && workspace->chart()->isVisible()) {
                poll->stop();
                QTimer::singleShot(1500, this, [this] { saveScreenshot(QStringLiteral("chart.png")); });
            }
        });
        poll->start(500);
    }
    return workspace;
}

DiagnosticsPage* Terminal::diagnosticsPage() const
{
    return m_shell->workspace() ? m_shell->workspace()->findChild<DiagnosticsPage*>() : nullptr;
}

void Terminal::installDiagnostics(ChartWorkspace* workspace)
{
    if (!workspace || !m_vault || workspace->findChild<DiagnosticsPage*>())
        return;
    if (!HubReplica(m_vault->database()).permissionsOf(m_pendingSession.roles).contains(QStringLiteral("terminals.manage")))
        return;
    TerminalWipe::Session wipeSession{m_options.vaultDir, m_options.terminalId, m_pendingSession.userId, m_vault.get(),
                                      m_syncVault.get(), m_syncEngine, m_hubClient, m_kdf,
                                      // Read when IT confirms: an unlock may have brought a fresh token since (AUTH-5 at the hub).
                                      [this] { return m_sessionToken; }};
    const QString operatorId = m_pendingSession.userId;
    auto* wipe = new TerminalWipe(wipeSession, [this, operatorId](const QString& reason, const TerminalDisposal::Unsent& lost) {
        // Queued: the session, and the page that asked, end inside the wipe.
        QTimer::singleShot(0, this, [this, operatorId, reason, lost] { wipeTerminal(operatorId, reason, lost); });
    });
    auto* page = new DiagnosticsPage(
        *m_diagnostics,
        [this] {
            TerminalDiagnostics::Setup setup;
            setup.vaultDir = m_options.vaultDir;
            setup.terminalId = m_options.terminalId;
            setup.terminalCertificatePem = m_options.tlsCertPem;
            setup.hubCaPem = m_options.hubCaPem;
            setup.vaultKey = m_vault ? m_vault->key() : SecureBytes();
            setup.hub = m_hubClient;
            setup.programVersion = QStringLiteral(WARD_VERSION);
            if (m_syncEngine)
                setup.clockSkewThresholdSecs = m_syncEngine->clockSkew().thresholdSecs();
            return setup;
        },
        wipe);
    // The handler lives with the page: deleted with the workspace at lock or logout (SES-3).
    wipe->setParent(page);
    QAction* action = workspace->addPage(page, tr("Diagnostics"), IconName::Info, QKeySequence(Qt::ALT | Qt::Key_D));
    // An IT user logs in to look at the terminal: the page opens at once (the census stays one click away); after an
    // unlock the workspace comes back as it was left.
    if (m_diagnosticsOpened)
        return;
    m_diagnosticsOpened = true;
    action->trigger();
    m_vault->audit().append(m_pendingSession.userId, QStringLiteral("diagnostics.open"), QString(), m_options.terminalId,
                                QStringLiteral("success"));
}

void Terminal::wipeTerminal(const QString& operatorId, const QString& reason, const TerminalDisposal::Unsent& lost)
{
    if (!m_vault || m_shell->state() == SessionShell::State::LoggedOut)
        return;
    // Every connection to the vault is closed before its files are overwritten: the session's, sync's, the login's.
    m_shell->logout(LockReason::UserLogout);
    m_login->reset();
    m_vault.reset();
    m_disposal = std::make_unique<TerminalDisposal>(m_options.vaultDir, m_options.dataDir, m_options.terminalId);
    try {
        m_disposal->begin(operatorId, reason, lost);
    } catch (const std::exception& e) {
        qWarning("the wipe could not start: %s", e.what());
        m_disposal.reset();
        return;
    }
    enterNotEnrolled();
    resumeDisposal();
}

void Terminal::enterNotEnrolled()
{
    if (!m_enrolled)
        return;
    m_enrolled = false;
    m_disposalStep = TerminalDisposal::pendingStep(m_options.vaultDir);
    // No login on a terminal without a vault or enrolment: the card stack no longer drives the login controller.
    disconnect(m_monitor.get(), nullptr, m_login.get(), nullptr);
    m_login->reset();
    m_notEnrolled = new NotEnrolledScreen;
    m_shell->setLoginWidget(m_notEnrolled);
    m_loginScreen = nullptr;
    m_status->setHubConfigured(false);
}

void Terminal::resumeDisposal()
{
    if (!m_disposal)
        m_disposal = std::make_unique<TerminalDisposal>(m_options.vaultDir, m_options.dataDir, m_options.terminalId);
    if (!m_disposalClient && m_options.hasHub() && !m_trustedCas.isEmpty()) {
        const auto cert = Certificate::fromPem(m_options.tlsCertPem);
        const auto key = KeyPair::fromPrivatePem(m_options.tlsKeyPem);
        if (cert && key) {
            m_disposalClient = new HubClient(m_options.hubUrl, m_trustedCas.first(), this);
            m_disposalClient->setClientIdentity(*cert, *key);
        }
    }
    m_notEnrolled->setDisposalNotice(tr("Wiping the terminal…"));
    m_disposal->resume(m_disposalClient, [this](const TerminalDisposal::Outcome& outcome) {
        m_disposalStep = outcome.step;
        if (m_notEnrolled)
            m_notEnrolled->setDisposalNotice(outcome.step == TerminalDisposal::Step::Done
                                                 ? tr("The terminal was wiped and its disposal record reached the hub.")
                                                 : outcome.message);
        if (outcome.step == TerminalDisposal::Step::Done) {
            // The enrolment is gone: nothing more is said to the hub with its certificate.
            m_options.hubUrl = QUrl();
            m_options.tlsKeyPem.clear();
            if (m_disposalClient)
                m_disposalClient->deleteLater();
            m_disposalClient = nullptr;
        }
        emit disposalProgressed(outcome.step);
    });
}

ReceptionWorkspace* Terminal::reception() const
{
    return m_shell->workspace() ? m_shell->workspace()->findChild<ReceptionWorkspace*>() : nullptr;
}

void Terminal::askForDesk()
{
    // Issue 12: the hub decides who sees the desk (the roles table holds the permissions); a nurse's session
    // is answered permission_denied, a one-time-code session card_session_required, and neither gets a desk.
    // Issue 13: the same answer decides the IT console.
    if (!m_hubClient) {
        emit deskDecided(false);
        emit itWorkspaceDecided(false);
        return;
    }
    const quint64 generation = m_generation;
    const QStringList desk{QStringLiteral("users.manage"), QStringLiteral("cards.manage")};
    const QStringList it{QStringLiteral("terminals.manage"), QStringLiteral("policy.manage")};
    ReceptionAccess::ask(
        *m_hubClient, m_sessionToken,
        [this, generation, desk](const QStringList& granted) {
            if (generation != m_generation)
                return;
            m_deskPermissions.clear();
            m_itPermissions.clear();
            // Issue 14: audit.read opens the auditor's workspace.
            m_auditor = granted.contains(QStringLiteral("audit.read"));
            for (const QString& p : granted)
                if (p != QLatin1String("audit.read"))
                    (desk.contains(p) ? m_deskPermissions : m_itPermissions) << p;
            if (!granted.isEmpty()) {
                // AUTH-10: an admin session is a privileged session here too: the shorter idle lock, the hard limit.
                m_lock->markPrivileged();
                installDesk(chart());
                installItWorkspace(chart());
                installAuditorWorkspace(chart());
                openOfficeWorkspace(chart());
            }
            emit deskDecided(!m_deskPermissions.isEmpty());
            emit itWorkspaceDecided(!m_itPermissions.isEmpty());
        },
        desk + it + QStringList{QStringLiteral("audit.read")});
}

ItWorkspace* Terminal::itWorkspace() const
{
    return m_shell->workspace() ? m_shell->workspace()->findChild<ItWorkspace*>() : nullptr;
}

void Terminal::installItWorkspace(ChartWorkspace* workspace)
{
    if (!workspace || m_itPermissions.isEmpty() || !m_hubClient || workspace->findChild<ItWorkspace*>())
        return;
    auto* console = new ItWorkspace(*m_hubClient, m_sessionToken, m_itPermissions, m_options.terminalId);
    workspace->addPage(console, tr("IT"), IconName::HubOnline, QKeySequence(Qt::ALT | Qt::Key_I));
    // Queued: the lock or logout deletes the console, which must not happen inside its own hub answer.
    connect(console, &ItWorkspace::adminSessionEnded, this,
            [this, token = m_sessionToken](const QString& code) {
                endDeskSession(code, token,
                               tr("The IT console was idle too long (privileged session). Unlock with your card and "
                                  "password to continue."));
            },
            Qt::QueuedConnection);
}

void Terminal::openOfficeWorkspace(ChartWorkspace* workspace)
{
    // A clerk, IT person or auditor reads no records: the session opens on their own workspace, not on a census
    // they cannot open.
    if (!workspace || workspace->service().policy().readsAnyRecord(workspace->service().user().roles))
        return;
    QWidget* own = workspace->findChild<ReceptionWorkspace*>();
    if (!own)
        own = workspace->findChild<ItWorkspace*>();
    if (!own)
        own = workspace->findChild<AuditorWorkspace*>();
    if (own)
        workspace->showPage(own);
}

AuditorWorkspace* Terminal::auditorWorkspace() const
{
    return m_shell->workspace() ? m_shell->workspace()->findChild<AuditorWorkspace*>() : nullptr;
}

void Terminal::installAuditorWorkspace(ChartWorkspace* workspace)
{
    if (!workspace || !m_auditor || !m_hubClient || workspace->findChild<AuditorWorkspace*>())
        return;
    auto* audit = new AuditorWorkspace(*m_hubClient, m_sessionToken, printers());
    workspace->addPage(audit, tr("Audit"), IconName::History, QKeySequence(Qt::ALT | Qt::Key_A));
    // Queued: the lock or logout deletes the workspace, which must not happen inside its own hub answer.
    connect(audit, &AuditorWorkspace::adminSessionEnded, this,
            [this, token = m_sessionToken](const QString& code) {
                endDeskSession(code, token,
                               tr("The auditor's workspace was idle too long (privileged session). Unlock with your card "
                                  "and password to continue."));
            },
            Qt::QueuedConnection);
}

std::function<std::unique_ptr<QPrinter>(const QString&)> Terminal::printers() const
{
    // The terminal's default printer, or PDF files in --letter-dir (a secure printer that takes files); a desk with
    // neither cannot issue passwords, an auditor can still export CSV.
    const QString letterDir = m_options.letterDir;
    return [letterDir](const QString& documentName) -> std::unique_ptr<QPrinter> {
        if (!letterDir.isEmpty()) {
            auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
            printer->setOutputFormat(QPrinter::PdfFormat);
            printer->setDocName(documentName);
            const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
            QString name = documentName.left(40);
            name.replace(QRegularExpression(QStringLiteral("[^\\w-]+")), QStringLiteral("_"));
            printer->setOutputFileName(QDir(letterDir).filePath(QStringLiteral("%1-%2.pdf").arg(stamp, name)));
            return printer;
        }
        const QPrinterInfo info = QPrinterInfo::defaultPrinter();
        if (info.isNull())
            return nullptr;
        auto printer = std::make_unique<QPrinter>(info, QPrinter::HighResolution);
        printer->setDocName(documentName);
        return printer;
    };
}

void Terminal::installDesk(ChartWorkspace* workspace)
{
    if (!workspace || m_deskPermissions.isEmpty() || !m_hubClient || !m_vault || workspace->findChild<ReceptionWorkspace*>())
        return;
    ReceptionSetup setup;
    const HubReplica replica(m_vault->database());
    setup.roles = replica.directoryIds(QStringLiteral("role"));
    setup.wards = replica.directoryIds(QStringLiteral("ward"));
    // A freshly enrolled desk has no directory until its first sync: the desk comes with the first cycle
    // (refreshCensus) rather than as a registration form with nothing to choose.
    if (setup.roles.isEmpty() || setup.wards.isEmpty())
        return;
    if (const auto policy = replica.currentPolicy()) {
        PasswordPolicy password;
        if (PasswordPolicy::fromJson(policy->value(QStringLiteral("password")).toObject(), &password, nullptr))
            setup.temporaryPasswordValidHours = password.temporaryPasswordValidHours;
    }
    setup.helpContact = helpContact();
    // Cards are issued from the desk's other reader: the one holding the clerk's own card is never read (SES-2).
    setup.readers = m_monitor.get();
    setup.sessionReader = m_cardReader;
    setup.printer = printers();
    const QString user = m_pendingSession.userId;
    Vault* vault = m_vault.get();
    setup.audit = [vault, user](const QString& action, const QJsonObject& detail) {
        try {
            vault->audit().append(user, action, QString(), detail.value(QStringLiteral("userId")).toString(),
                                  QStringLiteral("success"), detail);
        } catch (const std::exception& e) {
            qWarning("reception audit entry not written: %s", e.what());
        }
    };
    auto* desk = new ReceptionWorkspace(*m_hubClient, m_sessionToken, m_deskPermissions, setup);
    workspace->addPage(desk, tr("Reception"), IconName::User, QKeySequence(Qt::ALT | Qt::Key_R));
    // Queued: the lock or logout deletes the desk, which must not happen inside its own hub answer.
    connect(desk, &ReceptionWorkspace::adminSessionEnded, this,
            [this, token = m_sessionToken](const QString& code) {
                endDeskSession(code, token,
                               tr("The reception desk was idle too long (privileged session). Unlock with your card and "
                                  "password to continue."));
            },
            Qt::QueuedConnection);
}

void Terminal::endDeskSession(const QString& code, const QString& token, const QString& idleMessage)
{
    // Only for the session (and token) the desk was refused with: an unlock may have brought a fresh one since.
    if (token != m_sessionToken || m_shell->state() != SessionShell::State::Active)
        return;
    if (code == QLatin1String("admin_session_idle")) {
        // Idle at the hub (AUTH-10): the card + password of an unlock is the new login the desk needs, so the
        // session locks and the person comes back to it, desk included, on the unlock's fresh token.
        m_lock->lockNow(LockReason::AdminIdle);
        m_shell->lockScreen()->showMessage(idleMessage);
        return;
    }
    // Past the hard limit, or the hub no longer honours the session at all: only a new login helps.
    m_shell->logout(code == QLatin1String("admin_session_expired") ? LockReason::TimeLimit : LockReason::HubSessionEnded);
}

void Terminal::applyHubPolicy()
{
    // The hub's newest policy as the last sync stored it; the shipped defaults until one arrived. A section
    // that does not parse is ignored as a whole (a bad push must not disable locking or widen access).
    const auto policy = HubReplica(m_vault->database()).currentPolicy();
    LockPolicy lock;
    AccessPolicy access = AccessPolicy::defaultPolicy();
    if (policy) {
        QString error;
        LockPolicy pushed;
        if (policy->contains(QStringLiteral("session"))
            && LockPolicy::fromJson(policy->value(QStringLiteral("session")).toObject(), &pushed, &error))
            lock = pushed;
        else if (policy->contains(QStringLiteral("session")))
            qWarning("hub session policy ignored: %s", qPrintable(error));
        if (policy->contains(QStringLiteral("access"))) {
            const QByteArray json = QJsonDocument(policy->value(QStringLiteral("access")).toObject()).toJson();
            if (auto parsed = AccessPolicy::fromJson(json, &error))
                access = *parsed;
            else
                qWarning("hub access policy ignored: %s", qPrintable(error));
        }
    }
    m_lock->setPolicy(lock);
    m_access = access;
    m_shell->lockScreen()->setWardName(wardName());
}

QString Terminal::wardName() const
{
    if (m_options.ward.isEmpty())
        return QString();
    if (m_vault) {
        const auto ward = HubReplica(m_vault->database()).directoryItem(QStringLiteral("ward"), m_options.ward);
        if (ward && !ward->value(QStringLiteral("name")).toString().isEmpty())
            return ward->value(QStringLiteral("name")).toString();
    }
    return m_options.ward;
}

QString Terminal::helpContact() const
{
    // The newest policy the vault holds, else what the last online login left in the login cache (the login
    // screen's help needs it before any vault is open).
    if (m_vault) {
        if (const auto policy = HubReplica(m_vault->database()).currentPolicy()) {
            const QString contact =
                policy->value(QStringLiteral("help")).toObject().value(QStringLiteral("contact")).toString().trimmed();
            if (!contact.isEmpty())
                return contact.left(OfflineAccountCache::kMaxHelpContactLength);
        }
    }
    OfflineAccountCache cache(OfflineAccountCache::pathFor(m_options.vaultDir));
    return cache.load() ? cache.helpContact : QString();
}

void Terminal::sendLoginReport(const UserSession& session, const QString& note)
{
    // AUTH-9: the report is first a fact in this terminal's own chain, then an entry in the hub's audit for IT.
    QJsonObject body{{QStringLiteral("previousLoginAt"),
                      session.previousLoginAt.isValid() ? session.previousLoginAt.toUTC().toString(Qt::ISODateWithMs)
                                                        : QString()},
                     {QStringLiteral("previousLoginTerminal"), session.previousLoginTerminal},
                     {QStringLiteral("failedAttempts"), session.failedAttemptsSincePreviousLogin}};
    if (!note.isEmpty())
        body.insert(QStringLiteral("note"), note.left(LastLoginBanner::kMaxNoteLength));
    if (m_vault) {
        try {
            QJsonObject detail = body;
            detail.remove(QStringLiteral("note"));  // free text stays out of the terminal's chain
            detail.insert(QStringLiteral("review"), true);
            m_vault->audit().append(session.userId, QStringLiteral("login.not-me"), QString(), QString(),
                                    QStringLiteral("success"), detail);
        } catch (const std::exception& e) {
            qWarning("login report not audited on the terminal: %s", e.what());
        }
    }
    m_pendingLoginReport = body;
    sendPendingLoginReport();
}

void Terminal::sendPendingLoginReport()
{
    if (m_pendingLoginReport.isEmpty())
        return;
    const QString contact = helpContact();
    const QString callIt = contact.isEmpty() ? tr("Tell IT or your ward manager now.")
                                             : tr("Tell IT now: %1").arg(contact);
    if (!m_hubClient || m_sessionToken.isEmpty()) {
        m_shell->lastLoginBanner()->showReportResult(
            false, tr("The hub cannot be reached: the report is kept on this terminal and sent when it is back. %1")
                       .arg(callIt));
        return;
    }
    const quint64 generation = m_generation;
    m_hubClient->postJson(QStringLiteral("/api/v1/login-report"), m_pendingLoginReport, m_sessionToken,
                          [this, generation, callIt](const HubReply& reply) {
                              if (generation != m_generation)
                                  return;
                              if (reply.ok()) {
                                  m_pendingLoginReport = QJsonObject();
                                  m_loginReportDelivered = true;
                                  m_shell->lastLoginBanner()->showReportResult(
                                      true, tr("Report received by the hub and recorded for IT. Change your password "
                                               "soon."));
                              } else {
                                  m_shell->lastLoginBanner()->showReportResult(
                                      false, tr("The report could not be delivered yet (%1); it is sent again after "
                                                "the next sync. %2")
                                                 .arg(reply.error.message(), callIt));
                              }
                          });
}

void Terminal::startSync()
{
    if (!m_options.hasHub() || !m_vault || m_syncEngine)
        return;
    const auto cert = Certificate::fromPem(m_options.tlsCertPem);
    const auto key = KeyPair::fromPrivatePem(m_options.tlsKeyPem);
    if (m_trustedCas.isEmpty() || !cert || !key) {
        showSyncStatus(SyncStatus());
        return;
    }
    try {
        m_syncVault = Vault::openWithKey(m_options.vaultDir, m_options.terminalId, m_vault->key());
    } catch (const std::exception& e) {
        qWarning("sync disabled for this session: %s", e.what());
        return;
    }
    // The engine and its client live on the UI thread, with their own vault connection; the network is
    // asynchronous, only storing a pulled page runs here. (A sync thread is the plan, see the report.)
    m_hubClient = new HubClient(m_options.hubUrl, m_trustedCas.first(), this);
    m_hubClient->setClientIdentity(*cert, *key);
    m_syncEngine = new SyncEngine(*m_syncVault, *m_hubClient, this);
    m_syncEngine->setPollIntervalMs(m_options.syncIntervalSeconds * 1000);
    connect(m_syncEngine, &SyncEngine::statusChanged, this, &Terminal::showSyncStatus);
    connect(m_syncEngine, &SyncEngine::cycleFinished, this, &Terminal::refreshCensus);
    // A push answered or a pull stored: the open chart's badges and sync states follow without reopening it.
    connect(m_syncEngine, &SyncEngine::recordsChanged, this, [this](const QStringList& patientIds) {
        if (ChartWorkspace* workspace = chart())
            workspace->recordsChanged(patientIds);
    });
    m_syncEngine->start();
}

void Terminal::stopSync()
{
    m_auditShipping = false;
    if (!m_syncEngine)
        return;
    m_syncEngine->stop();
    delete m_syncEngine;
    m_syncEngine = nullptr;
    delete m_hubClient;
    m_hubClient = nullptr;
    m_syncVault.reset();
    m_syncStatus = SyncStatus();
    m_status->setSyncStatus(m_syncStatus);
}

void Terminal::shipAudit()
{
    // AUD-1/AUD-2: the audit chain follows each successful sync to the hub, so little of it is ever only here (what
    // is would be lost with a wipe, DATA-5). One shipment at a time, on sync's own vault connection.
    if (m_auditShipping || !m_syncVault || !m_hubClient)
        return;
    m_auditShipping = true;
    const quint64 generation = m_generation;
    AuditShipment::ship(*m_syncVault, *m_hubClient, [this, generation](qint64 unsent, const SyncError& error) {
        if (generation != m_generation)
            return;
        m_auditShipping = false;
        if (!error.message().isEmpty())
            qWarning("audit chain not shipped (%lld entries wait): %s", static_cast<long long>(unsent), qPrintable(error.message()));
    });
}

void Terminal::refreshCensus(bool ok)
{
    // SyncEngine::statusChanged is not emitted when only the cycle's own fields (online, last sync) change:
    // read the status at the end of every cycle.
    if (m_syncEngine)
        showSyncStatus(m_syncEngine->status());
    if (ok) {
        sendPendingLoginReport();
        shipAudit();
        // A desk granted before this terminal's first sync waited for the hub's roles and wards.
        installDesk(chart());
        // DATA-4: where prints and exports may go, as the newest policy says.
        if (ChartWorkspace* workspace = chart(); workspace && m_vault)
            workspace->setExportPolicy(ExportPolicy::fromPolicy(HubReplica(m_vault->database()).currentPolicy().value_or(QJsonObject())));
        installDiagnostics(chart());
    }
    // Patients pulled by sync appear in the census without a click, but only while the user looks at the
    // plain census: an open chart or a search is never pulled out from under them.
    ChartWorkspace* workspace = chart();
    if (!ok || !workspace || workspace->chart())
        return;
    const auto* search = workspace->findChild<QLineEdit*>(QStringLiteral("patientSearch"));
    if (search && search->text().trimmed().isEmpty())
        workspace->wardView()->showCensus(ChartService::CensusReader::Sync);
}

void Terminal::syncNow()
{
    if (m_syncEngine)
        m_syncEngine->syncNow();
}

void Terminal::showSyncStatus(const SyncStatus& status)
{
    m_syncStatus = status;
    m_status->setSyncStatus(status);
    emit syncStatusChanged(status);
}

QLabel* Terminal::syncStatusLabel() const
{
    return m_status->hubLabel();
}

QString Terminal::syncStatusText(const SyncStatus& status)
{
    return StatusStrip::hubText(status) + QStringLiteral(" · ") + StatusStrip::queueText(status);
}

void Terminal::saveScreenshot(const QString& name)
{
    QDir().mkpath(m_options.screenshotDir);
    const QString path = QDir(m_options.screenshotDir).filePath(name);
    QPixmap shot;
    if (QScreen* screen = m_window->screen())
        shot = screen->grabWindow(m_window->winId());
    if (shot.isNull())
        shot = m_window->grab();
    if (!shot.save(path))
        qWarning("screenshot %s not saved", qPrintable(path));
}

} // namespace ward
