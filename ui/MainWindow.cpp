#include "ui/MainWindow.h"

#include "ui/theme/AppearanceMenu.h"

#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

namespace ward {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("WardStation"));
    auto* welcome = new QLabel(tr("Present your staff card to begin."), this);
    welcome->setObjectName(QStringLiteral("welcomeLabel"));
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setProperty("textStyle", QStringLiteral("heading"));
    setCentralWidget(welcome);
    // Issue 11: theme and text size are one menu away for whoever stands at the terminal.
    m_appearanceMenu = new AppearanceMenu(this);
    menuBar()->addMenu(m_appearanceMenu);
    statusBar()->showMessage(tr("Version %1").arg(QStringLiteral(WARD_VERSION)));
    resize(1280, 800);
}

} // namespace ward
