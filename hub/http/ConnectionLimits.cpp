#include "hub/http/ConnectionLimits.h"

namespace ward::hub {

ConnectionLimits::Slot::Slot(ConnectionLimits& limits, std::string address)
    : m_limits(limits)
    , m_address(std::move(address))
{
}

ConnectionLimits::Slot::~Slot()
{
    m_limits.release(m_address);
}

ConnectionLimits::ConnectionLimits(int maxTotal, int maxPerAddress)
    : m_maxTotal(maxTotal)
    , m_maxPerAddress(maxPerAddress)
{
}

std::unique_ptr<ConnectionLimits::Slot> ConnectionLimits::admit(const std::string& address)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_open >= m_maxTotal)
        return nullptr;
    int& mine = m_perAddress[address];
    if (mine >= m_maxPerAddress)
        return nullptr;
    ++mine;
    ++m_open;
    return std::make_unique<Slot>(*this, address);
}

int ConnectionLimits::open() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_open;
}

void ConnectionLimits::release(const std::string& address)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    --m_open;
    const auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it->second <= 0)
        m_perAddress.erase(it);
}

} // namespace ward::hub
