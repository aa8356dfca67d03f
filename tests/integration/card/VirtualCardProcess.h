#pragma once

#include <QProcess>
#include <QStringList>

// A wardvcard process: a card in a vpcd reader while it runs. stop() sends SIGTERM (the card is pulled).
class VirtualCardProcess
{
public:
    explicit VirtualCardProcess(QStringList arguments);
    ~VirtualCardProcess();

    static QString executable();
    static bool makeCard(const QString& dir, const QString& userId, QString* error);

    // Starts it; with waitInserted, returns once it is connected to vpcd.
    bool start(QString* error, bool waitInserted = true);
    // Waits for an event line ("inserted", "removed", "pulled", "disconnected") printed after the last one consumed.
    bool waitForEvent(const QByteArray& event, int timeoutMs = 5000);
    void command(const QByteArray& line);
    bool stop();
    QByteArray errorOutput() { return m_process.readAllStandardError(); }

private:
    QStringList m_arguments;
    QProcess m_process;
    QByteArray m_buffer;
};
