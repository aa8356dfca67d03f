// `wardhub serve` with the hub's clock in the test's hands (test tool only; the production hub cannot move its
// clock). The same HubServices and HubServer as `wardhub serve`, with an OffsetClock installed before anything
// reads the time, so the hub's time rules (AUTH-10 admin session idle and hard limits, token lifetimes) can be
// tested on the injected clock while the hub stays a process of its own (a process never holds both the hub's
// SQLite and the terminal's SQLCipher, docs/ARCHITECTURE.md).
//
//   hub_clock_server --dir DIR [--port N] [--clock-offset-ms MS]
// prints "wardhub listening on 127.0.0.1:PORT" like `wardhub serve`, then reads commands on standard input:
//   advance <ms>    moves the hub's clock forward; answers "clock <offset ms>" once later requests see it.
// SIGTERM/SIGINT stop it as they stop `wardhub serve`.

#include "hub/HubServices.h"
#include "hub/http/HubServer.h"
#include "util/Clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <pthread.h>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

using namespace ward;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("dir"), QStringLiteral("Hub directory."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("port"), QStringLiteral("TCP port (0: any free port)."), QStringLiteral("N"), QStringLiteral("0")});
    p.addOption({QStringLiteral("clock-offset-ms"), QStringLiteral("Start with the clock this far ahead."), QStringLiteral("MS"),
                 QStringLiteral("0")});
    p.process(app);

    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    auto clock = std::make_shared<OffsetClock>();
    clock->advanceMs(p.value(QStringLiteral("clock-offset-ms")).toLongLong());
    Clock::setInstance(clock);
    auto services = hub::HubServices::open(p.value(QStringLiteral("dir")));
    hub::HubServer server(*services);
    const int port = server.bind(QStringLiteral("127.0.0.1"), p.value(QStringLiteral("port")).toInt());
    if (port <= 0) {
        std::fprintf(stderr, "hub_clock_server: cannot listen\n");
        return 1;
    }
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        if (sig != 0)
            server.stop();
    });
    // Blocks on standard input for the life of the process; ends with it.
    std::thread commands([clock] {
        std::string line;
        while (std::getline(std::cin, line)) {
            long long ms = 0;
            if (std::sscanf(line.c_str(), "advance %lld", &ms) == 1) {
                clock->advanceMs(ms);
                std::printf("clock %lld\n", static_cast<long long>(clock->offsetMs()));
                std::fflush(stdout);
            }
        }
    });
    commands.detach();
    std::printf("wardhub listening on 127.0.0.1:%d\n", port);
    std::fflush(stdout);
    const bool ok = server.run();
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    std::fprintf(stderr, "hub_clock_server: stopped\n");
    return ok ? 0 : 1;
}
