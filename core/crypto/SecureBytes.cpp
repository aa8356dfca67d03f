#include "crypto/SecureBytes.h"

#include <QString>
#include <openssl/crypto.h>
#include <sys/mman.h>

namespace ward {

SecureBytes::SecureBytes(std::size_t size)
    : m_bytes(size, 0)
{
    lock();
}

SecureBytes::SecureBytes(const void* data, std::size_t size)
    : m_bytes(static_cast<const std::uint8_t*>(data), static_cast<const std::uint8_t*>(data) + size)
{
    lock();
}

SecureBytes SecureBytes::fromQByteArray(const QByteArray& bytes)
{
    return SecureBytes(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

SecureBytes SecureBytes::fromUtf8(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    SecureBytes out(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    OPENSSL_cleanse(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return out;
}

SecureBytes::SecureBytes(const SecureBytes& other)
    : m_bytes(other.m_bytes)
{
    lock();
}

SecureBytes& SecureBytes::operator=(const SecureBytes& other)
{
    if (this != &other) {
        unlockAndCleanse();
        m_bytes = other.m_bytes;
        lock();
    }
    return *this;
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        unlockAndCleanse();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecureBytes::~SecureBytes()
{
    unlockAndCleanse();
}

void SecureBytes::clear()
{
    unlockAndCleanse();
    m_bytes.clear();
    m_bytes.shrink_to_fit();
}

bool SecureBytes::equals(const SecureBytes& other) const
{
    if (m_bytes.size() != other.m_bytes.size())
        return false;
    return m_bytes.empty() || CRYPTO_memcmp(m_bytes.data(), other.m_bytes.data(), m_bytes.size()) == 0;
}

SecureBytes SecureBytes::toHex() const
{
    static const char digits[] = "0123456789abcdef";
    SecureBytes out(m_bytes.size() * 2);
    for (std::size_t i = 0; i < m_bytes.size(); ++i) {
        out.m_bytes[2 * i] = static_cast<std::uint8_t>(digits[m_bytes[i] >> 4]);
        out.m_bytes[2 * i + 1] = static_cast<std::uint8_t>(digits[m_bytes[i] & 0x0f]);
    }
    return out;
}

QByteArray SecureBytes::toQByteArrayUnsafe() const
{
    return QByteArray(reinterpret_cast<const char*>(m_bytes.data()), static_cast<qsizetype>(m_bytes.size()));
}

void SecureBytes::lock()
{
    // Best effort: RLIMIT_MEMLOCK may refuse; the bytes are still cleansed on release.
    if (!m_bytes.empty())
        ::mlock(m_bytes.data(), m_bytes.size());
}

void SecureBytes::unlockAndCleanse()
{
    if (!m_bytes.empty()) {
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
        ::munlock(m_bytes.data(), m_bytes.size());
    }
}

} // namespace ward
