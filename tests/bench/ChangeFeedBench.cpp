// Issue 16: a page of the change feed over 10^7 stored records answers in ≤ 50 ms, and its cost does not grow with
// the table. A hub on a throw-away PostgreSQL 15 (tests/integration/pg-fixture.sh) and one enrolled terminal of W3.
// The records table grows in stages to 10^5, 10^6 and --max records (sync_hub_tool fill: one in 100 in W3, copies
// of a really pushed, signed and stamped record under new ids, served by the feed exactly as pushed records are;
// the others in W4 with small placeholder columns, never served to this terminal, there so the table and its
// indexes are as large as that many rows make them). At each size the terminal reads full pages of 500 items
// (GET /api/v1/changes over its mutual-TLS connection, as its sync does) from the start, the middle and the end of
// W3's records, 30 each; p95 per size, and its ratio to the smallest size as the baseline of the same run.
//   change_feed_bench [--max 10000000]

#include "BenchPostgres.h"
#include "BenchReport.h"
#include "SyncTestHub.h"
#include "TerminalLoad.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <cstdio>

using namespace ward;
using namespace ward::bench;
using namespace synctest;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int maxRecords = BenchReport::intOption(app.arguments(), "--max", 10000000);
    constexpr int kEvery = 100, kPage = 500, kReads = 30;
    BenchReport report;
    BenchPostgres postgres(QStringLiteral("55493"));
    if (!postgres.start()) {
        std::fprintf(stderr, "change_feed_bench: PostgreSQL did not start\n");
        return 2;
    }
    int rc = 2;
    {
        SyncTestHub hub(QStringLiteral("change_feed_bench"));
        SyncTerminal terminal;
        if (!hub.setUp() || !terminal.enrol(hub, QStringLiteral("W3"), hub.caFingerprintHex())) {
            std::fprintf(stderr, "change_feed_bench: hub setup failed\n");
            return 2;
        }
        const RecordVersion like = hub.makeRecord(QStringLiteral("P0001"), TerminalLoad::noteText(1));
        if (!hub.pushFromOtherTerminal({like}))
            return 2;
        ward::HubClient client(terminal.identity.hubUrl, terminal.identity.hubCa);
        client.setClientIdentity(terminal.identity.certificate, *terminal.identity.key);
        client.setTimeoutMs(60000);
        // One page from `cursor`: its latency in ms, -1 unless it came back full.
        const auto page = [&](qint64 cursor, qint64* next) {
            QEventLoop loop;
            QElapsedTimer t;
            double ms = -1;
            t.start();
            client.get(QStringLiteral("/api/v1/changes?cursor=%1&limit=%2").arg(cursor).arg(kPage), [&](const HubReply& r) {
                const double elapsed = t.nsecsElapsed() / 1e6;
                if (r.ok() && r.json.value(QStringLiteral("items")).toArray().size() == kPage) {
                    ms = elapsed;
                    *next = static_cast<qint64>(r.json.value(QStringLiteral("nextCursor")).toDouble());
                } else {
                    std::fprintf(stderr, "change_feed_bench: page from %lld: %s\n", static_cast<long long>(cursor), qPrintable(r.error.message()));
                }
                loop.quit();
            });
            loop.exec();
            return ms;
        };
        qint64 filled = 1;
        double baseline = 0;
        QList<int> sizes;
        for (int size : {100000, 1000000, 10000000})
            if (size < maxRecords)
                sizes << size;
        sizes << maxRecords;
        for (const int size : sizes) {
            QElapsedTimer fill;
            fill.start();
            QString out;
            if (!hub.runTool({QStringLiteral("fill"), QStringLiteral("--count"), QString::number(size - filled), QStringLiteral("--every"),
                              QString::number(kEvery), QStringLiteral("--ward"), QStringLiteral("W3"), QStringLiteral("--other-ward"),
                              QStringLiteral("W4"), QStringLiteral("--like"), like.recordId, QStringLiteral("--dir"), hub.dir()},
                             &out, 3600000)) {
                std::fprintf(stderr, "change_feed_bench: fill failed: %s\n", qPrintable(out));
                return 2;
            }
            filled = size;
            BenchReport::info(qPrintable(QStringLiteral("change_feed_fill_to_%1_s").arg(size)), fill.elapsed() / 1000.0, "s");
            // The seq range: W3's records are spread over all of it.
            qint64 maxSeq = 0;
            page(0, &maxSeq); // warms the connection (TLS handshake) and the hub's statements
            QList<double> latencies;
            const qint64 span = qint64(kPage) * kEvery * 2;
            for (const qint64 from : {qint64(0), (qint64(size) - span) / 2, qint64(size) - span}) {
                qint64 cursor = from;
                for (int i = 0; i < kReads; ++i) {
                    qint64 next = 0;
                    const double ms = page(cursor, &next);
                    if (ms < 0)
                        return 2;
                    latencies << ms;
                    cursor = from + (i % 2 ? 0 : kEvery); // the same region again, a little apart
                    Q_UNUSED(next)
                }
            }
            const double p95 = BenchReport::percentile(latencies, 0.95);
            const QString name = QStringLiteral("change_feed_page_p95_ms_at_%1").arg(size);
            if (size == sizes.first())
                baseline = p95;
            if (size == sizes.last())
                report.figure(qPrintable(name), p95, "ms", BenchReport::Op::AtMost, 50);
            else
                BenchReport::info(qPrintable(name), p95, "ms");
            BenchReport::info(qPrintable(QStringLiteral("change_feed_page_p95_ratio_%1_to_%2").arg(size).arg(sizes.first())), p95 / baseline, "x");
        }
        rc = report.exitCode();
    }
    return rc;
}
