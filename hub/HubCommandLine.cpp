#include "hub/HubCommandLine.h"

#include "hub/ConsolePassword.h"
#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/HubVersion.h"
#include "hub/admin/AuditEventExport.h"
#include "hub/atna/AtnaQueue.h"
#include "hub/atna/AtnaStream.h"
#include "hub/demo/DemoSeed.h"
#include "hub/records/PatientExport.h"
#include "hub/maintenance/BackupDirectory.h"
#include "hub/maintenance/BackupReader.h"
#include "hub/maintenance/HubMaintenance.h"
#include "hub/http/HubServer.h"
#include "hub/storage/HubAuditCheckpoints.h"
#include "hub/pki/HubPki.h"
#include "hub/storage/HubAuditLog.h"
#include "util/Clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

#include <pthread.h>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

namespace ward::hub {

namespace {

QCommandLineOption dirOption()
{
    return QCommandLineOption(QStringLiteral("dir"), QStringLiteral("Hub directory."), QStringLiteral("DIR"));
}

// Parses `args` (command name first); false + message on unknown options or a missing --dir.
bool parse(QCommandLineParser& p, const QStringList& args, QTextStream& err, bool needDir = true)
{
    p.addOption(dirOption());
    if (!p.parse(args)) {
        err << p.errorText() << Qt::endl;
        return false;
    }
    if (needDir && p.value(QStringLiteral("dir")).isEmpty()) {
        err << QCoreApplication::translate("HubCommandLine", "--dir DIR is required.") << Qt::endl;
        return false;
    }
    return true;
}

} // namespace

HubCommandLine::HubCommandLine(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{
}

int HubCommandLine::usage()
{
    m_err << usageText() << Qt::flush;
    return 2;
}

QString HubCommandLine::usageText()
{
    return QStringLiteral("usage: wardhub --version | --help\n"
             "The hub machine's operator commands; changes are audited as operator@<host>. Staff are registered and\n"
             "changed at the reception desk (administration API, /api/v1/admin), never here.\n"
             "       wardhub init --dir DIR [--db sqlite|postgres --pg-socket SOCKDIR --pg-port N --pg-db NAME] [--hostname NAME]\n"
             "       wardhub serve --dir DIR [--listen 127.0.0.1] [--port 8443|0]\n"
             "               (limits and timeouts: [server] in DIR/wardhub.ini, see hub/README.md)\n"
             "       wardhub enrol-code --dir DIR --ward W [--valid-minutes 60]\n"
             "       wardhub revoke-terminal --dir DIR --id TERMINAL [--reason TEXT]\n"
             "       wardhub ward add --dir DIR --id W3 --name NAME\n"
             "       wardhub bootstrap-registrar --dir DIR --id ID10CHARS --name NAME [--kana KANA] --roles reception[,…]\n"
             "               [--wards W3,…] --method METHOD --document DOC_REF [--password-file FILE|-]\n"
             "               (only while no active user holds users.manage; the new registrar types their password)\n"
             "       wardhub emergency-unlock --dir DIR --id ID --reason TEXT\n"
             "       wardhub policy set --dir DIR --file POLICY.json [--reason TEXT]\n"
             "       wardhub patient add --dir DIR --id P --ward W3 --name NAME --kana KANA --birth YYYY-MM-DD\n"
             "       wardhub card bind --dir DIR --user ID (--piv-cert CERT.pem | --uid HEX)\n"
             "       wardhub demo-seed --dir DIR [--days 21]\n"
             "       wardhub backup --dir DIR (--out FILE | --to BACKUPDIR [--full] [--retention-days 1827])\n"
             "               (encrypted; --to: incremental after the newest backup there, full with --full or when none)\n"
             "       wardhub restore --dir DIR (--in FULL [--in INCREMENTAL …] | --from BACKUPDIR)\n"
             "       wardhub restore-drill --dir DIR --from BACKUPDIR   (restores into a scratch database and checks it)\n"
             "       wardhub check --dir DIR\n"
             "       wardhub review list --dir DIR [--status pending|accepted|refused]\n"
             "       wardhub audit list --dir DIR [--action ACTION]   (e.g. login.not-me: reports from staff)\n"
             "       wardhub audit export --dir DIR --from TIME --to TIME --out FILE   (FHIR R4 AuditEvent Bundle, audited;\n"
             "               TIME: 2026-12-01 (UTC day) or 2026-12-01T09:00:00+09:00; --to is exclusive, a day includes itself)\n"
             "       wardhub audit stream-status --dir DIR   (the IHE ATNA syslog stream: cursor, backlog, last error)\n"
             "Acting for a person, who proves it with their own password (typed without echo, or --password-file FILE|-):\n"
             "       wardhub review accept|refuse --dir DIR --record UUID --version N --by REVIEWER_ID [--password-file FILE|-]\n"
             "       wardhub export patient --dir DIR --id P --out FILE --by STAFF_ID [--password-file FILE|-]\n"
             "       wardhub fallback-code --dir DIR --user ID --by ADMIN_ID [--valid-hours 8 | --valid-minutes N] [--password-file FILE|-]\n"
             "       wardhub emergency request --dir DIR --id EMERG… [--ward W] --by ADMIN_ID [--password-file FILE|-]\n"
             "               (a ward's emergency account, or a new letter for it; a second person approves)\n"
             "       wardhub emergency approve --dir DIR --id EMERG… --by ADMIN_ID [--password-file FILE|-]\n"
             "               (prints the sealed letter with the password, once)\n"
             "       wardhub emergency list --dir DIR\n"
             "Removed (the reception desk does these with an authenticated session): user add|disable|enable|retire|unlock|\n"
             "reset-password, card revoke.\n");
}

int HubCommandLine::run(const QStringList& args)
{
    if (args.size() < 2)
        return usage();
    const QString cmd = args.at(1);
    const QStringList rest = args.mid(1);
    // `wardhub --help`, `wardhub help`, `wardhub serve --help`: the usage on stdout, success.
    if (cmd == QLatin1String("help") || rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
        m_out << usageText() << Qt::flush;
        return 0;
    }
    try {
        if (cmd == QLatin1String("--version") || cmd == QLatin1String("version")) {
            m_out << versionLine() << Qt::endl;
            return 0;
        }
        if (cmd == QLatin1String("init"))
            return init(rest);
        if (cmd == QLatin1String("serve"))
            return serve(rest);
        if (cmd == QLatin1String("enrol-code"))
            return enrolCode(rest);
        if (cmd == QLatin1String("revoke-terminal"))
            return revokeTerminal(rest);
        if (cmd == QLatin1String("ward"))
            return ward(rest.mid(1).isEmpty() ? rest : QStringList{cmd + QLatin1Char(' ') + rest.value(1)} + rest.mid(2));
        if (cmd == QLatin1String("user"))
            return user(rest.mid(1).isEmpty() ? rest : QStringList{cmd + QLatin1Char(' ') + rest.value(1)} + rest.mid(2));
        if (cmd == QLatin1String("bootstrap-registrar"))
            return bootstrapRegistrar(rest);
        if (cmd == QLatin1String("emergency-unlock"))
            return emergencyUnlock(rest);
        if (cmd == QLatin1String("demo-seed"))
            return demoSeed(rest);
        if (cmd == QLatin1String("fallback-code"))
            return fallbackCode(rest);
        if (cmd == QLatin1String("emergency"))
            return emergency(rest.mid(1).isEmpty() ? rest : QStringList{cmd + QLatin1Char(' ') + rest.value(1)} + rest.mid(2));
        if (cmd == QLatin1String("backup"))
            return backup(rest);
        if (cmd == QLatin1String("restore"))
            return restore(rest);
        if (cmd == QLatin1String("restore-drill"))
            return restoreDrill(rest);
        if (cmd == QLatin1String("check"))
            return check(rest);
        if (cmd == QLatin1String("policy"))
            return policy(rest.mid(1).isEmpty() ? rest : QStringList{cmd + QLatin1Char(' ') + rest.value(1)} + rest.mid(2));
        if (cmd == QLatin1String("patient"))
            return patient(rest.mid(1).isEmpty() ? rest : QStringList{cmd + QLatin1Char(' ') + rest.value(1)} + rest.mid(2));
        if (cmd == QLatin1String("export"))
            return exportPatient(rest.mid(1).isEmpty() ? rest : QStringList{cmd + QLatin1Char(' ') + rest.value(1)} + rest.mid(2));
        if (cmd == QLatin1String("card"))
            return card(rest.mid(1).isEmpty() ? rest : QStringList{cmd + QLatin1Char(' ') + rest.value(1)} + rest.mid(2));
        if (cmd == QLatin1String("audit"))
            return audit(rest.mid(1).isEmpty() ? rest : QStringList{cmd + QLatin1Char(' ') + rest.value(1)} + rest.mid(2));
        if (cmd == QLatin1String("review"))
            return review(rest.mid(1).isEmpty() ? rest : QStringList{cmd + QLatin1Char(' ') + rest.value(1)} + rest.mid(2));
    } catch (const HubError& e) {
        m_err << "wardhub " << cmd << ": " << e.message() << Qt::endl;
        return 1;
    } catch (const std::exception& e) {
        m_err << "wardhub " << cmd << ": " << e.what() << Qt::endl;
        return 1;
    }
    return usage();
}

int HubCommandLine::init(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"), QStringLiteral("sqlite or postgres."), QStringLiteral("DRIVER"), QStringLiteral("sqlite")});
    p.addOption({QStringLiteral("pg-socket"), QStringLiteral("PostgreSQL socket directory."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("pg-port"), QStringLiteral("PostgreSQL port."), QStringLiteral("N"), QStringLiteral("5432")});
    p.addOption({QStringLiteral("pg-db"), QStringLiteral("PostgreSQL database."), QStringLiteral("NAME"), QStringLiteral("wardhub")});
    p.addOption({QStringLiteral("pg-user"), QStringLiteral("PostgreSQL user."), QStringLiteral("NAME"), QStringLiteral("postgres")});
    p.addOption({QStringLiteral("hostname"), QStringLiteral("Host name in the TLS certificate."), QStringLiteral("NAME"), QStringLiteral("localhost")});
    if (!parse(p, args, m_err))
        return usage();
    HubConfig c;
    c.dir = p.value(QStringLiteral("dir"));
    c.dbDriver = p.value(QStringLiteral("db"));
    c.pgSocketDir = p.value(QStringLiteral("pg-socket"));
    c.pgPort = p.value(QStringLiteral("pg-port")).toInt();
    c.pgDatabase = p.value(QStringLiteral("pg-db"));
    c.pgUser = p.value(QStringLiteral("pg-user"));
    c.hostname = p.value(QStringLiteral("hostname"));
    if (c.dbDriver != QLatin1String("sqlite") && c.dbDriver != QLatin1String("postgres"))
        return usage();
    if (c.isPostgres() && c.pgSocketDir.isEmpty()) {
        m_err << "wardhub init: --pg-socket is required with --db postgres" << Qt::endl;
        return 2;
    }
    HubServices::init(c);
    m_out << "hub initialised in " << c.dir << " (" << c.dbDriver << ")" << Qt::endl;
    return 0;
}

int HubCommandLine::serve(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("listen"), QStringLiteral("Address to listen on."), QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")});
    p.addOption({QStringLiteral("port"), QStringLiteral("TCP port (0: any free port)."), QStringLiteral("N"), QStringLiteral("8443")});
    if (!parse(p, args, m_err))
        return usage();
    // SIGTERM/SIGINT stop the server cleanly: requests in flight finish (their transactions commit or roll back),
    // then the process exits 0 (systemd `stop`, Ctrl-C). Blocked before any thread exists (the server starts its
    // worker threads when constructed) so every thread inherits the mask and only the waiter thread receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    HubServer server(*services);
    const QString host = p.value(QStringLiteral("listen"));
    const int port = server.bind(host, p.value(QStringLiteral("port")).toInt());
    if (port <= 0) {
        m_err << "wardhub serve: cannot listen on " << host << ":" << p.value(QStringLiteral("port"))
              << " (port in use, or the TLS files do not load)" << Qt::endl;
        return 1;
    }
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        if (sig != 0)
            server.stop();
    });
    // Issue 14: the hub's audit chain is checkpointed (signed head) every few minutes while it grows, and at the stop.
    std::mutex checkpointMutex;
    std::condition_variable checkpointWake;
    bool stopping = false;
    auto checkpoint = [&] {
        try {
            HubAuditCheckpoints(services->db).take(*services->pki);
        } catch (const std::exception& e) {
            qWarning("wardhub: audit checkpoint not taken: %s", e.what());
        }
    };
    std::thread checkpointer([&] {
        std::unique_lock<std::mutex> lock(checkpointMutex);
        while (!checkpointWake.wait_for(lock, std::chrono::seconds(HubAuditCheckpoints::kIntervalSeconds), [&] { return stopping; }))
            checkpoint();
        checkpoint();
        services->db.releaseThreadConnection();
    });
    // Issue 14 (IHE ATNA): the audit stream to the configured collector, on its own thread (never a request handler's).
    std::unique_ptr<AtnaStream> atna;
    std::thread atnaThread;
    if (services->config.atnaEnabled()) {
        atna = std::make_unique<AtnaStream>(*services);
        atnaThread = std::thread([&] { atna->run(); });
    }
    // Tests and scripts read this line to learn the port chosen for --port 0.
    m_out << "wardhub listening on " << host << ":" << port << Qt::endl;
    const bool ok = server.run();
    // A listen failure (not a signal) must not leave the waiter blocked forever.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    {
        std::lock_guard<std::mutex> lock(checkpointMutex);
        stopping = true;
    }
    checkpointWake.notify_all();
    checkpointer.join();
    if (atna) {
        atna->stop();
        atnaThread.join();
    }
    m_err << "wardhub: stopped" << Qt::endl;
    return ok ? 0 : 1;
}

