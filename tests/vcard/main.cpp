// wardvcard: a virtual PIV card / UID badge on vsmartcard's vpcd reader, for tests and the demo.
//   wardvcard --card DIR [--mode piv|uid] [--reader N | --port P] [--pull-after-apdus N] [--on-command]
//             [--misbehave endless-61]
//   wardvcard --make-card DIR --cn USERID [--ca-key PEM --ca-cert PEM]
// Insertion = connecting to vpcd, removal = closing the socket (SIGTERM, "remove" on stdin, or the pull).
// Events are printed on stdout, one word a line, for tests and scripts to follow: "inserted" (connected to
// vpcd), "powered" (vpcd read the ATR: pcscd now reports the card), "removed", "pulled", "disconnected" (vpcd
// went away, e.g. pcscd stopped; the card reconnects by itself).

#include "TestCardFactory.h"
#include "VirtualCard.h"
#include "VpcdLink.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <csignal>
#include <cstdio>
#include <poll.h>
#include <unistd.h>

namespace {

volatile std::sig_atomic_t g_terminate = 0;

void onSignal(int)
{
    g_terminate = 1;
}

void event(const char* what)
{
    std::printf("%s\n", what);
    std::fflush(stdout);
}

bool readFile(const QString& path, QByteArray* out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    *out = f.readAll();
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Virtual PIV card / UID badge for vsmartcard vpcd"));
    p.addHelpOption();
    const QCommandLineOption cardDir(QStringLiteral("card"), QStringLiteral("Card directory (key.pem, cert.pem, uid)."), QStringLiteral("dir"));
    const QCommandLineOption keyOpt(QStringLiteral("key"), QStringLiteral("P-256 private key PEM."), QStringLiteral("file"));
    const QCommandLineOption certOpt(QStringLiteral("cert"), QStringLiteral("Card Authentication certificate PEM."), QStringLiteral("file"));
    const QCommandLineOption uidOpt(QStringLiteral("uid"), QStringLiteral("UID in hex."), QStringLiteral("hex"));
    const QCommandLineOption modeOpt(QStringLiteral("mode"), QStringLiteral("piv or uid."), QStringLiteral("mode"), QStringLiteral("piv"));
    const QCommandLineOption hostOpt(QStringLiteral("host"), QStringLiteral("vpcd host."), QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOpt(QStringLiteral("port"), QStringLiteral("vpcd port."), QStringLiteral("port"));
    const QCommandLineOption readerOpt(QStringLiteral("reader"), QStringLiteral("vpcd reader index (port 35963 + N)."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption pinOpt(QStringLiteral("pin"), QStringLiteral("PIV PIN (for key 9A)."), QStringLiteral("pin"), QStringLiteral("123456"));
    const QCommandLineOption noPivAuth(QStringLiteral("no-piv-auth"), QStringLiteral("Do not mirror the key as PIV Authentication key 9A."));
    const QCommandLineOption pullOpt(QStringLiteral("pull-after-apdus"), QStringLiteral("Remove the card after answering N APDUs."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption commandOpt(QStringLiteral("on-command"), QStringLiteral("Read insert/remove/quit lines from stdin."));
    const QCommandLineOption startRemoved(QStringLiteral("start-removed"), QStringLiteral("With --on-command: wait for \"insert\"."));
    const QCommandLineOption misbehaveOpt(QStringLiteral("misbehave"),
                                          QStringLiteral("Play a hostile card: endless-61 answers GET DATA and every GET "
                                                         "RESPONSE with 61 00 and no data, forever."),
                                          QStringLiteral("how"));
    const QCommandLineOption verboseOpt(QStringLiteral("verbose"), QStringLiteral("Log APDUs on stderr."));
    const QCommandLineOption makeOpt(QStringLiteral("make-card"), QStringLiteral("Create a test card in DIR and exit."), QStringLiteral("dir"));
    const QCommandLineOption cnOpt(QStringLiteral("cn"), QStringLiteral("Common name (user ID) for --make-card."), QStringLiteral("userid"));
    const QCommandLineOption caKeyOpt(QStringLiteral("ca-key"), QStringLiteral("Issuing CA key PEM for --make-card."), QStringLiteral("file"));
    const QCommandLineOption caCertOpt(QStringLiteral("ca-cert"), QStringLiteral("Issuing CA certificate PEM for --make-card."), QStringLiteral("file"));
    p.addOptions({cardDir, keyOpt, certOpt, uidOpt, modeOpt, hostOpt, portOpt, readerOpt, pinOpt, noPivAuth, pullOpt,
                  commandOpt, startRemoved, misbehaveOpt, verboseOpt, makeOpt, cnOpt, caKeyOpt, caCertOpt});
    p.process(app);

    QString error;
    if (p.isSet(makeOpt)) {
        if (!p.isSet(cnOpt)) {
            std::fprintf(stderr, "wardvcard: --make-card needs --cn USERID\n");
            return 2;
        }
        QByteArray caKey, caCert;
        if (p.isSet(caKeyOpt) != p.isSet(caCertOpt)
            || (p.isSet(caKeyOpt) && (!readFile(p.value(caKeyOpt), &caKey) || !readFile(p.value(caCertOpt), &caCert)))) {
            std::fprintf(stderr, "wardvcard: --ca-key and --ca-cert must both name readable files\n");
            return 2;
        }
        TestCardFactory::Files files;
        if (!TestCardFactory::make(p.value(cnOpt), caKey, caCert, &files, &error)
            || (p.isSet(uidOpt) && (files.uid = QByteArray::fromHex(p.value(uidOpt).toLatin1())).isEmpty())
            || !TestCardFactory::writeDirectory(p.value(makeOpt), files, &error)) {
            std::fprintf(stderr, "wardvcard: %s\n", qPrintable(error.isEmpty() ? QStringLiteral("bad --uid") : error));
            return 1;
        }
        std::printf("%s\n", qPrintable(p.value(makeOpt)));
        return 0;
    }

    VirtualCard::Config config;
    TestCardFactory::Files files;
    if (p.isSet(cardDir) && !TestCardFactory::readDirectory(p.value(cardDir), &files, &error)) {
        std::fprintf(stderr, "wardvcard: %s\n", qPrintable(error));
        return 2;
    }
    config.keyPem = files.keyPem;
    config.certificatePem = files.certificatePem;
    config.uid = files.uid;
    config.keyManagementPem = files.keyManagementPem;
    if (p.isSet(keyOpt) && !readFile(p.value(keyOpt), &config.keyPem)) {
        std::fprintf(stderr, "wardvcard: cannot read %s\n", qPrintable(p.value(keyOpt)));
        return 2;
    }
    if (p.isSet(certOpt) && !readFile(p.value(certOpt), &config.certificatePem)) {
        std::fprintf(stderr, "wardvcard: cannot read %s\n", qPrintable(p.value(certOpt)));
        return 2;
    }
    if (p.isSet(uidOpt))
        config.uid = QByteArray::fromHex(p.value(uidOpt).toLatin1());
    if (p.value(modeOpt) == QLatin1String("uid")) {
        config.mode = VirtualCard::Mode::Uid;
    } else if (p.value(modeOpt) != QLatin1String("piv")) {
        std::fprintf(stderr, "wardvcard: --mode must be piv or uid\n");
        return 2;
    }
    config.pin = p.value(pinOpt).toUtf8();
    if (config.pin.size() < 6 || config.pin.size() > 8) {
        std::fprintf(stderr, "wardvcard: the PIN must be 6 to 8 characters\n");
        return 2;
    }
    config.mirrorAsPivAuth = !p.isSet(noPivAuth);
    if (p.isSet(misbehaveOpt)) {
        if (p.value(misbehaveOpt) != QLatin1String("endless-61")) {
            std::fprintf(stderr, "wardvcard: --misbehave knows only endless-61\n");
            return 2;
        }
        config.endlessGetResponse = true;
    }
    auto card = VirtualCard::create(config, &error);
    if (!card) {
        std::fprintf(stderr, "wardvcard: %s\n", qPrintable(error));
        return 2;
    }
    bool portOk = true;
    const quint16 port = p.isSet(portOpt) ? static_cast<quint16>(p.value(portOpt).toUInt(&portOk))
                                          : static_cast<quint16>(35963 + p.value(readerOpt).toUInt(&portOk));
    const int pullAfter = p.value(pullOpt).toInt();
    const bool onCommand = p.isSet(commandOpt);
    const bool verbose = p.isSet(verboseOpt);
    if (!portOk) {
        std::fprintf(stderr, "wardvcard: bad port or reader index\n");
        return 2;
    }

    struct sigaction sa {};
    sa.sa_handler = onSignal;  // no SA_RESTART: a blocking recv must return so we can leave
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    VpcdLink link;
    bool wantInserted = !(onCommand && p.isSet(startRemoved));
    int apdus = 0;
    bool powered = false;
    QByteArray stdinBuffer;
    bool stdinOpen = onCommand;
    bool exitAfterPull = !onCommand;

    while (!g_terminate) {
        if (wantInserted && !link.isConnected()) {
            // vpcd may not be listening yet (pcscd starting or restarting): keep trying, as a card held
            // against a reader would.
            if (link.connectTo(p.value(hostOpt), port)) {
                card->reset();
                powered = false;
                event("inserted");
            }
        }
        pollfd fds[2];
        int nfds = 0;
        if (link.isConnected())
            fds[nfds++] = pollfd{link.fd(), POLLIN, 0};
        const int stdinIndex = stdinOpen ? nfds : -1;
        if (stdinOpen)
            fds[nfds++] = pollfd{STDIN_FILENO, POLLIN, 0};
        const int timeout = (wantInserted && !link.isConnected()) ? 100 : 500;
        const int r = ::poll(fds, static_cast<nfds_t>(nfds), timeout);
        if (r <= 0)
            continue;

        if (stdinIndex >= 0 && (fds[stdinIndex].revents & (POLLIN | POLLHUP))) {
            char buf[256];
            const ssize_t n = ::read(STDIN_FILENO, buf, sizeof(buf));
            if (n <= 0) {
                stdinOpen = false;  // the controlling test went away: behave like a card left in the reader
            } else {
                stdinBuffer.append(buf, static_cast<int>(n));
                int nl;
                while ((nl = stdinBuffer.indexOf('\n')) >= 0) {
                    const QByteArray line = stdinBuffer.left(nl).trimmed();
                    stdinBuffer.remove(0, nl + 1);
                    if (line == "insert") {
                        wantInserted = true;
                        apdus = 0;
                    } else if (line == "remove") {
                        wantInserted = false;
                        if (link.isConnected()) {
                            link.close();
                            event("removed");
                        }
                    } else if (line == "quit") {
                        g_terminate = 1;
                    }
                }
            }
        }

        if (link.isConnected() && nfds > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            QByteArray msg;
            if (!link.readFrame(&msg)) {
                link.close();
                if (!g_terminate)
                    event("disconnected");  // vpcd closed on us (pcscd stopped); reconnect on the next turn
                continue;
            }
            if (msg.size() == 1) {
                switch (static_cast<quint8>(msg[0])) {
                case 0x00:  // power off
                case 0x01:  // power on
                case 0x02:  // reset
                    card->reset();
                    break;
                case 0x04:
                    link.writeFrame(card->atr());
                    // vpcd asks for the ATR once it has noticed the card: from here pcscd reports it present.
                    if (!powered) {
                        powered = true;
                        event("powered");
                    }
                    break;
                default:
                    break;
                }
                continue;
            }
            const QByteArray resp = card->process(msg);
            if (verbose)
                std::fprintf(stderr, "wardvcard: > %s\nwardvcard: < %s\n", msg.toHex(' ').constData(),
                             resp.toHex(' ').constData());
            link.writeFrame(resp);
            ++apdus;
            if (pullAfter > 0 && apdus >= pullAfter) {
                link.close();
                wantInserted = false;
                event("pulled");
                if (exitAfterPull)
                    break;
            }
        }
    }
    if (link.isConnected()) {
        link.close();
        event("removed");
    }
    return 0;
}
