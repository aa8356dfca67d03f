#include "PkiTestSupport.h"
#include "crypto/Certificate.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/CertificateRequest.h"
#include "crypto/CryptoError.h"
#include "crypto/Digest.h"
#include "crypto/KeyPair.h"

#include <QSslCertificate>
#include <QtTest>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <stdexcept>

using namespace ward;
using PkiTestSupport::at;

Q_DECLARE_METATYPE(ward::CertificateProfile)

namespace {

QByteArray csrDer(const QByteArray& pem)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    X509_REQ* req = PEM_read_bio_X509_REQ(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    unsigned char* der = nullptr;
    const int len = i2d_X509_REQ(req, &der);
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    X509_REQ_free(req);
    return out;
}

QByteArray csrPemFromDer(const QByteArray& der)
{
    return "-----BEGIN CERTIFICATE REQUEST-----\n" + der.toBase64() + "\n-----END CERTIFICATE REQUEST-----\n";
}

CertificateRequest requestFor(const KeyPair& key, const QString& cn = QStringLiteral("terminal-07"))
{
    std::optional<CertificateRequest> csr = CertificateRequest::fromPem(CertificateRequest::createPem(key, cn));
    if (!csr)
        qFatal("CSR creation failed");
    return *csr;
}

} // namespace

class TestCertificateAuthority : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = at(2026, 4, 1);

