#pragma once

// What the test fixtures do with the services they run as child processes (wardhub, rsyslogd, HAProxy): wait until
// one listens or prints a line, and stop one the way its init system would.

#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>

namespace ChildProcess {

// Reads the child's standard output into *out until `pattern` matches it, the child ends or the time is up (then
// the match is empty).
QRegularExpressionMatch awaitOutput(QProcess& child, const QRegularExpression& pattern, int timeoutMs, QByteArray* out);
// True once a plain TCP connection to 127.0.0.1:port succeeds while the child runs.
bool awaitListening(const QProcess& child, int port, int timeoutMs);
// SIGTERM, then SIGKILL if it has not ended after graceMs.
void stop(QProcess& child, int graceMs = 10000);

} // namespace ChildProcess