int HubCommandLine::enrolCode(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("ward"), QStringLiteral("Ward the terminal will serve."), QStringLiteral("WARD")});
    p.addOption({QStringLiteral("valid-minutes"), QStringLiteral("Lifetime of the code."), QStringLiteral("N"), QStringLiteral("60")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("ward")).isEmpty())
        return usage();
    bool ok = false;
    const int minutes = p.value(QStringLiteral("valid-minutes")).toInt(&ok);
    if (!ok)
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const TerminalRegistry::EnrolCode issued =
        services->terminals.createEnrolCode(p.value(QStringLiteral("ward")), minutes, HubAuditLog::localOperator());
    // stdout is the code alone (scripts read it); what the person compares goes to stderr: the ward, the expiry and
    // the hub CA fingerprint the new terminal must show before it sends anything (the IT console shows the same).
    m_err << "ward:        " << issued.ward << '\n'
          << "valid until: " << issued.expiresAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << " local time ("
          << issued.expiresAt.toUTC().toString(Qt::ISODate) << "), once\n"
          << "hub CA SHA-256 fingerprint (compare with what the terminal shows, --hub-ca-fingerprint):\n  "
          << services->pki->caCertificate().sha256FingerprintText() << Qt::endl;
    m_out << issued.code << Qt::endl;
    return 0;
}