private slots:
    void keyPairRoundTrip()
    {
        const KeyPair key = KeyPair::generateP256();
        QVERIFY(!key.isNull());
        QVERIFY(key.hasPrivate());
        const SecureBytes pem = key.privatePem();
        QVERIFY(pem.toQByteArrayUnsafe().startsWith("-----BEGIN PRIVATE KEY-----"));

        std::optional<KeyPair> restored = KeyPair::fromPrivatePem(pem);
        QVERIFY(restored);
        QVERIFY(restored->hasPrivate());
        QCOMPARE(restored->publicDer(), key.publicDer());

        std::optional<KeyPair> pub = KeyPair::fromPublicDer(key.publicDer());
        QVERIFY(pub);
        QVERIFY(!pub->hasPrivate());
        QCOMPARE(pub->publicDer(), key.publicDer());

        const QByteArray msg("BP 128/82, pulse 71");
        const QByteArray sig = restored->sign(msg);
        QVERIFY(pub->verify(msg, sig));
        QVERIFY(!pub->verify(msg + ' ', sig));
        QByteArray badSig = sig;
        badSig[badSig.size() - 1] = static_cast<char>(badSig[badSig.size() - 1] ^ 0x01);
        QVERIFY(!pub->verify(msg, badSig));
        QVERIFY(!pub->verify(msg, QByteArray()));
        QVERIFY(!pub->verify(msg, QByteArray("not a signature")));
        QVERIFY(!KeyPair::generateP256().verify(msg, sig));
        QVERIFY_THROWS_EXCEPTION(CryptoError, pub->sign(msg));
        QVERIFY_THROWS_EXCEPTION(CryptoError, pub->privatePem());

        KeyPair moved = std::move(*restored);
        QVERIFY(restored->isNull());
        QVERIFY(!restored->hasPrivate());
        QVERIFY(moved.verify(msg, sig));
    }

    void keyPairRefusesBadInput()
    {
        QVERIFY(!KeyPair::fromPrivatePem(SecureBytes()));
        QVERIFY(!KeyPair::fromPrivatePem(SecureBytes::fromQByteArray("-----BEGIN PRIVATE KEY-----\nAAAA\n")));
        const SecureBytes good = KeyPair::generateP256().privatePem();
        const QByteArray truncated = good.toQByteArrayUnsafe().left(static_cast<qsizetype>(good.size()) / 2);
        QVERIFY(!KeyPair::fromPrivatePem(SecureBytes::fromQByteArray(truncated)));

        const QByteArray spki = KeyPair::generateP256().publicDer();
        QVERIFY(!KeyPair::fromPublicDer(QByteArray()));
        QVERIFY(!KeyPair::fromPublicDer(spki.left(spki.size() - 1)));
        QVERIFY(!KeyPair::fromPublicDer(spki + '\0'));

        // Other curves are not this class's key (EX-3 fixes P-256 for our own keys).
        EVP_PKEY* p384 = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
        BIO* bio = BIO_new(BIO_s_mem());
        PEM_write_bio_PKCS8PrivateKey(bio, p384, nullptr, nullptr, 0, nullptr, nullptr);
        char* data = nullptr;
        const long len = BIO_get_mem_data(bio, &data);
        QVERIFY(!KeyPair::fromPrivatePem(SecureBytes(data, static_cast<std::size_t>(len))));
        BIO_free(bio);

        // An encrypted PEM must fail rather than prompt for a passphrase on the terminal.
        EVP_PKEY* p256 = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        bio = BIO_new(BIO_s_mem());
        char pass[] = "secret";
        QCOMPARE(PEM_write_bio_PKCS8PrivateKey(bio, p256, EVP_aes_256_cbc(), pass, 6, nullptr, nullptr), 1);
        BIO_get_mem_data(bio, &data);
        const long encLen = BIO_get_mem_data(bio, &data);
        QVERIFY(QByteArray(data, encLen).contains("ENCRYPTED"));
        QVERIFY(!KeyPair::fromPrivatePem(SecureBytes(data, static_cast<std::size_t>(encLen))));
        BIO_free(bio);
        EVP_PKEY_free(p256);

        unsigned char* der = nullptr;
        const int derLen = i2d_PUBKEY(p384, &der);
        QVERIFY(!KeyPair::fromPublicDer(QByteArray(reinterpret_cast<const char*>(der), derLen)));
        OPENSSL_free(der);
        EVP_PKEY_free(p384);
    }

    void csrCreateAndParse()
    {
        const KeyPair key = KeyPair::generateP256();
        const QString name = QStringLiteral("佐藤 花子");
        const QByteArray pem = CertificateRequest::createPem(key, name);
        QVERIFY(pem.startsWith("-----BEGIN CERTIFICATE REQUEST-----"));
        std::optional<CertificateRequest> csr = CertificateRequest::fromPem(pem);
        QVERIFY(csr);
        QVERIFY(csr->signatureValid());
        QCOMPARE(csr->commonName(), name);
        QCOMPARE(csr->publicKeyDer(), key.publicDer());
        QCOMPARE(csr->toPem(), pem);
        // ECDSA-SHA256 self-signature.
        QCOMPARE(X509_REQ_get_signature_nid(csr->get()), NID_ecdsa_with_SHA256);
    }

    void csrRefusesBadInput()
    {
        const KeyPair key = KeyPair::generateP256();
        QVERIFY(CertificateRequest::createPem(key, QString()).isEmpty());
        QVERIFY(CertificateRequest::createPem(key, QStringLiteral("   ")).isEmpty());
        QVERIFY(CertificateRequest::createPem(key, QString(65, QLatin1Char('x'))).isEmpty());
        QVERIFY(!CertificateRequest::createPem(key, QString(64, QLatin1Char('x'))).isEmpty());
        std::optional<KeyPair> pub = KeyPair::fromPublicDer(key.publicDer());
        QVERIFY_THROWS_EXCEPTION(CryptoError, CertificateRequest::createPem(*pub, QStringLiteral("x")));

        QVERIFY(!CertificateRequest::fromPem(QByteArray()));
        QVERIFY(!CertificateRequest::fromPem("garbage"));
        QVERIFY(!CertificateRequest::fromPem(csrPemFromDer("\x30\x03\x02\x01\x00")));
        const QByteArray der = csrDer(CertificateRequest::createPem(key, QStringLiteral("terminal-07")));
        QVERIFY(!CertificateRequest::fromPem(csrPemFromDer(der.left(der.size() - 5))));
    }

    void tamperedCsrRefusedByCa()
    {
        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        const KeyPair key = KeyPair::generateP256();
        const QByteArray der = csrDer(CertificateRequest::createPem(key, QStringLiteral("terminal-07")));

        // Subject changed after signing.
        QByteArray renamed = der;
        const qsizetype at = renamed.indexOf("terminal-07");
        QVERIFY(at > 0);
        renamed[at + 10] = '8';
        // Signature bits changed.
        QByteArray resigned = der;
        resigned[resigned.size() - 3] = static_cast<char>(resigned[resigned.size() - 3] ^ 0x01);

        for (const QByteArray& bad : {renamed, resigned}) {
            std::optional<CertificateRequest> csr = CertificateRequest::fromPem(csrPemFromDer(bad));
            QVERIFY(csr);
            QVERIFY(!csr->signatureValid());
            QString error;
            QVERIFY(!ca.issue(*csr, CertificateProfile::TerminalClient, QStringLiteral("terminal-07"), 365, m_now, {},
                              &error));
            QVERIFY2(error.contains(QStringLiteral("signature")), qPrintable(error));
        }
        // Null request.
        QString error;
        QVERIFY(!ca.issue(CertificateRequest(), CertificateProfile::TerminalClient, QStringLiteral("t"), 1, m_now, {},
                          &error));
        QVERIFY(!error.isEmpty());
    }

    void weakCsrKeyRefused()
    {
        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        const KeyPair rsa1024(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(1024)));
        std::optional<CertificateRequest> csr = CertificateRequest::fromPem(
            CertificateRequest::createPem(rsa1024, QStringLiteral("old-terminal")));
        QVERIFY(csr);
        QVERIFY(csr->signatureValid());
        QString error;
        QVERIFY(!ca.issue(*csr, CertificateProfile::TerminalClient, QStringLiteral("old-terminal"), 365, m_now, {},
                          &error));
        QVERIFY2(error.contains(QStringLiteral("2048")), qPrintable(error));

        const KeyPair rsa2048(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)));
        csr = CertificateRequest::fromPem(CertificateRequest::createPem(rsa2048, QStringLiteral("rsa-terminal")));
        QVERIFY(ca.issue(*csr, CertificateProfile::TerminalClient, QStringLiteral("rsa-terminal"), 365, m_now));
    }

    void caCreateAndLoad()
    {
        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        const Certificate& cert = ca.certificate();
        QCOMPARE(cert.subjectCommonName(), QStringLiteral("WardStation CA"));
        QCOMPARE(cert.issuerCommonName(), QStringLiteral("WardStation CA"));
        QVERIFY(cert.isCa());
        QVERIFY(cert.isIssuedBy(cert));
        QVERIFY(PkiTestSupport::extensionCritical(cert, NID_basic_constraints));
        QVERIFY(PkiTestSupport::extensionCritical(cert, NID_key_usage));
        QCOMPARE(X509_get_key_usage(cert.get()), static_cast<uint32_t>(KU_KEY_CERT_SIGN | KU_CRL_SIGN));
        QCOMPARE(X509_get_pathlen(cert.get()), 0L);
        QCOMPARE(cert.notBefore(), m_now.addSecs(-CertificateAuthority::kClockSkewAllowanceSecs));
        QCOMPARE(cert.notAfter(), m_now.addDays(3650));
        QCOMPARE(X509_get_signature_nid(cert.get()), NID_ecdsa_with_SHA256);

        std::optional<CertificateAuthority> loaded = CertificateAuthority::load(cert.toPem(), ca.privateKeyPem());
        QVERIFY(loaded);
        QCOMPARE(loaded->certificate(), cert);
        // The loaded CA issues certificates that chain to the original.
        const KeyPair key = KeyPair::generateP256();
        std::optional<Certificate> leaf = loaded->issue(requestFor(key), CertificateProfile::TerminalClient,
                                                        QStringLiteral("t1"), 30, m_now);
        QVERIFY(leaf);
        QVERIFY(leaf->isIssuedBy(cert));

        // Wrong key, non-CA certificate, garbage.
        CertificateAuthority other = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        QVERIFY(!CertificateAuthority::load(cert.toPem(), other.privateKeyPem()));
        QVERIFY(!CertificateAuthority::load(leaf->toPem(), key.privatePem()));
        QVERIFY(!CertificateAuthority::load("garbage", ca.privateKeyPem()));
        QVERIFY(!CertificateAuthority::load(cert.toPem(), SecureBytes::fromQByteArray("garbage")));

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CertificateAuthority::create(QString(), 10, m_now));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CertificateAuthority::create(QStringLiteral("CA"), 0, m_now));
    }

    void certificateParsing()
    {
        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        const Certificate& cert = ca.certificate();
        const QByteArray der = cert.toDer();
        QCOMPARE(cert.sha256Fingerprint(), Digest::sha256(der));
        QCOMPARE(cert.sha256Fingerprint().size(), 32);
        QCOMPARE(Certificate::fromDer(der)->toDer(), der);
        QCOMPARE(Certificate::fromPem(cert.toPem())->toDer(), der);
        QVERIFY(!Certificate::fromDer(der + '\0'));
        QVERIFY(!Certificate::fromDer(der.left(der.size() - 1)));
        QVERIFY(!Certificate::fromDer(QByteArray()));
        QVERIFY(!Certificate::fromPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        QVERIFY(!Certificate::fromPem(QByteArray()));
        // Qt's TLS stack reads the same certificate.
        const QSslCertificate qt(cert.toPem());
        QVERIFY(!qt.isNull());
        QCOMPARE(
            qt.serialNumber().replace(':', "").toLower(),
            cert.serialHex().rightJustified(qt.serialNumber().replace(':', "").size(), QLatin1Char('0')).toLatin1());
        QCOMPARE(qt.expiryDate(), cert.notAfter());

        const Certificate null;
        QVERIFY(null.isNull());
        QVERIFY(null.toDer().isEmpty());
        QVERIFY(!null.isIssuedBy(cert));
        QVERIFY(!cert.isIssuedBy(null));
    }

    void issuePerProfile_data()
    {
        QTest::addColumn<CertificateProfile>("profile");
        QTest::addColumn<uint>("keyUsage");
        QTest::addColumn<uint>("extendedKeyUsage");
        QTest::addColumn<bool>("ekuCritical");
        QTest::addColumn<int>("purpose");
        QTest::newRow("terminal") << CertificateProfile::TerminalClient << uint(KU_DIGITAL_SIGNATURE)
                                  << uint(XKU_SSL_CLIENT) << false << int(X509_PURPOSE_SSL_CLIENT);
        QTest::newRow("hub") << CertificateProfile::HubServer << uint(KU_DIGITAL_SIGNATURE) << uint(XKU_SSL_SERVER)
                             << false << int(X509_PURPOSE_SSL_SERVER);
        QTest::newRow("staff") << CertificateProfile::StaffSigning << uint(KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)
                               << uint(XKU_SMIME) << false << int(X509_PURPOSE_SMIME_SIGN);
        QTest::newRow("tsa") << CertificateProfile::TimestampAuthority << uint(KU_DIGITAL_SIGNATURE)
                             << uint(XKU_TIMESTAMP) << true << int(X509_PURPOSE_TIMESTAMP_SIGN);
    }

    void issuePerProfile()
    {
        QFETCH(CertificateProfile, profile);
        QFETCH(uint, keyUsage);
        QFETCH(uint, extendedKeyUsage);
        QFETCH(bool, ekuCritical);
        QFETCH(int, purpose);

        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        const KeyPair key = KeyPair::generateP256();
        // The CSR asks for another name: the CA must use its own.
        QString error;
        std::optional<Certificate> cert = ca.issue(requestFor(key, QStringLiteral("Administrator")), profile,
                                                   QStringLiteral("nurse-0042"), 365, m_now,
                                                   {QStringLiteral("ignored.example")}, &error);
        QVERIFY2(cert, qPrintable(error));
        QCOMPARE(cert->subjectCommonName(), QStringLiteral("nurse-0042"));
        QCOMPARE(cert->issuerCommonName(), QStringLiteral("WardStation CA"));
        QCOMPARE(cert->publicKeyDer(), key.publicDer());
        QVERIFY(cert->isIssuedBy(ca.certificate()));
        QVERIFY(!cert->isCa());
        QCOMPARE(X509_get_version(cert->get()), long(X509_VERSION_3));
        QVERIFY(PkiTestSupport::extensionCritical(*cert, NID_basic_constraints));
        QVERIFY(PkiTestSupport::extensionCritical(*cert, NID_key_usage));
        QCOMPARE(X509_get_key_usage(cert->get()), keyUsage);
        QCOMPARE(X509_get_extended_key_usage(cert->get()), extendedKeyUsage);
        QCOMPARE(PkiTestSupport::extensionCritical(*cert, NID_ext_key_usage), ekuCritical);
        QVERIFY(PkiTestSupport::hasExtension(*cert, NID_subject_key_identifier));
        QVERIFY(PkiTestSupport::hasExtension(*cert, NID_authority_key_identifier));
        // subjectAltName is for the hub's TLS name only.
        QCOMPARE(PkiTestSupport::hasExtension(*cert, NID_subject_alt_name), profile == CertificateProfile::HubServer);
        QCOMPARE(X509_get_signature_nid(cert->get()), NID_ecdsa_with_SHA256);
        QCOMPARE(cert->serialHex().size(), 32);

        QCOMPARE(PkiTestSupport::verifyChain(*cert, ca.certificate(), purpose, m_now), int(X509_V_OK));
        // Every other purpose is refused: a staff certificate cannot be a TLS client, and so on.
        for (int other : {int(X509_PURPOSE_SSL_CLIENT), int(X509_PURPOSE_SSL_SERVER), int(X509_PURPOSE_SMIME_SIGN),
                          int(X509_PURPOSE_TIMESTAMP_SIGN)}) {
            if (other != purpose)
                QVERIFY2(PkiTestSupport::verifyChain(*cert, ca.certificate(), other, m_now) != X509_V_OK,
                         qPrintable(QString::number(other)));
        }

        std::optional<Certificate> again = ca.issue(requestFor(key), profile, QStringLiteral("nurse-0042"), 365, m_now);
        QVERIFY(again);
        QVERIFY(again->serialHex() != cert->serialHex());
    }

    void hubServerSubjectAltNames()
    {
        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        auto [key, cert] = ca.issueWithNewKey(CertificateProfile::HubServer, QStringLiteral("WardHub"), 825, m_now,
                                              {QStringLiteral("WardHub.Hospital.local"), QStringLiteral("localhost"),
                                               QStringLiteral("192.168.10.5"), QStringLiteral("::1")});
        QVERIFY(key.hasPrivate());
        QCOMPARE(cert.publicKeyDer(), key.publicDer());
        QCOMPARE(cert.subjectAltNames(),
                 QStringList({QStringLiteral("wardhub.hospital.local"), QStringLiteral("localhost"),
                              QStringLiteral("192.168.10.5"), QStringLiteral("::1")}));
        QCOMPARE(X509_check_host(cert.get(), "wardhub.hospital.local", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_host(cert.get(), "localhost", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_host(cert.get(), "evil.example", 0, 0, nullptr), 0);
        QCOMPARE(X509_check_ip_asc(cert.get(), "192.168.10.5", 0), 1);
        QCOMPARE(X509_check_ip_asc(cert.get(), "::1", 0), 1);
        QCOMPARE(X509_check_ip_asc(cert.get(), "192.168.10.6", 0), 0);
        QCOMPARE(PkiTestSupport::verifyChain(cert, ca.certificate(), X509_PURPOSE_SSL_SERVER, m_now), int(X509_V_OK));
        // What the terminal's QSslSocket will see.
        const QSslCertificate qt(cert.toPem());
        QStringList qtDns = qt.subjectAlternativeNames().values(QSsl::DnsEntry);
        qtDns.sort();
        QCOMPARE(qtDns, QStringList({QStringLiteral("localhost"), QStringLiteral("wardhub.hospital.local")}));
        QCOMPARE(qt.subjectAlternativeNames().values(QSsl::IpAddressEntry).size(), 2);

        // A name that could smuggle extra entries into a config string is refused, not mangled.
        const KeyPair other = KeyPair::generateP256();
        for (const QString& bad : {QStringLiteral("hub,DNS:evil.example"), QStringLiteral("hub name"),
                                   QStringLiteral(""), QStringLiteral("-hub.local"), QStringLiteral("hub..local")}) {
            QString error;
            QVERIFY2(!ca.issue(requestFor(other), CertificateProfile::HubServer, QStringLiteral("WardHub"), 825, m_now,
                               {bad}, &error),
                     qPrintable(bad));
            QVERIFY2(error.contains(QStringLiteral("host name")), qPrintable(error));
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ca.issueWithNewKey(CertificateProfile::HubServer, QStringLiteral("WardHub"), 825,
                                                    m_now, {QStringLiteral("bad name")}));
    }

    void certificateFromAnotherCaIsNotIssuedByThisOne()
    {
        // Same name, different key: only the signature tells them apart.
        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        CertificateAuthority rogue = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        const KeyPair key = KeyPair::generateP256();
        std::optional<Certificate> cert = rogue.issue(requestFor(key), CertificateProfile::TerminalClient,
                                                      QStringLiteral("terminal-07"), 365, m_now);
        QVERIFY(cert);
        QVERIFY(cert->isIssuedBy(rogue.certificate()));
        QVERIFY(!cert->isIssuedBy(ca.certificate()));
        QVERIFY(PkiTestSupport::verifyChain(*cert, ca.certificate(), X509_PURPOSE_SSL_CLIENT, m_now) != X509_V_OK);
        QVERIFY(!ca.certificate().isIssuedBy(rogue.certificate()));
    }

    void validityWindowFollowsInjectedTime()
    {
        CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardStation CA"), 3650, m_now);
        const QDateTime issuedAt = at(2027, 2, 3, 10, 20, 30);
        const KeyPair key = KeyPair::generateP256();
        std::optional<Certificate> cert = ca.issue(requestFor(key), CertificateProfile::StaffSigning,
                                                   QStringLiteral("nurse-0042"), 365, issuedAt);
        QVERIFY(cert);
        QCOMPARE(cert->notBefore(), issuedAt.addSecs(-CertificateAuthority::kClockSkewAllowanceSecs));
        QCOMPARE(cert->notAfter(), issuedAt.addDays(365));
        QVERIFY(cert->isValidAt(issuedAt));
        QVERIFY(!cert->isValidAt(issuedAt.addDays(365).addSecs(1)));
        QVERIFY(!cert->isValidAt(issuedAt.addSecs(-CertificateAuthority::kClockSkewAllowanceSecs - 1)));
        QCOMPARE(PkiTestSupport::verifyChain(*cert, ca.certificate(), X509_PURPOSE_SMIME_SIGN, issuedAt),
                 int(X509_V_OK));
        QCOMPARE(PkiTestSupport::verifyChain(*cert, ca.certificate(), X509_PURPOSE_SMIME_SIGN, issuedAt.addDays(366)),
                 int(X509_V_ERR_CERT_HAS_EXPIRED));
        QCOMPARE(PkiTestSupport::verifyChain(*cert, ca.certificate(), X509_PURPOSE_SMIME_SIGN, issuedAt.addDays(-1)),
                 int(X509_V_ERR_CERT_NOT_YET_VALID));

        // A certificate never outlives its CA.
        CertificateAuthority shortCa = CertificateAuthority::create(QStringLiteral("Short CA"), 10, m_now);
        cert = shortCa.issue(requestFor(key), CertificateProfile::StaffSigning, QStringLiteral("n"), 365, m_now);
        QVERIFY(cert);
        QCOMPARE(cert->notAfter(), shortCa.certificate().notAfter());
        // An expired CA issues nothing.
        QString error;
        QVERIFY(!shortCa.issue(requestFor(key), CertificateProfile::StaffSigning, QStringLiteral("n"), 365,
                               m_now.addDays(11), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("CA certificate")), qPrintable(error));
        // Out-of-range input.
        QVERIFY(
            !ca.issue(requestFor(key), CertificateProfile::StaffSigning, QStringLiteral("n"), 0, m_now, {}, &error));
        QVERIFY(!ca.issue(requestFor(key), CertificateProfile::StaffSigning, QString(), 10, m_now, {}, &error));
        QVERIFY(!ca.issue(requestFor(key), CertificateProfile::StaffSigning, QString(65, QLatin1Char('n')), 10, m_now,
                          {}, &error));
        QVERIFY(!ca.issue(requestFor(key), CertificateProfile::StaffSigning, QStringLiteral("n"), 10, QDateTime(), {},
                          &error));
    }
};

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "TestCertificateAuthority.moc"
