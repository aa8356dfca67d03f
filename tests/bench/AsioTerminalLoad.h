#pragma once

// The simulated terminals of TerminalLoad on one Boost.Asio event loop instead of one Qt client each.
//
// Every HubClient owns a QNetworkAccessManager, and each of those runs its HTTP on a thread of its own: 2,000
// simulated terminals are 2,000 threads handing each request and answer across threads, on the same two cores as
// the hubs, HAProxy and PostgreSQL. In a hospital each of those clients has a PC to itself; on the bench machine
// their scheduling is the largest cost in the latencies (docs/PERFORMANCE.md, issue 16). This load sends the same
// requests (paths, headers, JSON bodies, each terminal's own certificate over its own kept-alive mutual-TLS
// connection) from a single thread, so a run of thousands of terminals measures the hub.

#include "TerminalLoad.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ward::bench {

class AsioTerminalLoad
{
public:
    struct Terminal
    {
        QByteArray certificatePem; // the terminal's client certificate
        QByteArray keyPem;         // its private key (cleared by run())
        qint64 cursor = 0;         // where its pulls start
        QList<QByteArray> pushBodies; // POST /api/v1/records bodies, one signed version each, in order
        int startMs = 0;           // its first sync, from the start of the run
    };

    // Runs the load for `seconds` on a thread of its own, each terminal syncing every `intervalMs` (plus up to 127 ms
    // of jitter): a pull, at once again while the hub says hasMore; every third cycle a push instead. The calling
    // thread's Qt event loop keeps running meanwhile (the hub processes' logs are read there). Requests in flight
    // at the end are given 3 s to finish and counted.
    static TerminalLoad::Result run(const QString& host, int port, const QByteArray& hubCaPem, QList<Terminal> terminals, int seconds,
                                    int intervalMs);
};

} // namespace ward::bench
