#include "PkiTestSupport.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/CmsSignature.h"
#include "crypto/Digest.h"
#include "crypto/TimestampAuthority.h"
#include "crypto/TimestampToken.h"
#include "crypto/TimestampVerifier.h"

#include <QTemporaryDir>
#include <QtTest>
#include <openssl/ts.h>
#include <map>
#include <memory>
#include <stdexcept>

using namespace ward;
using PkiTestSupport::at;

namespace {

// The token's TSTInfo, parsed with OpenSSL directly (independent of TimestampToken).
std::unique_ptr<TS_TST_INFO, decltype(&TS_TST_INFO_free)> tstInfo(const QByteArray& token)
{
    const auto* p = reinterpret_cast<const unsigned char*>(token.constData());
    PKCS7* p7 = d2i_PKCS7(nullptr, &p, static_cast<long>(token.size()));
    TS_TST_INFO* info = p7 ? PKCS7_to_TS_TST_INFO(p7) : nullptr;
    PKCS7_free(p7);
    return {info, &TS_TST_INFO_free};
}

// Every case runs three times: against TimestampToken::verify itself, against a fresh TimestampVerifier per call
// (cold cache), and against one TimestampVerifier per trust-anchor set kept for the whole case (shared, warm cache).
// In the verifier modes each verdict is also compared field by field with the reference.
enum class Mode { Reference, Cold, Shared };

} // namespace

class TestTimestamp : public QObject
{
    Q_OBJECT

public:
    explicit TestTimestamp(Mode mode) : m_mode(mode) {}

private:
    const Mode m_mode;
    std::map<QByteArray, std::unique_ptr<TimestampVerifier>> m_shared;
    int m_mismatches = 0;

    TimestampVerification verifyToken(const QByteArray& token, const QByteArray& data, const QList<Certificate>& cas)
    {
        const TimestampVerification ref = TimestampToken::verify(token, data, cas);
        if (m_mode == Mode::Reference)
            return ref;
        TimestampVerification got;
        if (m_mode == Mode::Cold) {
            got = TimestampVerifier(cas).verify(token, data);
        } else {
            QByteArray key;
            for (const Certificate& ca : cas)
                key += ca.toDer();
            std::unique_ptr<TimestampVerifier>& v = m_shared[key];
            if (!v)
                v = std::make_unique<TimestampVerifier>(cas);
            got = v->verify(token, data);
        }
        if (got.valid != ref.valid || got.error != ref.error || got.genTime != ref.genTime
            || got.serialHex != ref.serialHex) {
            ++m_mismatches;
            qWarning("verifier %s \"%s\" vs reference %s \"%s\"", got.valid ? "valid" : "invalid",
                     qPrintable(got.error), ref.valid ? "valid" : "invalid", qPrintable(ref.error));
        }
        return got;
    }

    const QDateTime m_caCreated = at(2026, 4, 1);
    const QDateTime m_now = at(2026, 5, 12, 14, 30, 15).addMSecs(123);
    // Binary, with a NUL inside: what the hub stamps is a DER signature.
    const QByteArray m_data = QByteArray::fromHex("3082031e00") + QByteArray("signature bytes of record 3f2a v4");
    std::optional<CertificateAuthority> m_ca;
    std::optional<TimestampAuthority> m_tsa;

private slots:
    void initTestCase()
    {
        qInfo("mode: %s", m_mode == Mode::Reference ? "TimestampToken::verify"
                              : m_mode == Mode::Cold ? "TimestampVerifier, cold cache"
                                                     : "TimestampVerifier, shared cache");
    }

    void cleanup()
    {
        m_shared.clear();
        const int mismatches = m_mismatches;
        m_mismatches = 0;
        QCOMPARE(mismatches, 0);
    }

