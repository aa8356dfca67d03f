#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ward::hub {

// The threads that run request handlers (blocking database work) apart from the I/O threads, so a slow or idle
// client never holds a worker and a busy database never stalls the sockets. Threads live as long as the pool:
// each keeps its own database connection (HubDatabase: one Qt SQL connection per thread), released by
// onThreadExit on that same thread when the pool stops.
class WorkerPool
{
public:
    WorkerPool(int threads, std::function<void()> onThreadExit);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void post(std::function<void()> task);
    // Lets running tasks finish, drops queued ones, joins the threads. Idempotent.
    void stop();
    std::size_t queued() const;

private:
    void run();

    std::function<void()> m_onThreadExit;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace ward::hub
