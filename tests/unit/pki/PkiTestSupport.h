#pragma once

#include "crypto/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QTimeZone>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

// Helpers shared by the PKI tests: a fixed clock value and a chain check through OpenSSL's own verifier.
namespace PkiTestSupport {

inline QDateTime at(int y, int mo, int d, int h = 9, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

// X509_V_OK when leaf chains to ca for the given purpose at the given time; otherwise OpenSSL's error code.
inline int verifyChain(const ward::Certificate& leaf, const ward::Certificate& ca, int purpose, const QDateTime& when)
{
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, ca.get());
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, leaf.get(), nullptr);
    X509_STORE_CTX_set_purpose(ctx, purpose);
    X509_STORE_CTX_set_time(ctx, 0, static_cast<time_t>(when.toSecsSinceEpoch()));
    const int ok = X509_verify_cert(ctx);
    const int err = ok == 1 ? X509_V_OK : X509_STORE_CTX_get_error(ctx);
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    return err;
}

inline bool extensionCritical(const ward::Certificate& cert, int nid)
{
    const int idx = X509_get_ext_by_NID(cert.get(), nid, -1);
    return idx >= 0 && X509_EXTENSION_get_critical(X509_get_ext(cert.get(), idx)) == 1;
}

inline bool hasExtension(const ward::Certificate& cert, int nid)
{
    return X509_get_ext_by_NID(cert.get(), nid, -1) >= 0;
}

} // namespace PkiTestSupport

#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

namespace PkiTestSupport {

struct CliResult
{
    int exitCode = -1;
    QByteArray output; // stdout + stderr
};

// Runs the stock `openssl` CLI: the independent judge of our encodings.
inline CliResult openssl(const QStringList& args)
{
    CliResult r;
    const QString exe = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (exe.isEmpty()) {
        r.output = "openssl CLI not found";
        return r;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(exe, args);
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = p.readAll();
    return r;
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace PkiTestSupport
