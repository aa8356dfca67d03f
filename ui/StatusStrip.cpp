#include "ui/StatusStrip.h"

#include "session/LockController.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/ThemeProperty.h"
#include "util/Clock.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace ward {

namespace {

QLabel* field(QWidget* parent, const char* name, const QString& accessibleName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setAccessibleName(accessibleName);
    return label;
}

} // namespace

StatusStrip::StatusStrip(LockController* lock, QWidget* parent) : QWidget(parent), m_lock(lock)
{
    setObjectName(QStringLiteral("statusStrip"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(16);
    m_hub = new StatusBadge(this);
    m_hub->setObjectName(QStringLiteral("hubState"));
    m_queue = new StatusBadge(this);
    m_queue->setObjectName(QStringLiteral("uploadQueue"));
    m_user = field(this, "sessionUser", tr("User"));
    m_autoLock = field(this, "autoLockIn", tr("Auto-lock"));
    m_clock = field(this, "clock", tr("Clock"));
    // The hub's state on the left, the person's session and the time on the right.
    row->addWidget(m_hub);
    row->addWidget(m_queue);
    row->addStretch(1);
    for (QLabel* l : {m_user, m_autoLock, m_clock})
        row->addWidget(l);
    setHubConfigured(false);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &StatusStrip::refresh);
    m_tick.start();
    if (lock) {
        // Locking hides the session fields at once, not at the next tick.
        connect(lock, &LockController::lockRequested, this, &StatusStrip::refresh);
        connect(lock, &LockController::logoutRequested, this, &StatusStrip::refresh);
        connect(lock, &LockController::warningChanged, this, &StatusStrip::refresh);
    }
    refresh();
}

void StatusStrip::setHubConfigured(bool configured)
{
    m_hubConfigured = configured;
    if (!configured) {
        m_hub->setStatus(StatusTone::Neutral, IconName::HubOffline, tr("Hub: not configured (offline only)"));
        m_queue->clearStatus();
    } else {
        setSyncStatus(SyncStatus());
    }
}

void StatusStrip::setSyncStatus(const SyncStatus& status)
{
    if (!m_hubConfigured)
        return;
    // Hub state as icon, colour and words; the queue beside it, pending while anything waits.
    StatusTone tone = StatusTone::Ok;
    IconName icon = IconName::HubOnline;
    if (status.clockSkewWarning) {
        tone = StatusTone::Danger;
        icon = IconName::Warning;
    } else if (status.hubStorageFull) {
        tone = StatusTone::Warning;
        icon = IconName::Warning;
    } else if (!status.online) {
        tone = StatusTone::Warning;
        icon = IconName::HubOffline;
    }
    m_hub->setStatus(tone, icon, hubText(status));
    m_queue->setStatus(status.queueLength > 0 ? StatusTone::Pending : StatusTone::Ok,
                       status.queueLength > 0 ? IconName::Syncing : IconName::Ok, queueText(status));
}

void StatusStrip::setUser(const QString& displayName)
{
    m_user->setText(displayName);
    refresh();
}

void StatusStrip::refresh()
{
    const QDateTime now = Clock::instance().nowUtc().toLocalTime();
    m_clock->setText(QLocale().toString(now, tr("M/d (ddd) HH:mm")));
    const qint64 left = m_lock ? m_lock->msUntilIdleLock() : -1;
    const bool active = left >= 0 && !m_user->text().isEmpty();
    m_user->setVisible(active);
    m_autoLock->setVisible(active);
    if (active) {
        m_autoLock->setText(autoLockText(left));
        ThemeProperty::setTextStyle(m_autoLock, m_lock->warningSecondsLeft() > 0 ? QStringLiteral("strong") : QString());
    }
}

QString StatusStrip::hubText(const SyncStatus& status)
{
    // Text only and no patient data: the status bar is readable from across the ward.
    QStringList parts;
    parts << (status.online ? tr("Hub: online") : tr("Hub: offline"));
    // Issue 14: the hub's disk is full; records and audit entries wait here and go once IT has freed space. Said in
    // place of the last sync, so the strip still fits the smallest screen.
    if (status.hubStorageFull)
        parts << tr("hub storage full: data kept here, call IT");
    else if (status.lastSuccessfulSync.isValid())
        parts << tr("last sync %1")
                     .arg(QLocale().toString(status.lastSuccessfulSync.toLocalTime(), QLocale::ShortFormat));
    else
        parts << tr("not synced yet");
    if (status.clockSkewWarning)
        parts << tr("clock differs from the hub by %1 s: call IT").arg(status.clockSkewMs / 1000);
    return parts.join(QStringLiteral(" · "));
}

QString StatusStrip::queueText(const SyncStatus& status)
{
    return tr("%n record(s) waiting", nullptr, int(qMin<qint64>(status.queueLength, 1 << 30)));
}

QString StatusStrip::autoLockText(qint64 msLeft)
{
    const qint64 seconds = (msLeft + 999) / 1000;
    return tr("Auto-lock in %1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace ward
