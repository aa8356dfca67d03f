#pragma once

#include "crypto/Certificate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ward {

class KeyPair;

// Issue 14 (AUD-2): the hub's signed word that it holds a terminal's audit chain up to `seq`, whose entry hash is
// `entryHash`. The terminal keeps the latest in its vault: entries up to it may leave with the vault (DATA-5), and
// a hub copy that later loses, forks or rewrites that head is contradicted by the hub's own signature
// (`wardhub check` compares the heads it acknowledged). Signed with HubStatement by the hub's audit certificate
// (CN kSignerName, issued by the hub CA), so neither another hub, nor the policy key, nor a staff card can make one.
struct AuditAcknowledgement
{
    Q_DECLARE_TR_FUNCTIONS(ward::AuditAcknowledgement)

public:
    static constexpr const char* kSignerName = "WardStation Hub Audit";

    QString terminal;
    qint64 seq = 0;
    QByteArray entryHash;  // raw SHA-256 of the entry at seq (AuditEntry::hash)
    QDateTime time;        // the hub's clock when it answered, UTC
    QByteArray signature;  // CMS DER

    // What is signed: {"entryHash": hex, "kind": "audit.ack", "seq", "terminal", "time": ISO ms}.
    QJsonObject statement() const;
    static AuditAcknowledgement make(const QString& terminal, qint64 seq, const QByteArray& entryHash, const QDateTime& time);
    void sign(const Certificate& signerCert, const KeyPair& signerKey);

    // The wire and vault form: statement() plus "signature" (base64).
    QJsonObject toJson() const;
    static AuditAcknowledgement fromJson(const QJsonObject& json);

    // The terminal's check: signed by its hub's audit certificate (chaining to hubCas), for this terminal, at the
    // head it expects with the hash of its own entry there. Empty when accepted, otherwise the reason.
    QString problem(const QList<Certificate>& hubCas, const QString& terminalId, qint64 expectedSeq,
                    const QByteArray& expectedHash) const;
};

} // namespace ward
