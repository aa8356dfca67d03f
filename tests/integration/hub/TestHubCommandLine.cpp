// Issue 10 item 11: `wardhub --help` is help (stdout, exit 0), and the shipped systemd unit starts a command
// line that `serve` accepts (and that systemd-analyze accepts as a unit).

#include "HubProcess.h"

#include "crypto/Certificate.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QStringList execStart(const QString& unitPath)
{
    QFile f(unitPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("ExecStart="))
            return QString::fromUtf8(line.mid(10)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return {};
}

// The variables of the default /etc/wardhub/wardhub.conf the package ships.
QHash<QString, QString> packagedConf()
{
    QFile conf(QStringLiteral(WARD_SOURCE_DIR "/packaging/wardhub.conf"));
    QHash<QString, QString> variables;
    if (!conf.open(QIODevice::ReadOnly | QIODevice::Text))
        return variables;
    for (const QString& line : QString::fromUtf8(conf.readAll()).split(QLatin1Char('\n')))
        if (!line.startsWith(QLatin1Char('#')) && line.contains(QLatin1Char('=')))
            variables.insert(line.section(QLatin1Char('='), 0, 0).trimmed(), line.section(QLatin1Char('='), 1).trimmed());
    return variables;
}

// systemd-analyze verify on copies of the units (ExecStart at the built binary, EnvironmentFile at the source tree's
// wardhub.conf); an empty string when systemd accepts them without a word about them.
QString systemdVerify(const QStringList& units)
{
    const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
    if (analyze.isEmpty())
        return QStringLiteral("skip");
    QTemporaryDir dir;
    QStringList copies;
    for (const QString& name : units) {
        QFile in(QStringLiteral(WARD_SOURCE_DIR "/packaging/") + name);
        if (!in.open(QIODevice::ReadOnly))
            return name + QStringLiteral(" missing");
        QByteArray text = in.readAll();
        text.replace("ExecStart=/usr/bin/wardhub", "ExecStart=" + HubProcess::binary().toUtf8());
        text.replace("EnvironmentFile=/etc/wardhub/wardhub.conf", "EnvironmentFile=" WARD_SOURCE_DIR "/packaging/wardhub.conf");
        QFile copy(dir.filePath(name));
        if (!copy.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot copy ") + name;
        copy.write(text);
        copies << copy.fileName();
    }
    QProcess verify;
    verify.start(analyze, QStringList{QStringLiteral("verify")} + copies);
    if (!verify.waitForFinished(30000))
        return QStringLiteral("systemd-analyze hung");
    const QString out = QString::fromUtf8(verify.readAllStandardOutput() + verify.readAllStandardError());
    if (verify.exitCode() != 0)
        return out;
    for (const QString& name : units)
        if (out.contains(name))
            return out;
    return QString();
}

} // namespace

class TestHubCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void helpIsUsageOnStdoutAndSuccess()
    {
        for (const QStringList& args : {QStringList{QStringLiteral("--help")}, QStringList{QStringLiteral("help")},
                                        QStringList{QStringLiteral("-h")}, QStringList{QStringLiteral("serve"), QStringLiteral("--help")}}) {
            QProcess p;
            p.start(HubProcess::binary(), args);
            QVERIFY(p.waitForFinished(20000));
            const QByteArray out = p.readAllStandardOutput();
            QCOMPARE(p.exitCode(), 0);
            QVERIFY2(out.startsWith("usage: wardhub"), out.constData());
            QVERIFY(out.contains("wardhub serve --dir DIR"));
            QVERIFY(!p.readAllStandardError().contains("Unknown option"));
        }
        // Real mistakes are still usage errors (exit 2, on stderr).
        QProcess p;
        p.start(HubProcess::binary(), {QStringLiteral("serve"), QStringLiteral("--bogus")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardOutput().isEmpty());
    }

    // Issue 13: `enrol-code` gives scripts the code alone on stdout, and the person the ward, the expiry and the hub
    // CA fingerprint to compare with what the new terminal shows (the IT console shows the same three).
    void enrolCodeSaysWardExpiryAndFingerprint()
    {
        HubProcess hub(QStringLiteral("enrol_code_cli"));
        QVERIFY(hub.init());
        QByteArray out, err;
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QCOMPARE(hub.cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), QStringLiteral("W7"), QStringLiteral("--valid-minutes"),
                          QStringLiteral("15")},
                         &out, &err),
                 0);
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QVERIFY2(QRegularExpression(QStringLiteral("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\\n$")).match(QString::fromLatin1(out)).hasMatch(),
                 out.constData());
        const QString said = QString::fromUtf8(err);
        QVERIFY2(said.contains(QStringLiteral("ward:        W7\n")), qPrintable(said));
        const QRegularExpressionMatch until = QRegularExpression(QStringLiteral("valid until: (\\S+ \\S+) local time \\((\\S+)\\), once")).match(said);
        QVERIFY2(until.hasMatch(), qPrintable(said));
        const QDateTime expiresAt = QDateTime::fromString(until.captured(2), Qt::ISODate);
        QVERIFY2(expiresAt >= before.addSecs(15 * 60 - 1) && expiresAt <= after.addSecs(15 * 60 + 1), qPrintable(until.captured(2)));
        QCOMPARE(until.captured(1), expiresAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        const auto ca = ward::Certificate::fromPem(hub.caPem());
        QVERIFY(ca);
        QVERIFY2(said.contains(QStringLiteral("hub CA SHA-256 fingerprint")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("\n  ") + ca->sha256FingerprintText() + QLatin1Char('\n')), qPrintable(said));
        // The code is never on stderr (a log that keeps stderr does not keep a usable code).
        QVERIFY(!said.contains(QString::fromLatin1(out.trimmed())));
    }

    // Issue 12: the help names the operator's commands and no longer offers the removed ones.
    void helpListsTheOperatorsCommands()
    {
        QProcess p;
        p.start(HubProcess::binary(), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray out = p.readAllStandardOutput();
        for (const char* command : {"wardhub init", "wardhub serve", "wardhub backup", "wardhub restore", "wardhub check",
                                    "wardhub bootstrap-registrar", "wardhub emergency-unlock", "wardhub enrol-code", "wardhub card bind"})
            QVERIFY2(out.contains(command), command);
        QVERIFY(!out.contains("wardhub user "));
        QVERIFY(!out.contains("--verified-by"));
        QVERIFY(!out.contains("card revoke --dir"));
    }

    // Issue 12: staff changes with a typed --by / --verified-by are refused, name their replacement and change
    // nothing.
    void removedCommandsNameTheirReplacement()
    {
        HubProcess hub(QStringLiteral("removed_commands"));
        QVERIFY(hub.init());
        QVERIFY(hub.bootstrapRegistrar(QStringLiteral("RECEPTION1"), QStringLiteral("Uketsuke-001!x")));
        QVERIFY(!hub.addStaff(QStringLiteral("NURSE00001"), QStringLiteral("看護 太郎"), QStringLiteral("nurse"), QString()).isEmpty());
        QByteArray before;
        QVERIFY(hub.admin({QStringLiteral("audit"), QStringLiteral("list")}, &before));
        const QStringList by{QStringLiteral("--by"), QStringLiteral("RECEPTION1")};
        const QStringList verified{QStringLiteral("--verified-by"), QStringLiteral("RECEPTION1"), QStringLiteral("--method"), QStringLiteral("m"),
                                   QStringLiteral("--document"), QStringLiteral("d")};
        const QList<QPair<QStringList, QByteArray>> removed{
            {QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("NURSE00002"), QStringLiteral("--name"),
                         QStringLiteral("x"), QStringLiteral("--roles"), QStringLiteral("nurse")} + verified,
             "POST /api/v1/admin/staff"},
            {QStringList{QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--id"), QStringLiteral("NURSE00001")} + by,
             "POST /api/v1/admin/staff/status"},
            {QStringList{QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("--id"), QStringLiteral("NURSE00001")} + by,
             "POST /api/v1/admin/staff/status"},
            {QStringList{QStringLiteral("user"), QStringLiteral("retire"), QStringLiteral("--id"), QStringLiteral("NURSE00001")} + by,
             "POST /api/v1/admin/staff/status"},
            {QStringList{QStringLiteral("user"), QStringLiteral("unlock"), QStringLiteral("--id"), QStringLiteral("NURSE00001")} + by,
             "wardhub emergency-unlock"},
            {QStringList{QStringLiteral("user"), QStringLiteral("reset-password"), QStringLiteral("--id"), QStringLiteral("NURSE00001")} + verified,
             "POST /api/v1/admin/staff/password-reset"},
            {QStringList{QStringLiteral("card"), QStringLiteral("revoke"), QStringLiteral("--user"), QStringLiteral("NURSE00001"), QStringLiteral("--all")} + by,
             "POST /api/v1/admin/cards/revoke"},
        };
        for (const auto& [args, replacement] : removed) {
            QByteArray out, err;
            QCOMPARE(hub.cli(args, &out, &err), 1);
            QVERIFY2(err.contains("removed") && err.contains(replacement), err.constData());
            QVERIFY(out.isEmpty());
        }
        QByteArray after;
        QVERIFY(hub.admin({QStringLiteral("audit"), QStringLiteral("list")}, &after));
        QCOMPARE(after, before);
    }

    // Issue 12: the first registrar of an empty hub, created by the operator with the password the person typed;
    // audited as the operator; only once.
    void bootstrapRegistrarOnlyOnAnEmptyHub()
    {
        HubProcess hub(QStringLiteral("bootstrap"));
        QVERIFY(hub.init());
        const QStringList args{QStringLiteral("bootstrap-registrar"), QStringLiteral("--id"), QStringLiteral("RECEPTION1"), QStringLiteral("--name"),
                               QStringLiteral("受付 一郎"), QStringLiteral("--roles"), QStringLiteral("reception"), QStringLiteral("--method"),
                               QStringLiteral("運転免許証"), QStringLiteral("--document"), QStringLiteral("台帳 2026-001"),
                               QStringLiteral("--password-file"), QStringLiteral("-")};
        QByteArray out, err;
        // A password the policy refuses, a role without users.manage, no identity evidence: nothing is created.
        QCOMPARE(hub.cli(args, &out, &err, "short\n"), 1);
        QVERIFY2(err.contains("password"), err.constData());
        QStringList nurse = args;
        nurse[nurse.indexOf(QStringLiteral("reception"))] = QStringLiteral("nurse");
        QCOMPARE(hub.cli(nurse, &out, &err, "Uketsuke-001!x\n"), 1);
        QVERIFY2(err.contains("users.manage"), err.constData());
        QStringList noEvidence = args.mid(0, 7) + args.mid(11);
        QCOMPARE(hub.cli(noEvidence, &out, &err, "Uketsuke-001!x\n"), 1);
        QCOMPARE(hub.cli(args, &out, &err, "\n"), 1);
        QVERIFY(hub.admin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("user.add")}, &out));
        QVERIFY2(out.contains("0 entries"), out.constData());

        QCOMPARE(hub.cli(args, &out, &err, "Uketsuke-001!x\n"), 0);
        QVERIFY(!out.contains("Uketsuke")); // the password is never echoed
        QVERIFY(hub.admin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("user.add")}, &out));
        QVERIFY2(QRegularExpression(QStringLiteral(" operator@\\S+ user\\.add .*\"bootstrap\":true.*\"user\":\"RECEPTION1\"")).match(QString::fromUtf8(out)).hasMatch(),
                 out.constData());
        QVERIFY(out.contains("\"verifiedBy\":\"operator@"));
        QVERIFY(!out.contains("Uketsuke"));
        // The registrar can now prove who they are with that password (a fallback code for themselves is refused as
        // self-administration only after the proof: the proof itself passed).
        QVERIFY(!hub.addStaff(QStringLiteral("NURSE00001"), QStringLiteral("看護 太郎"), QStringLiteral("nurse"), QString()).isEmpty());
        QCOMPARE(hub.cli({QStringLiteral("fallback-code"), QStringLiteral("--user"), QStringLiteral("NURSE00001"), QStringLiteral("--by"),
                          QStringLiteral("RECEPTION1"), QStringLiteral("--password-file"), QStringLiteral("-")},
                         &out, &err, "Uketsuke-001!x\n"),
                 0);
        QVERIFY2(out.contains("one-time fallback code"), out.constData());
        // Only once: a second registrar is the reception desk's (with a second approver, AC-4).
        QStringList second = args;
        second[second.indexOf(QStringLiteral("RECEPTION1"))] = QStringLiteral("RECEPTION2");
        QCOMPARE(hub.cli(second, &out, &err, "Uketsuke-002!x\n"), 1);
        QVERIFY2(err.contains("already has an active registrar"), err.constData());
    }

    void systemdUnitStartsACommandServeAccepts()
    {
        const QString unit = QStringLiteral(WARD_SOURCE_DIR "/packaging/wardhub.service");
        const QStringList command = execStart(unit);
        QVERIFY2(command.size() >= 2, "no ExecStart in the unit");
        QCOMPARE(command.at(0), QStringLiteral("/usr/bin/wardhub"));
        QCOMPARE(command.at(1), QStringLiteral("serve"));

        // The unit's own arguments, its ${VARIABLES} from the default /etc/wardhub/wardhub.conf the package ships,
        // with the state directory pointed at a test hub and the port at a free one.
        const QHash<QString, QString> variables = packagedConf();
        QVERIFY(variables.contains(QStringLiteral("WARDHUB_LISTEN")) && variables.contains(QStringLiteral("WARDHUB_PORT")));
        HubProcess hub(QStringLiteral("systemd_unit"));
        QVERIFY(hub.init());
        QStringList args = command.mid(1);
        for (QString& a : args) {
            for (auto v = variables.cbegin(); v != variables.cend(); ++v)
                a.replace(QStringLiteral("${") + v.key() + QLatin1Char('}'), v.value());
            QVERIFY2(!a.contains(QLatin1Char('$')), qPrintable(QStringLiteral("%1 is not set by wardhub.conf").arg(a)));
            a.replace(QStringLiteral("/var/lib/wardhub"), hub.dir());
        }
        const int port = args.indexOf(QStringLiteral("--port"));
        if (port >= 0 && port + 1 < args.size())
            args[port + 1] = QStringLiteral("0");
        QVERIFY2(args.contains(hub.dir()), "the unit does not name its state directory as the hub directory");
        QProcess serve;
        serve.start(HubProcess::binary(), args);
        QVERIFY(serve.waitForStarted());
        QByteArray out;
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired() && !out.contains("wardhub listening on") && serve.state() == QProcess::Running) {
            serve.waitForReadyRead(100);
            out += serve.readAllStandardOutput();
        }
        const QByteArray err = serve.readAllStandardError();
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        QVERIFY2(out.contains("wardhub listening on"), (out + err).constData());
        QCOMPARE(serve.exitCode(), 0);

        // systemd's own check of the unit (PID 1 need not be systemd), with ExecStart at the built binary.
        const QString verdict = systemdVerify({QStringLiteral("wardhub.service")});
        if (verdict == QLatin1String("skip"))
            QSKIP("systemd-analyze not installed");
        QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
    }

    // BCP-3: the backup services run commands the hub accepts, in the order the timers run them (the weekly full
    // backup, a daily incremental, the monthly drill), and systemd accepts the units and their timers.
    // Proves: BCP-3
    void backupUnitsRunCommandsTheHubAccepts()
    {
        HubProcess hub(QStringLiteral("backup_units"));
        QVERIFY(hub.init());
        QTemporaryDir backups;
        const QHash<QString, QString> variables = packagedConf();
        QVERIFY(variables.value(QStringLiteral("WARDHUB_BACKUP_RETENTION_DAYS")) == QLatin1String("1827"));
        const QList<QPair<QString, QByteArray>> runs{{QStringLiteral("wardhub-backup-full.service"), "full backup written: "},
                                                     {QStringLiteral("wardhub-backup.service"), "incremental backup written: "},
                                                     {QStringLiteral("wardhub-restore-drill.service"), "restore drill from "}};
        for (const auto& [unit, says] : runs) {
            const QStringList command = execStart(QStringLiteral(WARD_SOURCE_DIR "/packaging/") + unit);
            QVERIFY2(command.size() >= 2 && command.at(0) == QLatin1String("/usr/bin/wardhub"), qPrintable(unit));
            QStringList args = command.mid(1);
            for (QString& a : args) {
                for (auto v = variables.cbegin(); v != variables.cend(); ++v)
                    a.replace(QStringLiteral("${") + v.key() + QLatin1Char('}'), v.value());
                QVERIFY2(!a.contains(QLatin1Char('$')), qPrintable(QStringLiteral("%1: %2 is not set by wardhub.conf").arg(unit, a)));
                a.replace(QStringLiteral("/var/lib/wardhub"), hub.dir());
                a.replace(QStringLiteral("/var/backups/wardhub"), backups.path());
            }
            QProcess p;
            p.start(HubProcess::binary(), args);
            QVERIFY(p.waitForFinished(60000));
            const QByteArray out = p.readAllStandardOutput();
            QVERIFY2(p.exitCode() == 0 && out.startsWith(says), qPrintable(unit + QLatin1Char('\n') + QString::fromUtf8(out + p.readAllStandardError())));
        }
        const QString verdict = systemdVerify({QStringLiteral("wardhub-backup.service"), QStringLiteral("wardhub-backup.timer"),
                                               QStringLiteral("wardhub-backup-full.service"), QStringLiteral("wardhub-backup-full.timer"),
                                               QStringLiteral("wardhub-restore-drill.service"), QStringLiteral("wardhub-restore-drill.timer")});
        if (verdict == QLatin1String("skip"))
            QSKIP("systemd-analyze not installed");
        QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
    }
};

QTEST_GUILESS_MAIN(TestHubCommandLine)
#include "TestHubCommandLine.moc"
