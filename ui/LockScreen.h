#pragma once

#include "crypto/SecureBytes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace ward {

// What the locked terminal shows: the time, "Locked", who locked it (if policy allows) and the unlock
// prompt. It holds no patient data and no item model, so the shell's watchdog can treat anything with
// rows outside it as a leak (SES-3). Unlocking always needs the card *and* the password.
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(QWidget* parent = nullptr);

    // `lockedBy` empty: policy hides who locked the terminal.
    void showLocked(const QString& lockedBy);
    void setCardPresent(bool present);
    void showMessage(const QString& message);
    void setBusy(bool busy);
    void reset();

    QLineEdit* passwordField() const { return m_password; }
    QPushButton* unlockButton() const { return m_unlock; }
    QLabel* clockLabel() const { return m_clock; }
    QLabel* lockedByLabel() const { return m_lockedBy; }
    QLabel* messageLabel() const { return m_message; }

public slots:
    void submit();

signals:
    // The password, already out of the line edit (which is cleared). The shell checks it with the card.
    void unlockRequested(const ward::SecureBytes& password);

private:
    void updateClock();

    QLabel* m_clock;
    QLabel* m_title;
    QLabel* m_lockedBy;
    QLabel* m_cardHint;
    QLabel* m_message;
    QLineEdit* m_password;
    QPushButton* m_unlock;
    QTimer* m_clockTimer;
    bool m_cardPresent = false;
    bool m_busy = false;
};

} // namespace ward
