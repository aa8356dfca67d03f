#include "HubProcess.h"

#include "ChildProcess.h"

#include "HubClient.h"

#include "crypto/CertificateRequest.h"
#include "crypto/KeyPair.h"
#include "hub/storage/HubDatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QRegularExpression>

HubProcess::HubProcess(const QString& testName)
    : m_pg(qEnvironmentVariable("WARD_HUB_TEST_PG"))
    , m_dbName(QStringLiteral("it_") + testName.toLower().remove(QRegularExpression(QStringLiteral("[^a-z0-9_]"))))
{
}

HubProcess::~HubProcess()
{
    stop();
}

QString HubProcess::binary()
{
    return QStringLiteral(WARD_BINARY_DIR "/hub/wardhub");
}

ward::hub::HubConfig HubProcess::config() const
{
    return ward::hub::HubConfig::load(dir());
}

int HubProcess::cli(const QStringList& args, QByteArray* out, QByteArray* err, const QByteArray& input) const
{
    QProcess p;
    p.start(binary(), args + QStringList{QStringLiteral("--dir"), dir()});
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool HubProcess::admin(const QStringList& args, QByteArray* out, const QByteArray& input) const
{
    QByteArray o, e;
    const int rc = cli(args, &o, &e, input);
    if (rc != 0)
        qWarning("wardhub %s failed: %s", qPrintable(args.join(QLatin1Char(' '))), e.constData());
    if (out)
        *out = o;
    return rc == 0;
}

bool HubProcess::bootstrapRegistrar(const QString& id, const QString& password, const QStringList& roles) const
{
    QByteArray o, e;
    const int rc = cli({QStringLiteral("bootstrap-registrar"), QStringLiteral("--id"), id, QStringLiteral("--name"), QStringLiteral("受付 %1").arg(id.right(2)),
                        QStringLiteral("--roles"), roles.join(QLatin1Char(',')), QStringLiteral("--method"), QStringLiteral("photo ID in person"),
                        QStringLiteral("--document"), QStringLiteral("ledger 1"), QStringLiteral("--password-file"), QStringLiteral("-")},
                       &o, &e, password.toUtf8() + '\n');
    if (rc != 0)
        qWarning("wardhub bootstrap-registrar failed: %s", e.constData());
    return rc == 0;
}

bool HubProcess::fixture(const QStringList& args, QByteArray* out) const
{
    QProcess p;
    p.start(QStringLiteral(WARD_BINARY_DIR "/tests/integration/hub/hub_fixture_tool"), args + QStringList{QStringLiteral("--dir"), dir()});
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return false;
    if (out)
        *out = p.readAllStandardOutput();
    const bool ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok)
        qWarning("hub_fixture_tool %s failed: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return ok;
}

QString HubProcess::addStaff(const QString& id, const QString& name, const QString& roles, const QString& wards, bool privileged) const
{
    QStringList args{QStringLiteral("user-add"), QStringLiteral("--id"), id, QStringLiteral("--name"), name, QStringLiteral("--roles"), roles,
                     QStringLiteral("--wards"), wards};
    if (privileged)
        args << QStringLiteral("--privileged");
    QByteArray out;
    if (!fixture(args, &out))
        return QString();
    const int at = out.indexOf("temporary password: ");
    return at < 0 ? QString() : QString::fromUtf8(out.mid(at + 20).trimmed());
}

bool HubProcess::enrolTerminal(const QString& ward, QByteArray* certPem, QByteArray* keyPem, QString* terminalId) const
{
    QByteArray code;
    if (!admin({QStringLiteral("enrol-code"), QStringLiteral("--ward"), ward}, &code))
        return false;
    const ward::KeyPair key = ward::KeyPair::generateP256();
    HubClient anon(baseUrl(), caPem());
    const HubReply e = anon.postJson(QStringLiteral("/api/v1/enrol"),
                                     {{QStringLiteral("code"), QString::fromLatin1(code.trimmed())},
                                      {QStringLiteral("csr"), QString::fromLatin1(ward::CertificateRequest::createPem(key, QStringLiteral("pc")))},
                                      {QStringLiteral("terminalName"), QStringLiteral("test terminal")}});
    if (e.status != 201)
        return false;
    *certPem = e.json.value(QStringLiteral("certificate")).toString().toLatin1();
    *keyPem = key.privatePem().toQByteArrayUnsafe();
    if (terminalId)
        *terminalId = e.json.value(QStringLiteral("terminalId")).toString();
    return true;
}

bool HubProcess::init()
{
    QStringList args{QStringLiteral("init")};
    if (isPostgres()) {
        ward::hub::HubConfig c;
        c.dbDriver = QStringLiteral("postgres");
        c.pgSocketDir = m_pg.section(QLatin1Char(':'), 0, 0);
        c.pgPort = m_pg.section(QLatin1Char(':'), 1, 1).toInt();
        c.pgDatabase = m_dbName;
        ward::hub::HubDatabase::createPostgresDatabaseIfMissing(c, true);
        args << QStringLiteral("--db") << QStringLiteral("postgres") << QStringLiteral("--pg-socket") << c.pgSocketDir
             << QStringLiteral("--pg-port") << QString::number(c.pgPort) << QStringLiteral("--pg-db") << m_dbName;
    }
    QByteArray err;
    const int rc = cli(args, nullptr, &err);
    if (rc != 0)
        qWarning("wardhub init failed: %s", err.constData());
    return rc == 0;
}

bool HubProcess::start()
{
    m_proc = std::make_unique<QProcess>();
    m_proc->setProcessChannelMode(QProcess::SeparateChannels);
    // A restart keeps the port, so clients keep their base URL (as terminals keep the hub's address), and the time
    // a test clock had reached.
    const QStringList where{QStringLiteral("--dir"), dir(), QStringLiteral("--port"), QString::number(m_port)};
    if (m_testClock)
        m_proc->start(QStringLiteral(WARD_HUB_CLOCK_SERVER), where + QStringList{QStringLiteral("--clock-offset-ms"), QString::number(m_clockOffsetMs)});
    else
        m_proc->start(binary(), QStringList{QStringLiteral("serve")} + where);
    if (!m_proc->waitForStarted(10000))
        return false;
    static const QRegularExpression kListening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QByteArray out;
    const QRegularExpressionMatch m = awaitOutput(kListening, 20000, &out);
    if (m.hasMatch()) {
        m_port = m.captured(1).toInt();
        return true;
    }
    qWarning("wardhub serve did not start: %s %s", out.constData(), m_proc->readAllStandardError().constData());
    return false;
}

QRegularExpressionMatch HubProcess::awaitOutput(const QRegularExpression& pattern, int timeoutMs, QByteArray* out)
{
    return ChildProcess::awaitOutput(*m_proc, pattern, timeoutMs, out);
}

bool HubProcess::advanceClock(qint64 ms)
{
    if (!m_testClock || !m_proc || m_proc->state() != QProcess::Running)
        return false;
    m_proc->write(QByteArrayLiteral("advance ") + QByteArray::number(ms) + '\n');
    static const QRegularExpression kClock(QStringLiteral("clock (-?\\d+)"));
    QByteArray out;
    const QRegularExpressionMatch m = awaitOutput(kClock, 10000, &out);
    if (m.hasMatch()) {
        m_clockOffsetMs = m.captured(1).toLongLong();
        return true;
    }
    qWarning("hub_clock_server did not move its clock: %s", out.constData());
    return false;
}

void HubProcess::stop()
{
    if (!m_proc)
        return;
    ChildProcess::stop(*m_proc);
    m_log += m_proc->readAllStandardError();
    m_proc.reset();
}

std::unique_ptr<QProcess> HubProcess::serveAnother(int* port) const
{
    auto proc = std::make_unique<QProcess>();
    proc->setProcessChannelMode(QProcess::SeparateChannels);
    proc->start(binary(), {QStringLiteral("serve"), QStringLiteral("--dir"), dir(), QStringLiteral("--port"), QStringLiteral("0")});
    if (!proc->waitForStarted(10000))
        return nullptr;
    static const QRegularExpression kListening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QByteArray out;
    const QRegularExpressionMatch m = ChildProcess::awaitOutput(*proc, kListening, 20000, &out);
    if (m.hasMatch()) {
        *port = m.captured(1).toInt();
        return proc;
    }
    qWarning("a second wardhub serve did not start: %s %s", out.constData(), proc->readAllStandardError().constData());
    return nullptr;
}

QByteArray HubProcess::readLog()
{
    if (m_proc)
        m_log += m_proc->readAllStandardError();
    return m_log;
}

void HubProcess::kill()
{
    if (!m_proc)
        return;
    m_proc->kill(); // SIGKILL: no chance to finish a transaction or flush anything
    m_proc->waitForFinished(10000);
    m_log += m_proc->readAllStandardError();
    m_proc.reset();
}

QList<QJsonObject> HubProcess::auditEntries(const QString& action) const
{
    QList<QJsonObject> out;
    ward::hub::HubDatabase db(config());
    QSqlQuery q = db.exec(QStringLiteral("SELECT actor, detail FROM hub_audit WHERE action = ? ORDER BY seq"), {action});
    while (q.next()) {
        QJsonObject o = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        o[QStringLiteral("actor")] = q.value(0).toString();
        out << o;
    }
    return out;
}

QByteArray HubProcess::caPem() const
{
    QFile f(dir() + QStringLiteral("/ca/ca.pem"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

qint64 HubProcess::rssKiB() const
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}
