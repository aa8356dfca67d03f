#include "sync/TerminalIdentity.h"

#include "crypto/SecureBytes.h"
#include "sync/SyncError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ward {

namespace {

class TerminalIdentityText
{
    Q_DECLARE_TR_FUNCTIONS(TerminalIdentity)
};

// Created 0600 from the first byte (never world-readable for an instant), fsynced, then renamed into place.
void writePrivateFile(const QString& path, const QByteArray& data)
{
    const QByteArray tmp = QFile::encodeName(path + QStringLiteral(".tmp"));
    ::unlink(tmp.constData());
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw SyncError(SyncError::Kind::Storage, TerminalIdentityText::tr("Cannot write %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno))));
    qsizetype done = 0;
    bool ok = true;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, static_cast<size_t>(data.size() - done));
        if (n <= 0) {
            ok = false;
            break;
        }
        done += n;
    }
    ok = ok && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(tmp.constData(), QFile::encodeName(path).constData()) != 0) {
        ::unlink(tmp.constData());
        throw SyncError(SyncError::Kind::Storage, TerminalIdentityText::tr("Cannot write %1.").arg(path));
    }
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

QString TerminalIdentity::directory(const QString& dataDir)
{
    return dataDir + QStringLiteral("/terminal");
}

bool TerminalIdentity::exists(const QString& dataDir)
{
    return QFile::exists(directory(dataDir) + QStringLiteral("/terminal.json"));
}

void TerminalIdentity::save(const QString& dataDir) const
{
    const QString dir = directory(dataDir);
    if (!QDir().mkpath(dir) || ::chmod(QFile::encodeName(dir).constData(), 0700) != 0)
        throw SyncError(SyncError::Kind::Storage, TerminalIdentityText::tr("Cannot create %1.").arg(dir));
    SecureBytes pem = key->privatePem();
    writePrivateFile(dir + QStringLiteral("/terminal-key.pem"), QByteArray(reinterpret_cast<const char*>(pem.data()),
                                                                           static_cast<qsizetype>(pem.size())));
    writePrivateFile(dir + QStringLiteral("/certificate.pem"), certificate.toPem());
    writePrivateFile(dir + QStringLiteral("/hub-ca.pem"), hubCa.toPem());
    // Written last: its presence means the enrolment is complete.
    writePrivateFile(dir + QStringLiteral("/terminal.json"),
                     QJsonDocument(QJsonObject{{QStringLiteral("terminalId"), terminalId},
                                               {QStringLiteral("ward"), ward},
                                               {QStringLiteral("hubUrl"), hubUrl.toString()}})
                         .toJson());
}

std::optional<TerminalIdentity> TerminalIdentity::load(const QString& dataDir, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<TerminalIdentity> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString dir = directory(dataDir);
    const QJsonObject meta = QJsonDocument::fromJson(readFile(dir + QStringLiteral("/terminal.json"))).object();
    if (meta.isEmpty())
        return fail(TerminalIdentityText::tr("This terminal is not enrolled."));
    const QString keyPath = dir + QStringLiteral("/terminal-key.pem");
    struct stat st{};
    if (::stat(QFile::encodeName(keyPath).constData(), &st) != 0)
        return fail(TerminalIdentityText::tr("The terminal key is missing; enrol the terminal again."));
    if ((st.st_mode & 077) != 0)
        return fail(TerminalIdentityText::tr("The terminal key file is readable by others; refusing to use it. Enrol the terminal again."));
    QByteArray raw = readFile(keyPath);
    const SecureBytes pem = SecureBytes::fromQByteArray(raw);
    raw.fill('\0');
    auto key = KeyPair::fromPrivatePem(pem);
    const auto cert = Certificate::fromPem(readFile(dir + QStringLiteral("/certificate.pem")));
    const auto ca = Certificate::fromPem(readFile(dir + QStringLiteral("/hub-ca.pem")));
    if (!key || !cert || !ca)
        return fail(TerminalIdentityText::tr("The terminal's enrolment files are damaged; enrol the terminal again."));
    if (cert->publicKeyDer() != key->publicDer() || !cert->isIssuedBy(*ca))
        return fail(TerminalIdentityText::tr("The terminal's key, certificate and hub CA do not belong together; enrol the terminal again."));
    TerminalIdentity id;
    id.terminalId = meta.value(QStringLiteral("terminalId")).toString();
    id.ward = meta.value(QStringLiteral("ward")).toString();
    id.hubUrl = QUrl(meta.value(QStringLiteral("hubUrl")).toString());
    id.certificate = *cert;
    id.hubCa = *ca;
    id.key = std::make_shared<const KeyPair>(std::move(*key));
    if (id.terminalId.isEmpty() || !id.hubUrl.isValid())
        return fail(TerminalIdentityText::tr("The terminal's enrolment files are damaged; enrol the terminal again."));
    return id;
}

} // namespace ward
