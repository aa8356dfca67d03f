// DATA-4: encrypted exports open with stock `openssl cms -decrypt` and nothing of ours; a wrong key or password and
// an altered file do not.

#include "PkiTestSupport.h"
#include "crypto/CmsEnvelope.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ward;

class TestCmsEnvelope : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_content = QByteArrayLiteral("{\"resourceType\":\"Bundle\",\"note\":\"体温 36.8 ℃\"}\n");

    QString path(const QString& name) const { return m_dir.filePath(name); }

    void write(const QString& name, const QByteArray& bytes)
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    // A self-signed certificate of the receiving hospital made by the openssl CLI ("rsa:2048" or "ec").
    Certificate receiver(const QString& kind, const QString& stem)
    {
        QStringList args{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("30"),
                         QStringLiteral("-subj"), QStringLiteral("/CN=Receiving Hospital"), QStringLiteral("-keyout"), path(stem + QStringLiteral(".key")),
                         QStringLiteral("-out"), path(stem + QStringLiteral(".pem"))};
        if (kind == QLatin1String("ec"))
            args << QStringLiteral("-newkey") << QStringLiteral("ec") << QStringLiteral("-pkeyopt") << QStringLiteral("ec_paramgen_curve:P-256");
        else
            args << QStringLiteral("-newkey") << kind;
        const PkiTestSupport::CliResult r = PkiTestSupport::openssl(args);
        if (r.exitCode != 0)
            qWarning("%s", r.output.constData());
        QFile f(path(stem + QStringLiteral(".pem")));
        f.open(QIODevice::ReadOnly);
        return Certificate::fromPem(f.readAll()).value_or(Certificate());
    }

    PkiTestSupport::CliResult decrypt(const QString& file, const QStringList& how)
    {
        return PkiTestSupport::openssl(QStringList{QStringLiteral("cms"), QStringLiteral("-decrypt"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                   QStringLiteral("-in"), path(file), QStringLiteral("-out"), path(file + QStringLiteral(".out"))}
                                       + how);
    }

    QByteArray decrypted(const QString& file)
    {
        QFile f(path(file + QStringLiteral(".out")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void certificateEnvelopeOpensWithStockOpenssl_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("RSA key transport") << QStringLiteral("rsa:2048");
        QTest::newRow("EC key agreement") << QStringLiteral("ec");
    }

    void certificateEnvelopeOpensWithStockOpenssl()
    {
        QFETCH(QString, kind);
        const Certificate cert = receiver(kind, QStringLiteral("hospital"));
        QVERIFY(!cert.isNull());
        QString error;
        const QByteArray der = CmsEnvelope::sealForCertificate(m_content, cert, &error);
        QVERIFY2(!der.isEmpty(), qPrintable(error));
        QVERIFY(!der.contains("Bundle"));
        write(QStringLiteral("export.cms"), der);

        // AuthEnvelopedData with AES-256-GCM, as the issue asks.
        const PkiTestSupport::CliResult printed = PkiTestSupport::openssl(
            {QStringLiteral("cms"), QStringLiteral("-cmsout"), QStringLiteral("-print"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), path(QStringLiteral("export.cms"))});
        QVERIFY2(printed.output.contains("authEnvelopedData"), printed.output.constData());
        QVERIFY2(printed.output.contains("aes-256-gcm"), printed.output.constData());

        const PkiTestSupport::CliResult r = decrypt(QStringLiteral("export.cms"), {QStringLiteral("-inkey"), path(QStringLiteral("hospital.key"))});
        QVERIFY2(r.exitCode == 0, r.output.constData());
        QCOMPARE(decrypted(QStringLiteral("export.cms")), m_content);

        // Another hospital's key does not open it.
        QVERIFY(!receiver(kind, QStringLiteral("other")).isNull());
        QVERIFY(decrypt(QStringLiteral("export.cms"), {QStringLiteral("-inkey"), path(QStringLiteral("other.key"))}).exitCode != 0);

        // GCM authenticates: one flipped bit in the ciphertext (the end of the file is the tag and the content)
        // and openssl refuses the whole file.
        QByteArray altered = der;
        altered[altered.size() - 40] = static_cast<char>(altered.at(altered.size() - 40) ^ 0x01);
        write(QStringLiteral("altered.cms"), altered);
        QVERIFY(decrypt(QStringLiteral("altered.cms"), {QStringLiteral("-inkey"), path(QStringLiteral("hospital.key"))}).exitCode != 0);
    }

    void passwordEnvelopeOpensWithStockOpenssl()
    {
        QString error;
        const QString password = QStringLiteral("Sakura-Byoin-2026");
        const QByteArray der = CmsEnvelope::sealWithPassword(m_content, password, &error);
        QVERIFY2(!der.isEmpty(), qPrintable(error));
        write(QStringLiteral("pw.cms"), der);
        const PkiTestSupport::CliResult r = decrypt(QStringLiteral("pw.cms"), {QStringLiteral("-pwri_password"), password});
        QVERIFY2(r.exitCode == 0, r.output.constData());
        QCOMPARE(decrypted(QStringLiteral("pw.cms")), m_content);
        QVERIFY(decrypt(QStringLiteral("pw.cms"), {QStringLiteral("-pwri_password"), QStringLiteral("Sakura-Byoin-2025")}).exitCode != 0);

        // The terminal's own read-back check.
        QCOMPARE(CmsEnvelope::openWithPassword(der, password).value_or(QByteArray()), m_content);
        QVERIFY(!CmsEnvelope::openWithPassword(der, QStringLiteral("Sakura-Byoin-2025")));
        QVERIFY(!CmsEnvelope::openWithPassword(der.left(der.size() / 2), password));
        QVERIFY(!CmsEnvelope::openWithPassword(QByteArrayLiteral("not cms"), password));

        // PBKDF2 with the stated iteration count, so a guessed password costs what it should.
        const PkiTestSupport::CliResult printed = PkiTestSupport::openssl(
            {QStringLiteral("cms"), QStringLiteral("-cmsout"), QStringLiteral("-print"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), path(QStringLiteral("pw.cms"))});
        QVERIFY2(printed.output.contains("PBKDF2"), printed.output.constData());
        QVERIFY2(printed.output.contains(QByteArray::number(CmsEnvelope::kPasswordIterations, 16).toUpper())
                     || printed.output.contains(QByteArray::number(CmsEnvelope::kPasswordIterations)),
                 printed.output.constData());
    }

    void refusesWhatCannotProtect()
    {
        QString error;
        QVERIFY(CmsEnvelope::sealWithPassword(m_content, QStringLiteral("short"), &error).isEmpty());
        QVERIFY(error.contains(QString::number(CmsEnvelope::kMinPasswordLength)));
        error.clear();
        QVERIFY(CmsEnvelope::sealForCertificate(m_content, Certificate(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCmsEnvelope)
#include "TestCmsEnvelope.moc"
