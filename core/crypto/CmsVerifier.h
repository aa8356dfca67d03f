#pragma once

#include "crypto/Certificate.h"
#include "crypto/CmsSignature.h"

#include <QByteArray>
#include <QList>
#include <memory>

namespace ward {

// Verifies many detached CMS record signatures against one fixed set of trust anchors (issue 5: 10^4 signatures at
// ≥ 50 % of bare ECDSA verify throughput). Verdicts are exactly those of CmsSignature::verifyDetached — same checks,
// same error texts — but what is expensive and invariant is kept across calls:
//  - the embedded signer certificate, keyed by the SHA-256 of its exact DER bytes (a different certificate with the
//    same subject/serial is a different key), decoded once;
//  - its chain, verified once with the S/MIME signing purpose, reused for a later signature only when that
//    signature's signing time lies inside every chain certificate's validity (checked per signature with OpenSSL's
//    own time comparison).
// A signature accepted through the cache has passed every check of the full path; anything that fails on the fast
// path, or has a shape other than "one SignedData carrying exactly the signer's certificate", is decided by the full
// path, so refusals carry the full path's own reason.
//
// Thread-safe: one instance may be shared by the sync thread and the UI. The cache is an LRU bounded by
// cacheCapacity; 0 disables it (every call takes the full path, as CmsSignature::verifyDetached does).
class CmsVerifier
{
public:
    static constexpr int kDefaultCacheCapacity = 2048;

    explicit CmsVerifier(const QList<Certificate>& trustedCas, int cacheCapacity = kDefaultCacheCapacity);
    ~CmsVerifier();
    CmsVerifier(CmsVerifier&&) noexcept;
    CmsVerifier& operator=(CmsVerifier&&) noexcept;
    CmsVerifier(const CmsVerifier&) = delete;
    CmsVerifier& operator=(const CmsVerifier&) = delete;

    // Same contract as CmsSignature::verifyDetached with this verifier's trust anchors.
    CmsVerification verify(const QByteArray& body, const QByteArray& cmsDer,
                           const Certificate* expectedSigner = nullptr) const;

    // What the cache saved, for tests and benchmarks.
    struct Stats
    {
        quint64 acceptedFast = 0; // valid verdicts of the cached path (on a miss it decodes and verifies once)
        quint64 fullPath = 0; // calls decided by the full, uncached path
        quint64 certificatesDecoded = 0; // signer certificates decoded by the fast path (cache misses)
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
