#include "hub/HubCommandLine.h"

#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/HubVersion.h"
#include "hub/demo/DemoSeed.h"
#include "hub/records/PatientExport.h"
#include "hub/maintenance/HubMaintenance.h"
#include "hub/http/HubServer.h"
#include "hub/storage/HubAuditLog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QTextStream>

#include <pthread.h>
#include <csignal>
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
             "       wardhub init --dir DIR [--db sqlite|postgres --pg-socket SOCKDIR --pg-port N --pg-db NAME] [--hostname NAME]\n"
             "       wardhub serve --dir DIR [--listen 127.0.0.1] [--port 8443|0]\n"
             "               (limits and timeouts: [server] in DIR/wardhub.ini, see hub/README.md)\n"
             "       wardhub enrol-code --dir DIR --ward W [--valid-minutes 60]\n"
             "       wardhub revoke-terminal --dir DIR --id TERMINAL\n"
             "       wardhub ward add --dir DIR --id W3 --name NAME\n"
             "       wardhub user add --dir DIR --id ID10CHARS --name NAME --roles nurse[,…] --wards W3[,…] [--privileged]\n"
             "                        --verified-by REGISTRAR_ID --method METHOD --document DOC_REF\n"
             "       wardhub user disable|enable|retire|unlock --dir DIR --id ID --by ADMIN_ID\n"
             "       wardhub user reset-password --dir DIR --id ID --verified-by REGISTRAR_ID --method METHOD --document DOC_REF\n"
             "       wardhub policy set --dir DIR --file POLICY.json\n"
             "       wardhub patient add --dir DIR --id P --ward W3 --name NAME --kana KANA --birth YYYY-MM-DD\n"
             "       wardhub demo-seed --dir DIR [--days 21]\n"
             "       wardhub export patient --dir DIR --id P --out FILE --by STAFF_ID\n"
             "       wardhub backup --dir DIR --out FILE\n"
             "       wardhub restore --dir DIR --in FILE\n"
             "       wardhub check --dir DIR\n"
             "       wardhub fallback-code --dir DIR --user ID --by ADMIN_ID [--valid-hours 8 | --valid-minutes N]\n"
             "       wardhub card bind --dir DIR --user ID (--piv-cert CERT.pem | --uid HEX)\n"
             "       wardhub card revoke --dir DIR --user ID (--piv-cert CERT.pem | --uid HEX | --all) --by ADMIN_ID\n"
             "       wardhub review list --dir DIR [--status pending|accepted|refused]\n"
             "       wardhub review accept|refuse --dir DIR --record UUID --version N --by REVIEWER_ID\n"
             "       wardhub audit list --dir DIR [--action ACTION]   (e.g. login.not-me: reports from staff)\n");
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
        if (cmd == QLatin1String("demo-seed"))
            return demoSeed(rest);
        if (cmd == QLatin1String("fallback-code"))
            return fallbackCode(rest);
        if (cmd == QLatin1String("backup"))
            return backup(rest);
        if (cmd == QLatin1String("restore"))
            return restore(rest);
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
    // Tests and scripts read this line to learn the port chosen for --port 0.
    m_out << "wardhub listening on " << host << ":" << port << Qt::endl;
    const bool ok = server.run();
    // A listen failure (not a signal) must not leave the waiter blocked forever.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
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
    m_out << services->terminals.createEnrolCode(p.value(QStringLiteral("ward")), minutes, HubAuditLog::localOperator()) << Qt::endl;
    return 0;
}

