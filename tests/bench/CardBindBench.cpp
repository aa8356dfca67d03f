// The card bind round trip at the reception desk (issue 12): a new card put in the desk's reader → read off the UI
// thread (PIV certificate + challenge signed by the card) → shown ready to confirm → POST /api/v1/admin/cards/bind
// → bound at the hub and the person read again. On the real stack: pcscd + vpcd + wardvcard, the real CardPanel
// offscreen, wardhub over loopback mutual TLS (SQLite). The clerk's confirmation is a click the bench makes the
// moment the page is ready, so the figure is the system's part only.
//   card: ReaderMonitor reports the card (SCardGetStatusChange returned) → bound at the hub (p95 ≤ 1 s)
// pcscd's own polling of vpcd (0.1–0.5 s) is before that timestamp on purpose, as in login_bench: real CCID readers
// report at once (PLATFORM-NOTES); the figure from the socket insertion is reported beside it.
// Needs root (pcscd) and holds the host's one pcscd: run it as `flock /tmp/pcscd.lock card_bind_bench [runs]`.

#include "BenchReport.h"
#include "BenchTiming.h"
#include "HubProcess.h"
#include "PcscFixture.h"
#include "ReceptionTestKit.h"
#include "VirtualCardProcess.h"

#include "card/ReaderMonitor.h"
#include "ui/reception/CardIssuePage.h"
#include "ui/reception/CardPanel.h"
#include "ui/reception/ReceptionClient.h"
#include "ui/theme/Appearance.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/Theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>
#include <atomic>
#include <chrono>
#include <cstdio>

using namespace ward;
using namespace ward::bench;

namespace {

const QString kDeskReader = QStringLiteral("Virtual PCD 00 01");

int fail(const QString& what)
{
    std::fprintf(stderr, "card_bind_bench: %s\n", qPrintable(what));
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(20, atoi(argv[1])) : 30;
    Appearance::instance()->apply(Theme());

    QTemporaryDir tmp;
    QString error;
    PcscFixture pcscd;
    if (!pcscd.start(&error))
        return fail(error);
    HubProcess hub(QStringLiteral("card_bind_bench"));
    std::unique_ptr<HubClient> client;
    QString token;
    if (!ReceptionTestKit::startHubWithClerk(hub, QStringLiteral("RECEPTION1"), &client, &token))
        return fail(QStringLiteral("hub with a clerk: ") + QString::fromUtf8(hub.log().right(2000)));
    const QString nurse = ReceptionTestKit::registerNurse(*client, token, QStringLiteral("看護 花子"), QStringLiteral("かんご はなこ"))
                              .value(QStringLiteral("userId"))
                              .toString();
    if (nurse.isEmpty())
        return fail(QStringLiteral("registration"));
    // One new card per run, all prepared for the nurse (each becomes one more card of hers).
    for (int i = 0; i < runs; ++i)
        if (!VirtualCardProcess::makeCard(tmp.filePath(QStringLiteral("card%1").arg(i)), nurse, &error))
            return fail(error);

    ReaderMonitor monitor;
    monitor.setHeartbeatIntervalMs(200);
    monitor.start();
    if (!waitFor([&] { return monitor.isServiceAvailable() && monitor.readers().contains(kDeskReader); }, 10000))
        return fail(QStringLiteral("pcscd shows no desk reader"));

    ReceptionClient desk(*client, token);
    ReceptionSetup setup;
    setup.client = &desk;
    setup.readers = &monitor;
    setup.sessionReader = QStringLiteral("Virtual PCD 00 00");
    CardPanel panel(setup);
    panel.resize(1280, 800);
    panel.show();
    const HubReply person = ReceptionTestKit::wait([&](auto done) { desk.get(QStringLiteral("staff/person"), QUrlQuery{{QStringLiteral("userId"), nurse}}, done); });
    if (!person.ok())
        return fail(person.error.message());
    panel.setPerson(person.json);

    std::atomic<qint64> reportedUs{0};
    QObject::connect(&monitor, &ReaderMonitor::cardInserted, &monitor,
                     [&](const QString& reader, const QByteArray&) {
                         if (reader == kDeskReader)
                             reportedUs = nowUs();
                     },
                     Qt::DirectConnection);
    CardIssuePage* page = panel.issuePage();
    auto* confirm = page->findChild<QPushButton*>(QStringLiteral("cardIssueConfirm"));
    qint64 readyUs = 0;
    QObject::connect(page, &CardIssuePage::stateChanged, &panel, [&](CardIssuePage::State s) {
        if (s != CardIssuePage::State::Ready)
            return;
        readyUs = nowUs();
        confirm->click();
    });
    qint64 boundUs = 0;
    bool bound = false;
    QObject::connect(&panel, &CardPanel::changeAnswered, &panel, [&](bool ok) {
        boundUs = nowUs();
        bound = ok;
    });

    QList<double> total, fromSocket, reading, binding;
    for (int i = 0; i < runs; ++i) {
        reportedUs = 0;
        readyUs = 0;
        boundUs = 0;
        panel.findChild<QPushButton*>(QStringLiteral("cardIssue"))->click();
        if (page->state() != CardIssuePage::State::WaitingForCard)
            return fail(QStringLiteral("run %1: the page did not wait for a card: %2").arg(i).arg(page->message()));
        VirtualCardProcess card({QStringLiteral("--card"), tmp.filePath(QStringLiteral("card%1").arg(i)), QStringLiteral("--reader"), QStringLiteral("1")});
        const qint64 socketUs = nowUs();
        if (!card.start(&error, false))
            return fail(error);
        if (!waitFor([&] { return boundUs != 0; }, 15000) || !bound)
            return fail(QStringLiteral("run %1 not bound: %2 / %3").arg(i).arg(page->message(), panel.outcome()->text()));
        total << (boundUs - reportedUs.load()) / 1000.0;
        fromSocket << (boundUs - socketUs) / 1000.0;
        reading << (readyUs - reportedUs.load()) / 1000.0;
        binding << (boundUs - readyUs) / 1000.0;
        card.stop();
        if (!PcscFixture::waitForCard(kDeskReader, false, 5000))
            return fail(QStringLiteral("card not removed"));
        waitFor([] { return false; }, 50);
    }
    const HubReply after = ReceptionTestKit::wait([&](auto done) { desk.get(QStringLiteral("staff/person"), QUrlQuery{{QStringLiteral("userId"), nurse}}, done); });
    const int cards = int(after.json.value(QStringLiteral("cards")).toArray().size());
    monitor.stop();
    hub.stop();
    pcscd.stop();
    if (cards != runs)
        return fail(QStringLiteral("the hub lists %1 cards after %2 binds").arg(cards).arg(runs));

    BenchReport report;
    BenchReport::info("card_bind_runs", runs, "runs");
    BenchReport::info("card_bind_read_p50", BenchReport::percentile(reading, 0.5), "ms");
    BenchReport::info("card_bind_hub_p50", BenchReport::percentile(binding, 0.5), "ms");
    BenchReport::info("card_bind_round_trip_p50", BenchReport::percentile(total, 0.5), "ms");
    report.figure("card_bind_round_trip_p95", BenchReport::percentile(total, 0.95), "ms", BenchReport::Op::AtMost, 1000);
    BenchReport::info("card_bind_from_socket_insert_p50", BenchReport::percentile(fromSocket, 0.5), "ms");
    BenchReport::info("card_bind_from_socket_insert_p95", BenchReport::percentile(fromSocket, 0.95), "ms");
    return report.exitCode();
}
