#include "hub/terminals/TerminalAuditChains.h"

#include "audit/AuditEntry.h"
#include "auth/UserId.h"
#include "hub/HubError.h"
#include "hub/directory/EmergencyAccounts.h"
#include "hub/directory/UserDirectory.h"
#include "hub/terminals/TerminalAuditEvents.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"
#include "util/ParallelFor.h"

#include <QJsonObject>

namespace ward::hub {

TerminalAuditChains::TerminalAuditChains(HubDatabase& db, const DataKeys& keys)
    : m_db(db)
    , m_keys(keys)
    , m_rows(db, keys)
{
}

qint64 TerminalAuditChains::head(const QString& terminalId)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT MAX(seq) FROM terminal_audit WHERE terminal_id = ?"), {terminalId});
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 TerminalAuditChains::receive(const QString& terminalId, const QJsonArray& entries, const InTransaction& inTransaction)
{
    if (entries.size() > kMaxEntriesPerRequest)
        throw HubError(QStringLiteral("bad_request"),
                       tr("At most %1 audit entries per request.").arg(kMaxEntriesPerRequest), 400);
    // Parsing, re-hashing and sealing every entry is the CPU-bound part: over the cores and before the transaction
    // (≥ 20,000 entries/s), then the first entry that breaks a rule, in chain order, names the refusal as it would
    // on one thread. (An entry the hub turns out to hold already was sealed for nothing: only on a resend.)
    QList<AuditEntry> parsed(entries.size());
    QList<QString> problems(entries.size());
    QList<TerminalAuditRows::Sealed> sealed(entries.size());
    AuditEntry* const out = parsed.data();
    QString* const problem = problems.data();
    TerminalAuditRows::Sealed* const seals = sealed.data();
    parallelFor(allIndices(entries.size()), [&](int i) {
        const QJsonValue v = entries.at(i);
        if (!v.isObject()) {
            problem[i] = tr("An audit entry is not a JSON object.");
            return;
        }
        AuditEntry& e = out[i];
        e = AuditEntry::fromJson(v.toObject());
        // Issue 14: each refusal says which rule the entry broke.
        if (e.seq < 1 || !e.time.isValid() || e.hash.size() != 32 || e.prevHash.size() != 32)
            problem[i] = tr("Audit entry %1 is malformed; nothing was stored.").arg(e.seq);
        else if (e.terminal != terminalId)
            problem[i] = tr("Audit entry %1 names another terminal, not the one sending it; nothing was stored.").arg(e.seq);
        else if (e.computeHash() != e.hash)
            problem[i] = tr("Audit entry %1 does not match its hash; nothing was stored.").arg(e.seq);
        else
            seals[i] = m_rows.seal(terminalId, e);
    });
    for (const QString& p : problems)
        if (!p.isEmpty())
            throw HubError(QStringLiteral("bad_request"), p, 400);
    return m_db.transaction([&] {
        QSqlQuery last = m_db.exec(QStringLiteral("SELECT seq, hash FROM terminal_audit WHERE terminal_id = ? ORDER BY seq DESC LIMIT 1")
                                       + m_db.forUpdate(),
                                   {terminalId});
        qint64 headSeq = 0;
        QByteArray headHash = AuditEntry::genesisHash();
        if (last.next()) {
            headSeq = last.value(0).toLongLong();
            headHash = QByteArray::fromHex(last.value(1).toString().toLatin1());
        }
        const qint64 now = Clock::instance().nowUtc().toMSecsSinceEpoch();
        QList<AuditEntry> fresh;
        QList<TerminalAuditRows::Sealed> freshSealed;
        for (qsizetype i = 0; i < parsed.size(); ++i) {
            const AuditEntry& e = parsed.at(i);
            if (e.seq <= headSeq) {
                QSqlQuery held = m_db.exec(QStringLiteral("SELECT hash FROM terminal_audit WHERE terminal_id = ? AND seq = ?"),
                                           {terminalId, e.seq});
                if (held.next() && held.value(0).toString() == QString::fromLatin1(e.hash.toHex()))
                    continue;
                throw HubError(QStringLiteral("audit_chain_break"),
                               tr("Audit entry %1 differs from the one the hub already holds; nothing was stored.").arg(e.seq), 409);
            }
            if (e.seq != headSeq + 1 || e.prevHash != headHash)
                throw HubError(QStringLiteral("audit_chain_break"),
                               tr("Audit entry %1 does not continue the chain the hub holds (head %2); nothing was stored.")
                                   .arg(e.seq)
                                   .arg(headSeq),
                               409);
            fresh << e;
            freshSealed << sealed.at(i);
            headSeq = e.seq;
            headHash = e.hash;
        }
        // Issue 14: searchable columns, sealed when the entry names a patient, in one bulk append (TerminalAuditRows).
        const QString terminalWard = m_rows.terminalWard(terminalId);
        m_rows.store(terminalId, terminalWard, fresh, freshSealed, now);
        // The events the hub records itself (break-the-glass, offline logins) in the same transaction: a batch
        // refused half-way (a full disk) leaves neither, and its resend brings both.
        TerminalAuditEvents::mirror(m_db, terminalId, fresh);
        // BCP-1: an emergency letter used while the terminal was offline is told to IT and the auditors now, and
        // begins the account's use period at the hub.
        for (const AuditEntry& e : fresh)
            if (e.action == QLatin1String("login.emergency") && e.outcome == QLatin1String("success")
                && e.detail.value(QStringLiteral("mode")).toString() == QLatin1String("offline")
                && UserId::isEmergency(e.user)) {
                UserDirectory users(m_db, m_keys);
                EmergencyAccounts(m_db, users).recordTerminalUse(e.user, terminalId, terminalWard, e.time, e.detail);
            }
        if (inTransaction)
            inTransaction(headSeq, headHash);
        return headSeq;
    });
}

} // namespace ward::hub
