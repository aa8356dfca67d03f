#include "ui/MainWindow.h"

#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
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
    welcome->setProperty("role", QStringLiteral("display"));
    setCentralWidget(welcome);
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

} // namespace ward
