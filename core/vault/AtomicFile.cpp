#include "vault/AtomicFile.h"

#include "vault/VaultError.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ward::AtomicFile {

namespace {

[[noreturn]] void fail(int err, const QString& path)
{
    const QString reason = QString::fromLocal8Bit(std::strerror(err));
    if (err == ENOSPC || err == EFBIG || err == EDQUOT)
        throw VaultError(VaultError::Code::DiskFull,
                         QCoreApplication::translate("AtomicFile", "The disk is full: %1 could not be written (%2). "
                                                                   "Nothing was changed. Ask IT to free space.")
                             .arg(QFileInfo(path).fileName(), reason));
    throw VaultError(VaultError::Code::Io,
                     QCoreApplication::translate("AtomicFile", "%1 could not be written (%2). Nothing was changed.")
                         .arg(QFileInfo(path).fileName(), reason));
}

void writeAll(int fd, const QByteArray& data, const QString& path, const QString& cleanup)
{
    const char* p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, static_cast<size_t>(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            if (!cleanup.isEmpty())
                ::unlink(QFile::encodeName(cleanup).constData());
            fail(err, path);
        }
        p += n;
        left -= n;
    }
}

void syncDirectory(const QString& path)
{
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int dfd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

} // namespace

void write(const QString& path, const QByteArray& contents, int mode)
{
    const QString tmp = path + QStringLiteral(".tmp");
    const QByteArray tmpName = QFile::encodeName(tmp);
    const int fd = ::open(tmpName.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        fail(errno, path);
    writeAll(fd, contents, path, tmp);
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmpName.constData());
        fail(err, path);
    }
    ::close(fd);
    if (::rename(tmpName.constData(), QFile::encodeName(path).constData()) != 0) {
        const int err = errno;
        ::unlink(tmpName.constData());
        fail(err, path);
    }
    syncDirectory(path);
}

void appendLine(const QString& path, const QByteArray& line)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        fail(errno, path);
    writeAll(fd, line + '\n', path, QString());
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        fail(err, path);
    }
    ::close(fd);
    syncDirectory(path);
}

} // namespace ward::AtomicFile