int HubCommandLine::revokeTerminal(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), QStringLiteral("Terminal id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Why (kept with the terminal, shown in the IT console)."), QStringLiteral("TEXT")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("id")).isEmpty())
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    services->terminals.revoke(p.value(QStringLiteral("id")), HubAuditLog::localOperator(), p.value(QStringLiteral("reason")).trimmed().left(200));
    m_out << "terminal " << p.value(QStringLiteral("id")) << " revoked" << Qt::endl;
    return 0;
}

int HubCommandLine::ward(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), QStringLiteral("Ward id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("name"), QStringLiteral("Ward name."), QStringLiteral("NAME")});
    if (args.first() != QLatin1String("ward add") || !parse(p, args, m_err) || p.value(QStringLiteral("id")).isEmpty())
        return usage();
    if (!TerminalRegistry::isValidWardId(p.value(QStringLiteral("id")))) {
        m_err << "wardhub ward add: invalid ward id" << Qt::endl;
        return 1;
    }
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const QString name = p.value(QStringLiteral("name")).isEmpty() ? p.value(QStringLiteral("id")) : p.value(QStringLiteral("name"));
    services->users.ensureWard(p.value(QStringLiteral("id")), name, HubAuditLog::localOperator());
    m_out << "ward " << p.value(QStringLiteral("id")) << " ready" << Qt::endl;
    return 0;
}

int HubCommandLine::user(const QStringList& args)
{
    const QString sub = args.first().section(QLatin1Char(' '), 1);
    // Issue 12: a typed --by / --verified-by proved nobody. These changes are made at the reception desk by an
    // authenticated administrator; the console keeps only the operator's emergency unlock.
    if (sub == QLatin1String("unlock"))
        return removed(args.first(), tr("an administrator unlocks at the reception desk (POST /api/v1/admin/staff/status, action "
                                        "\"unlock\"); when no administrator can, the operator runs: wardhub emergency-unlock --dir DIR "
                                        "--id ID --reason TEXT"));
    if (sub == QLatin1String("add"))
        return removed(args.first(), tr("register staff at the reception desk (POST /api/v1/admin/staff); the first registrar of an "
                                        "empty hub: wardhub bootstrap-registrar"));
    if (sub == QLatin1String("reset-password"))
        return removed(args.first(), tr("reset passwords at the reception desk (POST /api/v1/admin/staff/password-reset)"));
    if (sub == QLatin1String("disable") || sub == QLatin1String("enable") || sub == QLatin1String("retire"))
        return removed(args.first(), tr("change the status at the reception desk (POST /api/v1/admin/staff/status, action \"%1\")").arg(sub));
    return usage();
}

