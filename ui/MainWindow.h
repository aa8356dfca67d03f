#pragma once

#include <QMainWindow>

namespace ward {

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
};

} // namespace ward
