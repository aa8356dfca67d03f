#include "card/ReaderMonitor.h"

#include "card/PcscError.h"
#include "util/Clock.h"

#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>

#include <QThread>
#include <vector>

namespace ward {

namespace {

constexpr char kPnpReader[] = "\\\\?PnP?\\Notification";

struct ReaderState
{
    QByteArray name;
    DWORD state = SCARD_STATE_UNAWARE;
    bool present = false;
};

} // namespace

struct ReaderMonitor::Watch
{
    SCARDCONTEXT context = 0;
    QList<ReaderState> readers;
    bool pnpSupported = true;
};

ReaderMonitor::ReaderMonitor(QObject* parent) : QObject(parent) {}

ReaderMonitor::~ReaderMonitor()
{
    stop();
}

void ReaderMonitor::setHeartbeatIntervalMs(int ms)
{
    m_heartbeatMs = qBound(50, ms, 60000);
}

bool ReaderMonitor::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

QStringList ReaderMonitor::readers() const
{
    QMutexLocker lock(&m_mutex);
    return m_readers;
}

QMap<QString, QByteArray> ReaderMonitor::presentCards() const
{
    QMutexLocker lock(&m_mutex);
    return m_present;
}

void ReaderMonitor::start()
{
    if (isRunning())
        return;
    m_stop = false;
    m_everReported = false;
    heartbeat();
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("ReaderMonitor"));
    m_thread->start();
}

void ReaderMonitor::stop()
{
    if (!m_thread)
        return;
    m_stop = true;
    // SCardCancel only interrupts a wait already in progress; the watcher may be just about to enter one,
    // so keep cancelling until it has gone.
    while (!m_thread->wait(20)) {
        QMutexLocker lock(&m_mutex);
        m_wake.wakeAll();
        if (m_hasContext)
            SCardCancel(static_cast<SCARDCONTEXT>(m_context));
    }
    m_thread.reset();
    QMutexLocker lock(&m_mutex);
    m_readers.clear();
    m_present.clear();
    m_available = false;
}

void ReaderMonitor::heartbeat()
{
    m_lastAlive = Clock::instance().monotonicMs();
}

void ReaderMonitor::sleepInterruptible(int ms)
{
    QMutexLocker lock(&m_mutex);
    if (!m_stop)
        m_wake.wait(&m_mutex, static_cast<unsigned long>(ms));
}

void ReaderMonitor::setAvailable(bool available)
{
    const bool was = m_available.exchange(available);
    const bool first = !m_everReported.exchange(true);
    if (was == available && !first)
        return;
    if (m_stop)
        return;
    if (available)
        emit serviceAvailable();
    else
        emit serviceUnavailable();
}

void ReaderMonitor::forgetEverything()
{
    QStringList gone;
    bool hadReaders = false;
    {
        QMutexLocker lock(&m_mutex);
        gone = m_present.keys();
        hadReaders = !m_readers.isEmpty();
        m_present.clear();
        m_readers.clear();
    }
    if (m_stop)
        return;
    for (const QString& r : gone)
        emit cardRemoved(r);
    if (hadReaders)
        emit readersChanged({});
}

void ReaderMonitor::run()
{
    int backoff = kMinBackoffMs;
    while (!m_stop) {
        heartbeat();
        SCARDCONTEXT ctx = 0;
        const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx);
        if (rv != SCARD_S_SUCCESS) {
            setAvailable(false);
            sleepInterruptible(backoff);
            backoff = qMin(backoff * 2, kMaxBackoffMs);
            continue;
        }
        {
            QMutexLocker lock(&m_mutex);
            m_context = static_cast<long>(ctx);
            m_hasContext = true;
        }
        Watch w;
        w.context = ctx;
        if (!m_stop)
            watch(w);
        {
            QMutexLocker lock(&m_mutex);
            m_hasContext = false;
        }
        SCardReleaseContext(ctx);
        if (m_stop)
            break;
        // The context died under us (pcscd stopped or restarted).
        forgetEverything();
        setAvailable(false);
        sleepInterruptible(kMinBackoffMs);
        backoff = kMinBackoffMs * 2;
    }
}

