#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ward {

class ChangeReason;
class StatusBadge;

// Issue 13: asks why before a terminal is revoked and says what follows: the hub refuses the terminal's next
// request, its vault's network slot is never released again, and it must be enrolled anew with a fresh code. The
// reason goes to the hub's audit with the person's name.
class RevokeTerminalPage : public QWidget
{
    Q_OBJECT

public:
    explicit RevokeTerminalPage(QWidget* parent = nullptr);

    // `isThisTerminal`: the console runs on the terminal to be revoked (this session loses the hub too).
    void ask(const QJsonObject& terminal, bool isThisTerminal);
    void setBusy(bool busy);

    QLineEdit* reason() const;
    QLabel* consequence() const { return m_consequence; }
    QPushButton* confirmButton() const { return m_confirm; }

signals:
    void confirmed(const QString& terminalId, const QString& reason);
    void cancelled();

private:
    void validate();
    void submit();

    QJsonObject m_terminal;
    bool m_busy = false;
    StatusBadge* m_title;
    QLabel* m_consequence;
    ChangeReason* m_reason;
    QPushButton* m_confirm;
};

} // namespace ward
