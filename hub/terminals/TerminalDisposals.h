#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace ward::hub {

class HubDatabase;

// DATA-5 at the hub: the disposal records terminals send after a wipe (when, by whom, how, which files, what was
// lost with the operator's reason), kept per terminal and audited in the hub's chain, and listed for IT
// (GET /api/v1/admin/terminals/disposals). A record is identified by the id the terminal gave it, so a wipe that
// resumes after a power loss and sends it again stores it once.
class TerminalDisposals
{
    Q_DECLARE_TR_FUNCTIONS(ward::hub::TerminalDisposals)

public:
    static constexpr int kMaxFiles = 32;
    static constexpr int kMaxTextLength = 200;

    explicit TerminalDisposals(HubDatabase& db);

    // Validates and stores `record` (DisposalRecord::toJson plus id, lostRecords, lostAudit) sent by `terminalId`.
    // True when stored now, false when that id was already stored. HubError 400 bad_request for a malformed record
    // or one that names another terminal.
    bool store(const QString& terminalId, const QJsonObject& record);
    // Newest first; every terminal's when terminalId is empty.
    QJsonArray list(const QString& terminalId, int limit);

private:
    HubDatabase& m_db;
};

} // namespace ward::hub
