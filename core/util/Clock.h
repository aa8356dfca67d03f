#pragma once

#include <QDateTime>
#include <atomic>
#include <memory>

namespace ward {

// The one source of time for everything that makes a security decision: idle locks, password
// expiry, lockout windows, certificate validity, audit timestamps. Tests install a ManualClock.
class Clock
{
public:
    virtual ~Clock() = default;

    // Wall-clock time in UTC (audit entries, expiry dates).
    virtual QDateTime nowUtc() const = 0;
    // Monotonic milliseconds, immune to wall-clock changes (idle timers, delays).
    virtual qint64 monotonicMs() const = 0;

    static Clock& instance();
    // Replaces the process clock; pass nullptr to restore the system clock.
    static void setInstance(std::shared_ptr<Clock> clock);
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;
};

// A clock that only moves when told to: the seam for tests of time-based rules.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;
    void advanceMs(qint64 ms);
    void setNowUtc(const QDateTime& t);

private:
    QDateTime m_now;
    qint64 m_mono = 0;
};

// The system clock moved forward by an offset that can be changed while other threads read it (a hub's workers,
// the terminal's sync thread): the seam for tests of time rules in a process that keeps running on real time.
class OffsetClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;
    void advanceMs(qint64 ms) { m_offsetMs += ms; }
    qint64 offsetMs() const { return m_offsetMs; }

private:
    SystemClock m_system;
    std::atomic<qint64> m_offsetMs{0};
};

} // namespace ward
