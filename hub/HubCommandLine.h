#pragma once

#include <QStringList>

class QTextStream;

namespace ward::hub {

// `wardhub <command> …`: the administrator's interface (init, serve, enrol-code, revoke-terminal, user, card,
// demo-seed, backup, restore, check). Every command is audited in the hub's chain when it changes something.
class HubCommandLine
{
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
    int card(const QStringList& args);
    int fallbackCode(const QStringList& args);
    int patient(const QStringList& args);
    int demoSeed(const QStringList& args);
    int exportPatient(const QStringList& args);
    int backup(const QStringList& args);
    int restore(const QStringList& args);
    int check(const QStringList& args);
    int policy(const QStringList& args);
    int review(const QStringList& args);
    int audit(const QStringList& args);
    int usage();
    static QString usageText();

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace ward::hub
