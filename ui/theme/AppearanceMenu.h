#pragma once

#include <QMenu>

class QAction;

namespace ward {

class Theme;

// The View menu of the main window: light or night theme and large text, applied at once and remembered for
// the staff member logged in (issue 11).
class AppearanceMenu : public QMenu
{
    Q_OBJECT

public:
    explicit AppearanceMenu(QWidget* parent = nullptr);

    QAction* lightAction() const { return m_light; }
    QAction* nightAction() const { return m_night; }
    QAction* largeTextAction() const { return m_large; }

private:
    void showTheme(const ward::Theme& theme);

    QAction* m_light;
    QAction* m_night;
    QAction* m_large;
};

} // namespace ward
