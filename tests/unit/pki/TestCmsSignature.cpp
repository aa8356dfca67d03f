#include "PkiTestSupport.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/CmsSignature.h"
#include "crypto/CmsVerifier.h"
#include "crypto/KeyPair.h"
#include "util/Clock.h"

#include <QTemporaryDir>
#include <QHash>
#include <QtTest>
#include <memory>
#include <openssl/cms.h>
#include <openssl/ess.h>
#include <openssl/pem.h>

using namespace ward;
using PkiTestSupport::at;

namespace {

struct Signer
{
    KeyPair key;
    Certificate cert;
};

Signer staffSigner(CertificateAuthority& ca, const QString& cn, const QDateTime& issuedAt, int days = 365,
                   CertificateProfile profile = CertificateProfile::StaffSigning)
{
    Signer s{KeyPair::generateP256(), {}};
    std::optional<CertificateRequest> csr = CertificateRequest::fromPem(CertificateRequest::createPem(s.key, cn));
    QString error;
    std::optional<Certificate> cert = ca.issue(*csr, profile, cn, days, issuedAt, {}, &error);
    if (!cert)
        qFatal("issue failed: %s", qPrintable(error));
    s.cert = *cert;
    return s;
}

std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> parse(const QByteArray& der)
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

// A CMS made directly with OpenSSL, for shapes our signer never produces.
QByteArray opensslSign(const QByteArray& body, const Signer& s, unsigned int flags)
{
    BIO* in = BIO_new_mem_buf(body.constData(), static_cast<int>(body.size()));
    CMS_ContentInfo* cms = CMS_sign(s.cert.get(), s.key.get(), nullptr, in, flags);
    BIO_free(in);
    const QByteArray out = encode(cms);
    CMS_ContentInfo_free(cms);
    return out;
}

} // namespace

// Every case runs three times (issue 5): against CmsSignature::verifyDetached (the reference, full path), a fresh
// CmsVerifier per call (cold cache: decode + chain on the fast path) and one CmsVerifier per trust list shared by
// all calls of a case (warm cache: later calls reuse the signer certificate and its chain). Same verdicts expected.
enum class VerifierMode { Reference, FreshVerifier, SharedVerifier };

class TestCmsSignature : public QObject
{
    Q_OBJECT

public:
    explicit TestCmsSignature(VerifierMode mode) : m_mode(mode) {}

private:
    CmsVerification check(const QByteArray& body, const QByteArray& der, const QList<Certificate>& cas,
                          const Certificate* expectedSigner = nullptr)
    {
        switch (m_mode) {
        case VerifierMode::Reference:
            return CmsSignature::verifyDetached(body, der, cas, expectedSigner);
        case VerifierMode::FreshVerifier:
            return CmsVerifier(cas).verify(body, der, expectedSigner);
        case VerifierMode::SharedVerifier:
            break;
        }
        QByteArray key;
        for (const Certificate& ca : cas)
            key += ca.sha256Fingerprint();
        std::shared_ptr<CmsVerifier>& v = m_verifiers[key];
        if (!v)
            v = std::make_shared<CmsVerifier>(cas);
        return v->verify(body, der, expectedSigner);
    }

    const VerifierMode m_mode;
    QHash<QByteArray, std::shared_ptr<CmsVerifier>> m_verifiers;

    const QDateTime m_caCreated = at(2026, 4, 1);
    const QDateTime m_now = at(2026, 5, 12, 14, 30, 15);
    const QByteArray m_body = QByteArray("{\"type\":\"progress-note\",\"S\":\"頭痛が続く\",\"O\":\"BT 37.8\"}\n");
    std::shared_ptr<ManualClock> m_clock;
    std::optional<CertificateAuthority> m_ca;
    std::optional<Signer> m_nurse;

private slots:
    void initTestCase()
    {
        static const char* const names[] = {"reference CmsSignature::verifyDetached", "fresh CmsVerifier per call",
                                            "shared CmsVerifier (warm cache)"};
        qInfo("verifier: %s", names[static_cast<int>(m_mode)]);
    }

