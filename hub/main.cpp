#include "hub/HubCommandLine.h"

#include <QCoreApplication>
#include <QTextStream>

#include <sys/prctl.h>
#include <sys/resource.h>

int main(int argc, char* argv[])
{
    // Keys (CA, master key, data keys) live in this process: no core dumps, no ptrace by other users.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wardhub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WARD_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return ward::hub::HubCommandLine(out, err).run(QCoreApplication::arguments());
}