int HubCommandLine::removed(const QString& command, const QString& replacement)
{
    m_err << "wardhub " << command << ": " << tr("this command was removed: %1.").arg(replacement) << Qt::endl;
    return 1;
}

void HubCommandLine::provePerson(HubServices& services, const QString& userId, const QString& passwordFile)
{
    services.sessions.provePassword(HubAuditLog::localOperator(), userId,
                                    ConsolePassword::read(tr("Password of %1").arg(userId), passwordFile, false));
}

QJsonObject HubCommandLine::consoleContext()
{
    return {{QStringLiteral("console"), HubAuditLog::localOperator()}, {QStringLiteral("proof"), QStringLiteral("password")}};
}

int HubCommandLine::bootstrapRegistrar(const QStringList& args)
{
    QCommandLineParser p;
    for (const char* o : {"id", "name", "kana", "roles", "wards", "method", "document", "password-file"})
        p.addOption({QString::fromLatin1(o), QString::fromLatin1(o), QStringLiteral("VALUE")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("id")).isEmpty() || p.value(QStringLiteral("name")).isEmpty()
        || p.value(QStringLiteral("roles")).isEmpty())
        return usage();
    UserDirectory::FirstRegistrar r;
    r.id = p.value(QStringLiteral("id"));
    r.displayName = p.value(QStringLiteral("name"));
    r.kana = p.value(QStringLiteral("kana"));
    r.roles = p.value(QStringLiteral("roles")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    r.wards = p.value(QStringLiteral("wards")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    r.method = p.value(QStringLiteral("method"));
    r.documentRef = p.value(QStringLiteral("document"));
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    // Asked only when the hub can take a first registrar, so nobody types a password for nothing.
    if (services->users.anyActiveHolder(QStringLiteral("users.manage"))) {
        m_err << "wardhub bootstrap-registrar: "
              << tr("this hub already has an active registrar. Register staff at the reception desk (POST /api/v1/admin/staff); "
                    "if the registrar is locked out, use wardhub emergency-unlock.")
              << Qt::endl;
        return 1;
    }
    // The new registrar types the password they will log in with (they are at the console in person).
    const SecureBytes password =
        ConsolePassword::read(tr("New password for %1").arg(r.id), p.value(QStringLiteral("password-file")), true);
    services->users.bootstrapRegistrar(r, password, HubAuditLog::localOperator());
    m_out << "registrar " << r.id << " created (" << r.roles.join(QLatin1Char(',')) << "); bind their card with wardhub card bind, "
          << "then they register everyone else at the reception desk" << Qt::endl;
    return 0;
}

int HubCommandLine::emergencyUnlock(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), QStringLiteral("User id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Why the operator unlocks (audited)."), QStringLiteral("TEXT")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("id")).isEmpty())
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    services->users.emergencyUnlock(p.value(QStringLiteral("id")), p.value(QStringLiteral("reason")), HubAuditLog::localOperator());
    m_out << "user " << p.value(QStringLiteral("id")) << " unlocked by the operator (audited with the reason)" << Qt::endl;
    return 0;
}

