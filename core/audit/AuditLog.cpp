#include "audit/AuditLog.h"

#include "util/Clock.h"
#include "vault/SqlCipherDatabase.h"
#include "vault/SqlStatement.h"

#include <QJsonDocument>

namespace ward {

namespace {

AuditEntry readEntry(const SqlStatement& q)
{
    AuditEntry e;
    e.seq = q.integer(0);
    e.time = QDateTime::fromString(q.text(1), Qt::ISODateWithMs);
    e.terminal = q.text(2);
    e.user = q.text(3);
    e.action = q.text(4);
    e.patient = q.text(5);
    e.object = q.text(6);
    e.outcome = q.text(7);
    e.detail = QJsonDocument::fromJson(q.text(8).toUtf8()).object();
    e.prevHash = q.blob(9);
    e.hash = q.blob(10);
    return e;
}

const char kSelect[] = "SELECT seq, time, terminal, user, action, patient, object, outcome, detail, prev_hash, hash "
                       "FROM audit_log ";

} // namespace

AuditLog::AuditLog(SqlCipherDatabase& db, QString terminalId)
    : m_db(db)
    , m_terminal(std::move(terminalId))
{
}

AuditEntry AuditLog::append(const QString& user, const QString& action, const QString& patient, const QString& object,
                            const QString& outcome, const QJsonObject& detail)
{
    return appendAt(Clock::instance().nowUtc(), user, action, patient, object, outcome, detail);
}

AuditEntry AuditLog::appendAt(const QDateTime& time, const QString& user, const QString& action,
                              const QString& patient, const QString& object, const QString& outcome,
                              const QJsonObject& detail)
{
    // BEGIN IMMEDIATE serialises writers across connections, so two threads never fork the chain.
    SqlCipherDatabase::Transaction tx(m_db);
    AuditEntry e;
    SqlStatement head = m_db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (head.step()) {
        e.seq = head.integer(0) + 1;
        e.prevHash = head.blob(1);
    } else {
        e.seq = 1;
        e.prevHash = AuditEntry::genesisHash();
    }
    e.time = time.toUTC();
    e.terminal = m_terminal;
    e.user = user;
    e.action = action;
    e.patient = patient;
    e.object = object;
    e.outcome = outcome;
    e.detail = detail;
    e.hash = e.computeHash();
    m_db.prepare("INSERT INTO audit_log (seq, time, terminal, user, action, patient, object, outcome, detail, "
                 "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, e.seq)
        .bind(2, e.time.toString(Qt::ISODateWithMs))
        .bind(3, e.terminal)
        .bind(4, e.user)
        .bind(5, e.action)
        .bind(6, e.patient)
        .bind(7, e.object)
        .bind(8, e.outcome)
        .bind(9, QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact)))
        .bind(10, e.prevHash)
        .bind(11, e.hash)
        .run();
    tx.commit();
    return e;
}

AuditVerification AuditLog::verify() const
{
    AuditVerification v;
    SqlStatement q = m_db.prepare((QByteArray(kSelect) + "ORDER BY rowid").constData());
    qint64 expectedSeq = 1;
    QByteArray prevHash = AuditEntry::genesisHash();
    const auto fail = [&](qint64 seq, const QString& reason) {
        v.ok = false;
        v.firstBadSeq = seq;
        v.reason = reason;
        return v;
    };
    while (q.step()) {
        const AuditEntry e = readEntry(q);
        if (e.seq != expectedSeq)
            return fail(expectedSeq, e.seq > expectedSeq
                                         ? QStringLiteral("entry %1 is missing").arg(expectedSeq)
                                         : QStringLiteral("entry %1 appears out of order").arg(e.seq));
        if (e.prevHash != prevHash)
            return fail(e.seq, QStringLiteral("entry %1 does not link to the entry before it").arg(e.seq));
        if (e.computeHash() != e.hash)
            return fail(e.seq, QStringLiteral("entry %1 was altered").arg(e.seq));
        prevHash = e.hash;
        ++expectedSeq;
        ++v.entries;
    }
    return v;
}

QList<AuditEntry> AuditLog::entries(qint64 fromSeq, int limit) const
{
    SqlStatement q = m_db.prepare((QByteArray(kSelect) + "WHERE seq >= ? ORDER BY seq LIMIT ?").constData());
    q.bind(1, fromSeq).bind(2, limit);
    QList<AuditEntry> out;
    while (q.step())
        out.append(readEntry(q));
    return out;
}

qint64 AuditLog::headSeq() const
{
    SqlStatement q = m_db.prepare("SELECT coalesce(max(seq), 0) FROM audit_log");
    q.step();
    return q.integer(0);
}

} // namespace ward
