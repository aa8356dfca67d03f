#include "sync/TerminalDisposal.h"

#include "sync/AuditShipment.h"
#include "sync/HubClient.h"
#include "sync/PushQueue.h"
#include "sync/TerminalIdentity.h"
#include "vault/AtomicFile.h"
#include "vault/Vault.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QUuid>

namespace ward {

namespace {

const QString kStep = QStringLiteral("step");

QString stepName(TerminalDisposal::Step step)
{
    switch (step) {
    case TerminalDisposal::Step::Destroy: return QStringLiteral("destroy");
    case TerminalDisposal::Step::Send: return QStringLiteral("send");
    case TerminalDisposal::Step::Forget: return QStringLiteral("forget");
    case TerminalDisposal::Step::Done: break;
    }
    return QStringLiteral("done");
}

TerminalDisposal::Step stepFrom(const QString& name)
{
    if (name == QLatin1String("send"))
        return TerminalDisposal::Step::Send;
    if (name == QLatin1String("forget"))
        return TerminalDisposal::Step::Forget;
    // A journal that cannot be read still means a wipe was asked for: destroying again is always safe.
    return TerminalDisposal::Step::Destroy;
}

} // namespace

TerminalDisposal::Unsent TerminalDisposal::unsent(Vault& vault)
{
    Unsent u;
    u.records = PushQueue(vault.database()).pendingCount();
    u.auditEntries = AuditShipment::unsentCount(vault);
    return u;
}

QString TerminalDisposal::refusal(const Unsent& unsent, bool lossConfirmed, const QString& reason)
{
    if (!unsent.any())
        return QString();
    if (lossConfirmed && !reason.trimmed().isEmpty())
        return QString();
    return tr("The wipe was refused: %n record(s) and %1 audit entries have not reached the hub and would be lost. "
              "Connect the terminal to the hub and try again, or confirm the loss with a reason.",
              nullptr, static_cast<int>(unsent.records))
        .arg(unsent.auditEntries);
}

QString TerminalDisposal::journalPath(const QString& vaultDir)
{
    return QDir(vaultDir).filePath(QStringLiteral("disposal-journal.json"));
}

bool TerminalDisposal::isPending(const QString& vaultDir)
{
    return !vaultDir.isEmpty() && QFile::exists(journalPath(vaultDir));
}

TerminalDisposal::Step TerminalDisposal::pendingStep(const QString& vaultDir)
{
    if (!isPending(vaultDir))
        return Step::Done;
    QFile f(journalPath(vaultDir));
    if (!f.open(QIODevice::ReadOnly))
        return Step::Destroy;
    return stepFrom(QJsonDocument::fromJson(f.readAll()).object().value(kStep).toString());
}

TerminalDisposal::TerminalDisposal(QString vaultDir, QString dataDir, QString terminalId)
    : m_vaultDir(std::move(vaultDir)), m_dataDir(std::move(dataDir)), m_terminalId(std::move(terminalId))
{
}

QJsonObject TerminalDisposal::journal() const
{
    QFile f(journalPath(m_vaultDir));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void TerminalDisposal::writeJournal(const QJsonObject& journal) const
{
    AtomicFile::write(journalPath(m_vaultDir), QJsonDocument(journal).toJson(QJsonDocument::Compact));
}

void TerminalDisposal::begin(const QString& operatorId, const QString& reason, const Unsent& lost)
{
    QDir().mkpath(m_vaultDir);
    writeJournal({{kStep, stepName(Step::Destroy)},
                  {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                  {QStringLiteral("operator"), operatorId},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("lostRecords"), lost.records},
                  {QStringLiteral("lostAudit"), lost.auditEntries}});
}

void TerminalDisposal::resume(HubClient* client, Done done)
{
    QJsonObject j = journal();
    Step step = isPending(m_vaultDir) ? stepFrom(j.value(kStep).toString()) : Step::Done;
    if (step == Step::Done) {
        done({Step::Done, {}, QString()});
        return;
    }
    if (step == Step::Destroy) {
        try {
            destroy(j);
        } catch (const std::exception& e) {
            done({Step::Destroy, {}, tr("The wipe could not finish destroying the local data: %1").arg(QString::fromUtf8(e.what()))});
            return;
        }
        if (interrupted(Step::Destroy))
            return;
        j = journal();
    }
    if (stepFrom(j.value(kStep).toString()) == Step::Send) {
        send(client, j, std::move(done));
        return;
    }
    forget(j, std::move(done));
}

void TerminalDisposal::destroy(QJsonObject j)
{
    const QString operatorId = j.value(QStringLiteral("operator")).toString();
    const QString reason = j.value(QStringLiteral("reason")).toString();
    const DisposalRecord record = Vault::wipe(m_vaultDir, m_terminalId, operatorId, reason);
    // The rest of the terminal's state beside the vault (the hub's accounts and policy as cached for offline
    // logins, the look chosen here): nothing of it may outlive the terminal's enrolment.
    const QStringList keep{QFileInfo(Vault::disposalPath(m_vaultDir)).fileName(), QFileInfo(journalPath(m_vaultDir)).fileName()};
    for (const QFileInfo& file : QDir(m_vaultDir).entryInfoList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (keep.contains(file.fileName()))
            continue;
        if (!QFile::remove(file.absoluteFilePath()))
            throw std::runtime_error(tr("%1 could not be removed.").arg(file.fileName()).toStdString());
    }
    QJsonObject r = record.toJson();
    r.insert(QStringLiteral("id"), j.value(QStringLiteral("id")));
    r.insert(QStringLiteral("lostRecords"), j.value(QStringLiteral("lostRecords")));
    r.insert(QStringLiteral("lostAudit"), j.value(QStringLiteral("lostAudit")));
    j.insert(QStringLiteral("record"), r);
    j.insert(kStep, stepName(Step::Send));
    writeJournal(j);
}

void TerminalDisposal::send(HubClient* client, const QJsonObject& j, Done done)
{
    const QJsonObject record = j.value(QStringLiteral("record")).toObject();
    if (!client) {
        done({Step::Send, record, tr("The disposal record has not reached the hub yet; it is sent when the terminal next starts "
                                     "with the hub reachable.")});
        return;
    }
    client->postJson(QStringLiteral("/api/v1/terminal/disposal"), {{QStringLiteral("record"), record}},
                     [this, j, record, done = std::move(done)](const HubReply& reply) {
                         if (!reply.ok()) {
                             done({Step::Send, record,
                                   tr("The disposal record has not reached the hub yet (%1); it is sent again when the "
                                      "terminal next starts.")
                                       .arg(reply.error.message())});
                             return;
                         }
                         QJsonObject next = j;
                         next.insert(kStep, stepName(Step::Forget));
                         try {
                             writeJournal(next);
                         } catch (const std::exception& e) {
                             done({Step::Send, record, QString::fromUtf8(e.what())});
                             return;
                         }
                         if (interrupted(Step::Send))
                             return;
                         forget(next, done);
                     });
}

void TerminalDisposal::forget(const QJsonObject& j, Done done)
{
    const QJsonObject record = j.value(QStringLiteral("record")).toObject();
    if (!m_dataDir.isEmpty() && QFileInfo::exists(TerminalIdentity::directory(m_dataDir))
        && !QDir(TerminalIdentity::directory(m_dataDir)).removeRecursively()) {
        done({Step::Forget, record, tr("The terminal's enrolment could not be deleted from %1.").arg(TerminalIdentity::directory(m_dataDir))});
        return;
    }
    QFile::remove(journalPath(m_vaultDir));
    if (interrupted(Step::Forget))
        return;
    done({Step::Done, record, QString()});
}

} // namespace ward
