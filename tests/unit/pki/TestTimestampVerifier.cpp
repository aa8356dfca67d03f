#include "PkiTestSupport.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/KeyPair.h"
#include "crypto/TimestampAuthority.h"
#include "crypto/TimestampToken.h"
#include "crypto/TimestampVerifier.h"

#include <QElapsedTimer>
#include <QtTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace ward;
using PkiTestSupport::at;

// TimestampVerifier's cache must never change a verdict: each case compares with the reference
// TimestampToken::verify and uses the verifier's counters to show the cache was (or was not) used.
namespace {

bool sameVerdict(const TimestampVerification& a, const TimestampVerification& b)
{
    return a.valid == b.valid && a.error == b.error && a.genTime == b.genTime && a.serialHex == b.serialHex;
}

QString differ(const TimestampVerification& ours, const TimestampVerification& ref, const QString& what)
{
    return QStringLiteral("%1: verifier %2 \"%3\" vs reference %4 \"%5\"")
        .arg(what, ours.valid ? "valid" : "invalid", ours.error, ref.valid ? "valid" : "invalid", ref.error);
}

// Same subject, issuer and serial as cert, another validity window (so other DER bytes), signed by issuerKey.
Certificate reissued(const Certificate& cert, EVP_PKEY* issuerKey, const QDateTime& from, const QDateTime& until)
{
    X509* x = X509_dup(cert.get());
    ASN1_TIME* nb = ASN1_TIME_set(nullptr, static_cast<time_t>(from.toSecsSinceEpoch()));
    ASN1_TIME* na = ASN1_TIME_set(nullptr, static_cast<time_t>(until.toSecsSinceEpoch()));
    X509_set1_notBefore(x, nb);
    X509_set1_notAfter(x, na);
    ASN1_TIME_free(nb);
    ASN1_TIME_free(na);
    if (X509_sign(x, issuerKey, EVP_sha256()) <= 0)
        qFatal("X509_sign failed");
    return Certificate::adopt(x);
}

} // namespace

class TestTimestampVerifier : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_caCreated = at(2026, 4, 1);
    const QDateTime m_now = at(2026, 5, 12, 14, 30, 15).addMSecs(123);
    const QByteArray m_data = QByteArray::fromHex("3082031e00") + QByteArray("signature bytes of record 3f2a v4");
    std::optional<CertificateAuthority> m_ca;
    std::optional<TimestampAuthority> m_tsa;
    std::optional<KeyPair> m_tsaKey;
    Certificate m_tsaCert;

    QList<Certificate> cas() const { return {m_ca->certificate()}; }

