// Issue 10 item 11: `wardhub --help` is help (stdout, exit 0), and the shipped systemd unit starts a command
// line that `serve` accepts (and that systemd-analyze accepts as a unit).

#include "HubProcess.h"

#include <QDeadlineTimer>
#include <QFile>
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

    void systemdUnitStartsACommandServeAccepts()
    {
        const QString unit = QStringLiteral(WARD_SOURCE_DIR "/packaging/wardhub.service");
        const QStringList command = execStart(unit);
        QVERIFY2(command.size() >= 2, "no ExecStart in the unit");
        QCOMPARE(command.at(0), QStringLiteral("/usr/bin/wardhub"));
        QCOMPARE(command.at(1), QStringLiteral("serve"));

        // The unit's own arguments, with the state directory pointed at a test hub and the port at a free one.
        HubProcess hub(QStringLiteral("systemd_unit"));
        QVERIFY(hub.init());
        QStringList args = command.mid(1);
        for (QString& a : args)
            a.replace(QStringLiteral("/var/lib/wardhub"), hub.dir());
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
        const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
        if (analyze.isEmpty())
            QSKIP("systemd-analyze not installed");
        QTemporaryDir dir;
        QFile in(unit);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        text.replace("ExecStart=/usr/bin/wardhub", "ExecStart=" + HubProcess::binary().toUtf8());
        QFile copy(dir.path() + QStringLiteral("/wardhub.service"));
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(text);
        copy.close();
        QProcess verify;
        verify.start(analyze, {QStringLiteral("verify"), copy.fileName()});
        QVERIFY(verify.waitForFinished(30000));
        const QByteArray verifyOut = verify.readAllStandardOutput() + verify.readAllStandardError();
        QVERIFY2(verify.exitCode() == 0, verifyOut.constData());
        QVERIFY2(!verifyOut.contains("wardhub.service"), verifyOut.constData()); // no warning about our unit
    }
};

QTEST_GUILESS_MAIN(TestHubCommandLine)
#include "TestHubCommandLine.moc"
