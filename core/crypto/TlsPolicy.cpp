#include "crypto/TlsPolicy.h"

#include <QList>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslEllipticCurve>
#include <QString>
#include <openssl/ssl.h>

namespace ward {

const char* TlsPolicy::tls12Ciphers()
{
    return "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256";
}

const char* TlsPolicy::tls13Suites()
{
    return "TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256";
}

const char* TlsPolicy::groups()
{
    return "X25519:P-256:P-384";
}

bool TlsPolicy::apply(ssl_ctx_st* ctx)
{
    return SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) == 1 && SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION) == 1
        && SSL_CTX_set_cipher_list(ctx, tls12Ciphers()) == 1 && SSL_CTX_set_ciphersuites(ctx, tls13Suites()) == 1
        && SSL_CTX_set1_groups_list(ctx, groups()) == 1;
}

void TlsPolicy::apply(QSslConfiguration& config)
{
    config.setProtocol(QSsl::TlsV1_2OrLater);
    // Qt passes TLS 1.3 suites and TLS 1.2 ciphers by their OpenSSL names; a name this OpenSSL lacks is skipped.
    QList<QSslCipher> ciphers;
    const QString names = QString::fromLatin1(tls13Suites()) + QLatin1Char(':') + QString::fromLatin1(tls12Ciphers());
    for (const QString& name : names.split(QLatin1Char(':'))) {
        const QSslCipher cipher(name);
        if (!cipher.isNull())
            ciphers << cipher;
    }
    config.setCiphers(ciphers);
    QList<QSslEllipticCurve> curves;
    for (const char* name : {"X25519", "prime256v1", "secp384r1"}) {
        const QSslEllipticCurve curve = QSslEllipticCurve::fromShortName(QString::fromLatin1(name));
        if (curve.isValid())
            curves << curve;
    }
    config.setEllipticCurves(curves);
}

} // namespace ward
