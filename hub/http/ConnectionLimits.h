#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ward::hub {

// Caps on open connections: in total (file descriptors are finite) and per client address (one misbehaving
// machine cannot take every slot). A Slot is held for a connection's lifetime and frees itself.
class ConnectionLimits
{
public:
    class Slot
    {
    public:
        Slot(ConnectionLimits& limits, std::string address);
        ~Slot();
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        const std::string& address() const { return m_address; }

    private:
        ConnectionLimits& m_limits;
        std::string m_address;
    };

    ConnectionLimits(int maxTotal, int maxPerAddress);

    // Null when a cap is reached (the caller closes the connection at once).
    std::unique_ptr<Slot> admit(const std::string& address);
    int open() const;
    int maxTotal() const { return m_maxTotal; }
    int maxPerAddress() const { return m_maxPerAddress; }

private:
    void release(const std::string& address);

    const int m_maxTotal;
    const int m_maxPerAddress;
    mutable std::mutex m_mutex;
    int m_open = 0;
    std::unordered_map<std::string, int> m_perAddress;
};

} // namespace ward::hub
