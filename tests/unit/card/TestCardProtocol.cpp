// Unit tests of the card protocol layer against canned bytes and against the in-process test card:
// APDU and BER-TLV coding, status-word mapping, GET RESPONSE chaining, the PIV GENERAL AUTHENTICATE
// template, certificate containers and the prehashed ECDSA check.

#include "ScriptedTransport.h"
#include "TestCardFactory.h"
#include "VirtualCard.h"
#include "VirtualCardTransport.h"
#include "card/Apdu.h"
#include "card/ApduResponse.h"
#include "card/BerTlv.h"
#include "card/CardError.h"
#include "card/PivCard.h"
#include "card/PivCertificate.h"
#include "card/UidBadge.h"
#include "crypto/Digest.h"

#include <QSet>
#include <QtTest>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace ward;

namespace {

QByteArray selfSignedDer(EVP_PKEY* key)
{
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(cert), "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("other"), -1, -1, 0);
    X509_set_issuer_name(cert, X509_get_subject_name(cert));
    X509_sign(cert, key, EVP_sha256());
    const int n = i2d_X509(cert, nullptr);
    QByteArray der(n, '\0');
    unsigned char* w = reinterpret_cast<unsigned char*>(der.data());
    i2d_X509(cert, &w);
    X509_free(cert);
    return der;
}

QByteArray pemToDer(const QByteArray& pem)
{
    BIO* b = BIO_new_mem_buf(pem.constData(), pem.size());
    X509* cert = PEM_read_bio_X509(b, nullptr, nullptr, nullptr);
    BIO_free(b);
    const int n = i2d_X509(cert, nullptr);
    QByteArray der(n, '\0');
    unsigned char* w = reinterpret_cast<unsigned char*>(der.data());
    i2d_X509(cert, &w);
    X509_free(cert);
    return der;
}

QByteArray signPrehashed(const QByteArray& keyPem, const QByteArray& digest)
{
    BIO* b = BIO_new_mem_buf(keyPem.constData(), keyPem.size());
    EVP_PKEY* key = PEM_read_bio_PrivateKey(b, nullptr, nullptr, nullptr);
    BIO_free(b);
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(key, nullptr);
    EVP_PKEY_sign_init(ctx);
    size_t len = 0;
    EVP_PKEY_sign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(digest.constData()),
                  static_cast<size_t>(digest.size()));
    QByteArray sig(static_cast<int>(len), '\0');
    EVP_PKEY_sign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                  reinterpret_cast<const unsigned char*>(digest.constData()), static_cast<size_t>(digest.size()));
    sig.truncate(static_cast<int>(len));
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(key);
    return sig;
}

} // namespace

class TestCardProtocol : public QObject
{
    Q_OBJECT

    TestCardFactory::Files m_alice;
    TestCardFactory::Files m_bob;

    std::unique_ptr<VirtualCard> card(const TestCardFactory::Files& keyFrom, const TestCardFactory::Files& certFrom,
                                      VirtualCard::Mode mode = VirtualCard::Mode::Piv)
    {
        VirtualCard::Config c;
        c.mode = mode;
        c.keyPem = keyFrom.keyPem;
        c.certificatePem = certFrom.certificatePem;
        c.uid = certFrom.uid;
        QString error;
        auto vc = VirtualCard::create(c, &error);
        if (!vc)
            qFatal("virtual card: %s", qPrintable(error));
        return vc;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(TestCardFactory::make(QStringLiteral("ALICE00001"), {}, {}, &m_alice, &error), qPrintable(error));
        QVERIFY2(TestCardFactory::make(QStringLiteral("BOB0000002"), {}, {}, &m_bob, &error), qPrintable(error));
    }

