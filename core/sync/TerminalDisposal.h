#pragma once

#include "sync/SyncError.h"
#include "vault/DisposalRecord.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <functional>

namespace ward {

class HubClient;
class Vault;

// DATA-5, issue 13: the wipe of a terminal, as IT starts it from the diagnostics page, in steps that survive a power
// loss. A journal beside the vault (disposal-journal.json, no secrets) says which step comes next; every start of the
// terminal resumes it before anything opens the vault, so a wipe never leaves a half-open vault:
//   destroy  Vault::wipe (key slots first, then the database, overwritten and removed) and the terminal's other
//            local state; the disposal record is written locally (disposal-records.jsonl)
//   send     the record to the hub over the terminal's mutual-TLS client (POST /api/v1/terminal/disposal), kept and
//            retried at every start until the hub has it (the terminal's certificate stays only for that)
//   forget   the enrolment (certificate, key, hub CA) is deleted: the terminal is "not enrolled"
// Before it starts, unsent records and audit entries are sent (the caller's sync and AuditShipment): refuse() says
// whether what is still unsent may be lost.
class TerminalDisposal
{
    Q_DECLARE_TR_FUNCTIONS(ward::TerminalDisposal)

public:
    enum class Step { Destroy, Send, Forget, Done };

    struct Unsent
    {
        qint64 records = 0;       // confirmed versions the hub has not accepted (PushQueue)
        qint64 auditEntries = 0;  // audit entries after the head the hub acknowledged (AuditShipment)
        bool any() const { return records > 0 || auditEntries > 0; }
    };

    struct Outcome
    {
        Step step = Step::Destroy;  // Done when the terminal is no longer enrolled
        QJsonObject record;         // DisposalRecord::toJson plus id, lostRecords, lostAudit (once destroyed)
        QString message;            // why it stopped before Done (translated)
    };
    using Done = std::function<void(const Outcome&)>;

    static Unsent unsent(Vault& vault);
    // Why the wipe may not start: unsent data without the operator's confirmation of the loss and a reason. Empty
    // when it may.
    static QString refusal(const Unsent& unsent, bool lossConfirmed, const QString& reason);

    static QString journalPath(const QString& vaultDir);
    // A wipe was started and is not finished (the terminal must resume it before anything else).
    static bool isPending(const QString& vaultDir);
    // The step a pending wipe resumes at (Done when none is pending).
    static Step pendingStep(const QString& vaultDir);

    // dataDir: where the enrolment lives (TerminalIdentity), empty when the terminal was set up with explicit files.
    TerminalDisposal(QString vaultDir, QString dataDir, QString terminalId);

    // Writes the journal (nothing destroyed yet). Every connection to the vault must be closed first. Throws
    // VaultError when the journal cannot be written (then nothing happens).
    void begin(const QString& operatorId, const QString& reason, const Unsent& lost);
    // Runs the journal's steps to the end, or until the record cannot be delivered (client null: no hub now).
    void resume(HubClient* client, Done done);

    // Tests only (power loss between steps): called as each step has been done and journaled; returning true stops
    // there as if the power went, without calling `done`.
    void setInterruption(std::function<bool(Step)> afterStep) { m_interrupt = std::move(afterStep); }

private:
    QJsonObject journal() const;
    void writeJournal(const QJsonObject& journal) const;
    void destroy(QJsonObject journal);
    void send(HubClient* client, const QJsonObject& journal, Done done);
    void forget(const QJsonObject& journal, Done done);
    bool interrupted(Step step) const { return m_interrupt && m_interrupt(step); }

    QString m_vaultDir;
    QString m_dataDir;
    QString m_terminalId;
    std::function<bool(Step)> m_interrupt;
};

} // namespace ward
