#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ward {

class SqlCipherDatabase;

// Issue 14 (AUD-1/AUD-2): audit events that happen while the vault is closed (a failed unwrap or login) wait in
// audit-pending.jsonl until the next open chains them. Nothing can be appended to the vault then, so they are
// protected by a forward-secure MAC chain instead (Bellare–Yee): each open leaves a fresh random key K0 and epoch in
// the vault (table meta) and in audit-pending.key (0600); each line carries n and HMAC-SHA-256(K_n, epoch‖n‖event),
// after which the key file holds K_{n+1} = SHA-256("ward-pending-audit" ‖ K_n) and K_n is gone. At the next open the
// vault, which kept K0, checks every line and the key file's count: a line altered, forged or removed, a deleted
// file or a key file from elsewhere is not silent — it is chained as `audit.pending.tampered` with what is missing,
// and every line that is there is chained (unverified ones marked). Someone who can read the key file at step n can
// still write valid lines after n, but not change or drop earlier ones unnoticed. A copy of both files taken earlier
// and put back later (a rollback) is not detected here; the hub's own records of online refusals are (issue 14).
class PendingAudit
{
public:
    static QString filePath(const QString& vaultDir);
    static QString keyPath(const QString& vaultDir);

    // Appends one event (never throws: the person must see the login result; a full disk shows at the next write).
    static void append(const QString& vaultDir, const QJsonObject& event);

    struct Event
    {
        QJsonObject event;
        bool verified = false;
    };
    struct Taken
    {
        QList<Event> events;
        QStringList problems;  // empty: complete and unaltered (or nothing was expected)
    };
    // Reads and checks what waits against the key the vault keeps, then removes both files and arms a new epoch.
    static Taken takeAndRearm(const QString& vaultDir, SqlCipherDatabase& db);

    static QByteArray evolve(const QByteArray& key);
    static QByteArray mac(const QByteArray& key, const QByteArray& epoch, qint64 n, const QJsonObject& event);
};

} // namespace ward
