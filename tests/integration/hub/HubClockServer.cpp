// `wardhub serve` with the hub's clock in the test's hands (a test tool; the production hub cannot move its clock).
// It is HubCommandLine's own `serve` with an OffsetClock installed before anything reads the time, so the hub's
// time rules (AUTH-10 admin session idle and hard limits, token lifetimes) are tested on the injected clock while
// the hub stays a process of its own (a process never holds both the hub's SQLite and the terminal's SQLCipher,
// docs/ARCHITECTURE.md).
//
//   hub_clock_server --dir DIR [--port N] [--clock-offset-ms MS]
// prints "wardhub listening on 127.0.0.1:PORT" like `wardhub serve`, then reads commands on standard input:
//   advance <ms>    moves the hub's clock forward; answers "clock <offset ms>" once later requests see it.
// SIGTERM/SIGINT stop it as they stop `wardhub serve`.

#include "hub/HubCommandLine.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QTextStream>

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
    QStringList args = QCoreApplication::arguments();
    auto clock = std::make_shared<OffsetClock>();
    const qsizetype offset = args.indexOf(QStringLiteral("--clock-offset-ms"));
    if (offset > 0 && offset + 1 < args.size()) {
        clock->advanceMs(args.at(offset + 1).toLongLong());
        args.remove(offset, 2);
    }
    Clock::setInstance(clock);
    // `serve` stops on SIGTERM/SIGINT through sigwait, which needs every thread to block them, this one included.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    // Blocks on standard input for the life of the process and ends with it.
    std::thread commands([clock] {
        std::string line;
        long long ms = 0;
        while (std::getline(std::cin, line)) {
            if (std::sscanf(line.c_str(), "advance %lld", &ms) == 1) {
                clock->advanceMs(ms);
                std::printf("clock %lld\n", static_cast<long long>(clock->offsetMs()));
                std::fflush(stdout);
            }
        }
    });
    commands.detach();
    QTextStream out(stdout);
    QTextStream err(stderr);
    args.insert(1, QStringLiteral("serve"));
    return hub::HubCommandLine(out, err).run(args);
}
