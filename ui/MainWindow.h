#pragma once

#include <QMainWindow>

class QToolBar;

namespace ward {

class AppearanceMenu;

// The ward terminal's top-level window. The title names the product only: never a patient
// (SES-3: the taskbar is visible to everyone on the ward).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Issue 11: the window covers its screen — the whole screen in kiosk mode (full screen, no frame), else the
    // screen's available area (maximised) — so no band of desktop is left at 1280×800, 1366×768 or 1920×1080.
    void fillScreen(bool kiosk);
    // The session's tool bar (lock, log out) shares the menu bar's row, at its right end: one row of chrome
    // instead of two leaves the 温度板 its room on a 768-pixel-high screen (issue 11).
    void setSessionToolBar(QToolBar* bar);
    AppearanceMenu* appearanceMenu() const { return m_appearanceMenu; }

private:
    AppearanceMenu* m_appearanceMenu;
};

} // namespace ward