    void apduEncodesAllCases()
    {
        QCOMPARE(Apdu(0x00, 0xA4, 0x04, 0x00).encode().toHex(), QByteArray("00a40400"));
        QCOMPARE(Apdu(0xFF, 0xCA, 0x00, 0x00, {}, 256).encode().toHex(), QByteArray("ffca000000"));
        QCOMPARE(Apdu(0x00, 0xA4, 0x04, 0x00, QByteArray::fromHex("a000000308")).encode().toHex(),
                 QByteArray("00a4040005a000000308"));
        QCOMPARE(PivCard::selectCommand().encode().toHex(), QByteArray("00a4040005a00000030800"));
        QCOMPARE(PivCard::getDataCommand(PivCard::kCardAuthCertificate).encode().toHex(),
                 QByteArray("00cb3fff055c035fc10100"));
        QCOMPARE(PivCard::getDataCommand(0x7E).encode().toHex(), QByteArray("00cb3fff035c017e00"));
        // Extended: 300 data bytes need the 3-byte Lc and a 2-byte Le.
        const Apdu ext(0x00, 0xDB, 0x3F, 0xFF, QByteArray(300, 'x'), 65536);
        const QByteArray e = ext.encode();
        QVERIFY(ext.isExtended());
        QCOMPARE(e.left(7).toHex(), QByteArray("00db3fff00012c"));
        QCOMPARE(e.right(2).toHex(), QByteArray("0000"));
        QCOMPARE(e.size(), 4 + 3 + 300 + 2);
        const Apdu extLeOnly(0x00, 0xCB, 0x3F, 0xFF, {}, 1000);
        QCOMPARE(extLeOnly.encode().toHex(), QByteArray("00cb3fff0003e8"));
    }

    void apduDecodeRoundTripsAndRefusesBadLengths()
    {
        const QList<Apdu> samples = {Apdu(0, 0xA4, 4, 0), Apdu(0, 0xC0, 0, 0, {}, 16), Apdu(0, 0xA4, 4, 0, "abc"),
                                     Apdu(0, 0x87, 0x11, 0x9E, QByteArray(38, 'c'), 256),
                                     Apdu(0, 0xDB, 0x3F, 0xFF, QByteArray(300, 'd'), 65536)};
        for (const Apdu& a : samples) {
            const auto d = Apdu::decode(a.encode());
            QVERIFY(d.has_value());
            QCOMPARE(d->encode(), a.encode());
            QCOMPARE(d->data(), a.data());
            QCOMPARE(d->le(), a.le());
        }
        QVERIFY(!Apdu::decode(QByteArray::fromHex("00a404")).has_value());
        QVERIFY(!Apdu::decode(QByteArray::fromHex("00a4040005a0000003")).has_value());       // Lc too long
        QVERIFY(!Apdu::decode(QByteArray::fromHex("00a4040002a0000003080000")).has_value());  // junk after Le
    }

    void responseParsesStatusWord()
    {
        QVERIFY(!ApduResponse::parse(QByteArray::fromHex("90")).has_value());
        const auto r = ApduResponse::parse(QByteArray::fromHex("01029000"));
        QVERIFY(r && r->isSuccess());
        QCOMPARE(r->data().toHex(), QByteArray("0102"));
        const auto more = ApduResponse::parse(QByteArray::fromHex("6110"));
        QVERIFY(more && more->hasMoreData() && more->data().isEmpty());
        QCOMPARE(more->sw2(), quint8(0x10));
        QVERIFY(ApduResponse::parse(QByteArray::fromHex("6c20"))->isWrongLe());
        QCOMPARE(ApduResponse(QByteArray::fromHex("aa"), 0x6A82).encode().toHex(), QByteArray("aa6a82"));
    }

    void berTlvParsesPivShapes()
    {
        // 3-byte tag, 2-byte length form.
        const QByteArray value(300, 'v');
        const QByteArray enc = BerTlv::encode(0x5FC101, value);
        QCOMPARE(enc.left(6).toHex(), QByteArray("5fc101820" "12c"));
        int off = 0;
        const auto one = BerTlv::parseOne(enc, &off);
        QVERIFY(one);
        QCOMPARE(one->tag, quint32(0x5FC101));
        QCOMPARE(one->value, value);
        QCOMPARE(off, enc.size());
        QCOMPARE(BerTlv::encode(0x7C, QByteArray(0x90, 'a')).left(3).toHex(), QByteArray("7c8190"));
        QCOMPARE(BerTlv::encode(0x82, {}).toHex(), QByteArray("8200"));

        const auto all = BerTlv::parseAll(QByteArray::fromHex("4f0100" "5f2f024000" "8200"));
        QVERIFY(all && all->size() == 3);
        QCOMPARE(all->at(1).tag, quint32(0x5F2F));
        QCOMPARE(all->at(2).value.size(), 0);
        QCOMPARE(BerTlv::find(QByteArray::fromHex("4f0100" "5f2f024000"), 0x5F2F)->toHex(), QByteArray("4000"));
        QVERIFY(!BerTlv::find(QByteArray::fromHex("4f0100"), 0x50));
    }

