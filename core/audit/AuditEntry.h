#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ward {

// One event of the audit trail (AUD-1): who, when, which patient, what, from where, with what result.
// `detail` carries context and never a secret or clinical text.
struct AuditEntry
{
    qint64 seq = 0;
    QDateTime time;
    QString terminal;
    QString user;
    QString action;   // e.g. vault.open, slot.unwrap, patient.view, record.confirm, session.lock
    QString patient;  // empty when no patient is involved
    QString object;   // record id, slot id, file …
    QString outcome;  // success, failure, denied
    QJsonObject detail;
    QByteArray prevHash;
    QByteArray hash;

    // Deterministic encoding of every field except the hashes: a JSON array in fixed order, compact,
    // UTF-8, object keys sorted. Changing any field changes these bytes.
    QByteArray canonicalBytes() const;
    // SHA-256(prevHash || canonicalBytes()): each entry covers its predecessor (AUD-2).
    QByteArray computeHash() const;

    static QByteArray genesisHash();

    // The wire form a terminal ships its chain in (hashes hex); fromJson keeps the hashes as sent, so the
    // receiver recomputes and compares (nothing is trusted because it was sent).
    QJsonObject toJson() const;
    // QJsonDocument(toJson()).toJson(Compact), byte for byte, written directly for the usual entry (issue 14:
    // shipping and sealing encode every entry).
    QByteArray toJsonBytes() const;
    static AuditEntry fromJson(const QJsonObject& json);

private:
    // Every text field printable ASCII without quote or backslash: nothing for JSON to escape.
    bool hasPlainText() const;
};

} // namespace ward
