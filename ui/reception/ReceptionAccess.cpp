#include "ui/reception/ReceptionAccess.h"

#include "sync/HubClient.h"

#include <QJsonArray>

namespace ward {

void ReceptionAccess::ask(HubClient& hub, const QString& sessionToken, std::function<void(const QStringList&)> done,
                          const QStringList& wanted)
{
    if (sessionToken.isEmpty()) {
        done({});
        return;
    }
    hub.get(QStringLiteral("/api/v1/admin/session"), sessionToken, [done, wanted](const HubReply& reply) {
        QStringList granted;
        if (reply.ok())
            for (const QJsonValue& p : reply.json.value(QStringLiteral("permissions")).toArray())
                if (wanted.contains(p.toString()))
                    granted << p.toString();
        done(granted);
    });
}

} // namespace ward
