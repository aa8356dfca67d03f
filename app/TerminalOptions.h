#pragma once

#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

class QCommandLineParser;

namespace ward {

// How this terminal is set up, from the command line. Two ways to name the hub connection:
//   --data-dir DIR       the enrolled terminal (DIR/terminal/: id, hub URL, TLS certificate/key, hub CA,
//                        written by `wardstation --enrol`), vault in DIR/vault;
//   --vault, --terminal, --hub, --tls-cert, --tls-key, --tls-ca   explicit files (override the above).
// Without a hub, logins are offline only and nothing syncs.
struct TerminalOptions
{
    QString dataDir;        // --data-dir (the enrolment lives there; a wipe deletes it, DATA-5)
    QString vaultDir;
    QString terminalId;
    QString ward;           // the ward the terminal was enrolled for (the lock screensaver names it)
    QUrl hubUrl;
    QByteArray tlsCertPem;
    SecureBytes tlsKeyPem;  // the terminal's machine key (see TerminalIdentity for why it is not wrapped)
    QByteArray hubCaPem;
    int syncIntervalSeconds = 30;
    QString screenshotDir;  // documentation: save login/ward/chart PNGs there (see Terminal)
    QString letterDir;      // --letter-dir: the reception desk's letters as PDF files there, not to the printer
    bool kiosk = false;     // --kiosk: full screen, no window frame (the kiosk session of packaging/)
    bool touch = false;     // --touch: 9 mm touch targets even when no touch screen is detected (issue 11)

    bool hasHub() const { return hubUrl.isValid() && !hubUrl.isEmpty(); }

    static void addOptions(QCommandLineParser& cli);
    // False with a reason (for IT, English: this is a start-up configuration error) when a named file
    // cannot be read or the enrolment in --data-dir is damaged.
    static bool fromCommandLine(const QCommandLineParser& cli, TerminalOptions* out, QString* error);
};

} // namespace ward
