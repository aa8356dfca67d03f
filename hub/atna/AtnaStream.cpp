#include "hub/atna/AtnaStream.h"

#include "hub/HubServices.h"
#include "hub/atna/AtnaQueue.h"

#include <QtGlobal>

#include <algorithm>
#include <csignal>

#include <pthread.h>

namespace ward::hub {

AtnaStream::AtnaStream(HubServices& services)
    : m_services(services)
{
}

SyslogTlsClient::Settings AtnaStream::settingsOf(const HubConfig& config)
{
    SyslogTlsClient::Settings s;
    s.host = config.atnaHost;
    s.port = config.atnaPort;
    s.caFile = config.path(config.atnaCaFile);
    s.serverName = config.atnaServerName;
    s.certFile = config.path(config.atnaCertFile);
    s.keyFile = config.path(config.atnaKeyFile);
    s.transport = config.atnaRelp ? SyslogTlsClient::Transport::Relp : SyslogTlsClient::Transport::Rfc5425;
    return s;
}

void AtnaStream::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
}

bool AtnaStream::pause(int ms)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return !m_wake.wait_for(lock, std::chrono::milliseconds(ms), [&] { return m_stopping; });
}

void AtnaStream::run()
{
    // This thread never takes SIGPIPE (a collector's reset must not end the hub); SyslogTlsClient also guards itself.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    AtnaQueue queue(m_services.db, m_services.keys, m_services.config.hostname);
    SyslogTlsClient client(settingsOf(m_services.config));
    int backoffMs = 1000;
    QString lastLogged;
    bool standingBy = false;
    const auto fail = [&](const QString& reason) {
        client.close();
        // The same reason is logged once per outage, not at every retry; atna_status always has the latest.
        if (reason != lastLogged)
            qWarning("wardhub: ATNA stream: %s; retrying with backoff", qPrintable(reason));
        lastLogged = reason;
        try {
            queue.recordState(QStringLiteral("failing"), reason);
        } catch (const std::exception& e) {
            qWarning("wardhub: ATNA stream: state not recorded: %s", e.what());
        }
    };
    while (true) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stopping)
                break;
        }
        QString error;
        try {
            if (!m_services.db.holdSessionLock(kStreamLock)) {
                client.close();
                if (!standingBy)
                    qInfo("wardhub: ATNA stream: another hub process streams; this one stands by");
                standingBy = true;
                if (!pause(kStandbyMs))
                    break;
                continue;
            }
            if (standingBy)
                qInfo("wardhub: ATNA stream: this hub process streams now");
            standingBy = false;
            if (!client.isOpen()) {
                if (!client.open(&error)) {
                    fail(error);
                    if (!pause(backoffMs))
                        break;
                    backoffMs = std::min(backoffMs * 2, kMaxBackoffMs);
                    continue;
                }
                backoffMs = 1000;
                if (!lastLogged.isEmpty())
                    qInfo("wardhub: ATNA stream: connected to %s:%d again", qPrintable(m_services.config.atnaHost),
                          m_services.config.atnaPort);
                lastLogged.clear();
                queue.recordState(QStringLiteral("connected"));
            }
            const QList<AtnaQueue::Pending> batch = queue.next(kBatch);
            if (batch.isEmpty()) {
                if (!client.healthy(&error))
                    fail(error);
                else if (!pause(kPollMs))
                    break;
                continue;
            }
            QList<QByteArray> messages;
            messages.reserve(batch.size());
            for (const AtnaQueue::Pending& p : batch)
                messages.append(p.message);
            const qsizetype delivered = client.send(messages, &error);
            if (delivered > 0)
                queue.delivered(batch.mid(0, delivered));
            if (delivered < batch.size()) // reconnects at once, then backs off if that fails too
                fail(QStringLiteral("%1 (%2 of %3 events of the batch confirmed, the rest is sent again)")
                         .arg(error)
                         .arg(delivered)
                         .arg(batch.size()));
        } catch (const std::exception& e) {
            // The database (outage, a row that does not open): nothing moves, the next round tries again.
            fail(QStringLiteral("reading the audit tables: %1").arg(QString::fromUtf8(e.what())));
            if (!pause(backoffMs))
                break;
            backoffMs = std::min(backoffMs * 2, kMaxBackoffMs);
        }
    }
    client.close();
    m_services.db.releaseThreadConnection();
}

} // namespace ward::hub
