#pragma once

#include "crypto/SecureBytes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedLayout;
class QTimer;

namespace ward {

class LockScreensaver;

// What the locked terminal shows: the time, "Locked", who locked it (if policy allows) and the unlock
// prompt. It holds no patient data and no item model, so the shell's watchdog can treat anything with
// rows outside it as a leak (SES-3). Unlocking always needs the card *and* the password.
// After the policy's screensaver delay without input (default 2 min, by the injected clock) it turns into
// LockScreensaver (dark, a drifting clock and the ward name, not even who locked it); any key, mouse movement or
// card wakes it.
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

    // 0 turns the screensaver off.
    void setScreensaverDelayMs(qint64 ms) { m_screensaverDelayMs = ms; }
    qint64 screensaverDelayMs() const { return m_screensaverDelayMs; }
    void setWardName(const QString& name);
    bool isScreensaverActive() const;
    LockScreensaver* screensaver() const { return m_saver; }

    QLineEdit* passwordField() const { return m_password; }
    QPushButton* unlockButton() const { return m_unlock; }
    QLabel* clockLabel() const { return m_clock; }
    QLabel* lockedByLabel() const { return m_lockedBy; }
    QLabel* messageLabel() const { return m_message; }

public slots:
    void submit();
    // Back from the screensaver to the lock screen (input, a card); restarts the delay.
    void wake();
    // The 1 s timer: the clock and the screensaver delay (tests with a ManualClock call it directly).
    void tick();

signals:
    // The password, already out of the line edit (which is cleared). The shell checks it with the card.
    void unlockRequested(const ward::SecureBytes& password);
    // The screensaver came up (true) or went away: the shell hides the rest of the window meanwhile.
    void screensaverChanged(bool active);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateClock();
    void noteInput();

    QLabel* m_clock;
    QLabel* m_title;
    QLabel* m_lockedBy;
    QLabel* m_cardHint;
    QLabel* m_message;
    QLineEdit* m_password;
    QPushButton* m_unlock;
    QTimer* m_clockTimer;
    QWidget* m_face;
    LockScreensaver* m_saver;
    QStackedLayout* m_layers;
    qint64 m_screensaverDelayMs = 2 * 60 * 1000;
    qint64 m_lastInputMs = 0;
    bool m_cardPresent = false;
    bool m_busy = false;
};

} // namespace ward
