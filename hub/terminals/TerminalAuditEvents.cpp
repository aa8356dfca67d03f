#include "hub/terminals/TerminalAuditEvents.h"

#include "audit/AuditEntry.h"
#include "hub/storage/HubAuditLog.h"
#include "hub/storage/HubDatabase.h"

namespace ward::hub {

const QStringList& TerminalAuditEvents::alwaysMirrored()
{
    // DATA-4: the export ledger too — what left the chart, why and where to is for IT and the auditors at once.
    static const QStringList kActions{QStringLiteral("patient.break-glass"), QStringLiteral("export")};
    return kActions;
}

const QStringList& TerminalAuditEvents::offlineMirrored()
{
    static const QStringList kActions{QStringLiteral("login"), QStringLiteral("login.fallback"), QStringLiteral("account.lock")};
    return kActions;
}

int TerminalAuditEvents::mirror(HubDatabase& db, const QString& terminalId, const QList<AuditEntry>& entries)
{
    HubAuditLog log(db);
    int mirrored = 0;
    for (const AuditEntry& e : entries) {
        const bool offline = e.detail.value(QStringLiteral("mode")).toString() == QLatin1String("offline");
        if (!alwaysMirrored().contains(e.action) && !(offline && offlineMirrored().contains(e.action)))
            continue;
        QJsonObject detail{{QStringLiteral("user"), e.user}, {QStringLiteral("terminal"), terminalId},
                           {QStringLiteral("seq"), QString::number(e.seq)}, {QStringLiteral("outcome"), e.outcome},
                           {QStringLiteral("time"), e.time.toUTC().toString(Qt::ISODateWithMs)}};
        if (!e.patient.isEmpty())
            detail.insert(QStringLiteral("patient"), e.patient);
        for (const char* key : {"mode", "review"})
            if (e.detail.contains(QLatin1String(key)))
                detail.insert(QLatin1String(key), e.detail.value(QLatin1String(key)));
        // The export ledger's fields (DATA-4); its reason is the terminal's own text for a refusal or a fault. A
        // break-the-glass reason is what a person typed about a patient: it stays in the terminal's chain, which the
        // auditor reads there (the hub chain holds ids only).
        if (e.action == QLatin1String("export"))
            for (const char* key : {"ledger", "kind", "purpose", "purposeText", "destination", "target", "reason"})
                if (e.detail.contains(QLatin1String(key)))
                    detail.insert(QLatin1String(key), e.detail.value(QLatin1String(key)));
        log.append(e.user.isEmpty() ? QStringLiteral("terminal:") + terminalId : e.user, QStringLiteral("terminal.") + e.action, detail);
        ++mirrored;
    }
    return mirrored;
}

} // namespace ward::hub