    void berTlvRefusesMalformedInput()
    {
        QVERIFY(!BerTlv::parseAll(QByteArray::fromHex("7c05820100")));     // value shorter than its length
        QVERIFY(!BerTlv::parseAll(QByteArray::fromHex("7c")));             // no length
        QVERIFY(!BerTlv::parseAll(QByteArray::fromHex("7c8201")));         // truncated long length
        QVERIFY(!BerTlv::parseAll(QByteArray::fromHex("7c80")));           // indefinite length
        QVERIFY(!BerTlv::parseAll(QByteArray::fromHex("7c8400000001aa"))); // 4-byte length
        QVERIFY(!BerTlv::parseAll(QByteArray::fromHex("5f")));             // truncated tag
        QVERIFY(!BerTlv::parseAll(QByteArray::fromHex("5fffffff0100")));   // tag longer than 3 bytes
        QVERIFY(!BerTlv::parseAll(QByteArray::fromHex("8200ff")));         // trailing byte
        QVERIFY(!BerTlv::find(QByteArray::fromHex("8200ff"), 0x82));       // find needs a clean sequence
    }

    void statusWordsMapToTypedErrors_data()
    {
        QTest::addColumn<int>("sw");
        QTest::addColumn<CardError>("error");
        QTest::newRow("ok") << 0x9000 << CardError::None;
        QTest::newRow("more") << 0x6110 << CardError::None;
        QTest::newRow("not found") << 0x6A82 << CardError::ObjectNotFound;
        QTest::newRow("pin needed") << 0x6982 << CardError::SecurityStatusNotSatisfied;
        QTest::newRow("pin wrong") << 0x63C2 << CardError::SecurityStatusNotSatisfied;
        QTest::newRow("blocked") << 0x6983 << CardError::AuthenticationBlocked;
        QTest::newRow("conditions") << 0x6985 << CardError::ConditionsNotSatisfied;
        QTest::newRow("wrong data") << 0x6A80 << CardError::WrongData;
        QTest::newRow("bad p1p2") << 0x6A86 << CardError::WrongParameters;
        QTest::newRow("wrong length") << 0x6700 << CardError::WrongLength;
        QTest::newRow("ins") << 0x6D00 << CardError::InstructionNotSupported;
        QTest::newRow("cla") << 0x6E00 << CardError::ClassNotSupported;
        QTest::newRow("memory") << 0x6581 << CardError::MemoryFailure;
        QTest::newRow("odd") << 0x6F00 << CardError::UnexpectedStatus;
    }

    void statusWordsMapToTypedErrors()
    {
        QFETCH(int, sw);
        QFETCH(CardError, error);
        QCOMPARE(CardErrors::fromStatusWord(static_cast<quint16>(sw)), error);
    }

    void everyErrorHasMessageAndUniqueCode()
    {
        QSet<QByteArray> codes;
        QSet<QString> messages;
        for (int i = 0; i <= static_cast<int>(CardError::Internal); ++i) {
            const auto e = static_cast<CardError>(i);
            QVERIFY(!CardErrors::message(e).isEmpty());
            codes.insert(CardErrors::code(e));
            messages.insert(CardErrors::message(e));
        }
        QCOMPARE(codes.size(), static_cast<int>(CardError::Internal) + 1);
        QCOMPARE(messages.size(), static_cast<int>(CardError::Internal) + 1);
        QVERIFY(CardErrors::message(CardError::CardRemoved).contains(QStringLiteral("removed")));
    }

    void generalAuthenticateTemplate()
    {
        const QByteArray challenge = QByteArray::fromHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        const QByteArray cmd = PivCard::generalAuthenticateCommand(0x11, 0x9E, challenge).encode();
        QCOMPARE(cmd.toHex(), QByteArray("008711 9e 26 7c24 8200 8120").replace(' ', "") + challenge.toHex() + "00");

        const QByteArray sig = QByteArray::fromHex("3044022001") + QByteArray(65, 's');
        const QByteArray resp = BerTlv::encode(0x7C, BerTlv::encode(0x82, sig));
        const auto parsed = PivCard::parseGeneralAuthenticateResponse(resp);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value, sig);