    void init()
    {
        m_verifiers.clear();
        m_clock = std::make_shared<ManualClock>(m_now);
        Clock::setInstance(m_clock);
        m_ca.emplace(CertificateAuthority::create(QStringLiteral("WardStation Staff CA"), 3650, m_caCreated));
        m_nurse.emplace(staffSigner(*m_ca, QStringLiteral("nurse-0042"), m_caCreated.addDays(1)));
    }

    void cleanup() { Clock::setInstance(nullptr); }

    void signAndVerify()
    {
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        QVERIFY(!sig.isEmpty());
        const CmsVerification v = check(m_body, sig, {m_ca->certificate()});
        QVERIFY2(v.valid, qPrintable(v.error));
        QVERIFY(v.error.isEmpty());
        QCOMPARE(v.signer, m_nurse->cert);
        QCOMPARE(v.signingTime, m_now); // from the injected clock
        QVERIFY(check(m_body, sig, {m_ca->certificate()}, &m_nurse->cert).valid);
        // Several trust anchors: any one suffices.
        CertificateAuthority other = CertificateAuthority::create(QStringLiteral("Other CA"), 3650, m_caCreated);
        QVERIFY(check(m_body, sig, {other.certificate(), m_ca->certificate()}).valid);
        // An empty body is still a body.
        const QByteArray emptySig = CmsSignature::signDetached(QByteArray(), m_nurse->cert, m_nurse->key);
        QVERIFY(check(QByteArray(), emptySig, {m_ca->certificate()}).valid);
        QVERIFY(!check(QByteArray(1, '\0'), emptySig, {m_ca->certificate()}).valid);
    }