int HubCommandLine::fallbackCode(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("user"), QStringLiteral("User id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("by"), QStringLiteral("The acting administrator's own user id."), QStringLiteral("ADMIN")});
    p.addOption({QStringLiteral("valid-hours"), QStringLiteral("Lifetime of the code (max 12)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("valid-minutes"), QStringLiteral("Lifetime of the code in minutes (max 720)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("password-file"), QStringLiteral("The administrator's password (first line; - for stdin)."), QStringLiteral("FILE")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("user")).isEmpty() || p.value(QStringLiteral("by")).isEmpty()
        || (p.isSet(QStringLiteral("valid-hours")) && p.isSet(QStringLiteral("valid-minutes"))))
        return usage();
    // AUTH-2: one shift by default.
    int minutes = FallbackCodes::kDefaultMinutes;
    bool ok = true;
    if (p.isSet(QStringLiteral("valid-hours")))
        minutes = p.value(QStringLiteral("valid-hours")).toInt(&ok) * 60;
    else if (p.isSet(QStringLiteral("valid-minutes")))
        minutes = p.value(QStringLiteral("valid-minutes")).toInt(&ok);
    if (!ok)
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const QString user = p.value(QStringLiteral("user"));
    provePerson(*services, p.value(QStringLiteral("by")), p.value(QStringLiteral("password-file")));
    const QString code = services->fallbackCodes.issue(user, p.value(QStringLiteral("by")), minutes, consoleContext());
    // Shown once: only its hash is kept.
    m_out << "user " << user << "; one-time fallback code: " << code << " (valid " << minutes << " minutes)" << Qt::endl;
    return 0;
}

int HubCommandLine::emergency(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), QStringLiteral("The emergency account (EMERG…, 10 characters)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("ward"), QStringLiteral("Its ward (for a new account)."), QStringLiteral("WARD")});
    p.addOption({QStringLiteral("by"), QStringLiteral("The acting administrator's own user id (users.manage)."), QStringLiteral("ADMIN")});
    p.addOption({QStringLiteral("password-file"), QStringLiteral("The administrator's password (first line; - for stdin)."), QStringLiteral("FILE")});
    const QString sub = args.first();
    const bool list = sub == QLatin1String("emergency list");
    if ((!list && sub != QLatin1String("emergency request") && sub != QLatin1String("emergency approve")) || !parse(p, args, m_err)
        || (!list && (p.value(QStringLiteral("id")).isEmpty() || p.value(QStringLiteral("by")).isEmpty())))
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    if (list) {
        for (const EmergencyAccounts::Account& a : services->emergencyAccounts.list())
            m_out << a.id << "  ward " << a.ward << "  " << a.state << "  letter " << a.letterSerial
                  << (a.requestedBy.isEmpty() ? QString() : QStringLiteral("  awaiting approval (asked by %1)").arg(a.requestedBy))
                  << (a.firstUsedAt.isValid() ? QStringLiteral("  used %1 until %2").arg(a.firstUsedAt.toString(Qt::ISODate),
                                                                                         a.usableUntil.toString(Qt::ISODate))
                                              : QString())
                  << (a.lastTestAt.isValid() ? QStringLiteral("  tested %1").arg(a.lastTestAt.toString(Qt::ISODate)) : QString())
                  << Qt::endl;
        return 0;
    }
    const QString id = p.value(QStringLiteral("id"));
    const QString by = p.value(QStringLiteral("by"));
    provePerson(*services, by, p.value(QStringLiteral("password-file")));
    if (sub == QLatin1String("emergency request")) {
        services->emergencyAccounts.request(id, p.value(QStringLiteral("ward")), by, consoleContext());
        m_out << "asked for a letter for " << id << "; another administrator approves it with: wardhub emergency approve --id "
              << id << " --by THEIR_ID" << Qt::endl;
        return 0;
    }
    const EmergencyAccounts::Letter letter = services->emergencyAccounts.approve(id, by, consoleContext());
    // Shown once, for the sealed letter kept in the ward's safe: only its verifier is kept.
    m_out << "EMERGENCY ACCOUNT LETTER (非常用アカウント) — seal this and keep it in the ward's safe\n"
          << "ward: " << letter.ward << " " << letter.wardName << "\n"
          << "account: " << letter.accountId << "\n"
          << "password: " << QString::fromUtf8(letter.password.toQByteArrayUnsafe()) << "\n"
          << "letter no.: " << letter.serial << "   issued: " << letter.issuedAt.toString(Qt::ISODate)
          << "   asked by " << letter.requestedBy << ", approved by " << letter.approvedBy << "\n"
          << "Using it alerts IT and the auditors; the account closes after one use period until a new letter is issued."
          << Qt::endl;
    return 0;
}

int HubCommandLine::review(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("status"), QStringLiteral("pending, accepted or refused."), QStringLiteral("STATUS"), QStringLiteral("pending")});
    p.addOption({QStringLiteral("record"), QStringLiteral("Record id."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("version"), QStringLiteral("Record version."), QStringLiteral("N")});
    p.addOption({QStringLiteral("by"), QStringLiteral("The reviewer's own user id (records.review)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("password-file"), QStringLiteral("The reviewer's password (first line; - for stdin)."), QStringLiteral("FILE")});
    const QString sub = args.first();
    if ((sub != QLatin1String("review list") && sub != QLatin1String("review accept") && sub != QLatin1String("review refuse"))
        || !parse(p, args, m_err))
        return usage();
    if (sub == QLatin1String("review list")) {
        const QString status = p.value(QStringLiteral("status"));
        if (status != QLatin1String("pending") && status != QLatin1String("accepted") && status != QLatin1String("refused"))
            return usage();
        auto services = HubServices::open(p.value(QStringLiteral("dir")));
        const auto held = services->review.list(status);
        // One line per record: ids, times and the reason only (no health data).
        for (const ReviewQueue::Held& h : held)
            m_out << h.recordId << " v" << h.version << " author " << h.author << " patient " << h.patientId << " ward " << h.ward
                  << " terminal " << h.terminalId << " signed "
                  << QDateTime::fromMSecsSinceEpoch(h.signedAt, Qt::UTC).toString(Qt::ISODate) << " received "
                  << QDateTime::fromMSecsSinceEpoch(h.receivedAt, Qt::UTC).toString(Qt::ISODate) << " " << h.status << ": " << h.reason
                  << Qt::endl;
        m_out << held.size() << " record(s) " << status << Qt::endl;
        return 0;
    }
    bool ok = false;
    const int version = p.value(QStringLiteral("version")).toInt(&ok);
    if (!ok || version < 1 || p.value(QStringLiteral("record")).isEmpty() || p.value(QStringLiteral("by")).isEmpty())
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    provePerson(*services, p.value(QStringLiteral("by")), p.value(QStringLiteral("password-file")));
    if (sub == QLatin1String("review accept"))
        services->review.accept(p.value(QStringLiteral("record")), version, p.value(QStringLiteral("by")), consoleContext());
    else
        services->review.refuse(p.value(QStringLiteral("record")), version, p.value(QStringLiteral("by")), consoleContext());
    m_out << "record " << p.value(QStringLiteral("record")) << " v" << version << (sub == QLatin1String("review accept") ? " accepted" : " refused")
          << Qt::endl;
    return 0;
}

int HubCommandLine::audit(const QStringList& args)
{
    if (args.first() == QLatin1String("audit export"))
        return auditExport(args);
    QCommandLineParser p;
    p.addOption({QStringLiteral("action"), QStringLiteral("Only entries of this action."), QStringLiteral("ACTION")});
    if (args.first() == QLatin1String("audit stream-status") && parse(p, args, m_err))
        return auditStreamStatus(p.value(QStringLiteral("dir")));
    if (args.first() != QLatin1String("audit list") || !parse(p, args, m_err))
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const auto entries = HubAuditLog(services->db).entries(p.value(QStringLiteral("action")));
    // One line per entry; details hold ids and times only (HubAuditLog), never patient data or secrets.
    for (const HubAuditLog::Entry& e : entries)
        m_out << e.seq << ' ' << QDateTime::fromMSecsSinceEpoch(e.at, Qt::UTC).toString(Qt::ISODate) << ' ' << e.actor << ' '
              << e.action << ' ' << QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact)) << Qt::endl;
    m_out << entries.size() << " entr" << (entries.size() == 1 ? "y" : "ies") << Qt::endl;
    return 0;
}

int HubCommandLine::auditExport(const QStringList& args)
{
    QCommandLineParser p;
    for (const char* o : {"from", "to", "out"})
        p.addOption({QString::fromLatin1(o), QString::fromLatin1(o), QStringLiteral("VALUE")});
    if (!parse(p, args, m_err))
        return usage();
    // Issue 14: every argument is checked before the hub is opened, so a refusal reads and writes nothing.
    const QDateTime from = AuditEventExport::parseBound(p.value(QStringLiteral("from")), false);
    const QDateTime to = AuditEventExport::parseBound(p.value(QStringLiteral("to")), true);
    QString problem;
    if (!from.isValid() || !to.isValid())
        problem = tr("--from and --to need a date (2026-12-01) or a time with its zone (2026-12-01T09:00:00+09:00).");
    else if (from >= to)
        problem = tr("The start of the period (--from) must be before its end (--to).");
    else if (p.value(QStringLiteral("out")).isEmpty())
        problem = tr("Name the file to write (--out FILE).");
    if (!problem.isEmpty()) {
        m_err << "wardhub audit export: " << problem << Qt::endl;
        return 2;
    }
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const AuditEventExport::Result r =
        AuditEventExport(*services).write(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch(), p.value(QStringLiteral("out")),
                                          HubAuditLog::localOperator(), {{QStringLiteral("via"), QStringLiteral("hub console")}});
    m_out << "exported " << r.entries << " audit entries from " << from.toString(Qt::ISODate) << " to " << to.toString(Qt::ISODate)
          << " to " << p.value(QStringLiteral("out")) << " (FHIR R4 AuditEvent Bundle, audited)" << Qt::endl;
    return 0;
}

int HubCommandLine::auditStreamStatus(const QString& dir)
{
    auto services = HubServices::open(dir);
    const HubConfig& c = services->config;
    const AtnaQueue::Status s = AtnaQueue(services->db, services->keys, c.hostname).status();
    const auto time = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); };
    m_out << "collector: " << (c.atnaEnabled() ? QStringLiteral("%1:%2 (%3)").arg(c.atnaHost).arg(c.atnaPort).arg(c.atnaRelp ? QStringLiteral("RELP") : QStringLiteral("RFC 5425")) : QStringLiteral("off ([atna] in wardhub.ini)"))
          << Qt::endl;
    m_out << "state: " << (s.state.isEmpty() ? QStringLiteral("never ran") : s.state)
          << (s.updatedAtMs > 0 ? QStringLiteral(" (since %1)").arg(time(s.updatedAtMs)) : QString()) << Qt::endl;
    m_out << "backlog: " << s.backlog << " events" << Qt::endl;
    for (const AtnaQueue::StreamState& st : s.streams)
        m_out << "  " << st.stream << ": sent up to " << st.sent << " of " << st.written << Qt::endl;
    m_out << "last error: " << (s.lastError.isEmpty() ? QStringLiteral("none") : QStringLiteral("%1 (%2)").arg(s.lastError, time(s.errorAtMs)))
          << Qt::endl;
    return 0;
}

