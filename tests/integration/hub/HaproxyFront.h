#pragma once

// Test fixture (issue 16, the hub beyond one machine): a real HAProxy (Debian `haproxy`) in TCP mode in front of
// several `wardhub serve` processes, as docs/DEPLOYMENT.md configures it: mutual TLS still ends at the hub, round
// robin per connection, a health check every 500 ms, and a connection to a dead process sent to a live one. Its own
// work directory and a free loopback port; stopped by stop() and always by the destructor.

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

class HaproxyFront
{
public:
    explicit HaproxyFront(QList<int> backendPorts);
    ~HaproxyFront();

    static bool available();
    // The configuration the test runs: the one docs/DEPLOYMENT.md shows, with these ports.
    static QString config(int frontPort, const QList<int>& backendPorts, const QString& socketPath);
    bool start();
    void stop();
    int port() const { return m_port; }
    QString baseUrl() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    QByteArray log() const;
    // From HAProxy's stats socket: the connections it has open to backend server n (1-based) now and in total.
    struct ServerSessions
    {
        int current = -1;
        int total = -1;
    };
    ServerSessions sessions(int server) const;

private:
    QTemporaryDir m_dir;
    QList<int> m_backends;
    int m_port = 0;
    std::unique_ptr<QProcess> m_proc;
    mutable QByteArray m_log;
};
