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
};

} // namespace ward
