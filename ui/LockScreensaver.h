#pragma once

#include <QWidget>

class QLabel;

namespace ward {

// What a locked terminal becomes after the policy's delay (default 2 min): a dark screen with only a clock and
// the ward's name drifting slowly across it (kPixelsPerSecond, bouncing at the edges) so nothing burns in
// (there is nothing of the session here at all: not even who locked it). Any key, mouse
// movement, touch or card wakes the lock screen (the shell forwards card events).
//
// Object names: "lockScreensaver", "screensaverClock", "screensaverWard". Property "role" = "screensaver": the
// theme's stylesheet paints it with the night palette in every theme.
class LockScreensaver : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kPixelsPerSecond = 4;

    explicit LockScreensaver(QWidget* parent = nullptr);

    void setWardName(const QString& name);
    // Re-reads the injected clock: the time shown and the position (the lock screen's timer calls it).
    void tick();
    QLabel* clockLabel() const { return m_clock; }
    QLabel* wardLabel() const { return m_ward; }
    QPoint contentPosition() const;

signals:
    void woken();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void place();

    QWidget* m_content;
    QLabel* m_clock;
    QLabel* m_ward;
    qint64 m_shownAtMs = 0;
};

} // namespace ward
