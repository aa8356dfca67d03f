#include "ui/MainWindow.h"

#include "ui/theme/AppearanceMenu.h"

#include <QGuiApplication>
#include <QLabel>
#include <QLayout>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QToolBar>

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

void MainWindow::fillScreen(bool kiosk)
{
    QScreen* target = screen() ? screen() : QGuiApplication::primaryScreen();
    // The geometry first: without a window manager (the kiosk X session) nobody else would size the window.
    if (target)
        setGeometry(kiosk ? target->geometry() : target->availableGeometry());
    if (kiosk)
        showFullScreen();
    else
        showMaximized();
}

void MainWindow::setSessionToolBar(QToolBar* bar)
{
    bar->setIconSize(QSize(16, 16));
    bar->setContentsMargins(0, 0, 0, 0);
    bar->layout()->setContentsMargins(0, 0, 0, 0);
    menuBar()->setCornerWidget(bar, Qt::TopRightCorner);
}

} // namespace ward
