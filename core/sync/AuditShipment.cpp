#include "sync/AuditShipment.h"

#include "audit/AuditAcknowledgement.h"
#include "sync/HubClient.h"
#include "sync/HubReplica.h"
#include "vault/Vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <memory>

namespace ward {

qint64 AuditShipment::unsentCount(Vault& vault)
{
    return qMax<qint64>(0, vault.audit().headSeq() - HubReplica(vault.database()).acknowledgedAuditSeq());
}

namespace {

// One batch per round trip; the next starts from the head the hub acknowledged, not from what was sent.
struct Run : std::enable_shared_from_this<Run>
{
    Vault& vault;
    HubClient& client;
    AuditShipment::Done done;

    Run(Vault& v, HubClient& c, AuditShipment::Done d) : vault(v), client(c), done(std::move(d)) {}

    void next()
    {
        const qint64 acknowledged = HubReplica(vault.database()).acknowledgedAuditSeq();
        QJsonArray entries;
        qint64 bytes = 0;
        for (const AuditEntry& e : vault.audit().entries(acknowledged + 1, AuditShipment::kBatch)) {
            // The hub reads at most 8 MiB per request (HubServer): a batch of long entries stops early.
            const QJsonObject json = e.toJson();
            bytes += QJsonDocument(json).toJson(QJsonDocument::Compact).size() + 1;
            if (!entries.isEmpty() && bytes > AuditShipment::kMaxBatchBytes)
                break;
            entries.append(json);
        }
        if (entries.isEmpty()) {
            done(0, SyncError());
            return;
        }
        client.postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), entries}},
                        [self = shared_from_this(), acknowledged](const HubReply& reply) { self->answered(reply, acknowledged); });
    }

    void answered(const HubReply& reply, qint64 acknowledged)
    {
        const qint64 head = reply.json.value(QStringLiteral("head")).toInteger(-1);
        if (!reply.ok() || head <= acknowledged || head > vault.audit().headSeq()) {
            done(AuditShipment::unsentCount(vault),
                 reply.ok() ? SyncError(SyncError::Kind::MalformedResponse,
                                        AuditShipment::tr("The hub did not acknowledge the audit entries it was sent."))
                            : reply.error);
            return;
        }
        // Issue 14: the head counts as acknowledged only with the hub's signature over this terminal's own entry there.
        const QList<AuditEntry> own = vault.audit().entries(head, 1);
        const AuditAcknowledgement ack = AuditAcknowledgement::fromJson(reply.json.value(QStringLiteral("ack")).toObject());
        const QString problem = own.isEmpty() ? AuditShipment::tr("The hub acknowledged an audit entry this terminal does not hold.")
                                              : ack.problem({client.hubCa()}, own.first().terminal, head, own.first().hash);
        if (!problem.isEmpty()) {
            done(AuditShipment::unsentCount(vault), SyncError(SyncError::Kind::MalformedResponse, problem));
            return;
        }
        HubReplica(vault.database()).setAuditAcknowledgement(ack);
        next();
    }
};

} // namespace

void AuditShipment::ship(Vault& vault, HubClient& client, Done done)
{
    std::make_shared<Run>(vault, client, std::move(done))->next();
}

} // namespace ward
