#pragma once

#include "hub/HubConfig.h"
#include "hub/atna/SyslogTlsClient.h"

#include <condition_variable>
#include <mutex>

namespace ward::hub {

class HubServices;

// Issue 14 (IHE ATNA): the loop `wardhub serve` runs on its own thread while [atna] is configured. It polls the
// queue (AtnaQueue) every kPollMs, sends what is new in batches, moves the cursor only after the batch is confirmed
// (SyslogTlsClient::send), and on any failure closes, records the reason (atna_status, the log; no patient data)
// and reconnects with a doubling backoff up to kMaxBackoffMs. The next attempt resends from the cursor, in order.
class AtnaStream
{
public:
    static constexpr int kPollMs = 200;
    static constexpr int kBatch = 500;
    static constexpr int kMaxBackoffMs = 30000;
    // Issue 16: with several hub processes on one PostgreSQL, one streams (it holds this lock) and the others stand
    // by, trying again every kStandbyMs; the collector gets each event from one sender.
    static constexpr qint64 kStreamLock = 0x7761726461746e61; // "wardatna"
    static constexpr int kStandbyMs = 2000;

    explicit AtnaStream(HubServices& services);
    // Until stop(); uses this thread's database connection and releases it at the end.
    void run();
    void stop();

    static SyslogTlsClient::Settings settingsOf(const HubConfig& config);

private:
    // Waits ms unless stop() comes first; false when stopping.
    bool pause(int ms);

    HubServices& m_services;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace ward::hub
