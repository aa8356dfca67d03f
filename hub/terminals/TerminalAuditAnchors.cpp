#include "hub/terminals/TerminalAuditAnchors.h"

#include "audit/AuditEntry.h"
#include "hub/HubError.h"
#include "hub/pki/HubPki.h"
#include "hub/storage/HubDatabase.h"
#include "util/Clock.h"

#include <QHash>
#include <QSet>
#include <QJsonDocument>

namespace ward::hub {

TerminalAuditAnchors::TerminalAuditAnchors(HubDatabase& db, const DataKeys& keys, HubPki& pki) : m_db(db), m_rows(db, keys), m_pki(pki) {}

void TerminalAuditAnchors::record(const QString& terminalId, qint64 head, const QByteArray& hash, const QDateTime& at)
{
    m_db.exec(QStringLiteral("INSERT INTO terminal_audit_acks (terminal_id, seq, hash, acknowledged_at) VALUES (?,?,?,?)"
                             " ON CONFLICT DO NOTHING"),
              {terminalId, head, QString::fromLatin1(hash.toHex()), at.toMSecsSinceEpoch()});
}

AuditAcknowledgement TerminalAuditAnchors::sign(const QString& terminalId, qint64 head, const QByteArray& hash, const QDateTime& at) const
{
    AuditAcknowledgement ack = AuditAcknowledgement::make(terminalId, head, hash, at);
    ack.signature = m_pki.signAuditStatement(ack.statement());
    return ack;
}

QStringList TerminalAuditAnchors::check(qint64* entriesChecked)
{
    QStringList problems;
    qint64 checked = 0;
    // Each chain walked in order: numbered without gaps from 1, each entry matching its hash and linking to the one
    // before (a fork or an edit shows at the first entry that does not).
    QHash<QString, QHash<qint64, QString>> held;  // terminal → seq → stored hash, for the acknowledged heads
    QHash<QString, QSet<qint64>> acknowledged;
    QSqlQuery acks = m_db.exec(QStringLiteral("SELECT terminal_id, seq FROM terminal_audit_acks ORDER BY terminal_id, seq"));
    while (acks.next())
        acknowledged[acks.value(0).toString()] << acks.value(1).toLongLong();
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT terminal_id, seq, entry, hash, sealed FROM terminal_audit ORDER BY terminal_id, seq"));
    QString terminal;
    qint64 expected = 1;
    QByteArray prevHash;
    bool broken = false;
    while (q.next()) {
        const QString t = q.value(0).toString();
        if (t != terminal) {
            terminal = t;
            expected = 1;
            prevHash = AuditEntry::genesisHash();
            broken = false;
        }
        const qint64 seq = q.value(1).toLongLong();
        const QString hashHex = q.value(3).toString();
        if (acknowledged.value(t).contains(seq))
            held[t].insert(seq, hashHex);
        ++checked;
        if (broken)
            continue;
        // TerminalAuditRows: an entry naming a patient is sealed; one that no longer opens under its row was altered.
        AuditEntry e;
        bool opens = true;
        try {
            e = m_rows.entry(t, seq, q.value(2).toString(), q.value(4).toByteArray());
        } catch (const HubError&) {
            opens = false;
        }
        QString problem;
        if (seq != expected)
            problem = QStringLiteral("entry %1 is missing (next held: %2)").arg(expected).arg(seq);
        else if (!opens || e.seq != seq || e.computeHash() != e.hash || QString::fromLatin1(e.hash.toHex()) != hashHex)
            problem = QStringLiteral("entry %1 was altered (hash mismatch)").arg(seq);
        else if (e.prevHash != prevHash)
            problem = QStringLiteral("entry %1 does not link to entry %2 (the chain forks)").arg(seq).arg(seq - 1);
        if (!problem.isEmpty()) {
            problems << QStringLiteral("terminal %1 audit chain: %2").arg(t, problem);
            broken = true;  // one report per chain: what follows cannot be trusted either
            continue;
        }
        prevHash = e.hash;
        ++expected;
    }
    QSqlQuery heads = m_db.exec(QStringLiteral("SELECT terminal_id, seq, hash FROM terminal_audit_acks ORDER BY terminal_id, seq"));
    while (heads.next()) {
        const QString t = heads.value(0).toString();
        const qint64 seq = heads.value(1).toLongLong();
        const QHash<qint64, QString>& ofTerminal = held[t];
        if (!ofTerminal.contains(seq))
            problems << QStringLiteral("terminal %1 audit chain: acknowledged head %2 has disappeared").arg(t).arg(seq);
        else if (ofTerminal.value(seq) != heads.value(2).toString())
            problems << QStringLiteral("terminal %1 audit chain: acknowledged head %2 was rewritten").arg(t).arg(seq);
    }
    if (entriesChecked)
        *entriesChecked = checked;
    return problems;
}

} // namespace ward::hub
