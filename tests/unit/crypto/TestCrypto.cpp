#include "crypto/Aead.h"
#include "crypto/Argon2Kdf.h"
#include "crypto/Digest.h"
#include "crypto/Hkdf.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace ward;

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    void sha256KnownAnswer()
    {
        QCOMPARE(Digest::sha256("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void hkdfRfc5869Case1()
    {
        const QByteArray ikm = QByteArray::fromHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        const QByteArray salt = QByteArray::fromHex("000102030405060708090a0b0c");
        const QByteArray info = QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9");
        const SecureBytes okm = Hkdf::sha256(SecureBytes::fromQByteArray(ikm), salt, info, 42);
        QCOMPARE(okm.toQByteArrayUnsafe().toHex(),
                 QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
    }

    // Proves: EX-3
    void aeadRoundTripAndTamper()
    {
        const SecureBytes key = Random::secureBytes(32);
        const QByteArray sealed = Aead::seal(key, "vital signs", "record:1");
        QByteArray plain;
        QVERIFY(Aead::open(key, sealed, "record:1", &plain));
        QCOMPARE(plain, QByteArray("vital signs"));

        // Moving a ciphertext to another context fails: the AAD is bound.
        QByteArray untouched("unchanged");
        QVERIFY(!Aead::open(key, sealed, "record:2", &untouched));
        QCOMPARE(untouched, QByteArray("unchanged"));

        for (int i = 0; i < sealed.size(); ++i) {
            QByteArray flipped = sealed;
            flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
            QVERIFY2(!Aead::open(key, flipped, "record:1", &plain), qPrintable(QString::number(i)));
        }
        QVERIFY(!Aead::open(Random::secureBytes(32), sealed, "record:1", &plain));
        QVERIFY(!Aead::open(key, sealed.left(10), "record:1", &plain));
        // Each seal uses a fresh nonce.
        QVERIFY(Aead::seal(key, "vital signs", "record:1") != sealed);
    }

    void secureBytesBasics()
    {
        const SecureBytes a = SecureBytes::fromUtf8(QStringLiteral("パスワード"));
        QCOMPARE(a.size(), std::size_t(15));
        QVERIFY(a.equals(SecureBytes::fromUtf8(QStringLiteral("パスワード"))));
        QVERIFY(!a.equals(SecureBytes::fromUtf8(QStringLiteral("パスワーヅ"))));
        QCOMPARE(SecureBytes("\x01\xab", 2).toHex().toQByteArrayUnsafe(), QByteArray("01ab"));
        SecureBytes moved = SecureBytes(a);
        SecureBytes target;
        target = std::move(moved);
        QVERIFY(target.equals(a));
        QVERIFY(moved.isEmpty());
    }

    void argon2DeterministicAndSaltSensitive()
    {
        Argon2Params p;
        p.timeCost = 1;
        p.memoryKiB = 1024;
        const SecureBytes pw = SecureBytes::fromUtf8(QStringLiteral("correct horse"));
        const SecureBytes k1 = Argon2Kdf::derive(pw, "0123456789abcdef", p);
        const SecureBytes k2 = Argon2Kdf::derive(pw, "0123456789abcdef", p);
        const SecureBytes k3 = Argon2Kdf::derive(pw, "0123456789abcdeg", p);
        QVERIFY(k1.equals(k2));
        QVERIFY(!k1.equals(k3));
        QCOMPARE(k1.size(), std::size_t(32));
    }

    // Proves: AUTH-4
    void argon2EncodedVerifier()
    {
        Argon2Params p;
        p.timeCost = 1;
        p.memoryKiB = 1024;
        const QString enc = Argon2Kdf::hashEncoded(SecureBytes::fromUtf8(QStringLiteral("Kango#2026")), p);
        QVERIFY(enc.startsWith(QLatin1String("$argon2id$v=19$m=1024,t=1,p=1$")));
        QVERIFY(Argon2Kdf::verifyEncoded(enc, SecureBytes::fromUtf8(QStringLiteral("Kango#2026"))));
        QVERIFY(!Argon2Kdf::verifyEncoded(enc, SecureBytes::fromUtf8(QStringLiteral("Kango#2027"))));
        QVERIFY(!Argon2Kdf::verifyEncoded(QStringLiteral("garbage"), SecureBytes::fromUtf8(QStringLiteral("x"))));
    }

    void argon2ParamsRejectAbsurdValues()
    {
        Argon2Params p;
        QVERIFY(Argon2Params::fromJson(Argon2Params().toJson(), &p));
        QJsonObject huge = Argon2Params().toJson();
        huge[QStringLiteral("m")] = 64 * 1024 * 1024;
        QVERIFY(!Argon2Params::fromJson(huge, &p));
        QJsonObject missing;
        QVERIFY(!Argon2Params::fromJson(missing, &p));
    }

    void calibrationLandsNearTarget()
    {
        const Argon2Params p = Argon2Kdf::calibrate(120, 16 * 1024);
        QVERIFY(p.timeCost >= 1);
        QList<qint64> ms;
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer t;
            t.start();
            Argon2Kdf::derive(SecureBytes::fromUtf8(QStringLiteral("x")), "0123456789abcdef", p);
            ms << t.elapsed();
        }
        const qint64 best = *std::min_element(ms.begin(), ms.end());
        qInfo("calibrated t=%u m=%u KiB: %lld ms for a 120 ms target", p.timeCost, p.memoryKiB,
              static_cast<long long>(best));
        // Generous bounds: the machine is shared; the point is the order of magnitude.
        QVERIFY2(best >= 40 && best <= 600, qPrintable(QString::number(best)));
    }

    void uuidIsVersion4()
    {
        const QString u = Random::uuid();
        QCOMPARE(u.size(), 36);
        QCOMPARE(u.at(14), QLatin1Char('4'));
        QVERIFY(u != Random::uuid());
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "TestCrypto.moc"
