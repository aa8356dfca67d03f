#include "ui/login/LoginWiring.h"

#include "card/CardAuthenticator.h"
#include "card/ReaderMonitor.h"
#include "session/HubLoginBackend.h"
#include "session/LoginController.h"
#include "session/OfflineAccountCache.h"
#include "session/OfflineLoginBackend.h"
#include "ui/login/LoginScreen.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QLabel>
#include <QMainWindow>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>

namespace ward {

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void LoginWiring::addOptions(QCommandLineParser& cli)
{
    cli.addOption({QStringLiteral("vault"), QStringLiteral("Vault directory."), QStringLiteral("dir")});
    cli.addOption({QStringLiteral("terminal"), QStringLiteral("Terminal ID."), QStringLiteral("id")});
    cli.addOption({QStringLiteral("hub"), QStringLiteral("Hub base URL (https://host:port)."), QStringLiteral("url")});
    cli.addOption({QStringLiteral("tls-cert"), QStringLiteral("Terminal certificate (PEM)."), QStringLiteral("file")});
    cli.addOption({QStringLiteral("tls-key"), QStringLiteral("Terminal private key (PEM)."), QStringLiteral("file")});
    cli.addOption({QStringLiteral("tls-ca"), QStringLiteral("Hub CA certificate (PEM)."), QStringLiteral("file")});
    cli.addOption({QStringLiteral("allow-uid-badges"),
                   QStringLiteral("Hospital policy: UID badges (no chip key) may log in.")});
}

LoginWiring::LoginWiring(const QCommandLineParser& cli, QMainWindow* window)
    : QObject(nullptr)  // lives on main()'s stack, beside the window
{
    const QString vaultDir = cli.isSet(QStringLiteral("vault"))
                                 ? cli.value(QStringLiteral("vault"))
                                 : QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                       .filePath(QStringLiteral("vault"));
    const QString terminal = cli.isSet(QStringLiteral("terminal")) ? cli.value(QStringLiteral("terminal"))
                                                                   : QHostInfo::localHostName();
    OfflineAccountCache cache(OfflineAccountCache::pathFor(vaultDir));
    cache.load();
    LoginController::Config config;
    config.terminalId = terminal;
    config.allowUidBadges = cache.allowUidBadges || cli.isSet(QStringLiteral("allow-uid-badges"));
    config.uidBindings = cache.uidBindings;
    config.policy = cache.policy;

    m_offline = std::make_unique<OfflineLoginBackend>(vaultDir, terminal);
    if (cli.isSet(QStringLiteral("hub"))) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(readFile(cli.value(QStringLiteral("tls-cert")))));
        tls.setPrivateKey(QSslKey(readFile(cli.value(QStringLiteral("tls-key"))), QSsl::Ec));
        tls.setCaCertificates(QSslCertificate::fromData(readFile(cli.value(QStringLiteral("tls-ca")))));
        m_online = std::make_unique<HubLoginBackend>(QUrl(cli.value(QStringLiteral("hub"))), tls, vaultDir, terminal);
    }
    m_controller = std::make_unique<LoginController>(m_online.get(), m_offline.get(), config);
    m_monitor = std::make_unique<ReaderMonitor>();
    m_authenticator = std::make_unique<CardAuthenticator>();
    m_controller->attachCardStack(m_monitor.get(), m_authenticator.get());
    m_monitor->start();

    auto* screen = new LoginScreen(m_controller.get(), window);
    window->setCentralWidget(screen);
    connect(screen, &LoginScreen::loggedIn, window, [window](const UserSession& session) {
        // Placeholder until the session shell (branch lock) takes over after login.
        auto* done = new QLabel(LoginScreen::lastLoginSummary(session), window);
        done->setObjectName(QStringLiteral("sessionSummary"));
        done->setAlignment(Qt::AlignCenter);
        done->setWordWrap(true);
        // Not deleted inside its own signal: the screen goes once control is back in the event loop.
        if (QWidget* old = window->takeCentralWidget())
            old->deleteLater();
        window->setCentralWidget(done);
    });
}

LoginWiring::~LoginWiring()
{
    if (m_monitor)
        m_monitor->stop();
}

} // namespace ward
