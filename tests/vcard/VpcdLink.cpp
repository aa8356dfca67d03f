#include "VpcdLink.h"

#include <arpa/inet.h>
#include <cerrno>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

VpcdLink::~VpcdLink()
{
    close();
}

bool VpcdLink::connectTo(const QString& host, quint16 port)
{
    close();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (getaddrinfo(host.toUtf8().constData(), QByteArray::number(port).constData(), &hints, &res) != 0)
        return false;
    for (addrinfo* a = res; a; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0)
            continue;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
            const int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
            m_fd = fd;
            break;
        }
        ::close(fd);
    }
    freeaddrinfo(res);
    return m_fd >= 0;
}

void VpcdLink::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool VpcdLink::readExact(char* p, int n)
{
    while (n > 0) {
        // PLATFORM-NOTES: vpcd writes length and APDU separately without TCP_NODELAY; without quick ACKs
        // every APDU stalls ~40 ms on delayed ACK. The flag is cleared by the kernel, so set it every time.
        const int one = 1;
        setsockopt(m_fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof(one));
        const ssize_t r = ::recv(m_fd, p, static_cast<size_t>(n), 0);
        if (r < 0 && errno == EINTR)
            return false;
        if (r <= 0)
            return false;
        p += r;
        n -= static_cast<int>(r);
    }
    return true;
}

bool VpcdLink::readFrame(QByteArray* payload)
{
    if (m_fd < 0)
        return false;
    unsigned char hdr[2];
    if (!readExact(reinterpret_cast<char*>(hdr), 2))
        return false;
    const int n = hdr[0] << 8 | hdr[1];
    payload->resize(n);
    return n == 0 || readExact(payload->data(), n);
}

bool VpcdLink::writeFrame(const QByteArray& payload)
{
    if (m_fd < 0 || payload.size() > 0xffff)
        return false;
    QByteArray frame;
    frame.append(static_cast<char>(payload.size() >> 8));
    frame.append(static_cast<char>(payload.size() & 0xff));
    frame.append(payload);
    const char* p = frame.constData();
    int n = frame.size();
    while (n > 0) {
        const ssize_t w = ::send(m_fd, p, static_cast<size_t>(n), MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= static_cast<int>(w);
    }
    return true;
}
