#include "hub/ConsolePassword.h"

#include "hub/HubError.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace ward::hub {

namespace {

constexpr std::size_t kMaxPassword = 1024;

QString tr(const char* text)
{
    return QCoreApplication::translate("ConsolePassword", text);
}

// Echo off on the terminal for as long as it lives; restored even when reading throws.
class EchoOff
{
public:
    explicit EchoOff(int fd)
        : m_fd(fd)
    {
        m_ok = tcgetattr(fd, &m_saved) == 0;
        if (m_ok) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            quiet.c_lflag |= ECHONL;
            tcsetattr(fd, TCSAFLUSH, &quiet);
        }
    }
    ~EchoOff()
    {
        if (m_ok)
            tcsetattr(m_fd, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    int m_fd;
    bool m_ok = false;
    termios m_saved{};
};

} // namespace

SecureBytes ConsolePassword::readLine(int fd, bool* ok)
{
    SecureBytes line(kMaxPassword + 1);
    std::size_t n = 0;
    *ok = false;
    for (;;) {
        char c = 0;
        const ssize_t got = ::read(fd, &c, 1);
        if (got < 0)
            return SecureBytes();
        if (got == 0 || c == '\n')
            break;
        if (n == line.size())
            return SecureBytes(); // too long
        line.data()[n++] = static_cast<std::uint8_t>(c);
    }
    if (n > 0 && line.data()[n - 1] == '\r')
        --n;
    *ok = true;
    return SecureBytes(line.data(), n);
}

SecureBytes ConsolePassword::read(const QString& prompt, const QString& file, bool confirm)
{
    bool ok = false;
    SecureBytes password;
    if (!file.isEmpty()) {
        const int fd = file == QLatin1String("-") ? STDIN_FILENO : ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            throw HubError(QStringLiteral("bad_request"), tr("The password file %1 cannot be read.").arg(file), 400);
        password = readLine(fd, &ok);
        if (fd != STDIN_FILENO)
            ::close(fd);
    } else {
        const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
        if (tty < 0)
            throw HubError(QStringLiteral("bad_request"),
                           tr("No terminal to ask the password on: give --password-file FILE (or - for standard input)."), 400);
        auto ask = [&](const QString& text) {
            const QByteArray p = text.toUtf8() + QByteArrayLiteral(": ");
            if (::write(tty, p.constData(), static_cast<size_t>(p.size())) < 0)
                return SecureBytes();
            const EchoOff quiet(tty);
            return readLine(tty, &ok);
        };
        password = ask(prompt);
        if (ok && confirm) {
            const SecureBytes again = ask(tr("Again, to confirm"));
            if (ok && (again.size() != password.size() || !std::equal(again.data(), again.data() + again.size(), password.data()))) {
                ::close(tty);
                throw HubError(QStringLiteral("bad_request"), tr("The two passwords differ. Nothing was changed."), 400);
            }
        }
        ::close(tty);
    }
    if (!ok || password.size() == 0) {
        throw HubError(QStringLiteral("bad_request"), tr("No password was given (empty, unreadable or longer than 1024 bytes). Nothing was changed."), 400);
    }
    return password;
}

} // namespace ward::hub
