#pragma once

#include <QByteArray>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ward {

// Key material that is scrubbed (OPENSSL_cleanse) when it goes away and locked out of swap where the
// kernel allows it. QByteArray frees without scrubbing, so keys and passwords live here instead.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    SecureBytes(const void* data, std::size_t size);
    static SecureBytes fromQByteArray(const QByteArray& bytes);
    // Copies the UTF-8 form of a password; the caller should clear its own copy.
    static SecureBytes fromUtf8(const QString& text);

    SecureBytes(const SecureBytes& other);
    SecureBytes& operator=(const SecureBytes& other);
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    ~SecureBytes();

    std::uint8_t* data() { return m_bytes.data(); }
    const std::uint8_t* data() const { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.empty(); }
    void clear();

    // Constant-time comparison.
    bool equals(const SecureBytes& other) const;
    // Hex form, for SQLCipher's raw-key PRAGMA; the result is itself secret.
    SecureBytes toHex() const;
    // A copy the caller must treat as secret (for APIs that only take QByteArray).
    QByteArray toQByteArrayUnsafe() const;

private:
    void lock();
    void unlockAndCleanse();
    std::vector<std::uint8_t> m_bytes;
};

} // namespace ward