int HubCommandLine::card(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("user"), QStringLiteral("User id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("piv-cert"), QStringLiteral("The card's certificate (PEM)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("uid"), QStringLiteral("The card's UID (hex)."), QStringLiteral("HEX")});
    if (args.first() == QLatin1String("card revoke"))
        return removed(args.first(), tr("a lost or broken card is revoked at the reception desk (POST /api/v1/admin/cards/revoke)"));
    if (args.first() != QLatin1String("card bind") || !parse(p, args, m_err) || p.value(QStringLiteral("user")).isEmpty())
        return usage();
    if (int(p.isSet(QStringLiteral("piv-cert"))) + int(p.isSet(QStringLiteral("uid"))) != 1)
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const QString user = p.value(QStringLiteral("user"));
    // At the console: the first registrar's card, the demo hospital's cards. Audited as the operator.
    if (p.isSet(QStringLiteral("uid"))) {
        if (!UserDirectory::foldUid(p.value(QStringLiteral("uid")))) {
            m_err << "wardhub card bind: --uid must be 4 to 10 bytes in hexadecimal" << Qt::endl;
            return 1;
        }
        services->users.bindUidCard(user, p.value(QStringLiteral("uid")), HubAuditLog::localOperator());
    } else {
        QFile f(p.value(QStringLiteral("piv-cert")));
        const auto cert = f.open(QIODevice::ReadOnly) ? Certificate::fromPem(f.readAll()) : std::nullopt;
        if (!cert) {
            m_err << "wardhub card bind: " << p.value(QStringLiteral("piv-cert")) << " is not a PEM certificate" << Qt::endl;
            return 1;
        }
        services->users.bindPivCard(user, cert->publicKeyDer(), HubAuditLog::localOperator());
    }
    m_out << "card bound to " << user << Qt::endl;
    return 0;
}

int HubCommandLine::patient(const QStringList& args)
{
    QCommandLineParser p;
    for (const char* o : {"id", "ward", "name", "kana", "birth"})
        p.addOption({QString::fromLatin1(o), QString::fromLatin1(o), QStringLiteral("VALUE")});
    if (args.first() != QLatin1String("patient add") || !parse(p, args, m_err) || p.value(QStringLiteral("id")).isEmpty()
        || p.value(QStringLiteral("ward")).isEmpty() || p.value(QStringLiteral("name")).isEmpty())
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    services->patients.upsert(p.value(QStringLiteral("id")), p.value(QStringLiteral("ward")),
                              {{QStringLiteral("name"), p.value(QStringLiteral("name"))},
                               {QStringLiteral("kana"), p.value(QStringLiteral("kana"))},
                               {QStringLiteral("birthDate"), p.value(QStringLiteral("birth"))}},
                              HubAuditLog::localOperator());
    // The id only: identity data never goes to logs or terminals' scrollback.
    m_out << "patient " << p.value(QStringLiteral("id")) << " saved" << Qt::endl;
    return 0;
}

int HubCommandLine::exportPatient(const QStringList& args)
{
    QCommandLineParser p;
    for (const char* o : {"id", "out", "by", "password-file"})
        p.addOption({QString::fromLatin1(o), QString::fromLatin1(o), QStringLiteral("VALUE")});
    if (args.first() != QLatin1String("export patient") || !parse(p, args, m_err) || p.value(QStringLiteral("id")).isEmpty()
        || p.value(QStringLiteral("out")).isEmpty() || p.value(QStringLiteral("by")).isEmpty())
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    provePerson(*services, p.value(QStringLiteral("by")), p.value(QStringLiteral("password-file")));
    const PatientExport::Result r = PatientExport::run(*services, p.value(QStringLiteral("id")), p.value(QStringLiteral("out")),
                                                       p.value(QStringLiteral("by")), consoleContext());
    m_out << "exported " << r.records << " records of patient " << p.value(QStringLiteral("id")) << " to " << p.value(QStringLiteral("out"))
          << " (FHIR R4 Bundle, audited)" << Qt::endl;
    return 0;
}

int HubCommandLine::demoSeed(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("days"), QStringLiteral("Days of records per patient."), QStringLiteral("N"), QStringLiteral("21")});
    if (!parse(p, args, m_err))
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    DemoSeed::run(*services, p.value(QStringLiteral("days")).toInt(), m_out);
    return 0;
}

