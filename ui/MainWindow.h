#pragma once

#include <QMainWindow>

namespace ward {

class AppearanceMenu;

// The ward terminal's top-level window. The title names the product only: never a patient
// (SES-3: the taskbar is visible to everyone on the ward).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    AppearanceMenu* appearanceMenu() const { return m_appearanceMenu; }

private:
    AppearanceMenu* m_appearanceMenu;
};

} // namespace ward
