#include "PkiTestSupport.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/CmsSignature.h"
#include "crypto/CmsVerifier.h"
#include "crypto/KeyPair.h"
#include "util/Clock.h"

#include <QtTest>
#include <atomic>
#include <memory>
#include <openssl/cms.h>
#include <openssl/x509.h>
#include <thread>
#include <vector>

using namespace ward;
using PkiTestSupport::at;

// CmsVerifier's cache (issue 5): it must never change a verdict. Each case compares against the reference
// CmsSignature::verifyDetached and uses the verifier's counters to show the cache was (or was not) used.
namespace {

struct Signer
{
    KeyPair key;
    Certificate cert;
};

Signer staffSigner(CertificateAuthority& ca, const QString& cn, const QDateTime& issuedAt, int days = 365)
{
    Signer s{KeyPair::generateP256(), {}};
    std::optional<CertificateRequest> csr = CertificateRequest::fromPem(CertificateRequest::createPem(s.key, cn));
    QString error;
    std::optional<Certificate> cert = ca.issue(*csr, CertificateProfile::StaffSigning, cn, days, issuedAt, {}, &error);
    if (!cert)
        qFatal("issue failed: %s", qPrintable(error));
    s.cert = *cert;
    return s;
}

using CmsPtr = std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)>;

CmsPtr parse(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    return {d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())), &CMS_ContentInfo_free};
}

QByteArray encode(CMS_ContentInfo* cms)
{
    unsigned char* der = nullptr;
    const int len = i2d_CMS_ContentInfo(cms, &der);
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

// A copy of cert with the same subject, issuer and serial but another validity window (so other DER bytes),
// signed by issuerKey — the real CA's key for a genuine re-issue, another key for a forgery.
Certificate reissued(const Certificate& cert, EVP_PKEY* subjectKey, EVP_PKEY* issuerKey, const QDateTime& from,
                     const QDateTime& until)
{
    X509* x = X509_dup(cert.get());
    ASN1_TIME* nb = ASN1_TIME_set(nullptr, static_cast<time_t>(from.toSecsSinceEpoch()));
    ASN1_TIME* na = ASN1_TIME_set(nullptr, static_cast<time_t>(until.toSecsSinceEpoch()));
    X509_set1_notBefore(x, nb);
    X509_set1_notAfter(x, na);
    ASN1_TIME_free(nb);
    ASN1_TIME_free(na);
    if (subjectKey)
        X509_set_pubkey(x, subjectKey);
    if (X509_sign(x, issuerKey, EVP_sha256()) <= 0)
        qFatal("X509_sign failed");
    return Certificate::adopt(x);
}

} // namespace

class TestCmsVerifier : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_caCreated = at(2026, 4, 1);
    const QDateTime m_now = at(2026, 5, 12, 14, 30, 15);
    const QByteArray m_body = QByteArray("{\"type\":\"nursing-note\",\"text\":\"夜間入眠良好\"}\n");
    std::shared_ptr<ManualClock> m_clock;
    std::optional<CertificateAuthority> m_ca;
    std::optional<Signer> m_nurse;

    QList<Certificate> cas() const { return {m_ca->certificate()}; }

    // The verifier's verdict equals the reference in every field a caller reads.
    static bool sameVerdict(const CmsVerification& a, const CmsVerification& b)
    {
        return a.valid == b.valid && a.error == b.error && a.signer == b.signer && a.signingTime == b.signingTime;
    }

    QString differ(const CmsVerification& ours, const CmsVerification& ref, const QString& what) const
    {
        return QStringLiteral("%1: verifier %2 \"%3\" vs reference %4 \"%5\"")
            .arg(what, ours.valid ? "valid" : "invalid", ours.error, ref.valid ? "valid" : "invalid", ref.error);
    }

