#include "hub/HubVersion.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wardhub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WARD_VERSION));
    const QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    if (args.size() >= 2 && (args.at(1) == QLatin1String("--version") || args.at(1) == QLatin1String("version"))) {
        out << ward::hub::versionLine() << Qt::endl;
        return 0;
    }
    QTextStream err(stderr);
    err << "usage: wardhub --version" << Qt::endl;
    return 2;
}
