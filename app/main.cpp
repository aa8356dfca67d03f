#include "ProcessHardening.h"
#include "Terminal.h"
#include "TerminalEnrolment.h"
#include "TerminalOptions.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/TouchTargets.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>
#include <QScreen>
#include <QTimer>

#include <cstdio>

int main(int argc, char* argv[])
{
    ward::hardenProcess();
    // Answered without a display (package checks, IT over SSH).
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) {
            std::printf("wardstation %s\n", WARD_VERSION);
            return 0;
        }
    if (ward::TerminalEnrolment::requested(argc, argv)) {
        // IT's enrolment runs without a display (scripts, SSH).
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("WardStation"));
        return ward::TerminalEnrolment::run(QCoreApplication::arguments());
    }
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
    cli.addOption({QStringLiteral("enrol"), QStringLiteral("Enrol this terminal with a hub, then exit (see --hub, --code, "
                                                           "--hub-ca-fingerprint, --data-dir).")});
    cli.addOption({QStringLiteral("code"), QStringLiteral("Enrolment code."), QStringLiteral("code")});
    cli.addOption({QStringLiteral("hub-ca-fingerprint"), QStringLiteral("Hub CA fingerprint."), QStringLiteral("hex")});
    ward::TerminalOptions::addOptions(cli);
    cli.process(app);

    ward::TerminalOptions options;
    QString error;
    if (!ward::TerminalOptions::fromCommandLine(cli, &options, &error)) {
        qCritical("wardstation: %s", qPrintable(error));
        return 2;
    }
    ward::TouchTargets::setForced(options.touch);
    ward::TouchTargets::install();
    ward::Terminal terminal(options);
    terminal.start();
    if (cli.isSet(screenshot)) {
        const QString file = cli.value(screenshot);
        ward::MainWindow* window = terminal.window();
        QTimer::singleShot(1500, window, [window, file] {
            const bool ok = window->screen()->grabWindow(window->winId()).save(file);
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return app.exec();
}