int HubCommandLine::revokeTerminal(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), QStringLiteral("Terminal id."), QStringLiteral("ID")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("id")).isEmpty())
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    services->terminals.revoke(p.value(QStringLiteral("id")), HubAuditLog::localOperator());
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
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), QStringLiteral("User id (10 letters/digits)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("name"), QStringLiteral("Display name."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("roles"), QStringLiteral("Comma-separated roles."), QStringLiteral("ROLES")});
    p.addOption({QStringLiteral("wards"), QStringLiteral("Comma-separated wards."), QStringLiteral("WARDS")});
    p.addOption({QStringLiteral("privileged"), QStringLiteral("Privileged account (AUTH-10).")});
    p.addOption({QStringLiteral("verified-by"), QStringLiteral("Who checked the person's identity."), QStringLiteral("STAFF")});
    p.addOption({QStringLiteral("method"), QStringLiteral("How identity was checked."), QStringLiteral("METHOD")});
    p.addOption({QStringLiteral("document"), QStringLiteral("Ledger reference of the identity document seen."), QStringLiteral("DOC")});
    p.addOption({QStringLiteral("by"), QStringLiteral("The acting administrator's own user id."), QStringLiteral("ADMIN")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("id")).isEmpty())
        return usage();
    const QString id = p.value(QStringLiteral("id"));
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const QString actor = HubAuditLog::localOperator();
    // AUTH-12: who checked the person's identity, how, and which document (ledger reference).
    IdentityVerification verification;
    verification.verifiedBy = p.value(QStringLiteral("verified-by"));
    verification.method = p.value(QStringLiteral("method"));
    verification.documentRef = p.value(QStringLiteral("document"));
    auto printPassword = [&](const char* what, const SecureBytes& pw) {
        // AUTH-7: random, shown once, changed at first login.
        m_out << "user " << id << " " << what << "; temporary password: "
              << QString::fromUtf8(reinterpret_cast<const char*>(pw.data()), static_cast<int>(pw.size())) << Qt::endl;
    };
    if (sub == QLatin1String("add")) {
        const auto split = [&](const char* o) {
            return p.value(QLatin1String(o)).split(QLatin1Char(','), Qt::SkipEmptyParts);
        };
        printPassword("added", services->users.addUser(id, p.value(QStringLiteral("name")), split("roles"), split("wards"),
                                                       p.isSet(QStringLiteral("privileged")), verification));
        return 0;
    }
    if (sub == QLatin1String("reset-password")) {
        printPassword("reset", services->users.resetPassword(id, verification));
        return 0;
    }
    const QHash<QString, UserDirectory::StatusAction> actions{{QStringLiteral("disable"), UserDirectory::StatusAction::Disable},
                                                              {QStringLiteral("enable"), UserDirectory::StatusAction::Enable},
                                                              {QStringLiteral("retire"), UserDirectory::StatusAction::Retire},
                                                              {QStringLiteral("unlock"), UserDirectory::StatusAction::Unlock}};
    if (actions.contains(sub)) {
        services->users.changeStatus(id, actions.value(sub), p.value(QStringLiteral("by")));
        m_out << "user " << id << ": " << sub << " done" << Qt::endl;
        return 0;
    }
    return usage();
}

