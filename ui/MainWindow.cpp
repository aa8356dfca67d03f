#include "ui/MainWindow.h"

#include <QLabel>
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
    QFont f = welcome->font();
    f.setPointSize(f.pointSize() * 2);
    welcome->setFont(f);
    setCentralWidget(welcome);
    statusBar()->showMessage(tr("Version %1").arg(QStringLiteral(WARD_VERSION)));
    resize(1280, 800);
}

} // namespace ward
