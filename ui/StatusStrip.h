#pragma once

#include "sync/SyncStatus.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace ward {

class LockController;
class StatusBadge;

// The compact status bar of the terminal (issue 11): hub state, upload queue, clock, user and the time until the
// idle lock. The countdown is read from LockController (the same deadline that locks), the clock from the
// injected Clock; both refresh every second. While no session is active (logged out or locked) the user and
// the countdown are hidden (SES-3: the bar is visible from across the ward). No patient data ever appears here.
class StatusStrip : public QWidget
{
    Q_OBJECT

public:
    explicit StatusStrip(LockController* lock, QWidget* parent = nullptr);

    // Without a hub the hub and queue fields say so; with one they follow SyncEngine's status.
    void setHubConfigured(bool configured);
    void setSyncStatus(const SyncStatus& status);
    void setUser(const QString& displayName);
    // Re-reads the clock and the lock deadline now (the timer does it every second).
    void refresh();

    // Hub and queue are StatusBadges: icon, colour and word (issue 11).
    StatusBadge* hubLabel() const { return m_hub; }
    StatusBadge* queueLabel() const { return m_queue; }
    QLabel* clockLabel() const { return m_clock; }
    QLabel* userLabel() const { return m_user; }
    QLabel* autoLockLabel() const { return m_autoLock; }

    static QString hubText(const SyncStatus& status);
    static QString queueText(const SyncStatus& status);
    static QString autoLockText(qint64 msLeft);

private:
    QPointer<LockController> m_lock;
    StatusBadge* m_hub;
    StatusBadge* m_queue;
    QLabel* m_clock;
    QLabel* m_user;
    QLabel* m_autoLock;
    QTimer m_tick;
    bool m_hubConfigured = false;
};

} // namespace ward
