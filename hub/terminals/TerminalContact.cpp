#include "hub/terminals/TerminalContact.h"

#include <QDateTime>
#include <QRegularExpression>

namespace ward::hub {

TerminalContact TerminalContact::fromRequest(const HubRequest& req, qint64 hubNowMs, int answered)
{
    TerminalContact c;
    static const QRegularExpression kVersion(QStringLiteral("^[0-9A-Za-z.+~-]{1,%1}$").arg(kMaxVersionLength));
    const QString version = QString::fromStdString(req.header("x-ward-version").substr(0, kMaxVersionLength + 1));
    if (kVersion.match(version).hasMatch())
        c.version = version;
    const std::string sent = req.header("x-ward-terminal-time");
    if (!sent.empty() && sent.size() <= 40) {
        const QDateTime t = QDateTime::fromString(QString::fromStdString(sent), Qt::ISODateWithMs);
        if (t.isValid())
            c.skewMs = t.toMSecsSinceEpoch() - hubNowMs;
    }
    c.sync = answered >= 200 && answered < 300
             && ((req.method == "GET" && req.path == "/api/v1/changes") || (req.method == "POST" && req.path == "/api/v1/records"));
    return c;
}

} // namespace ward::hub
