#include "ProcessHardening.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/login/LoginWiring.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QScreen>
#include <QTimer>

int main(int argc, char* argv[])
{
    ward::hardenProcess();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("WardStation"));
    QApplication::setOrganizationName(QStringLiteral("WardStation"));
    QApplication::setApplicationVersion(QStringLiteral(WARD_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/wardstation.svg")));
    ward::Language::install(app);

    QCommandLineParser cli;
    cli.addHelpOption();
    cli.addVersionOption();
    // For documentation: grab the real window (under Xvfb) once it is drawn, then quit.
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save a PNG of the window and exit."),
                                        QStringLiteral("file"));
    cli.addOption(screenshot);
    ward::LoginWiring::addOptions(cli);
    cli.process(app);

    ward::MainWindow window;
    // Login first (issue 6); the session shell (lock) replaces this wiring when it lands.
    ward::LoginWiring login(cli, &window);
    window.show();
    if (cli.isSet(screenshot)) {
        const QString file = cli.value(screenshot);
        QTimer::singleShot(1500, &window, [&window, file] {
            const bool ok = window.screen()->grabWindow(window.winId()).save(file);
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return app.exec();
}
