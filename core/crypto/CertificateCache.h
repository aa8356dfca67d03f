#pragma once

#include <QByteArray>
#include <QHash>
#include <list>
#include <memory>
#include <mutex>
#include <utility>

namespace ward {

// A bounded, thread-safe LRU map from the SHA-256 of a certificate's exact DER bytes to what was learnt about it
// (the decoded certificate and its verified chain). Shared by CmsVerifier and TimestampVerifier: one verifier
// serves the sync engine's worker threads, so every access takes the lock. Capacity 0 keeps nothing.
template <typename Entry>
class CertificateCache
{
public:
    void setCapacity(int capacity)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_capacity = capacity < 0 ? 0 : capacity;
        trim();
    }
    int capacity() const { return m_capacity; }

    std::shared_ptr<const Entry> lookup(const QByteArray& key) const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto it = m_index.constFind(key);
        if (it == m_index.constEnd())
            return nullptr;
        m_lru.splice(m_lru.begin(), m_lru, *it);
        return m_lru.front().second;
    }

    void insert(const QByteArray& key, std::shared_ptr<const Entry> entry) const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto it = m_index.constFind(key);
        if (it != m_index.constEnd()) {
            m_lru.splice(m_lru.begin(), m_lru, *it);
            return;
        }
        m_lru.emplace_front(key, std::move(entry));
        m_index.insert(key, m_lru.begin());
        trim();
    }

    int size() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return static_cast<int>(m_lru.size());
    }

    void clear() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_index.clear();
        m_lru.clear();
    }

private:
    using Lru = std::list<std::pair<QByteArray, std::shared_ptr<const Entry>>>;

    void trim() const
    {
        while (static_cast<int>(m_lru.size()) > m_capacity) {
            m_index.remove(m_lru.back().first);
            m_lru.pop_back();
        }
    }

    int m_capacity = 0;
    mutable std::mutex m_mutex;
    mutable Lru m_lru;  // most recently used first
    mutable QHash<QByteArray, typename Lru::iterator> m_index;
};

} // namespace ward
