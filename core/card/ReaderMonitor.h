#pragma once

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QWaitCondition>
#include <atomic>
#include <memory>

class QThread;

namespace ward {

// Watches every PC/SC reader for card insertion and removal with SCardGetStatusChange on its own thread,
// so the UI thread never blocks on the card stack (SES-2: pulling the card must lock at once, and
// contactless taps must not be missed between polls).
//
// Signals are emitted from the watcher thread; connections to objects in other threads are queued.
// When pcscd stops or restarts, the watcher reports serviceUnavailable(), reports every card it knew as
// removed (it can no longer vouch for them: fail closed), and re-establishes its context with backoff
// (100 ms doubling to 2 s); once the service is back it reports serviceAvailable() and the cards it sees.
class ReaderMonitor : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMinBackoffMs = 100;
    static constexpr int kMaxBackoffMs = 2000;

    explicit ReaderMonitor(QObject* parent = nullptr);
    ~ReaderMonitor() override;

    // How long one SCardGetStatusChange may block: the heartbeat period a watchdog can rely on.
    void setHeartbeatIntervalMs(int ms);
    int heartbeatIntervalMs() const { return m_heartbeatMs; }

    void start();
    // Returns promptly: the blocking wait is cancelled with SCardCancel. No signals follow it.
    void stop();
    bool isRunning() const;

    bool isServiceAvailable() const { return m_available.load(); }
    QStringList readers() const;
    // Reader name -> ATR of the cards present now.
    QMap<QString, QByteArray> presentCards() const;
    // Clock::instance().monotonicMs() when the watcher thread last came back from PC/SC. A watchdog that
    // sees this lag far behind heartbeatIntervalMs() knows the watcher is stuck and must fail closed.
    qint64 lastAliveMs() const { return m_lastAlive.load(); }

signals:
    void readersChanged(const QStringList& readers);
    void cardInserted(const QString& reader, const QByteArray& atr);
    void cardRemoved(const QString& reader);
    void serviceAvailable();
    void serviceUnavailable();

private:
    struct Watch;
    void run();
    // Returns when the context is no longer usable or stop was requested.
    void watch(Watch& w);
    void heartbeat();
    void setAvailable(bool available);
    void forgetEverything();
    void sleepInterruptible(int ms);

    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_available{false};
    std::atomic<bool> m_everReported{false};
    std::atomic<qint64> m_lastAlive{0};
    int m_heartbeatMs = 1000;

    mutable QMutex m_mutex;  // guards everything below
    QWaitCondition m_wake;
    long m_context = 0;
    bool m_hasContext = false;
    QStringList m_readers;
    QMap<QString, QByteArray> m_present;
};

} // namespace ward