int HubCommandLine::fallbackCode(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("user"), QStringLiteral("User id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("by"), QStringLiteral("The acting administrator's own user id."), QStringLiteral("ADMIN")});
    p.addOption({QStringLiteral("valid-hours"), QStringLiteral("Lifetime of the code (max 12)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("valid-minutes"), QStringLiteral("Lifetime of the code in minutes (max 720)."), QStringLiteral("N")});
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
    const QString code = services->fallbackCodes.issue(user, p.value(QStringLiteral("by")), minutes);
    // Shown once: only its hash is kept.
    m_out << "user " << user << "; one-time fallback code: " << code << " (valid " << minutes << " minutes)" << Qt::endl;
    return 0;
}

int HubCommandLine::review(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("status"), QStringLiteral("pending, accepted or refused."), QStringLiteral("STATUS"), QStringLiteral("pending")});
    p.addOption({QStringLiteral("record"), QStringLiteral("Record id."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("version"), QStringLiteral("Record version."), QStringLiteral("N")});
    p.addOption({QStringLiteral("by"), QStringLiteral("The reviewer's own user id (records.review)."), QStringLiteral("ID")});
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
    if (sub == QLatin1String("review accept"))
        services->review.accept(p.value(QStringLiteral("record")), version, p.value(QStringLiteral("by")));
    else
        services->review.refuse(p.value(QStringLiteral("record")), version, p.value(QStringLiteral("by")));
    m_out << "record " << p.value(QStringLiteral("record")) << " v" << version << (sub == QLatin1String("review accept") ? " accepted" : " refused")
          << Qt::endl;
    return 0;
}

int HubCommandLine::audit(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("action"), QStringLiteral("Only entries of this action."), QStringLiteral("ACTION")});
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

int HubCommandLine::card(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("user"), QStringLiteral("User id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("piv-cert"), QStringLiteral("The card's certificate (PEM)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("uid"), QStringLiteral("The card's UID (hex)."), QStringLiteral("HEX")});
    p.addOption({QStringLiteral("all"), QStringLiteral("Every card of the user (revoke).")});
    p.addOption({QStringLiteral("by"), QStringLiteral("Acting administrator (revoke)."), QStringLiteral("ID")});
    const bool revoke = args.first() == QLatin1String("card revoke");
    if ((args.first() != QLatin1String("card bind") && !revoke) || !parse(p, args, m_err) || p.value(QStringLiteral("user")).isEmpty())
        return usage();
    const int chosen = int(p.isSet(QStringLiteral("piv-cert"))) + int(p.isSet(QStringLiteral("uid"))) + int(revoke && p.isSet(QStringLiteral("all")));
    if (chosen != 1 || (revoke && p.value(QStringLiteral("by")).isEmpty()))
        return usage();
    const QString verb = revoke ? QStringLiteral("revoke") : QStringLiteral("bind");
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const QString user = p.value(QStringLiteral("user"));
    QString kind, keyId;
    QByteArray publicKey;
    const QString uid = p.value(QStringLiteral("uid"));
    if (p.isSet(QStringLiteral("uid"))) {
        const auto folded = UserDirectory::foldUid(uid);
        if (!folded) {
            m_err << "wardhub card " << verb << ": --uid must be 4 to 10 bytes in hexadecimal" << Qt::endl;
            return 1;
        }
        kind = QStringLiteral("uid");
        keyId = services->users.uidHash(*folded);
    } else if (p.isSet(QStringLiteral("piv-cert"))) {
        QFile f(p.value(QStringLiteral("piv-cert")));
        const auto cert = f.open(QIODevice::ReadOnly) ? Certificate::fromPem(f.readAll()) : std::nullopt;
        if (!cert) {
            m_err << "wardhub card " << verb << ": " << p.value(QStringLiteral("piv-cert")) << " is not a PEM certificate" << Qt::endl;
            return 1;
        }
        kind = QStringLiteral("piv");
        publicKey = cert->publicKeyDer();
        keyId = UserDirectory::pivKeyId(publicKey);
    }
    if (revoke) {
        const int cards = services->users.revokeCards(user, kind, keyId, p.value(QStringLiteral("by")));
        m_out << cards << " card(s) of " << user << " revoked; their signing certificates are revoked too" << Qt::endl;
        return 0;
    }
    if (kind == QLatin1String("uid"))
        services->users.bindUidCard(user, uid, HubAuditLog::localOperator());
    else
        services->users.bindPivCard(user, publicKey, HubAuditLog::localOperator());
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
    for (const char* o : {"id", "out", "by"})
        p.addOption({QString::fromLatin1(o), QString::fromLatin1(o), QStringLiteral("VALUE")});
    if (args.first() != QLatin1String("export patient") || !parse(p, args, m_err) || p.value(QStringLiteral("id")).isEmpty()
        || p.value(QStringLiteral("out")).isEmpty() || p.value(QStringLiteral("by")).isEmpty())
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const PatientExport::Result r =
        PatientExport::run(*services, p.value(QStringLiteral("id")), p.value(QStringLiteral("out")), p.value(QStringLiteral("by")));
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
    p.addOption({QStringLiteral("out"), QStringLiteral("Backup file."), QStringLiteral("FILE")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("out")).isEmpty())
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const qint64 rows = HubMaintenance::backup(*services, p.value(QStringLiteral("out")));
    m_out << "backup written: " << rows << " rows to " << p.value(QStringLiteral("out"))
          << " (keep DIR/keys/master.key and DIR/ca/ca.key safe separately: the backup is useless without the master key)" << Qt::endl;
    return 0;
}

int HubCommandLine::restore(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("in"), QStringLiteral("Backup file."), QStringLiteral("FILE")});
    if (!parse(p, args, m_err) || p.value(QStringLiteral("in")).isEmpty())
        return usage();
    const qint64 rows = HubMaintenance::restore(p.value(QStringLiteral("dir")), p.value(QStringLiteral("in")), m_out);
    m_out << "restored " << rows << " rows; running check" << Qt::endl;
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    services->db.transaction([&] {
        HubAuditLog(services->db).append(HubAuditLog::localOperator(), QStringLiteral("hub.restore"), {{QStringLiteral("rows"), QString::number(rows)}});
    });
    return check(QStringList{QStringLiteral("check"), QStringLiteral("--dir"), p.value(QStringLiteral("dir"))});
}

int HubCommandLine::check(const QStringList& args)
{
    QCommandLineParser p;
    if (!parse(p, args, m_err))
        return usage();
    auto services = HubServices::open(p.value(QStringLiteral("dir")));
    const HubMaintenance::CheckReport r = HubMaintenance::check(*services);
    m_out << "checked " << r.records << " records, " << r.patients << " patients, " << r.auditEntries << " hub audit entries: "
          << (r.ok() ? "OK" : "PROBLEMS") << Qt::endl;
    for (const QString& problem : r.problems)
        m_out << "  " << problem << Qt::endl;
    return r.ok() ? 0 : 1;
}

int HubCommandLine::policy(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("file"), QStringLiteral("Policy JSON ({\"password\": {…}, …})."), QStringLiteral("FILE")});
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
    const int version = services->users.setPolicy(doc.object(), HubAuditLog::localOperator());
    m_out << "policy version " << version << " in force" << Qt::endl;
    return 0;
}

} // namespace ward::hub