int HubCommandLine::backup(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("out"), QStringLiteral("Backup file (a full backup)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Backup directory (incremental after the newest backup there)."), QStringLiteral("BACKUPDIR")});
    p.addOption({QStringLiteral("full"), QStringLiteral("With --to: a full backup, starting a new set.")});
    p.addOption({QStringLiteral("retention-days"), QStringLiteral("With --to: delete sets older than this (BCP-3: 5 years)."),
                 QStringLiteral("N"), QStringLiteral("1827")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("out")).isEmpty() == p.value(QStringLiteral("to")).isEmpty())
        return usage();
    const int retention = p.value(QStringLiteral("retention-days")).toInt();
    if (retention < 1) {
        m_err << "--retention-days must be at least 1" << Qt::endl;
        return 2;
    }
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    QString out = p.value(QStringLiteral("out"));
    QJsonObject base;
    std::unique_ptr<BackupDirectory> directory;
    if (out.isEmpty()) {
        const QString to = p.value(QStringLiteral("to"));
        if (!QDir().mkpath(to))
            throw HubError(QStringLiteral("backup"), QStringLiteral("cannot create %1").arg(to));
        QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        directory = std::make_unique<BackupDirectory>(to, services->config.masterKeyPath());
        for (const QString& problem : directory->problems())
            m_err << "warning: " << problem << Qt::endl;
        const BackupDirectory::Backup* latest = directory->latest();
        if (!p.isSet(QStringLiteral("full")) && latest) {
            // An incremental is worth only what the backups before it are worth: the one it follows must read
            // whole (the ones before that were checked when it was made).
            try {
                BackupReader(latest->path, services->config.masterKeyPath()).verifyToEnd();
                base = latest->header;
            } catch (const HubError& e) {
                m_err << "warning: " << e.message() << Qt::endl << "warning: starting a new set with a full backup" << Qt::endl;
            }
        }
        out = directory->newPath(Clock::instance().nowUtc(), !base.isEmpty());
    }
    const HubMaintenance::BackupResult r = HubMaintenance::backup(*services, out, base);
    m_out << (r.incremental ? "incremental" : "full") << " backup written: " << r.rows << " rows, " << r.bytes << " bytes, encrypted, to " << out
          << Qt::endl;
    if (directory) {
        BackupDirectory after(p.value(QStringLiteral("to")), services->config.masterKeyPath());
        for (const QString& gone : after.prune(Clock::instance().nowUtc(), retention))
            m_out << "expired (older than " << retention << " days): deleted " << gone << Qt::endl;
    }
    m_out << "Restoring needs this hub's master key (DIR/keys/master.key), which no backup holds: keep it in escrow, apart from the backups."
          << Qt::endl;
    return 0;
}

namespace {

QStringList backupFiles(const QCommandLineParser& p, const QString& masterKeyPath, QTextStream& err)
{
    if (!p.value(QStringLiteral("from")).isEmpty()) {
        const BackupDirectory directory(p.value(QStringLiteral("from")), masterKeyPath);
        for (const QString& problem : directory.problems())
            err << "warning: " << problem << Qt::endl;
        const QStringList chain = directory.restoreChain();
        if (chain.isEmpty())
            throw HubError(QStringLiteral("restore"), QStringLiteral("no usable backup in %1").arg(p.value(QStringLiteral("from"))));
        return chain;
    }
    return p.values(QStringLiteral("in"));
}

} // namespace

