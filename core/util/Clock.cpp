#include "util/Clock.h"

#include <QElapsedTimer>
#include <mutex>

namespace ward {

namespace {
std::mutex g_clockMutex;
std::shared_ptr<Clock> g_clock;
}

Clock& Clock::instance()
{
    std::lock_guard<std::mutex> lock(g_clockMutex);
    if (!g_clock)
        g_clock = std::make_shared<SystemClock>();
    return *g_clock;
}

void Clock::setInstance(std::shared_ptr<Clock> clock)
{
    std::lock_guard<std::mutex> lock(g_clockMutex);
    g_clock = std::move(clock);
}

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start))
{
}

QDateTime ManualClock::nowUtc() const
{
    return m_now;
}

qint64 ManualClock::monotonicMs() const
{
    return m_mono;
}

void ManualClock::advanceMs(qint64 ms)
{
    m_mono += ms;
    m_now = m_now.addMSecs(ms);
}

void ManualClock::setNowUtc(const QDateTime& t)
{
    m_now = t;
}

QDateTime OffsetClock::nowUtc() const
{
    return m_system.nowUtc().addMSecs(m_offsetMs);
}

qint64 OffsetClock::monotonicMs() const
{
    return m_system.monotonicMs() + m_offsetMs;
}

} // namespace ward