void ReaderMonitor::watch(Watch& w)
{
    bool relist = true;
    bool announced = false;
    DWORD pnpState = SCARD_STATE_UNAWARE;
    while (!m_stop) {
        if (relist) {
            relist = false;
            DWORD len = 0;
            LONG rv = SCardListReaders(w.context, nullptr, nullptr, &len);
            QStringList names;
            if (rv == SCARD_S_SUCCESS && len > 0) {
                QByteArray buf(static_cast<int>(len), '\0');
                rv = SCardListReaders(w.context, nullptr, buf.data(), &len);
                if (rv == SCARD_S_SUCCESS) {
                    for (const QByteArray& n : buf.left(static_cast<int>(len)).split('\0')) {
                        if (!n.isEmpty())
                            names.append(QString::fromUtf8(n));
                    }
                }
            }
            if (PcscError::isServiceLost(rv) || rv == SCARD_F_COMM_ERROR)
                return;
            if (!announced) {
                announced = true;
                setAvailable(true);
            }
            QList<ReaderState> next;
            QStringList removedWithCard;
            for (const QString& n : names) {
                ReaderState s;
                s.name = n.toUtf8();
                for (const ReaderState& old : w.readers) {
                    if (old.name == s.name)
                        s = old;
                }
                next.append(s);
            }
            for (const ReaderState& old : w.readers) {
                if (old.present && !names.contains(QString::fromUtf8(old.name)))
                    removedWithCard.append(QString::fromUtf8(old.name));
            }
            const bool changed = names != readers();
            w.readers = next;
            {
                QMutexLocker lock(&m_mutex);
                for (const QString& r : removedWithCard)
                    m_present.remove(r);
                m_readers = names;
            }
            for (const QString& r : removedWithCard)
                emit cardRemoved(r);
            if (changed && !m_stop)
                emit readersChanged(names);
        }

        std::vector<SCARD_READERSTATE> states(static_cast<size_t>(w.readers.size()) + (w.pnpSupported ? 1 : 0));
        for (int i = 0; i < w.readers.size(); ++i) {
            states[static_cast<size_t>(i)] = SCARD_READERSTATE{};
            states[static_cast<size_t>(i)].szReader = w.readers[i].name.constData();
            states[static_cast<size_t>(i)].dwCurrentState = w.readers[i].state;
        }
        if (w.pnpSupported) {
            SCARD_READERSTATE& pnp = states.back();
            pnp = SCARD_READERSTATE{};
            pnp.szReader = kPnpReader;
            // pcsc-lite compares the reader count in the high word, so a reader plugged in between two
            // calls is reported at once instead of being missed.
            pnp.dwCurrentState = (pnpState & 0xffff) | (static_cast<DWORD>(w.readers.size()) << 16);
        }
        if (states.empty()) {
            // No readers and no PnP support: poll.
            sleepInterruptible(m_heartbeatMs);
            heartbeat();
            relist = true;
            continue;
        }
        const LONG rv = SCardGetStatusChange(w.context, static_cast<DWORD>(m_heartbeatMs), states.data(),
                                             static_cast<DWORD>(states.size()));
        heartbeat();
        if (m_stop)
            return;
        if (rv == SCARD_E_TIMEOUT || rv == SCARD_E_CANCELLED)
            continue;
        if (PcscError::isServiceLost(rv) || rv == SCARD_F_COMM_ERROR)
            return;
        if (rv == SCARD_E_UNKNOWN_READER || rv == SCARD_E_READER_UNAVAILABLE) {
            relist = true;
            continue;
        }
        if (rv != SCARD_S_SUCCESS) {
            // Unknown failure: do not spin, relist after a pause.
            sleepInterruptible(kMinBackoffMs);
            relist = true;
            continue;
        }
        if (w.pnpSupported) {
            const DWORD ev = states.back().dwEventState;
            if (ev & SCARD_STATE_UNKNOWN) {
                w.pnpSupported = false;
            } else if (ev & SCARD_STATE_CHANGED) {
                pnpState = ev & ~SCARD_STATE_CHANGED;
                relist = true;
            }
        }
        for (int i = 0; i < w.readers.size(); ++i) {
            const SCARD_READERSTATE& st = states[static_cast<size_t>(i)];
            ReaderState& known = w.readers[i];
            const DWORD ev = st.dwEventState;
            if (!(ev & SCARD_STATE_CHANGED))
                continue;
            if (ev & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) {
                relist = true;
                continue;
            }
            const bool present = (ev & SCARD_STATE_PRESENT) != 0;
            // pcsc-lite counts card events in the high word: a card pulled and put back between two calls
            // still shows up as a removal followed by an insertion (another person's card, perhaps).
            const bool swapped = known.present && present && (ev >> 16) != (known.state >> 16);
            const QString name = QString::fromUtf8(known.name);
            if (known.present && (!present || swapped)) {
                {
                    QMutexLocker lock(&m_mutex);
                    m_present.remove(name);
                }
                emit cardRemoved(name);
            }
            if (present && (!known.present || swapped)) {
                const QByteArray atr(reinterpret_cast<const char*>(st.rgbAtr), static_cast<int>(st.cbAtr));
                {
                    QMutexLocker lock(&m_mutex);
                    m_present.insert(name, atr);
                }
                emit cardInserted(name, atr);
            }
            known.present = present;
            known.state = ev & ~SCARD_STATE_CHANGED;
        }
    }
}

} // namespace ward
