#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace ward::hub {

// Issue 14 (IHE ATNA, delivery the hub can prove): the frames of RELP, the Reliable Event Logging Protocol of rsyslog
// (librelp's protocol description, relp_version=0). Every command carries a transaction number and the collector
// answers each with "rsp" and a status code: "200 OK" only once the event is in the collector's queue. So unlike
// RFC 5425, the hub knows which events the collector took.
//
//   RELP-FRAME = TXNR SP COMMAND SP DATALEN [SP DATA] LF
//
// Commands written: writer side (command); answers read: an incremental reader (feed/take) that refuses a frame
// that does not parse, so a confused or hostile peer ends the session instead of being misread.
class RelpFraming
{
public:
    static constexpr qint64 kMaxTxnr = 999999999; // after it, numbering starts at 1 again
    static constexpr qsizetype kMaxData = 128 * 1024;

    struct Frame
    {
        qint64 txnr = 0;
        QByteArray command;
        QByteArray data;
    };

    static QByteArray command(qint64 txnr, const QByteArray& name, const QByteArray& data = QByteArray());
    static qint64 nextTxnr(qint64 txnr) { return txnr >= kMaxTxnr ? 1 : txnr + 1; }
    // The data of the "open" offer: RELP version 0, the syslog command only.
    static QByteArray openOffer();
    // An rsp's data: "CODE [SP TEXT] [LF DATA]". The code (e.g. 200), -1 when it does not start with three digits;
    // *text gets the human-readable part.
    static int responseCode(const QByteArray& data, QString* text);

    // Appends bytes read from the collector. false + *error at the first malformed frame (the reader then stays
    // failed).
    bool feed(const char* bytes, qsizetype n, QString* error);
    // The complete frames read so far, in order.
    QList<Frame> take();
    bool failed() const { return m_failed; }

private:
    QByteArray m_buffer;
    QList<Frame> m_frames;
    bool m_failed = false;
};

} // namespace ward::hub
