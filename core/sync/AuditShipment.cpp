#include "sync/AuditShipment.h"

#include "audit/AuditAcknowledgement.h"
#include "sync/HubClient.h"
#include "sync/HubReplica.h"
#include "vault/Vault.h"

#include <memory>
#include <optional>

namespace ward {

qint64 AuditShipment::unsentCount(Vault& vault)
{
    return qMax<qint64>(0, vault.audit().headSeq() - HubReplica(vault.database()).acknowledgedAuditSeq());
}

namespace {

// One batch per round trip; the next starts from the head the hub acknowledged, not from what was sent.
struct Run : std::enable_shared_from_this<Run>
{
    // The entries after `after` up to `last`, encoded as the request body.
    struct Batch
    {
        qint64 after = 0;
        qint64 last = 0;
        QByteArray body;
        bool isEmpty() const { return last == after; }
    };

    Vault& vault;
    HubClient& client;
    AuditShipment::Done done;
    std::optional<Batch> prepared;  // the batch after the one in flight

    Run(Vault& v, HubClient& c, AuditShipment::Done d) : vault(v), client(c), done(std::move(d)) {}

    Batch make(qint64 after)
    {
        Batch batch;
        batch.after = batch.last = after;
        // {"entries":[…]} written from each entry's own encoding, so no entry is encoded twice.
        batch.body = QByteArrayLiteral("{\"entries\":[");
        for (const AuditEntry& e : vault.audit().entries(after + 1, AuditShipment::kBatch)) {
            const QByteArray json = e.toJsonBytes();
            // The hub reads at most 8 MiB per request (HubServer): a batch of long entries stops early.
            if (batch.last > after && batch.body.size() + json.size() + 3 > AuditShipment::kMaxBatchBytes)
                break;
            if (batch.last > after)
                batch.body += ',';
            batch.body += json;
            batch.last = e.seq;
        }
        batch.body += "]}";
        return batch;
    }

    void next()
    {
        const qint64 acknowledged = HubReplica(vault.database()).acknowledgedAuditSeq();
        // The prepared batch goes only if it starts at the acknowledged head and holds something (entries written
        // since it was made are read now).
        Batch batch = prepared && prepared->after == acknowledged && !prepared->isEmpty() ? std::move(*prepared) : make(acknowledged);
        prepared.reset();
        if (batch.isEmpty()) {
            done(0, SyncError());
            return;
        }
        // Once the batch has left, the next is read and encoded while the hub checks and stores this one.
        client.postEncodedJson(
            QStringLiteral("/api/v1/terminal/audit"), batch.body,
            [self = shared_from_this(), acknowledged](const HubReply& reply) { self->answered(reply, acknowledged); },
            [weak = weak_from_this(), last = batch.last] {
                if (const auto self = weak.lock())
                    self->prepared = self->make(last);
            });
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