int HubCommandLine::restore(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("in"), QStringLiteral("Backup file: a full one, then each incremental after it (repeat --in)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("from"), QStringLiteral("Backup directory: its newest set."), QStringLiteral("BACKUPDIR")});
    if (!parse(p, args, m_err) || p.values(QStringLiteral("in")).isEmpty() == p.value(QStringLiteral("from")).isEmpty())
        return usage();
    const QString dir = p.value(QStringLiteral("dir"));
    const QStringList files = backupFiles(p, HubConfig::load(dir).masterKeyPath(), m_err);
    for (const QString& f : files)
        m_out << "restoring " << f << Qt::endl;
    const qint64 rows = HubMaintenance::restore(dir, files, m_out);
    m_out << "restored " << rows << " rows; running check" << Qt::endl;
    auto services = HubServices::open(dir);
    services->db.transaction([&] {
        HubAuditLog(services->db).append(HubAuditLog::localOperator(), QStringLiteral("hub.restore"),
                                         {{QStringLiteral("rows"), QString::number(rows)}, {QStringLiteral("files"), QString::number(files.size())}});
    });
    return check(QStringList{QStringLiteral("check"), QStringLiteral("--dir"), dir});
}

int HubCommandLine::restoreDrill(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("from"), QStringLiteral("Backup directory: its newest set."), QStringLiteral("BACKUPDIR")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("from")).isEmpty())
        return usage();
    const QString dir = p.value(QStringLiteral("dir"));
    const HubConfig config = HubConfig::load(dir);
    // A scratch hub beside nothing: this hub's keys and certificates, a fresh SQLite database (a PostgreSQL hub's
    // backup restores onto SQLite as well), no ATNA stream. Removed afterwards, whatever the outcome.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        throw HubError(QStringLiteral("restore"), QStringLiteral("cannot create a scratch directory for the drill"));
    QFile::setPermissions(scratch.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    const QString database = QFileInfo(config.path(config.sqliteFile)).absoluteFilePath();
    while (it.hasNext()) {
        const QString from = it.next();
        if (QFileInfo(from).absoluteFilePath().startsWith(database))
            continue; // the live database, its journal and the copies kept aside by a restore
        const QString relative = QDir(dir).relativeFilePath(from);
        const QString to = scratch.filePath(relative);
        QDir().mkpath(QFileInfo(to).absolutePath());
        if (!QFile::copy(from, to))
            throw HubError(QStringLiteral("restore"), QStringLiteral("cannot copy %1 for the drill").arg(from));
    }
    {
        QSettings s(scratch.filePath(QStringLiteral("wardhub.ini")), QSettings::IniFormat);
        s.setValue(QStringLiteral("db/driver"), QStringLiteral("sqlite"));
        s.setValue(QStringLiteral("db/sqlite_file"), QStringLiteral("hub.db"));
        s.remove(QStringLiteral("atna"));
    }
    const QStringList files = backupFiles(p, config.masterKeyPath(), m_err);
    QElapsedTimer t;
    t.start();
    QString discard;
    QTextStream quiet(&discard);
    const qint64 rows = HubMaintenance::restore(scratch.path(), files, quiet);
    auto services = HubServices::open(scratch.path());
    const HubMaintenance::CheckReport r = HubMaintenance::check(*services);
    m_out << "restore drill from " << p.value(QStringLiteral("from")) << ": " << files.size() << " files (1 full, " << files.size() - 1
          << " incremental), " << rows << " rows restored into a scratch database in " << t.elapsed() / 1000.0 << " s" << Qt::endl;
    m_out << "checked " << r.records << " records, " << r.patients << " patients, " << r.auditEntries << " hub audit entries, "
          << r.auditCheckpoints << " hub audit checkpoints, " << r.terminalAuditEntries << " terminal audit entries: "
          << (r.ok() ? "OK" : "PROBLEMS") << Qt::endl;
    for (const QString& problem : r.problems)
        m_out << "  " << problem << Qt::endl;
    services.reset();
    // The drill is on this hub's chain: when it was last shown that the backups restore.
    auto live = HubServices::open(dir);
    live->db.transaction([&] {
        HubAuditLog(live->db).append(HubAuditLog::localOperator(), QStringLiteral("hub.restore-drill"),
                                     {{QStringLiteral("files"), QString::number(files.size())},
                                      {QStringLiteral("rows"), QString::number(rows)},
                                      {QStringLiteral("result"), r.ok() ? QStringLiteral("ok") : QStringLiteral("problems")}});
    });
    return r.ok() ? 0 : 1;
}

int HubCommandLine::check(const QStringList& args)
{
    QCommandLineParser p;
    if (!parse(p, args, m_err))
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const HubMaintenance::CheckReport r = HubMaintenance::check(*services);
    m_out << "checked " << r.records << " records, " << r.patients << " patients, " << r.auditEntries << " hub audit entries, "
          << r.auditCheckpoints << " hub audit checkpoints, " << r.terminalAuditEntries << " terminal audit entries: "
          << (r.ok() ? "OK" : "PROBLEMS") << Qt::endl;
    for (const QString& problem : r.problems)
        m_out << "  " << problem << Qt::endl;
    return r.ok() ? 0 : 1;
}

int HubCommandLine::policy(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("file"), QStringLiteral("Policy JSON ({\"password\": {…}, …})."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Why the policy changes (kept in the hub's audit)."), QStringLiteral("TEXT")});
    if (args.first() != QLatin1String("policy set") || !parse(p, args, m_err) || p.value(QStringLiteral("file")).isEmpty())
        return usage();
    QFile f(p.value(QStringLiteral("file")));
    QJsonParseError error{};
    const QJsonDocument doc = f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll(), &error) : QJsonDocument();
    if (!doc.isObject()) {
        m_err << "wardhub policy set: " << p.value(QStringLiteral("file")) << " is not a JSON object" << Qt::endl;
        return 1;
    }
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    // The same checks, signature and audit as the IT console's policy editor (HospitalPolicy, CFG-2).
    const int version = services->policy.save(doc.object(), -1, HubAuditLog::localOperator(), p.value(QStringLiteral("reason")));
    m_out << "policy version " << version << " in force" << Qt::endl;
    return 0;
}

} // namespace ward::hub