private slots:
    void init()
    {
        m_ca.emplace(CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_caCreated));
        auto [key, cert] = m_ca->issueWithNewKey(CertificateProfile::TimestampAuthority, QStringLiteral("WardHub TSA"),
                                                 1825, m_caCreated);
        m_tsaCert = cert;
        m_tsaKey = KeyPair::fromPrivatePem(key.privatePem());
        m_tsa.emplace(cert, std::move(key), cas());
    }

    void warmCacheAcceptsAndCounts()
    {
        const TimestampVerifier verifier(cas());
        for (int i = 0; i < 5; ++i) {
            const QByteArray data = m_data + QByteArray::number(i);
            const QByteArray token = m_tsa->stamp(data, m_now.addSecs(i));
            const TimestampVerification v = verifier.verify(token, data);
            QVERIFY2(v.valid, qPrintable(v.error));
            QVERIFY(sameVerdict(v, TimestampToken::verify(token, data, cas())));
        }
        QCOMPARE(verifier.stats().acceptedFast, quint64(5));
        QCOMPARE(verifier.stats().fullPath, quint64(0));
        // The token carries the TSA certificate and the CA (as the hub's TSA does): both decoded once.
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(2));
        QCOMPARE(verifier.stats().chainsVerified, quint64(1));
        QCOMPARE(verifier.cachedCertificates(), 1);

        // Capacity 0 is the plain reference path.
        const TimestampVerifier uncached(cas(), 0);
        const QByteArray token = m_tsa->stamp(m_data, m_now);
        QVERIFY(uncached.verify(token, m_data).valid);
        QCOMPARE(uncached.stats().fullPath, quint64(1));
        QCOMPARE(uncached.cachedCertificates(), 0);
    }

    void everyBitFlipAndTruncationGivesTheReferenceVerdictOnAWarmCache()
    {
        const TimestampVerifier verifier(cas());
        const QByteArray token = m_tsa->stamp(m_data, m_now);
        QVERIFY(verifier.verify(token, m_data).valid);
        QCOMPARE(verifier.cachedCertificates(), 1);
        int accepted = 0;
        for (int i = 0; i < token.size(); ++i) {
            for (const char mask : {char(0x01), char(0x80)}) {
                QByteArray bad = token;
                bad[i] = static_cast<char>(bad[i] ^ mask);
                const TimestampVerification v = verifier.verify(bad, m_data);
                const TimestampVerification ref = TimestampToken::verify(bad, m_data, cas());
                QVERIFY2(sameVerdict(v, ref), qPrintable(differ(v, ref, QStringLiteral("flip at %1").arg(i))));
                accepted += v.valid ? 1 : 0;
            }
        }
        QCOMPARE(accepted, 0);
        for (int len = 0; len < token.size(); ++len) {
            const TimestampVerification v = verifier.verify(token.left(len), m_data);
            const TimestampVerification ref = TimestampToken::verify(token.left(len), m_data, cas());
            QVERIFY2(sameVerdict(v, ref), qPrintable(differ(v, ref, QStringLiteral("length %1").arg(len))));
            QVERIFY(!v.valid);
        }
        // Appended bytes and changed data, still on the warm cache.
        QVERIFY(sameVerdict(verifier.verify(token + '\0', m_data), TimestampToken::verify(token + '\0', m_data, cas())));
        const TimestampVerification changed = verifier.verify(token, m_data + 'x');
        QVERIFY(!changed.valid);
        QVERIFY2(changed.error.contains(QStringLiteral("does not cover")), qPrintable(changed.error));
        QVERIFY(sameVerdict(changed, TimestampToken::verify(token, m_data + 'x', cas())));
        // The good token is still accepted, from the cache.
        QVERIFY(verifier.verify(token, m_data).valid);
        QCOMPARE(verifier.stats().acceptedFast, quint64(2));
        QCOMPARE(verifier.cachedCertificates(), 1); // flipped certificates were decoded, refused, never cached
    }

    void cachedCertificateOutsideItsValidityIsRefused()
    {
        auto [key, cert] = m_ca->issueWithNewKey(CertificateProfile::TimestampAuthority, QStringLiteral("Old TSA"), 30,
                                                 at(2026, 4, 2));
        TimestampAuthority oldTsa(cert, std::move(key), {});
        const TimestampVerifier verifier(cas());
        const QByteArray inside = oldTsa.stamp(m_data, at(2026, 4, 20));
        QVERIFY(verifier.verify(inside, m_data).valid);
        QCOMPARE(verifier.cachedCertificates(), 1);

        struct Case
        {
            QDateTime genTime;
            const char* reason;
        };
        // The CA backdates notBefore a little (clock skew), so "before" is well before the issue date.
        for (const Case& c : {Case{at(2026, 6, 1), "expired"}, Case{at(2026, 3, 1), "not yet valid"}}) {
            const QByteArray token = oldTsa.stamp(m_data, c.genTime);
            const TimestampVerification v = verifier.verify(token, m_data);
            const TimestampVerification ref = TimestampToken::verify(token, m_data, cas());
            QVERIFY(!v.valid);
            QVERIFY2(v.error.contains(QLatin1String(c.reason)), qPrintable(v.error));
            QVERIFY2(sameVerdict(v, ref), qPrintable(differ(v, ref, c.genTime.toString(Qt::ISODate))));
        }
        QCOMPARE(verifier.stats().fullPath, quint64(2));
        QCOMPARE(verifier.stats().chainsVerified, quint64(1));
        // Inside the window again: served from the cache.
        QVERIFY(verifier.verify(oldTsa.stamp(m_data, at(2026, 4, 25)), m_data).valid);
        QCOMPARE(verifier.stats().acceptedFast, quint64(2));
        QCOMPARE(verifier.stats().chainsVerified, quint64(1));
    }

    void sameSubjectAndSerialWithOtherBytesIsNotServedFromTheCache()
    {
        const TimestampVerifier verifier(cas());
        QVERIFY(verifier.verify(m_tsa->stamp(m_data, m_now), m_data).valid);
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(2)); // TSA certificate + CA

        // A genuine re-issue by the same CA: same subject, serial and key, a later validity window.
        const std::optional<KeyPair> caKey = KeyPair::fromPrivatePem(m_ca->privateKeyPem());
        QVERIFY(caKey);
        const Certificate later = reissued(m_tsaCert, caKey->get(), at(2027, 1, 1), at(2027, 12, 31));
        QCOMPARE(later.serialHex(), m_tsaCert.serialHex());
        QCOMPARE(later.subjectCommonName(), m_tsaCert.subjectCommonName());
        QVERIFY(later != m_tsaCert);
        TimestampAuthority laterTsa(later, *KeyPair::fromPrivatePem(m_tsaKey->privatePem()), {});
        const QByteArray inLater = laterTsa.stamp(m_data, at(2027, 6, 1));
        TimestampVerification v = verifier.verify(inLater, m_data);
        QVERIFY2(v.valid, qPrintable(v.error));
        QCOMPARE(verifier.stats().certificatesDecoded, quint64(3)); // the re-issued one, carried alone
        QCOMPARE(verifier.cachedCertificates(), 2);
        // Stamped with the re-issued certificate at a time only the original covers: the original's cached chain
        // must not vouch for it.
        const QByteArray early = laterTsa.stamp(m_data, m_now);
        v = verifier.verify(early, m_data);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("not yet valid")), qPrintable(v.error));
        QVERIFY(sameVerdict(v, TimestampToken::verify(early, m_data, cas())));

        // A forgery: same subject, issuer name and serial, signed by a key that is not the CA's.
        const KeyPair rogueCaKey = KeyPair::generateP256();
        const Certificate forged = reissued(m_tsaCert, rogueCaKey.get(), m_caCreated, at(2028, 1, 1));
        TimestampAuthority forger(forged, *KeyPair::fromPrivatePem(m_tsaKey->privatePem()), {});
        const QByteArray forgedToken = forger.stamp(m_data, m_now);
        QVERIFY(!forgedToken.isEmpty());
        v = verifier.verify(forgedToken, m_data);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("not trusted")), qPrintable(v.error));
        QVERIFY(sameVerdict(v, TimestampToken::verify(forgedToken, m_data, cas())));
        QCOMPARE(verifier.cachedCertificates(), 2); // refused certificates are never cached
    }

    void fourThreadsShareOneVerifier()
    {
        const TimestampVerifier verifier(cas());
        struct Item
        {
            QByteArray token;
            QByteArray data;
            bool valid;
        };
        std::vector<Item> items;
        for (int i = 0; i < 40; ++i) {
            const QByteArray data = m_data + QByteArray::number(i);
            const QByteArray token = m_tsa->stamp(data, m_now.addSecs(i));
            // Every fourth item is a token over other data.
            items.push_back({token, i % 4 == 3 ? data + 'x' : data, i % 4 != 3});
        }
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int round = 0; round < 5; ++round)
                    for (size_t i = 0; i < items.size(); ++i) {
                        const Item& item = items[(i + static_cast<size_t>(t) * 7) % items.size()];
                        if (verifier.verify(item.token, item.data).valid != item.valid)
                            ++wrong;
                    }
            });
        }
        for (std::thread& t : threads)
            t.join();
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(verifier.cachedCertificates(), 1);
        QCOMPARE(verifier.stats().acceptedFast + verifier.stats().fullPath, quint64(4 * 5 * 40));
        QCOMPARE(verifier.stats().fullPath, quint64(4 * 5 * 10));
    }

    // Not a pass/fail bound (the machine is shared): where the time goes, for the report.
    void throughputAgainstTheReference()
    {
        const TimestampVerifier verifier(cas());
        const QByteArray token = m_tsa->stamp(m_data, m_now);
        const int n = 300;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < n; ++i)
            QVERIFY(TimestampToken::verify(token, m_data, cas()).valid);
        const qint64 refNs = t.nsecsElapsed();
        t.restart();
        for (int i = 0; i < n; ++i)
            QVERIFY(verifier.verify(token, m_data).valid);
        const qint64 fastNs = t.nsecsElapsed();
        qInfo("TimestampToken::verify %.1f us/token, TimestampVerifier (warm) %.1f us/token", refNs / 1000.0 / n,
              fastNs / 1000.0 / n);
        QVERIFY(fastNs < refNs);
    }
};

QTEST_GUILESS_MAIN(TestTimestampVerifier)
#include "TestTimestampVerifier.moc"
