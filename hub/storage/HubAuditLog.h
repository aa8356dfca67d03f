#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ward::hub {

class HubDatabase;

// The hub's own hash chain of administrative actions (enrolment, revocation, user changes, restores).
// hash = SHA-256(prev_hash || canonical entry), canonical entry = compact JSON with sorted keys
// {action, actor, at, detail, seq}; the first prev_hash is 64 zeros. Details never hold secrets or
// patient data (ids only).
class HubAuditLog
{
public:
    explicit HubAuditLog(HubDatabase& db);

    // Appends inside the caller's transaction when there is one (so an action and its audit entry commit
    // together); the 'audit' counter row lock serialises writers across hub processes.
    void append(const QString& actor, const QString& action, const QJsonObject& detail);

    struct Entry
    {
        qint64 seq = 0;
        qint64 at = 0;  // ms since the epoch, UTC
        QString actor;
        QString action;
        QJsonObject detail;
    };
    // Entries in order, only `action`'s when it is not empty (IT's review of reports, AUD-4).
    QList<Entry> entries(const QString& action = QString());
    // Up to `limit` entries after `seq`, in order (the ATNA stream, issue 14).
    QList<Entry> entriesAfter(qint64 seq, int limit);
    // The newest seq (0 when the chain is empty).
    qint64 lastSeq();

    struct Verdict
    {
        bool ok = true;
        qint64 entries = 0;
        qint64 firstBadSeq = 0;
        QString problem;
    };
    Verdict verify();

    // The actor of a change made at the hub machine itself by its operator (wardhub CLI: init, wards, terminals,
    // policy, restore, card binding at the console): "operator@<host name>", never a typed staff id (issue 12).
    static QString localOperator();

    static QByteArray entryHash(const QByteArray& prevHashHex, qint64 seq, qint64 at, const QString& actor,
                                const QString& action, const QString& detail);

private:
    HubDatabase& m_db;
};

} // namespace ward::hub
