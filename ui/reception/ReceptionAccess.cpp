#include "ui/reception/ReceptionAccess.h"

#include "sync/HubClient.h"

#include <QJsonArray>

namespace ward {

void ReceptionAccess::ask(HubClient& hub, const QString& sessionToken, std::function<void(const QStringList&)> done)
{
    if (sessionToken.isEmpty()) {
        done({});
        return;
    }
    hub.get(QStringLiteral("/api/v1/admin/session"), sessionToken, [done](const HubReply& reply) {
        QStringList granted;
        if (reply.ok())
            for (const QJsonValue& p : reply.json.value(QStringLiteral("permissions")).toArray())
                if (p.toString() == QLatin1String("users.manage") || p.toString() == QLatin1String("cards.manage"))
                    granted << p.toString();
        done(granted);
    });
}

} // namespace ward
