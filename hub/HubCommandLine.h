#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

class QTextStream;

namespace ward::hub {

class HubServices;

// `wardhub <command> …`: the hub machine's operator's interface (init, serve, enrol-code, revoke-terminal, wards,
// first-registrar bootstrap, emergency unlock, card binding at the console, policy, patients, demo-seed, backup,
// restore, check). Every change is audited in the hub's chain as the operator (operator@<host>); a command that acts
// for a person (review, export, fallback code) asks that person's password and records both (issue 12). Staff
// registration and changes are the reception desk's (administration API): those commands are refused here.
class HubCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(HubCommandLine)

public:
    HubCommandLine(QTextStream& out, QTextStream& err);
    // Returns the process exit code: 0 success, 1 refused/failed, 2 usage error.
    int run(const QStringList& args);

private:
    int init(const QStringList& args);
    int serve(const QStringList& args);
    int enrolCode(const QStringList& args);
    int revokeTerminal(const QStringList& args);
    int ward(const QStringList& args);
    int user(const QStringList& args);
    int bootstrapRegistrar(const QStringList& args);
    int emergencyUnlock(const QStringList& args);
    // A removed command: its replacement on stderr, exit 1.
    int removed(const QString& command, const QString& replacement);
    // The person's password (ConsolePassword) checked like a login (SessionService::provePassword); throws HubError.
    static void provePerson(HubServices& services, const QString& userId, const QString& passwordFile);
    // Audit detail of a change made for a person at the console.
    static QJsonObject consoleContext();
    int card(const QStringList& args);
    int fallbackCode(const QStringList& args);
    int patient(const QStringList& args);
    int demoSeed(const QStringList& args);
    int exportPatient(const QStringList& args);
    int backup(const QStringList& args);
    int restore(const QStringList& args);
    int restoreDrill(const QStringList& args);
    int check(const QStringList& args);
    int policy(const QStringList& args);
    int review(const QStringList& args);
    // BCP-1: request | approve (two people) | list of the wards' emergency accounts.
    int emergency(const QStringList& args);
    int audit(const QStringList& args);
    int auditExport(const QStringList& args);
    int auditStreamStatus(const QString& dir);
    int usage();
    static QString usageText();

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace ward::hub