        // Wrong outer tag, missing 82, empty 82, truncated, trailing bytes: all MalformedResponse.
        for (const QByteArray& bad : {BerTlv::encode(0x7D, BerTlv::encode(0x82, sig)), BerTlv::encode(0x7C, BerTlv::encode(0x81, sig)),
                                      BerTlv::encode(0x7C, BerTlv::encode(0x82, {})), resp.left(resp.size() - 1),
                                      resp + QByteArray(1, '\0'), QByteArray()}) {
            QCOMPARE(PivCard::parseGeneralAuthenticateResponse(bad).error, CardError::MalformedResponse);
        }
    }

    // SP 800-73-4 Part 2 key establishment: 7C { 82 00, 85 <point> } to key 9D, algorithm 11 (P-256);
    // the answer 7C { 82 <shared secret> } must carry exactly 32 bytes.
    void keyAgreementTemplate()
    {
        const QByteArray point = QByteArray(1, '\x04') + QByteArray(64, 'p');
        const QByteArray cmd = PivCard::keyAgreementCommand(0x11, 0x9D, point).encode();
        QCOMPARE(cmd.toHex(), QByteArray("008711 9d 47 7c45 8200 8541").replace(' ', "") + point.toHex() + "00");

        const QByteArray secret(32, 'z');
        ScriptedTransport t;
        t.expect(cmd.toHex(), BerTlv::encode(0x7C, BerTlv::encode(0x82, secret)).toHex() + "9000");
        PivCard piv(t);
        const auto ok = piv.keyAgreement(PivCard::kKeyManagement, PivCard::kAlgEccP256, point);
        QVERIFY(ok.ok());
        QCOMPARE(ok.value, secret);
        QVERIFY(t.scriptFollowed());

        ScriptedTransport shortSecret;
        shortSecret.expect("", BerTlv::encode(0x7C, BerTlv::encode(0x82, QByteArray(31, 'z'))).toHex() + "9000");
        QCOMPARE(PivCard(shortSecret).keyAgreement(0x9D, 0x11, point).error, CardError::MalformedResponse);
        ScriptedTransport noKey;
        noKey.expect("", "6a86");
        QCOMPARE(PivCard(noKey).keyAgreement(0x9D, 0x11, point).error, CardError::WrongParameters);
    }

    void certificateContainer()
    {
        const QByteArray der = pemToDer(m_alice.certificatePem);
        const QByteArray content = BerTlv::encode(0x70, der) + QByteArray::fromHex("710100fe00");
        const auto ok = PivCard::parseCertificateObject(content);
        QVERIFY(ok.ok());
        QCOMPARE(ok.value, der);
        QCOMPARE(PivCard::parseCertificateObject(BerTlv::encode(0x70, der) + QByteArray::fromHex("710101")).error,
                 CardError::CertificateInvalid);  // compressed
        QCOMPARE(PivCard::parseCertificateObject(QByteArray::fromHex("710100fe00")).error, CardError::CertificateInvalid);
        QCOMPARE(PivCard::parseCertificateObject(content.left(20)).error, CardError::MalformedResponse);
    }

    void certificateAndPrehashedVerification()
    {
        const auto cert = PivCertificate::fromDer(pemToDer(m_alice.certificatePem));
        QVERIFY(cert.ok());
        QCOMPARE(cert.value.subjectCommonName(), QStringLiteral("ALICE00001"));
        QVERIFY(cert.value.publicKeyDer().size() == 91);  // P-256 SubjectPublicKeyInfo

        const QByteArray challenge = QByteArray::fromHex(
            "5a5a5a5a000102030405060708090a0b0c0d0e0f101112131415161718191a1b");
        const QByteArray sig = signPrehashed(m_alice.keyPem, challenge);
        QVERIFY(cert.value.verifyPrehashed(challenge, sig));
        // The challenge is the digest: a signature over SHA-256(challenge) is a different statement.
        QVERIFY(!cert.value.verifyPrehashed(challenge, signPrehashed(m_alice.keyPem, Digest::sha256(challenge))));
        QVERIFY(!cert.value.verifyPrehashed(challenge, signPrehashed(m_bob.keyPem, challenge)));
        QByteArray flipped = challenge;
        flipped[5] = static_cast<char>(flipped[5] ^ 1);
        QVERIFY(!cert.value.verifyPrehashed(flipped, sig));
        QVERIFY(!cert.value.verifyPrehashed(challenge.left(31), sig));
        QVERIFY(!cert.value.verifyPrehashed(challenge, sig + QByteArray(1, '\0')));
        QVERIFY(!cert.value.verifyPrehashed(challenge, QByteArray()));
    }

    void certificateRefusesGarbageAndOtherKeys()
    {
        QCOMPARE(PivCertificate::fromDer(QByteArray()).error, CardError::CertificateInvalid);
        QCOMPARE(PivCertificate::fromDer(QByteArray::fromHex("3082010a0201")).error, CardError::CertificateInvalid);
        const QByteArray der = pemToDer(m_alice.certificatePem);
        QCOMPARE(PivCertificate::fromDer(der + QByteArray(1, '\0')).error, CardError::CertificateInvalid);

        EVP_PKEY* p384 = EVP_EC_gen("P-384");
        QCOMPARE(PivCertificate::fromDer(selfSignedDer(p384)).error, CardError::UnsupportedKey);
        EVP_PKEY_free(p384);
        EVP_PKEY* rsa = EVP_RSA_gen(2048);
        QCOMPARE(PivCertificate::fromDer(selfSignedDer(rsa)).error, CardError::UnsupportedKey);
        EVP_PKEY_free(rsa);
    }

    void transportFollowsGetResponseChaining()
    {
        ScriptedTransport t;
        t.expect("00cb3fff055c035fc10100", "0102036103");
        t.expect("00c0000003", "0405069000");
        const auto r = t.exchange(PivCard::getDataCommand(PivCard::kCardAuthCertificate));
        QVERIFY(r.ok());
        QCOMPARE(r.value.data().toHex(), QByteArray("010203040506"));
        QCOMPARE(r.value.statusWord(), quint16(0x9000));
        QVERIFY(t.scriptFollowed());

        // 6Cxx: repeat with the Le the card asked for.
        ScriptedTransport wrongLe;
        wrongLe.expect("ffca000000", "6c04");
        wrongLe.expect("ffca000004", "112233449000");
        const auto uid = UidBadge(wrongLe).read();
        QVERIFY(uid.ok());
        QCOMPARE(uid.value.uid.toHex(), QByteArray("11223344"));
        QVERIFY(wrongLe.scriptFollowed());
    }

    void transportStopsRunawayChaining()
    {
        ScriptedTransport t;
        t.answerAlways(QByteArray(256, 'z').toHex() + "6100");
        const auto r = t.exchange(PivCard::getDataCommand(PivCard::kCardAuthCertificate));
        QCOMPARE(r.error, CardError::ProtocolViolation);
        QVERIFY(t.sent().size() <= ApduTransport::kMaxGetResponseRounds + 1);
    }

    // Attack (issue 10, item 4): a card answering every GET RESPONSE with `61 00` and no data held the card
    // thread forever. The chaining ends at the first answer that makes no progress.
    void transportStopsEndlessEmptyGetResponse()
    {
        ScriptedTransport t;
        t.answerAlways("6100");
        const auto r = t.exchange(PivCard::getDataCommand(PivCard::kCardAuthCertificate));
        QCOMPARE(r.error, CardError::ProtocolViolation);
        QCOMPARE(t.sent().size(), 2);  // the command and one GET RESPONSE
        // A card that sends one byte per round still ends at the round limit.
        ScriptedTransport trickle;
        trickle.answerAlways("7a6101");
        QCOMPARE(trickle.exchange(PivCard::getDataCommand(PivCard::kCardAuthCertificate)).error,
                 CardError::ProtocolViolation);
        QVERIFY(trickle.sent().size() <= ApduTransport::kMaxGetResponseRounds + 1);
    }

    void transportErrorsPropagate()
    {
        ScriptedTransport t;
        t.failWith(CardError::CardRemoved);
        PivCard piv(t);
        QCOMPARE(piv.select(), CardError::CardRemoved);
        ScriptedTransport noSw;
        noSw.expect("", "90");
        QCOMPARE(PivCard(noSw).select(), CardError::MalformedResponse);
    }

    void selectRecognisesPivAndRefusesOthers()
    {
        ScriptedTransport yubi;
        yubi.expect("00a4040005a00000030800", "61114f0600001000010079074f05a0000003089000");
        QCOMPARE(PivCard(yubi).select(), CardError::None);
        ScriptedTransport absent;
        absent.expect("00a4040005a00000030800", "6a82");
        QCOMPARE(PivCard(absent).select(), CardError::NotPivCard);
        ScriptedTransport otherApp;  // answers 9000 with someone else's template
        otherApp.expect("00a4040005a00000030800", "61074f05d2760001249000");
        QCOMPARE(PivCard(otherApp).select(), CardError::NotPivCard);
        ScriptedTransport locked;
        locked.expect("00a4040005a00000030800", "6983");
        QCOMPARE(PivCard(locked).select(), CardError::AuthenticationBlocked);
    }

    void pivAuthenticatesAgainstTestCard()
    {
        auto vc = card(m_alice, m_alice);
        VirtualCardTransport t(*vc);
        const auto id = PivCard(t).authenticate();
        QVERIFY2(id.ok(), CardErrors::code(id.error));
        QCOMPARE(id.value.kind, CardIdentity::Kind::Piv);
        QCOMPARE(id.value.certificateDer, pemToDer(m_alice.certificatePem));
        QCOMPARE(id.value.subjectCommonName, QStringLiteral("ALICE00001"));
        QCOMPARE(id.value.cardSecret, Digest::sha256(id.value.publicKeyDer));
        // The certificate object is larger than one short response: chaining was exercised.
        int getResponses = 0;
        for (const QByteArray& c : t.sent())
            getResponses += c.startsWith(QByteArray::fromHex("00c0")) ? 1 : 0;
        QVERIFY(getResponses >= 1);
        // Each login uses a fresh challenge.
        VirtualCardTransport t2(*vc);
        QVERIFY(PivCard(t2).authenticate().ok());
        QVERIFY(t.sent().last() != t2.sent().last());
    }

    void pivRefusesKeyCertificateMismatch()
    {
        auto vc = card(m_bob, m_alice);  // Alice's certificate on a card holding Bob's key: a clone
        VirtualCardTransport t(*vc);
        const auto id = PivCard(t).authenticate();
        QCOMPARE(id.error, CardError::SignatureInvalid);
        QVERIFY(!id.value.isValid());
        QVERIFY(id.value.certificateDer.isEmpty());
    }

    void pivReportsPullBetweenApdus()
    {
        auto vc = card(m_alice, m_alice);
        VirtualCardTransport full(*vc);
        QVERIFY(PivCard(full).authenticate().ok());
        const int apdus = static_cast<int>(full.sent().size());
        QVERIFY(apdus >= 4);  // SELECT, GET DATA, GET RESPONSE, GENERAL AUTHENTICATE
        for (int pull = 1; pull < apdus; ++pull) {
            vc->reset();
            VirtualCardTransport t(*vc, pull);
            QCOMPARE(PivCard(t).authenticate().error, CardError::CardRemoved);
        }
    }

    void uidBadge()
    {
        auto vc = card(m_alice, m_alice, VirtualCard::Mode::Uid);
        VirtualCardTransport t(*vc);
        QCOMPARE(PivCard(t).select(), CardError::NotPivCard);
        const auto id = UidBadge(t).read();
        QVERIFY(id.ok());
        QCOMPARE(id.value.kind, CardIdentity::Kind::Uid);
        QCOMPARE(id.value.uid, m_alice.uid);
        QVERIFY(id.value.cardSecret.isEmpty());

        ScriptedTransport contact;  // a contact reader does not know the pseudo-APDU
        contact.expect("ffca000000", "6a81");
        QCOMPARE(UidBadge(contact).read().error, CardError::UidUnavailable);
        ScriptedTransport tooLong;
        tooLong.expect("ffca000000", QByteArray(12, 'a').toHex() + "9000");
        QCOMPARE(UidBadge(tooLong).read().error, CardError::MalformedResponse);
    }

    void testCardAnswersLikePiv()
    {
        // The test card must itself be conformant, or the integration tests prove nothing about real cards.
        auto vc = card(m_alice, m_alice);
        QCOMPARE(vc->process(QByteArray::fromHex("00cb3fff055c035fc10100")).toHex(), QByteArray("6985"));  // not selected
        QVERIFY(vc->process(QByteArray::fromHex("00a4040005a00000030800")).endsWith(QByteArray::fromHex("9000")));
        QCOMPARE(vc->process(QByteArray::fromHex("00cb3fff055c035fc10900")).toHex(), QByteArray("6a82"));
        QCOMPARE(vc->process(QByteArray::fromHex("00870114 06 7c04 8200 8100").replace(' ', "")).toHex(),
                 QByteArray("6a86"));
        QCOMPARE(vc->process(QByteArray::fromHex("0020008000")).toHex(), QByteArray("63c3"));
        QCOMPARE(vc->process(QByteArray::fromHex("0020008008313131313131ffff")).toHex(), QByteArray("63c2"));
        QCOMPARE(vc->process(QByteArray::fromHex("0020008008313233343536ffff")).toHex(), QByteArray("9000"));
        // Extended Le: the whole certificate object in one answer.
        const QByteArray whole = vc->process(QByteArray::fromHex("00cb3fff00 0005 5c035fc101 0000").replace(' ', ""));
        QVERIFY(whole.size() > 258);
        QVERIFY(whole.endsWith(QByteArray::fromHex("9000")));
    }
};

QTEST_GUILESS_MAIN(TestCardProtocol)
#include "TestCardProtocol.moc"
