#pragma once

#include <QByteArray>
#include <QString>

// The card end of vsmartcard's vpcd socket: connecting is inserting the card, closing is removing it.
// Frames are a 2-byte big-endian length plus payload in both directions.
class VpcdLink
{
public:
    VpcdLink() = default;
    ~VpcdLink();
    VpcdLink(const VpcdLink&) = delete;
    VpcdLink& operator=(const VpcdLink&) = delete;

    bool connectTo(const QString& host, quint16 port);
    void close();
    bool isConnected() const { return m_fd >= 0; }
    int fd() const { return m_fd; }

    // Blocks until one whole frame arrives; false on EOF or error (vpcd gone: pcscd stopped).
    bool readFrame(QByteArray* payload);
    bool writeFrame(const QByteArray& payload);

private:
    bool readExact(char* p, int n);
    int m_fd = -1;
};