private slots:
    void init()
    {
        m_clock = std::make_shared<ManualClock>(m_now);
        Clock::setInstance(m_clock);
        m_ca.emplace(CertificateAuthority::create(QStringLiteral("WardStation Staff CA"), 3650, m_caCreated));
        m_nurse.emplace(staffSigner(*m_ca, QStringLiteral("nurse-0042"), m_caCreated.addDays(1)));
    }

    void cleanup() { Clock::setInstance(nullptr); }

    void secondSignatureOfASignerSkipsDecodingAndChain()
    {
        const CmsVerifier verifier(cas());
        for (int i = 0; i < 5; ++i) {
            const QByteArray body = m_body + QByteArray::number(i);
            const QByteArray sig = CmsSignature::signDetached(body, m_nurse->cert, m_nurse->key, m_now.addSecs(-i),
                                                              nullptr);
            const CmsVerification v = verifier.verify(body, sig, &m_nurse->cert);
            QVERIFY2(v.valid, qPrintable(v.error));
            QCOMPARE(v.signer, m_nurse->cert);
            QCOMPARE(v.signingTime, m_now.addSecs(-i));
        }
        const CmsVerifier::Stats s = verifier.stats();
        QCOMPARE(s.acceptedFast, quint64(5));
        QCOMPARE(s.fullPath, quint64(0));
        QCOMPARE(s.certificatesDecoded, quint64(1));
        QCOMPARE(s.chainsVerified, quint64(1));
        QCOMPARE(verifier.cachedCertificates(), 1);
    }

    void capacityZeroAlwaysTakesTheFullPath()
    {
        const CmsVerifier verifier(cas(), 0);
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        QVERIFY(verifier.verify(m_body, sig).valid);
        QVERIFY(verifier.verify(m_body, sig).valid);
        QCOMPARE(verifier.stats().fullPath, quint64(2));
        QCOMPARE(verifier.stats().acceptedFast, quint64(0));
        QCOMPARE(verifier.cachedCertificates(), 0);
    }

    void everyFlipAndTruncationGivesTheReferenceVerdict()
    {
        const CmsVerifier verifier(cas());
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        QVERIFY(verifier.verify(m_body, sig).valid); // cache warm: every variant below meets a cached certificate
        int compared = 0;
        for (int i = 0; i < sig.size(); ++i) {
            for (const char mask : {char(0x01), char(0x80)}) {
                QByteArray flipped = sig;
                flipped[i] = static_cast<char>(flipped[i] ^ mask);
                const CmsVerification ours = verifier.verify(m_body, flipped);
                const CmsVerification ref = CmsSignature::verifyDetached(m_body, flipped, cas());
                QVERIFY2(!ours.valid, qPrintable(QStringLiteral("flip at %1 verifies").arg(i)));
                QVERIFY2(sameVerdict(ours, ref), qPrintable(differ(ours, ref, QStringLiteral("flip %1").arg(i))));
                ++compared;
            }
        }
        for (int len = 0; len < sig.size(); ++len) {
            const CmsVerification ours = verifier.verify(m_body, sig.left(len));
            const CmsVerification ref = CmsSignature::verifyDetached(m_body, sig.left(len), cas());
            QVERIFY(!ours.valid);
            QVERIFY2(sameVerdict(ours, ref), qPrintable(differ(ours, ref, QStringLiteral("truncation %1").arg(len))));
            ++compared;
        }
        for (int i = 0; i < m_body.size(); ++i) {
            QByteArray body = m_body;
            body[i] = static_cast<char>(body[i] ^ 0x01);
            const CmsVerification ours = verifier.verify(body, sig);
            QVERIFY(!ours.valid);
            QVERIFY(sameVerdict(ours, CmsSignature::verifyDetached(body, sig, cas())));
        }
        QCOMPARE(compared, 3 * int(sig.size()));
        // The genuine signature still verifies from the cache afterwards: no failure poisoned it.
        const quint64 decoded = verifier.stats().certificatesDecoded;
        QVERIFY(verifier.verify(m_body, sig).valid);
        QCOMPARE(verifier.stats().certificatesDecoded, decoded);
    }

    void cacheHitWithTamperedBodyFails()
    {
        const CmsVerifier verifier(cas());
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        QVERIFY(verifier.verify(m_body, sig).valid);
        const CmsVerification v = verifier.verify(m_body + ' ', sig);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("body was changed")), qPrintable(v.error));
        QCOMPARE(v.signer, m_nurse->cert);
        QVERIFY(sameVerdict(v, CmsSignature::verifyDetached(m_body + ' ', sig, cas())));
        // Decided with the cached certificate (nothing decoded again), then confirmed by the full path.
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(1));
        QCOMPARE(verifier.stats().fullPath, quint64(1));
    }

    void cachedCertificateOutsideItsChainValidityIsRefused()
    {
        // Valid 2026-04-02 .. 2026-05-02 (minus the CA's backdating allowance).
        const Signer shortLived = staffSigner(*m_ca, QStringLiteral("nurse-0007"), at(2026, 4, 2), 30);
        const CmsVerifier verifier(cas());
        const QByteArray inside = CmsSignature::signDetached(m_body, shortLived.cert, shortLived.key,
                                                             at(2026, 4, 20), nullptr);
        QVERIFY(verifier.verify(m_body, inside).valid);
        QCOMPARE(verifier.cachedCertificates(), 1);

        const QDateTime notAfter = shortLived.cert.notAfter();
        const QDateTime notBefore = shortLived.cert.notBefore();
        struct Case
        {
            QDateTime when;
            bool valid;
            const char* reason;
        };
        // OpenSSL's rule: notBefore <= t < notAfter. The edges matter because the cache re-checks them itself.
        const Case cases[] = {{notAfter.addSecs(1), false, "expired"},
                              {notAfter, false, "expired"},
                              {notAfter.addSecs(-1), true, ""},
                              {notBefore, true, ""},
                              {notBefore.addSecs(-1), false, "not yet valid"},
                              {at(2026, 3, 1), false, "not yet valid"}};
        for (const Case& c : cases) {
            const QByteArray sig = CmsSignature::signDetached(m_body, shortLived.cert, shortLived.key, c.when, nullptr);
            const CmsVerification v = verifier.verify(m_body, sig);
            const CmsVerification ref = CmsSignature::verifyDetached(m_body, sig, cas());
            QVERIFY2(v.valid == c.valid, qPrintable(c.when.toString(Qt::ISODate) + ": " + v.error));
            QVERIFY2(v.error.contains(QLatin1String(c.reason)), qPrintable(v.error));
            QVERIFY2(sameVerdict(v, ref), qPrintable(differ(v, ref, c.when.toString(Qt::ISODate))));
        }
        // One decode and one chain for all of it: the window, not a new chain build, answered the valid edges.
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(1));
        QCOMPARE(verifier.stats().chainsVerified, quint64(1));
        QCOMPARE(verifier.stats().acceptedFast, quint64(3));
    }

    void sameSubjectAndSerialWithOtherBytesIsNotServedFromTheCache()
    {
        const CmsVerifier verifier(cas());
        QVERIFY(verifier.verify(m_body, CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key)).valid);
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(1));

        // A genuine re-issue by the same CA: same subject, serial and key, a later validity window.
        const std::optional<KeyPair> caKey = KeyPair::fromPrivatePem(m_ca->privateKeyPem());
        QVERIFY(caKey);
        const Certificate later = reissued(m_nurse->cert, nullptr, caKey->get(), at(2027, 1, 1), at(2027, 12, 31));
        QCOMPARE(later.serialHex(), m_nurse->cert.serialHex());
        QCOMPARE(later.subjectCommonName(), m_nurse->cert.subjectCommonName());
        QVERIFY(later != m_nurse->cert);
        m_clock->setNowUtc(at(2027, 6, 1));
        const QByteArray inLater = CmsSignature::signDetached(m_body, later, m_nurse->key, at(2027, 6, 1), nullptr);
        CmsVerification v = verifier.verify(m_body, inLater);
        QVERIFY2(v.valid, qPrintable(v.error));
        QCOMPARE(v.signer, later);
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(2));
        QCOMPARE(verifier.cachedCertificates(), 2);
        // Signed with the re-issued certificate at a time only the original covers: the original's cached chain
        // must not vouch for it.
        const QByteArray early = CmsSignature::signDetached(m_body, later, m_nurse->key, m_now, nullptr);
        v = verifier.verify(m_body, early);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("not yet valid")), qPrintable(v.error));
        QCOMPARE(v.signer, later);
        QVERIFY(sameVerdict(v, CmsSignature::verifyDetached(m_body, early, cas())));

        // A forgery: same subject, issuer name and serial, the forger's key, signed by a key that is not the CA's.
        const KeyPair forgerKey = KeyPair::generateP256();
        const KeyPair rogueCaKey = KeyPair::generateP256();
        const Certificate forged = reissued(m_nurse->cert, forgerKey.get(), rogueCaKey.get(), m_caCreated,
                                            at(2028, 1, 1));
        m_clock->setNowUtc(m_now);
        const QByteArray forgedSig = CmsSignature::signDetached(m_body, forged, forgerKey, m_now, nullptr);
        QVERIFY(!forgedSig.isEmpty());
        v = verifier.verify(m_body, forgedSig);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("not trusted")), qPrintable(v.error));
        QCOMPARE(v.signer, forged);
        QVERIFY(sameVerdict(v, CmsSignature::verifyDetached(m_body, forgedSig, cas())));
        QCOMPARE(verifier.cachedCertificates(), 2); // refused certificates are never cached
    }

    void expectedSignerAndFutureTimeOnACacheHit()
    {
        const CmsVerifier verifier(cas());
        const Signer other = staffSigner(*m_ca, QStringLiteral("nurse-0043"), m_caCreated.addDays(1));
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        QVERIFY(verifier.verify(m_body, sig, &m_nurse->cert).valid);
        CmsVerification v = verifier.verify(m_body, sig, &other.cert);
        QVERIFY(!v.valid);
        QVERIFY(sameVerdict(v, CmsSignature::verifyDetached(m_body, sig, cas(), &other.cert)));

        const QByteArray future = CmsSignature::signDetached(
            m_body, m_nurse->cert, m_nurse->key, m_now.addSecs(CmsSignature::kMaxFutureSkewSecs + 1), nullptr);
        v = verifier.verify(m_body, future);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("future")), qPrintable(v.error));
        QVERIFY(sameVerdict(v, CmsSignature::verifyDetached(m_body, future, cas())));
        // The same signature becomes acceptable once the clock catches up: the skew is checked per call.
        m_clock->setNowUtc(m_now.addSecs(2));
        QVERIFY(verifier.verify(m_body, future).valid);
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(1));
    }

    // Proves: EX-3
    void alteredVersionAndAlgorithmFieldsRefused()
    {
        const CmsVerifier verifier(cas());
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        QVERIFY(verifier.verify(m_body, sig).valid);
        QList<QByteArray> altered;
        // SignedData version 1 → 3: ContentInfo header (4) + OID (11) + [0] header (4) + SEQUENCE header (4).
        QCOMPARE(sig.mid(23, 3), QByteArray("\x02\x01\x01", 3));
        QByteArray v3 = sig;
        v3[25] = 3;
        altered << v3;
        // signatureAlgorithm ecdsa-with-SHA256 → ecdsa-with-SHA384 (the digest stays SHA-256).
        CmsPtr cms = parse(sig);
        CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
        X509_ALGOR* sigAlg = nullptr;
        CMS_SignerInfo_get0_algs(si, nullptr, nullptr, nullptr, &sigAlg);
        X509_ALGOR_set0(sigAlg, OBJ_nid2obj(NID_ecdsa_with_SHA384), V_ASN1_UNDEF, nullptr);
        altered << encode(cms.get());
        // SignedData.digestAlgorithms naming SHA-512 while the signer used SHA-256: SET, AlgorithmIdentifier, OID.
        const QByteArray sha256Set("\x31\x0d\x30\x0b\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x01", 15);
        QCOMPARE(sig.mid(26, 15), sha256Set);
        QByteArray sha512Listed = sig;
        sha512Listed[40] = 0x03;
        altered << sha512Listed;
        for (const QByteArray& der : altered) {
            const CmsVerification v = verifier.verify(m_body, der);
            QVERIFY(!v.valid);
            QVERIFY2(v.error.contains(QStringLiteral("not in the expected form")), qPrintable(v.error));
            QVERIFY(sameVerdict(v, CmsSignature::verifyDetached(m_body, der, cas())));
        }
    }

    void cacheIsABoundedLru()
    {
        const CmsVerifier verifier(cas(), 3);
        QCOMPARE(verifier.cacheCapacity(), 3);
        std::vector<Signer> signers;
        QList<QByteArray> sigs;
        for (int i = 0; i < 5; ++i) {
            signers.push_back(staffSigner(*m_ca, QStringLiteral("nurse-%1").arg(100 + i), m_caCreated.addDays(1)));
            sigs << CmsSignature::signDetached(m_body, signers.back().cert, signers.back().key);
            QVERIFY(verifier.verify(m_body, sigs.last()).valid);
            QVERIFY(verifier.cachedCertificates() <= 3);
        }
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(5));
        // Most recent three are cached; the oldest two were evicted and are decoded again.
        QVERIFY(verifier.verify(m_body, sigs[4]).valid);
        QVERIFY(verifier.verify(m_body, sigs[2]).valid);
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(5));
        QVERIFY(verifier.verify(m_body, sigs[0]).valid);
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(6));
        QCOMPARE(verifier.cachedCertificates(), 3);
        // sigs[3] was the least recently used when sigs[0] came back.
        QVERIFY(verifier.verify(m_body, sigs[3]).valid);
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(7));
    }

    void carriedCaCertificateTakesTheFullPath()
    {
        const CmsVerifier verifier(cas());
        CmsPtr cms = parse(CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key));
        QCOMPARE(CMS_add1_cert(cms.get(), m_ca->certificate().get()), 1);
        const QByteArray sig = encode(cms.get());
        const CmsVerification v = verifier.verify(m_body, sig);
        QVERIFY2(v.valid, qPrintable(v.error));
        QVERIFY(sameVerdict(v, CmsSignature::verifyDetached(m_body, sig, cas())));
        QCOMPARE(verifier.stats().fullPath, quint64(1));
        QCOMPARE(verifier.stats().acceptedFast, quint64(0));
    }

    void sameNamedTrustAnchorsDoNotReuseChains()
    {
        // A CA rollover keeps the name: chain building may then choose by time, so chains are not reused.
        const CertificateAuthority renewed = CertificateAuthority::create(QStringLiteral("WardStation Staff CA"), 3650,
                                                                          m_caCreated);
        const QList<Certificate> both{renewed.certificate(), m_ca->certificate()};
        const CmsVerifier verifier(both);
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        for (int i = 0; i < 3; ++i) {
            const CmsVerification v = verifier.verify(m_body, sig);
            QVERIFY2(v.valid, qPrintable(v.error));
            QVERIFY(sameVerdict(v, CmsSignature::verifyDetached(m_body, sig, both)));
        }
        QCOMPARE(verifier.stats().chainsVerified, quint64(3));
        QCOMPARE(verifier.cachedCertificates(), 0);
    }

    void concurrentVerificationIsConsistent()
    {
        const CmsVerifier verifier(cas(), 2); // small: eviction races with lookups
        std::vector<Signer> signers;
        QList<QByteArray> sigs;
        for (int i = 0; i < 4; ++i) {
            signers.push_back(staffSigner(*m_ca, QStringLiteral("nurse-%1").arg(200 + i), m_caCreated.addDays(1)));
            sigs << CmsSignature::signDetached(m_body, signers.back().cert, signers.back().key);
        }
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 60; ++i) {
                    const int k = (t + i) % 4;
                    const bool tamper = i % 5 == 0;
                    const CmsVerification v = verifier.verify(tamper ? m_body + 'x' : m_body, sigs[k]);
                    if (v.valid == tamper || v.signer != signers[k].cert)
                        ++wrong;
                }
            });
        }
        for (std::thread& th : threads)
            th.join();
        QCOMPARE(wrong.load(), 0);
        QVERIFY(verifier.cachedCertificates() <= 2);
    }
};

QTEST_GUILESS_MAIN(TestCmsVerifier)
#include "TestCmsVerifier.moc"
