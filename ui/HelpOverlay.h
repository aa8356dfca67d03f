#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

class QAction;
class QLabel;

namespace ward {

// F1: help for the screen in front of the person, drawn over it (no window of its own, so a lock closes
// nothing and leaves nothing behind). At the login and lock screens a short page on what to do with a lost
// card, a forgotten, locked or expired password and whom to call (the hospital's contact from the hub policy
// "help.contact"); in the ward and the chart the keyboard shortcuts, read from the window's QActions at the
// moment it opens, so a shortcut added anywhere appears without editing a list. Esc, F1 or "Close" closes it.
//
// Object names: "helpOverlay", "helpTitle", "helpBody", "closeHelpButton".
class HelpOverlay : public QWidget
{
    Q_OBJECT

public:
    explicit HelpOverlay(QWidget* parent);

    void showLoginHelp(const QString& contact);
    void showLockHelp(const QString& contact);
    void showShortcuts(const QWidget* window);
    QString title() const;
    QString body() const;

    // Texts (rich text), public for tests and documentation.
    static QString loginHelpText(const QString& contact);
    static QString lockHelpText(const QString& contact);
    // (action text without mnemonics, shortcut in the platform's notation) for every enabled action of `window`
    // with a shortcut, sorted by text; one entry per text.
    static QList<QPair<QString, QString>> shortcutsOf(const QWidget* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void present(const QString& title, const QString& body);

    QLabel* m_title;
    QLabel* m_body;
};

} // namespace ward