    // Proves: EX-3
    void structureIsCadesBes()
    {
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        auto cms = parse(sig);
        QVERIFY(cms);
        QCOMPARE(OBJ_obj2nid(CMS_get0_type(cms.get())), NID_pkcs7_signed);
        QCOMPARE(CMS_is_detached(cms.get()), 1);
        STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
        QCOMPARE(sk_CMS_SignerInfo_num(infos), 1);
        CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
        QVERIFY(CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1) >= 0);
        QVERIFY(CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1) >= 0);
        QVERIFY(CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, -1) >= 0);
        QVERIFY(CMS_signed_get_attr_by_NID(si, NID_pkcs9_contentType, -1) >= 0);
        X509_ALGOR* dig = nullptr;
        X509_ALGOR* alg = nullptr;
        CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &dig, &alg);
        const ASN1_OBJECT* oid = nullptr;
        X509_ALGOR_get0(&oid, nullptr, nullptr, dig);
        QCOMPARE(OBJ_obj2nid(oid), NID_sha256);
        // The signer's certificate travels with the signature.
        STACK_OF(X509)* certs = CMS_get1_certs(cms.get());
        QCOMPARE(sk_X509_num(certs), 1);
        QCOMPARE(X509_cmp(sk_X509_value(certs, 0), m_nurse->cert.get()), 0);
        sk_X509_pop_free(certs, X509_free);
    }

    // Proves: EX-2
    void changedBodyFails()
    {
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        const QList<Certificate> cas{m_ca->certificate()};
        QVERIFY(check(m_body, sig, cas).valid); // warms a shared verifier's cache
        CmsVerification v = check(m_body + '\n', sig, cas);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("body")), qPrintable(v.error));
        QCOMPARE(v.signer, m_nurse->cert); // still says who claimed to sign
        QVERIFY(!check(m_body.chopped(1), sig, cas).valid);
        QVERIFY(!check(QByteArray(), sig, cas).valid);
        for (int i = 0; i < m_body.size(); ++i) {
            QByteArray flipped = m_body;
            flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
            QVERIFY2(!check(flipped, sig, cas).valid, qPrintable(QString::number(i)));
        }
    }

    void changedSignatureFails()
    {
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        const QList<Certificate> cas{m_ca->certificate()};
        QVERIFY(check(m_body, sig, cas).valid); // warms a shared verifier's cache
        QVERIFY(!check(m_body, QByteArray(), cas).valid);
        QVERIFY(!check(m_body, "garbage", cas).valid);
        QVERIFY(!check(m_body, sig + '\0', cas).valid);
        QVERIFY(!check(m_body, sig.chopped(1), cas).valid);
        int rejected = 0;
        for (int i = 0; i < sig.size(); ++i) {
            QByteArray flipped = sig;
            flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
            const CmsVerification v = check(m_body, flipped, cas);
            if (!v.valid) {
                ++rejected;
                QVERIFY(!v.error.isEmpty());
            } else {
                qWarning("flip at %d of %d still verifies", i, int(sig.size()));
            }
        }
        QCOMPARE(rejected, int(sig.size()));
        // Every truncation is refused (and the structure walk stays inside the buffer: run under ASan).
        for (int len = 0; len < sig.size(); ++len)
            QVERIFY2(!check(m_body, sig.left(len), cas).valid, qPrintable(QString::number(len)));
    }

    void wrongTrustAnchorFails()
    {
        const QByteArray sig = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key);
        // Same name as the real CA: only the key differs.
        CertificateAuthority rogue = CertificateAuthority::create(QStringLiteral("WardStation Staff CA"), 3650,
                                                                  m_caCreated);
        CmsVerification v = check(m_body, sig, {rogue.certificate()});
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("not trusted")), qPrintable(v.error));
        QVERIFY(!check(m_body, sig, {}).valid);

        // A look-alike signer from the rogue CA does not verify against the real CA.
        Signer fake = staffSigner(rogue, QStringLiteral("nurse-0042"), m_caCreated.addDays(1));
        const QByteArray fakeSig = CmsSignature::signDetached(m_body, fake.cert, fake.key);
        QVERIFY(!check(m_body, fakeSig, {m_ca->certificate()}).valid);
    }

    void unexpectedSignerFails()
    {
        Signer other = staffSigner(*m_ca, QStringLiteral("nurse-0042"), m_caCreated.addDays(2));
        const QByteArray sig = CmsSignature::signDetached(m_body, other.cert, other.key);
        QVERIFY(check(m_body, sig, {m_ca->certificate()}).valid);
        CmsVerification v = check(m_body, sig, {m_ca->certificate()}, &m_nurse->cert);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(m_nurse->cert.serialHex()), qPrintable(v.error));
        QCOMPARE(v.signer, other.cert);
    }

    void keyNotMatchingCertificate()
    {
        // The signer refuses outright.
        const KeyPair stranger = KeyPair::generateP256();
        QString error;
        QVERIFY(CmsSignature::signDetached(m_body, m_nurse->cert, stranger, m_now, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(CmsSignature::signDetached(m_body, Certificate(), m_nurse->key).isEmpty());
        QVERIFY(CmsSignature::signDetached(m_body, m_nurse->cert, *KeyPair::fromPublicDer(m_nurse->key.publicDer()))
                    .isEmpty());

        // The nurse's genuine certificate is known (and cached by a shared verifier) before the forgeries arrive.
        QVERIFY(check(m_body, CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key), {m_ca->certificate()})
                    .valid);
        // A forger signs with their own key, then points the signer identifier at the nurse's certificate.
        Signer forger = staffSigner(*m_ca, QStringLiteral("forger"), m_caCreated.addDays(1));
        auto cms = parse(CmsSignature::signDetached(m_body, forger.cert, forger.key));
        CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
        ASN1_OCTET_STRING* keyId = nullptr;
        X509_NAME* issuer = nullptr;
        ASN1_INTEGER* serial = nullptr;
        QCOMPARE(CMS_SignerInfo_get0_signer_id(si, &keyId, &issuer, &serial), 1);
        QVERIFY(serial);
        QCOMPARE(ASN1_STRING_copy(serial, X509_get0_serialNumber(m_nurse->cert.get())), 1);
        QCOMPARE(CMS_add1_cert(cms.get(), m_nurse->cert.get()), 1);
        const QByteArray forged = encode(cms.get());
        const CmsVerification v = check(m_body, forged, {m_ca->certificate()});
        QVERIFY(!v.valid);
        QCOMPARE(v.signer, m_nurse->cert);
        QVERIFY(!v.error.isEmpty());

        // A better forger also puts the nurse's certificate hash into signingCertificateV2 before signing:
        // everything but the signature value itself is consistent.
        // It carries only the nurse's certificate (CMS_NOCERTS keeps its own out).
        const unsigned int flags = CMS_BINARY | CMS_DETACHED | CMS_PARTIAL | CMS_NOSMIMECAP | CMS_NOCERTS;
        auto partial = std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)>(
            CMS_sign(nullptr, nullptr, nullptr, nullptr, flags), &CMS_ContentInfo_free);
        si = CMS_add1_signer(partial.get(), forger.cert.get(), forger.key.get(), EVP_sha256(), flags);
        QVERIFY(si);
        ESS_SIGNING_CERT_V2* ess = OSSL_ESS_signing_cert_v2_new_init(EVP_sha256(), m_nurse->cert.get(), nullptr, 0);
        unsigned char* essDer = nullptr;
        const int essLen = i2d_ESS_SIGNING_CERT_V2(ess, &essDer);
        ESS_SIGNING_CERT_V2_free(ess);
        ASN1_STRING* seq = ASN1_STRING_new();
        ASN1_STRING_set(seq, essDer, essLen);
        OPENSSL_free(essDer);
        QCOMPARE(CMS_signed_add1_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, V_ASN1_SEQUENCE, seq, -1), 1);
        ASN1_STRING_free(seq);
        ASN1_TIME* when = ASN1_TIME_set(nullptr, static_cast<time_t>(m_now.toSecsSinceEpoch()));
        QCOMPARE(CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, when->type, when, -1), 1);
        ASN1_TIME_free(when);
        BIO* in = BIO_new_mem_buf(m_body.constData(), static_cast<int>(m_body.size()));
        QCOMPARE(CMS_final(partial.get(), in, nullptr, flags), 1);
        BIO_free(in);
        si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(partial.get()), 0);
        QCOMPARE(CMS_SignerInfo_get0_signer_id(si, &keyId, &issuer, &serial), 1);
        QCOMPARE(ASN1_STRING_copy(serial, X509_get0_serialNumber(m_nurse->cert.get())), 1);
        QCOMPARE(CMS_add1_cert(partial.get(), m_nurse->cert.get()), 1);
        const CmsVerification v2 = check(m_body, encode(partial.get()), {m_ca->certificate()});
        QVERIFY(!v2.valid);
        QCOMPARE(v2.signer, m_nurse->cert);
        QVERIFY2(v2.error.contains(QStringLiteral("signature value does not verify")), qPrintable(v2.error));
    }

    void expiredCertificateStillVerifiesAtSigningTime()
    {
        // A certificate valid for 30 days in 2026-04; the record is signed inside that window.
        Signer old = staffSigner(*m_ca, QStringLiteral("nurse-0007"), at(2026, 4, 2), 30);
        m_clock->setNowUtc(at(2026, 4, 20, 8, 0, 0));
        const QByteArray sig = CmsSignature::signDetached(m_body, old.cert, old.key);

        // Years later the certificate has long expired (or been replaced by a password reset).
        m_clock->setNowUtc(at(2029, 1, 1));
        QVERIFY(!old.cert.isValidAt(m_clock->nowUtc()));
        const CmsVerification v = check(m_body, sig, {m_ca->certificate()}, &old.cert);
        QVERIFY2(v.valid, qPrintable(v.error));
        QCOMPARE(v.signingTime, at(2026, 4, 20, 8, 0, 0));

        // A signature claiming a time after expiry is refused.
        const QByteArray late = CmsSignature::signDetached(m_body, old.cert, old.key, at(2026, 6, 1), nullptr);
        const CmsVerification lateV = check(m_body, late, {m_ca->certificate()});
        QVERIFY(!lateV.valid);
        QVERIFY2(lateV.error.contains(QStringLiteral("expired")), qPrintable(lateV.error));
        // And one before the certificate existed.
        const QByteArray early = CmsSignature::signDetached(m_body, old.cert, old.key, at(2026, 3, 1), nullptr);
        QVERIFY(!check(m_body, early, {m_ca->certificate()}).valid);
    }

    void signingTimeInTheFutureFails()
    {
        QVERIFY(check(m_body, CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key), {m_ca->certificate()})
                    .valid); // warms a shared verifier's cache
        const QByteArray sig = CmsSignature::signDetached(
            m_body, m_nurse->cert, m_nurse->key, m_now.addSecs(CmsSignature::kMaxFutureSkewSecs + 60), nullptr);
        const CmsVerification v = check(m_body, sig, {m_ca->certificate()});
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("future")), qPrintable(v.error));
        // Within the allowed skew it is fine.
        const QByteArray near = CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key, m_now.addSecs(60),
                                                           nullptr);
        QVERIFY(check(m_body, near, {m_ca->certificate()}).valid);
    }

    void certificateWithoutSigningPurposeFails()
    {
        // A terminal's TLS certificate must not sign clinical records.
        Signer terminal = staffSigner(*m_ca, QStringLiteral("terminal-07"), m_caCreated.addDays(1), 365,
                                      CertificateProfile::TerminalClient);
        const QByteArray sig = CmsSignature::signDetached(m_body, terminal.cert, terminal.key);
        const CmsVerification v = check(m_body, sig, {m_ca->certificate()});
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("purpose")), qPrintable(v.error));
    }

    void otherShapesRefused()
    {
        const QList<Certificate> cas{m_ca->certificate()};
        // Attached content instead of detached.
        const QByteArray attached = opensslSign(m_body, *m_nurse, CMS_BINARY | CMS_CADES);
        CmsVerification v = check(m_body, attached, cas);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("detached")), qPrintable(v.error));
        // Plain CMS without signingCertificateV2 (not CAdES-BES). OpenSSL stamps the OS time: move our clock there.
        m_clock->setNowUtc(QDateTime::currentDateTimeUtc());
        const QByteArray plain = opensslSign(m_body, *m_nurse, CMS_BINARY | CMS_DETACHED);
        v = check(m_body, plain, cas);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("signing-certificate-v2")), qPrintable(v.error));
        // No signing time.
        const QByteArray noAttrs = opensslSign(m_body, *m_nurse, CMS_BINARY | CMS_DETACHED | CMS_NOATTR);
        v = check(m_body, noAttrs, cas);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("signing time")), qPrintable(v.error));
    }

    void carriedCertificatesMustBelongToTheChain()
    {
        const QList<Certificate> cas{m_ca->certificate()};
        auto withCa = parse(CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key));
        QCOMPARE(CMS_add1_cert(withCa.get(), m_ca->certificate().get()), 1);
        CmsVerification v = check(m_body, encode(withCa.get()), cas);
        QVERIFY2(v.valid, qPrintable(v.error));

        CertificateAuthority stranger = CertificateAuthority::create(QStringLiteral("Stranger"), 3650, m_caCreated);
        auto withStranger = parse(CmsSignature::signDetached(m_body, m_nurse->cert, m_nurse->key));
        QCOMPARE(CMS_add1_cert(withStranger.get(), stranger.certificate().get()), 1);
        v = check(m_body, encode(withStranger.get()), cas);
        QVERIFY(!v.valid);
        QVERIFY2(v.error.contains(QStringLiteral("not part of")), qPrintable(v.error));
    }

    void stockOpensslCliAgrees()
    {
        // The CLI checks certificates at the real current time: issue and sign "now".
        const QDateTime realNow = QDateTime::currentDateTimeUtc();
        m_clock->setNowUtc(realNow);
        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation Staff CA"), 3650, realNow);
        Signer nurse = staffSigner(ca, QStringLiteral("佐藤 花子"), realNow);
        const QByteArray sig = CmsSignature::signDetached(m_body, nurse.cert, nurse.key);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString body = dir.filePath(QStringLiteral("body"));
        const QString sigDer = dir.filePath(QStringLiteral("sig.der"));
        const QString caPem = dir.filePath(QStringLiteral("ca.pem"));
        QVERIFY(PkiTestSupport::writeFile(body, m_body));
        QVERIFY(PkiTestSupport::writeFile(sigDer, sig));
        QVERIFY(PkiTestSupport::writeFile(caPem, ca.certificate().toPem()));
        const QStringList verifyArgs{QStringLiteral("cms"),
                                     QStringLiteral("-verify"),
                                     QStringLiteral("-binary"),
                                     QStringLiteral("-content"),
                                     body,
                                     QStringLiteral("-inform"),
                                     QStringLiteral("DER"),
                                     QStringLiteral("-in"),
                                     sigDer,
                                     QStringLiteral("-CAfile"),
                                     caPem,
                                     QStringLiteral("-out"),
                                     QStringLiteral("/dev/null")};
        PkiTestSupport::CliResult r = PkiTestSupport::openssl(verifyArgs);
        QVERIFY2(r.exitCode == 0, r.output.constData());
        QVERIFY2(r.output.contains("Verification successful"), r.output.constData());

        QVERIFY(PkiTestSupport::writeFile(body, m_body + 'x'));
        r = PkiTestSupport::openssl(verifyArgs);
        QVERIFY2(r.exitCode != 0, r.output.constData());
        QVERIFY2(r.output.contains("content verify error") || r.output.contains("digest failure"),
                 r.output.constData());

        // The other direction: a signature made by the stock CLI verifies with our verifier.
        QVERIFY(PkiTestSupport::writeFile(body, m_body));
        const QString signerPem = dir.filePath(QStringLiteral("signer.pem"));
        const QString keyPem = dir.filePath(QStringLiteral("key.pem"));
        const QString cliSig = dir.filePath(QStringLiteral("cli.der"));
        QVERIFY(PkiTestSupport::writeFile(signerPem, nurse.cert.toPem()));
        QVERIFY(PkiTestSupport::writeFile(keyPem, nurse.key.privatePem().toQByteArrayUnsafe()));
        r = PkiTestSupport::openssl({QStringLiteral("cms"), QStringLiteral("-sign"), QStringLiteral("-binary"),
                                     QStringLiteral("-cades"), QStringLiteral("-md"), QStringLiteral("sha256"),
                                     QStringLiteral("-in"), body, QStringLiteral("-signer"), signerPem,
                                     QStringLiteral("-inkey"), keyPem, QStringLiteral("-outform"),
                                     QStringLiteral("DER"), QStringLiteral("-out"), cliSig});
        QVERIFY2(r.exitCode == 0, r.output.constData());
        const CmsVerification v = check(m_body, PkiTestSupport::readFile(cliSig),
                                                               {ca.certificate()}, &nurse.cert);
        QVERIFY2(v.valid, qPrintable(v.error));
        QVERIFY(qAbs(v.signingTime.secsTo(realNow)) < 60);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int failed = 0;
    for (VerifierMode mode : {VerifierMode::Reference, VerifierMode::FreshVerifier, VerifierMode::SharedVerifier}) {
        TestCmsSignature test(mode);
        failed += QTest::qExec(&test, argc, argv);
    }
    return failed;
}
#include "TestCmsSignature.moc"
