#include "ProcessHardening.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    ward::hardenProcess();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("WardStation"));
    QApplication::setOrganizationName(QStringLiteral("WardStation"));
    QApplication::setApplicationVersion(QStringLiteral(WARD_VERSION));
    ward::Language::install(app);

    ward::MainWindow window;
    window.show();
    return app.exec();
}
