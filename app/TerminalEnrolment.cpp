#include "TerminalEnrolment.h"

#include "sync/Enrolment.h"
#include "sync/SyncError.h"
#include "sync/TerminalIdentity.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QHostInfo>
#include <QTextStream>

#include <cstring>

namespace ward {

bool TerminalEnrolment::requested(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--enrol") == 0)
            return true;
    return false;
}

int TerminalEnrolment::run(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser cli;
    cli.addOption({QStringLiteral("enrol"), QStringLiteral("Enrol this terminal with a hub, then exit.")});
    cli.addOption({QStringLiteral("hub"), QStringLiteral("Hub base URL."), QStringLiteral("url")});
    cli.addOption({QStringLiteral("code"), QStringLiteral("One-time code from `wardhub enrol-code`."), QStringLiteral("code")});
    cli.addOption({QStringLiteral("hub-ca-fingerprint"),
                   QStringLiteral("SHA-256 fingerprint of the hub CA, as `wardhub init` printed it."), QStringLiteral("hex")});
    cli.addOption({QStringLiteral("data-dir"), QStringLiteral("Terminal data directory."), QStringLiteral("dir")});
    cli.addOption({QStringLiteral("terminal"), QStringLiteral("Terminal name shown at the hub (default: the host name)."), QStringLiteral("name")});
    if (!cli.parse(arguments)) {
        err << "wardstation --enrol: " << cli.errorText() << Qt::endl;
        return 2;
    }
    const QUrl hub(cli.value(QStringLiteral("hub")));
    const QString code = cli.value(QStringLiteral("code"));
    const QString fingerprint = cli.value(QStringLiteral("hub-ca-fingerprint"));
    const QString dataDir = cli.value(QStringLiteral("data-dir"));
    if (!hub.isValid() || hub.isEmpty() || code.isEmpty() || fingerprint.isEmpty() || dataDir.isEmpty()) {
        err << "usage: wardstation --enrol --hub URL --code CODE --hub-ca-fingerprint HEX --data-dir DIR [--terminal NAME]"
            << Qt::endl;
        return 2;
    }
    if (TerminalIdentity::exists(dataDir)) {
        err << "wardstation --enrol: " << dataDir << " is already enrolled (" << TerminalIdentity::directory(dataDir)
            << "); use another --data-dir or remove it first" << Qt::endl;
        return 1;
    }
    Enrolment enrolment(dataDir);
    QEventLoop loop;
    int rc = 1;
    QObject::connect(&enrolment, &Enrolment::hubCaPresented, [&](const Certificate&, const QString& presented) {
        out << "hub CA fingerprint (SHA-256): " << presented << Qt::endl;
    });
    QObject::connect(&enrolment, &Enrolment::enrolled, [&](const QString& terminalId, const QString& ward) {
        out << "enrolled: terminal " << terminalId << " in ward " << ward << " at " << hub.toString() << Qt::endl
            << "identity stored in " << TerminalIdentity::directory(dataDir) << Qt::endl;
        rc = 0;
        loop.quit();
    });
    QObject::connect(&enrolment, &Enrolment::failed, [&](const SyncError& e) {
        err << "enrolment refused (" << SyncError::kindName(e.kind()) << "): " << e.message() << Qt::endl;
        if (e.kind() == SyncError::Kind::CaMismatch)
            err << "the hub presented a CA that does not match --hub-ca-fingerprint: nothing was sent" << Qt::endl;
        rc = 1;
        loop.quit();
    });
    // The name IT sees in the terminals list: the host name unless IT gave one (the hub refuses an empty name).
    const QString name = cli.isSet(QStringLiteral("terminal")) ? cli.value(QStringLiteral("terminal"))
                                                                : QHostInfo::localHostName().left(64);
    QMetaObject::invokeMethod(&enrolment, [&] { enrolment.enrol(hub, code, name, fingerprint); }, Qt::QueuedConnection);
    loop.exec();
    return rc;
}

} // namespace ward
