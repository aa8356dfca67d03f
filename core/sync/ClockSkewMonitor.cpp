#include "sync/ClockSkewMonitor.h"

#include <cstdlib>

namespace ward {

ClockSkewMonitor::ClockSkewMonitor(QObject* parent)
    : QObject(parent)
{
}

void ClockSkewMonitor::observe(const QDateTime& hubTime, const QDateTime& localTime)
{
    if (!hubTime.isValid() || !localTime.isValid())
        return;
    const qint64 skew = localTime.msecsTo(hubTime);
    const bool changed = !m_measured || skew != m_skewMs;
    m_skewMs = skew;
    m_measured = true;
    if (changed)
        emit skewChanged(skew);
    const bool over = std::llabs(skew) > m_thresholdMs;
    if (over && !m_over) {
        m_over = true;
        emit thresholdExceeded(skew);
    } else if (!over && m_over) {
        m_over = false;
        emit backWithinThreshold(skew);
    }
}

} // namespace ward