    void init()
    {
        m_ca.emplace(CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_caCreated));
        auto [key, cert] = m_ca->issueWithNewKey(CertificateProfile::TimestampAuthority, QStringLiteral("WardHub TSA"),
                                                 1825, m_caCreated);
        m_tsa.emplace(cert, std::move(key), QList<Certificate>{m_ca->certificate()});
    }

    // Proves: AUD-3
    void stampAndVerify()
    {
        const QByteArray token = m_tsa->stamp(m_data, m_now);
        QVERIFY(!token.isEmpty());
        const TimestampVerification v = verifyToken(token, m_data, {m_ca->certificate()});
        QVERIFY2(v.valid, qPrintable(v.error));
        QVERIFY(v.error.isEmpty());
        QCOMPARE(v.genTime, m_now); // the injected time, to the millisecond

        auto info = tstInfo(token);
        QVERIFY(info);
        QCOMPARE(TS_TST_INFO_get_version(info.get()), 1L);
        const ASN1_OCTET_STRING* imprint = TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(info.get()));
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(imprint)), ASN1_STRING_length(imprint)),
                 Digest::sha256(m_data));
        char policy[128] = {};
        OBJ_obj2txt(policy, sizeof policy, TS_TST_INFO_get_policy_id(info.get()), 1);
        QCOMPARE(QByteArray(policy), QByteArray(TimestampAuthority::kPolicyOid));
        QVERIFY(v.serialHex.size() >= 30);

        // Every token gets its own serial, even for the same data at the same instant.
        const TimestampVerification again = verifyToken(m_tsa->stamp(m_data, m_now), m_data,
                                                                   {m_ca->certificate()});
        QVERIFY(again.valid);
        QVERIFY(again.serialHex != v.serialHex);

        // stampSha256 is the same operation over a caller-computed digest.
        const QByteArray viaDigest = m_tsa->stampSha256(Digest::sha256(m_data), m_now);
        QVERIFY(verifyToken(viaDigest, m_data, {m_ca->certificate()}).valid);
        QVERIFY(m_tsa->stampSha256(QByteArray(31, 'x'), m_now).isEmpty());
        QVERIFY(m_tsa->stamp(m_data, QDateTime()).isEmpty());
    }

    void alteredDataFails()
    {
        const QByteArray token = m_tsa->stamp(m_data, m_now);
        for (const QByteArray& other : {QByteArray(m_data + 'x'), m_data.chopped(1), QByteArray()}) {
            const TimestampVerification v = verifyToken(token, other, {m_ca->certificate()});
            QVERIFY(!v.valid);
            QVERIFY2(v.error.contains(QStringLiteral("does not cover")), qPrintable(v.error));
            QCOMPARE(v.genTime, m_now);
        }
        QByteArray flipped = m_data;
        flipped[5] = static_cast<char>(flipped[5] ^ 0x01);
        QVERIFY(!verifyToken(token, flipped, {m_ca->certificate()}).valid);
    }

    void alteredTokenFails()
    {
        const QByteArray token = m_tsa->stamp(m_data, m_now);
        QVERIFY(!verifyToken(QByteArray(), m_data, {m_ca->certificate()}).valid);
        const TimestampVerification garbage = verifyToken("garbage", m_data, {m_ca->certificate()});
        QVERIFY(!garbage.valid);
        QVERIFY(!garbage.error.isEmpty());
        QVERIFY(!verifyToken(token + '\0', m_data, {m_ca->certificate()}).valid);
        // A CMS signature is not a time-stamp token.
        QVERIFY(!verifyToken(QByteArray::fromHex("3003020100"), m_data, {m_ca->certificate()}).valid);
        int accepted = 0;
        for (int i = 0; i < token.size(); ++i) {
            QByteArray bad = token;
            bad[i] = static_cast<char>(bad[i] ^ 0x01);
            const TimestampVerification v = verifyToken(bad, m_data, {m_ca->certificate()});
            if (v.valid) {
                ++accepted;
                qWarning("flip at %d of %d still verifies", i, int(token.size()));
            } else {
                QVERIFY(!v.error.isEmpty());
            }
        }
        QCOMPARE(accepted, 0);
        for (int len = 0; len < token.size(); ++len)
            QVERIFY2(!verifyToken(token.left(len), m_data, {m_ca->certificate()}).valid,
                     qPrintable(QString::number(len)));
    }

    void wrongTrustAnchorFails()
    {
        const QByteArray token = m_tsa->stamp(m_data, m_now);
        CertificateAuthority rogue = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_caCreated);
        const TimestampVerification v = verifyToken(token, m_data, {rogue.certificate()});
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("not trusted")), qPrintable(v.error));
        QVERIFY(!verifyToken(token, m_data, {}).valid);
    }

    void tsaCertificateJudgedAtGenTime()
    {
        // A short-lived TSA certificate: tokens from its lifetime stay valid, later ones are refused.
        auto [key, cert] = m_ca->issueWithNewKey(CertificateProfile::TimestampAuthority, QStringLiteral("Old TSA"), 30,
                                                 at(2026, 4, 2));
        TimestampAuthority oldTsa(cert, std::move(key), {});
        const QByteArray inside = oldTsa.stamp(m_data, at(2026, 4, 20));
        const TimestampVerification v = verifyToken(inside, m_data, {m_ca->certificate()});
        QVERIFY2(v.valid, qPrintable(v.error));
        const QByteArray after = oldTsa.stamp(m_data, at(2026, 6, 1));
        const TimestampVerification late = verifyToken(after, m_data, {m_ca->certificate()});
        QVERIFY(!late.valid);
        QVERIFY2(late.error.contains(QStringLiteral("expired")), qPrintable(late.error));
    }

    void tsaRefusesWrongCertificateOrKey()
    {
        // A staff signing certificate lacks the critical timeStamping EKU.
        auto [staffKey, staffCert] = m_ca->issueWithNewKey(CertificateProfile::StaffSigning,
                                                           QStringLiteral("nurse-0042"), 365, m_caCreated);
        QString error;
        QVERIFY(!TimestampAuthority::create(staffCert, std::move(staffKey), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("timeStamping")), qPrintable(error));

        auto [tsaKey, tsaCert] = m_ca->issueWithNewKey(CertificateProfile::TimestampAuthority, QStringLiteral("TSA 2"),
                                                       365, m_caCreated);
        QVERIFY(!TimestampAuthority::create(tsaCert, KeyPair::generateP256(), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("does not belong")), qPrintable(error));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TimestampAuthority(tsaCert, KeyPair::generateP256(), {}));
        QVERIFY(!TimestampAuthority::create(tsaCert, *KeyPair::fromPublicDer(tsaKey.publicDer()), {}, &error));
        QVERIFY(TimestampAuthority::create(tsaCert, std::move(tsaKey), {}, &error));
    }

    void stockOpensslCliAgrees()
    {
        // The CLI checks certificates at the real current time. Fixed milliseconds: DER drops trailing zeros of
        // the fraction (…12.120Z is written …12.12Z), which would make the printed form below vary.
        QDateTime realNow = QDateTime::currentDateTimeUtc();
        realNow = realNow.addMSecs(123 - realNow.time().msec());
        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, realNow);
        auto [key, cert] = ca.issueWithNewKey(CertificateProfile::TimestampAuthority, QStringLiteral("WardHub TSA"),
                                              1825, realNow);
        TimestampAuthority tsa(cert, std::move(key), {ca.certificate()});

        // What the hub stamps: the record's CMS signature.
        auto [staffKey, staffCert] = ca.issueWithNewKey(CertificateProfile::StaffSigning, QStringLiteral("nurse-0042"),
                                                        365, realNow);
        const QByteArray sig = CmsSignature::signDetached("record body", staffCert, staffKey, realNow);
        const QByteArray token = tsa.stamp(sig, realNow);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("sig.der"));
        const QString tokenFile = dir.filePath(QStringLiteral("token.der"));
        const QString caPem = dir.filePath(QStringLiteral("ca.pem"));
        const QString tsaPem = dir.filePath(QStringLiteral("tsa.pem"));
        QVERIFY(PkiTestSupport::writeFile(data, sig));
        QVERIFY(PkiTestSupport::writeFile(tokenFile, token));
        QVERIFY(PkiTestSupport::writeFile(caPem, ca.certificate().toPem()));
        QVERIFY(PkiTestSupport::writeFile(tsaPem, cert.toPem()));
        const QStringList args{QStringLiteral("ts"),
                               QStringLiteral("-verify"),
                               QStringLiteral("-data"),
                               data,
                               QStringLiteral("-in"),
                               tokenFile,
                               QStringLiteral("-token_in"),
                               QStringLiteral("-CAfile"),
                               caPem,
                               QStringLiteral("-untrusted"),
                               tsaPem};
        PkiTestSupport::CliResult r = PkiTestSupport::openssl(args);
        QVERIFY2(r.exitCode == 0, r.output.constData());
        QVERIFY2(r.output.contains("Verification: OK"), r.output.constData());

        QVERIFY(PkiTestSupport::writeFile(data, sig + 'x'));
        r = PkiTestSupport::openssl(args);
        QVERIFY2(r.exitCode != 0, r.output.constData());
        QVERIFY2(r.output.contains("Verification: FAILED"), r.output.constData());
        QVERIFY2(r.output.contains("message imprint mismatch"), r.output.constData());

        // The CLI reads the same genTime (milliseconds included) and policy.
        r = PkiTestSupport::openssl({QStringLiteral("ts"), QStringLiteral("-reply"), QStringLiteral("-in"), tokenFile,
                                     QStringLiteral("-token_in"), QStringLiteral("-text"),
                                     QStringLiteral("-token_out")});
        QVERIFY2(r.exitCode == 0, r.output.constData());
        const QByteArray expectedTime =
            QLocale::c().toString(realNow, QStringLiteral("MMM d HH:mm:ss.zzz yyyy")).toLatin1();
        QVERIFY2(r.output.simplified().contains(expectedTime), r.output.constData());
        QVERIFY2(r.output.contains(TimestampAuthority::kPolicyOid), r.output.constData());
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int failed = 0;
    for (Mode mode : {Mode::Reference, Mode::Cold, Mode::Shared}) {
        TestTimestamp test(mode);
        failed += QTest::qExec(&test, argc, argv);
    }
    return failed;
}
#include "TestTimestamp.moc"
