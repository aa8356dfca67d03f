#pragma once

#include <QDateTime>
#include <QObject>

namespace ward {

// AUD-3: every hub answer carries the hub's time; the terminal keeps the difference to its own clock and
// warns when it passes the policy threshold. Warnings fire on the crossing, not on every answer, so a
// terminal that stays skewed does not flood the audit trail; coming back under the threshold re-arms it.
class ClockSkewMonitor : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultThresholdSecs = 60;

    explicit ClockSkewMonitor(QObject* parent = nullptr);

    void setThresholdSecs(int secs) { m_thresholdMs = qint64(secs) * 1000; }
    int thresholdSecs() const { return static_cast<int>(m_thresholdMs / 1000); }
    qint64 skewMs() const { return m_skewMs; }
    bool isOverThreshold() const { return m_over; }
    bool hasMeasurement() const { return m_measured; }

public slots:
    // hubTime - localTime is the skew (positive: this terminal is behind the hub).
    void observe(const QDateTime& hubTime, const QDateTime& localTime);

signals:
    void skewChanged(qint64 skewMs);
    void thresholdExceeded(qint64 skewMs);
    void backWithinThreshold(qint64 skewMs);

private:
    qint64 m_thresholdMs = qint64(kDefaultThresholdSecs) * 1000;
    qint64 m_skewMs = 0;
    bool m_over = false;
    bool m_measured = false;
};

} // namespace ward
