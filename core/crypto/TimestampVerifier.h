#pragma once

#include "crypto/Certificate.h"
#include "crypto/TimestampToken.h"

#include <QByteArray>
#include <QList>
#include <memory>

namespace ward {

// Verifies many RFC 3161 time-stamp tokens against one fixed set of trust anchors (initial pull of 10^5 record
// versions within 60 s). Verdicts are exactly those of TimestampToken::verify — same checks, same error texts — but
// what is expensive and invariant is kept across calls:
//  - the X509_STORE of the trust anchors, built once instead of per token;
//  - the certificates carried in the token (the TSA certificate, plus byte-identical copies of trust anchors as the
//    hub adds its CA), keyed by the SHA-256 of their exact DER bytes (a different certificate with the same
//    subject/serial is a different key), decoded once;
//  - its chain, verified once with the time-stamping purpose, reused for a later token only when that token's
//    genTime lies inside every chain certificate's validity (OpenSSL's own time comparison, per token).
// Per token only the TSTInfo is decoded and the token signature, the ESS signing-certificate attribute, the version
// and the message imprint are checked. A token accepted through the cache has passed every check of the full path;
// anything that fails on the fast path, or has a shape other than "one SignedData carrying exactly the TSA
// certificate (and copies of trust anchors)", is decided by TimestampToken::verify, so refusals carry its own reason.
//
// Thread-safe: one instance may be shared by the sync engine's worker threads. The cache is an LRU bounded by
// cacheCapacity; 0 disables it (every call is TimestampToken::verify).
class TimestampVerifier
{
public:
    static constexpr int kDefaultCacheCapacity = 64;

    explicit TimestampVerifier(const QList<Certificate>& trustedCas, int cacheCapacity = kDefaultCacheCapacity);
    ~TimestampVerifier();
    TimestampVerifier(TimestampVerifier&&) noexcept;
    TimestampVerifier& operator=(TimestampVerifier&&) noexcept;
    TimestampVerifier(const TimestampVerifier&) = delete;
    TimestampVerifier& operator=(const TimestampVerifier&) = delete;

    // Same contract as TimestampToken::verify with this verifier's trust anchors.
    TimestampVerification verify(const QByteArray& token, const QByteArray& data) const;

    // What the cache saved, for tests and benchmarks.
    struct Stats
    {
        quint64 acceptedFast = 0; // valid verdicts of the cached path (on a miss it decodes and verifies once)
        quint64 fullPath = 0; // calls decided by TimestampToken::verify
        quint64 certificatesDecoded = 0; // carried certificates (TSA, CA copies) decoded by the fast path on misses
        quint64 chainsVerified = 0; // chain verifications done by the fast path
    };
    Stats stats() const;
    int cachedCertificates() const;
    int cacheCapacity() const;
    void clearCache();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ward
