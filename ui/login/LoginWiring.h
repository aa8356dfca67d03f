#pragma once

#include <QObject>
#include <memory>

class QCommandLineParser;
class QMainWindow;

namespace ward {

class CardAuthenticator;
class HubLoginBackend;
class LoginController;
class OfflineLoginBackend;
class ReaderMonitor;

// Builds the login stack for the application (card monitor, backends, controller, screen) from the
// command line, so main() only wires. Options: --vault DIR, --terminal ID, --hub URL with --tls-cert,
// --tls-key, --tls-ca (PEM files of the terminal's enrolment), --allow-uid-badges. Without --hub, logins are
// offline only.
class LoginWiring : public QObject
{
    Q_OBJECT

public:
    static void addOptions(QCommandLineParser& cli);
    LoginWiring(const QCommandLineParser& cli, QMainWindow* window);
    ~LoginWiring() override;

private:
    std::unique_ptr<ReaderMonitor> m_monitor;
    std::unique_ptr<CardAuthenticator> m_authenticator;
    std::unique_ptr<OfflineLoginBackend> m_offline;
    std::unique_ptr<HubLoginBackend> m_online;
    std::unique_ptr<LoginController> m_controller;
};

} // namespace ward
