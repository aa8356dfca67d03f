#include "hub/terminals/TerminalAuditEvents.h"

#include "audit/AuditEntry.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"

namespace ward::hub {

const QStringList& TerminalAuditEvents::alwaysMirrored()
{
    static const QStringList kActions{QStringLiteral("patient.break-glass")};
    return kActions;
}

const QStringList& TerminalAuditEvents::offlineMirrored()
{
    static const QStringList kActions{QStringLiteral("login"), QStringLiteral("login.fallback"), QStringLiteral("account.lock")};
    return kActions;
}

int TerminalAuditEvents::mirror(HubDatabase& db, const QString& terminalId, const QJsonArray& entries, qint64 before, qint64 head)
{
    QList<AuditEntry> events;
    for (const QJsonValue& v : entries) {
        const AuditEntry e = AuditEntry::fromJson(v.toObject());
        if (e.seq <= before || e.seq > head)
            continue;
        const bool offline = e.detail.value(QStringLiteral("mode")).toString() == QLatin1String("offline");
        if (alwaysMirrored().contains(e.action) || (offline && offlineMirrored().contains(e.action)))
            events << e;
    }
    if (events.isEmpty())
        return 0;
    db.transaction([&] {
        HubAuditLog log(db);
        for (const AuditEntry& e : events) {
            QJsonObject detail{{QStringLiteral("user"), e.user}, {QStringLiteral("terminal"), terminalId},
                               {QStringLiteral("seq"), QString::number(e.seq)}, {QStringLiteral("outcome"), e.outcome},
                               {QStringLiteral("time"), e.time.toUTC().toString(Qt::ISODateWithMs)}};
            if (!e.patient.isEmpty())
                detail.insert(QStringLiteral("patient"), e.patient);
            for (const char* key : {"mode", "review"})
                if (e.detail.contains(QLatin1String(key)))
                    detail.insert(QLatin1String(key), e.detail.value(QLatin1String(key)));
            log.append(e.user.isEmpty() ? QStringLiteral("terminal:") + terminalId : e.user, QStringLiteral("terminal.") + e.action, detail);
        }
    });
    return static_cast<int>(events.size());
}

} // namespace ward::hub
