#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QWidget;

namespace ward {

// While the terminal is locked, checks again and again that no patient data survived the lock (SES-3):
// no Workspace object anywhere under the application's windows, and no item model with rows outside the
// lock screen, and no visible window besides the lock screen's. A finding means the lock did not do what
// it must, so the shell ends the session (fail closed).
class LockWatchdog : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 1000;

    explicit LockWatchdog(QObject* parent = nullptr);

    void setIntervalMs(int ms) { m_timer.setInterval(ms); }
    // `allowed`: the lock screen, whose own widgets may hold what they like (no patient data by design).
    void start(QWidget* allowed);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // Class and object names of what was found (never its contents: no patient data in logs).
    static QStringList scan(const QWidget* allowed);

public slots:
    // Runs one scan now; emits sessionDataFound() when anything is found.
    bool check();

signals:
    void sessionDataFound(const QStringList& findings);

private:
    QTimer m_timer;
    QPointer<QWidget> m_allowed;
};

} // namespace ward
