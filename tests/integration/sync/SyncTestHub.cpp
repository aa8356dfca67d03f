#include "SyncTestHub.h"

#include "HubClient.h"

#include "crypto/CertificateRequest.h"
#include "crypto/CmsSignature.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"
#include "sync/Enrolment.h"
#include "records/RecordCodec.h"
#include "sync/IncomingRecord.h"
#include "util/Clock.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>

namespace synctest {

using namespace ward;

Argon2Params fastKdf()
{
    Argon2Params p;
    p.timeCost = 1;
    p.memoryKiB = 8 * 1024;
    return p;
}

SyncTestHub::SyncTestHub(const QString& testName)
    : m_hub(std::make_unique<HubProcess>(testName))
{
}

SyncTestHub::~SyncTestHub()
{
    m_seeder.reset();
    m_hub->stop();
}

QString SyncTestHub::toolPath()
{
    return QStringLiteral(WARD_SYNC_TOOL);
}

QUrl SyncTestHub::url() const
{
    return m_url.isEmpty() ? QUrl(m_hub->baseUrl()) : m_url;
}

Certificate SyncTestHub::ca() const
{
    return *Certificate::fromPem(m_hub->caPem());
}

QString SyncTestHub::caFingerprintHex() const
{
    return QString::fromLatin1(ca().sha256Fingerprint().toHex());
}

bool SyncTestHub::cli(const QStringList& args, QByteArray* out)
{
    QByteArray o, e;
    const int rc = m_hub->cli(args, &o, &e);
    if (rc != 0)
        qWarning("wardhub %s failed: %s", qPrintable(args.join(QLatin1Char(' '))), e.constData());
    if (out)
        *out = o;
    return rc == 0;
}

QString SyncTestHub::enrolCode(const QString& ward)
{
    QByteArray code;
    if (!cli({QStringLiteral("enrol-code"), QStringLiteral("--ward"), ward}, &code))
        return QString();
    return QString::fromLatin1(code.trimmed());
}

bool SyncTestHub::setUp()
{
    if (!m_hub->init())
        return false;
    if (m_configure) {
        ward::hub::HubConfig c = m_hub->config();
        m_configure(c);
        c.save();
    }
    bool ok = cli({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W3"), QStringLiteral("--name"),
                   QStringLiteral("3階東病棟")})
        && cli({QStringLiteral("ward"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("W4")});
    const QList<QStringList> patients{{QStringLiteral("P0001"), QStringLiteral("W3"), QStringLiteral("佐藤 花子"), QStringLiteral("さとう はなこ")},
                                      {QStringLiteral("P0002"), QStringLiteral("W3"), QStringLiteral("鈴木 一郎"), QStringLiteral("すずき いちろう")},
                                      {QStringLiteral("P0100"), QStringLiteral("W4"), QStringLiteral("高橋 次郎"), QStringLiteral("たかはし じろう")}};
    for (const QStringList& p : patients)
        ok = ok
            && cli({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--id"), p[0], QStringLiteral("--ward"), p[1],
                    QStringLiteral("--name"), p[2], QStringLiteral("--kana"), p[3], QStringLiteral("--birth"), QStringLiteral("1948-05-02")});
    // The first registrar (`wardhub bootstrap-registrar` at the hub console); the nurse is registered after.
    ok = ok && m_hub->bootstrapRegistrar(QStringLiteral("RECEPTION1"), QStringLiteral("Uketsuke-001!x"));
    // The nurse logs in with a UID badge, which the hospital's policy must allow (issue 10: the hub enforces it).
    QTemporaryFile policy;
    ok = ok && policy.open() && policy.write("{\"cards\":{\"allowUidBadges\":true}}") > 0 && policy.flush()
         && cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--file"), policy.fileName()});
    if (!ok || !m_hub->start())
        return false;
    // The seeding terminal enrols with the hub tests' own plain client, independent of the code under test.
    const QString code = enrolCode(QStringLiteral("W3"));
    const KeyPair key = KeyPair::generateP256();
    ::HubClient anon(m_hub->baseUrl(), m_hub->caPem());
    const ::HubReply r = anon.postJson(QStringLiteral("/api/v1/enrol"),
                                     {{QStringLiteral("code"), code},
                                      {QStringLiteral("csr"), QString::fromLatin1(CertificateRequest::createPem(key, QStringLiteral("seeder")))},
                                      {QStringLiteral("terminalName"), QStringLiteral("seeding terminal")}});
    if (r.status != 201)
        return false;
    m_seeder = std::make_unique<::HubClient>(m_hub->baseUrl(), m_hub->caPem());
    m_seeder->setClientCertificate(r.json.value(QStringLiteral("certificate")).toString().toLatin1(), key.privatePem().toQByteArrayUnsafe());
    return makeNurse();
}

bool SyncTestHub::makeNurse()
{
    const QString id = QStringLiteral("NURSE00001");
    const QString uid = QStringLiteral("04A1B2C3");
    const QString temporary = m_hub->addStaff(id, QStringLiteral("看護 太郎"), QStringLiteral("nurse"), QStringLiteral("W3"));
    if (temporary.isEmpty())
        return false;
    if (!cli({QStringLiteral("card"), QStringLiteral("bind"), QStringLiteral("--user"), id, QStringLiteral("--uid"), uid}))
        return false;
    // AUTH-7: a temporary password only lets the user choose a new one, which opens the session.
    const ::HubReply session = m_seeder->postJson(
        QStringLiteral("/api/v1/password"),
        {{QStringLiteral("userId"), id}, {QStringLiteral("password"), temporary}, {QStringLiteral("newPassword"), QStringLiteral("Kango-001!x")},
         {QStringLiteral("cardProof"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("uid")}, {QStringLiteral("uid"), uid}}}});
    if (session.status != 200 || session.json.value(QStringLiteral("token")).toString().isEmpty()) {
        qWarning("password change failed: %s", session.body.constData());
        return false;
    }
    m_nurse.id = id;
    m_nurse.key = std::make_shared<KeyPair>(KeyPair::generateP256());
    m_seeder->setBearerToken(session.json.value(QStringLiteral("token")).toString());
    const ::HubReply cert = m_seeder->postJson(QStringLiteral("/api/v1/staff-cert"),
                                             {{QStringLiteral("csr"), QString::fromLatin1(CertificateRequest::createPem(*m_nurse.key, id))}});
    m_seeder->setBearerToken(QString());
    if (cert.status != 201)
        return false;
    m_nurse.cert = *Certificate::fromPem(cert.json.value(QStringLiteral("certificate")).toString().toLatin1());
    return true;
}

RecordVersion SyncTestHub::makeRecord(const QString& patientId, const QByteArray& noteText, const RecordVersion* previous, const QString& ward) const
{
    RecordVersion r;
    r.recordId = previous ? previous->recordId : Random::uuid();
    r.version = previous ? previous->version + 1 : 1;
    r.patientId = patientId;
    r.type = QStringLiteral("nursing-note");
    r.classification = 2;
    r.compartment = ward;
    r.author = m_nurse.id;
    r.createdAt = Clock::instance().nowUtc();
    r.confirmedAt = r.createdAt;
    r.prevHash = previous ? previous->versionHash() : QByteArray();
    RecordContent c;
    c.clinicalTime = r.createdAt.addSecs(-300);
    ClinicalNote n;
    n.format = ClinicalNote::Format::Text;
    n.text = QString::fromUtf8(noteText);
    c.data = n;
    const QList<ValidationProblem> problems = RecordCodec::writeBody(&r, c, previous ? previous->body : QByteArray());
    if (!problems.isEmpty())
        qFatal("test record does not validate: %s", qPrintable(problems.first().message));
    r.signature = CmsSignature::signDetached(r.body, m_nurse.cert, *m_nurse.key);
    return r;
}

bool SyncTestHub::pushFromOtherTerminal(const QList<RecordVersion>& records)
{
    QHash<QString, QByteArray>& bodies = m_pushedBodies;
    for (const RecordVersion& r : records)
        bodies.insert(r.recordId + QString::number(r.version), r.body);
    for (qsizetype start = 0; start < records.size(); start += 1000) {
        QJsonArray batch;
        for (const RecordVersion& r : records.mid(start, 1000)) {
            const QByteArray prev = bodies.value(r.recordId + QString::number(r.version - 1));
            batch.append(QJsonObject{{QStringLiteral("recordId"), r.recordId}, {QStringLiteral("version"), r.version},
                                     {QStringLiteral("patientId"), r.patientId}, {QStringLiteral("type"), IncomingRecord::typeToHub(r.type)},
                                     {QStringLiteral("ward"), r.compartment}, {QStringLiteral("author"), r.author},
                                     {QStringLiteral("prevHash"), r.version > 1 ? QString::fromLatin1(Digest::sha256(prev).toHex()) : QString()},
                                     {QStringLiteral("body"), QString::fromLatin1(r.body.toBase64())},
                                     {QStringLiteral("signature"), QString::fromLatin1(r.signature.toBase64())}});
        }
        const ::HubReply reply = m_seeder->postJson(QStringLiteral("/api/v1/records"), {{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), batch}});
        if (reply.status != 200 || reply.json.value(QStringLiteral("stored")).toInt() != batch.size()) {
            qWarning("seeding push failed: %s", reply.body.left(600).constData());
            return false;
        }
    }
    return true;
}

qint64 SyncTestHub::recordsAtHub(qint64* distinct)
{
    QProcess p;
    p.start(toolPath(), {QStringLiteral("count"), QStringLiteral("--dir"), m_hub->dir()});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return -1;
    const auto m = QRegularExpression(QStringLiteral("records (\\d+) distinct (\\d+)")).match(QString::fromLatin1(p.readAllStandardOutput()));
    if (!m.hasMatch())
        return -1;
    if (distinct)
        *distinct = m.captured(2).toLongLong();
    return m.captured(1).toLongLong();
}

bool SyncTestHub::tamper(const QString& fromRecordId, const QString& asRecordId)
{
    QProcess p;
    p.start(toolPath(), {QStringLiteral("tamper"), QStringLiteral("--dir"), m_hub->dir(), QStringLiteral("--from"), fromRecordId,
                         QStringLiteral("--as"), asRecordId});
    const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok)
        qWarning("sync_hub_tool tamper: exit %d %s", p.exitCode(), p.readAllStandardError().constData());
    return ok;
}

bool SyncTestHub::alter(const QString& recordId, const QString& column, const QString& value)
{
    QProcess p;
    p.start(toolPath(), {QStringLiteral("alter"), QStringLiteral("--dir"), m_hub->dir(), QStringLiteral("--id"), recordId,
                         QStringLiteral("--column"), column, QStringLiteral("--value"), value});
    const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok)
        qWarning("sync_hub_tool alter: exit %d %s", p.exitCode(), p.readAllStandardError().constData());
    return ok;
}

bool SyncTestHub::runTool(const QStringList& args, QString* output, int timeoutMs)
{
    QProcess p;
    p.start(toolPath(), args);
    const bool finished = p.waitForFinished(timeoutMs) && p.exitStatus() == QProcess::NormalExit;
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return finished && p.exitCode() == 0;
}

SyncTerminal::SyncTerminal() = default;

SyncTerminal::~SyncTerminal()
{
    engine.reset();
    client.reset();
    vault.reset();
}

bool SyncTerminal::enrol(SyncTestHub& hub, const QString& ward, const QString& fingerprint, SyncError* error)
{
    return enrolWithCode(hub.url(), hub.enrolCode(ward), fingerprint, error);
}

bool SyncTerminal::enrolWithCode(const QUrl& url, const QString& code, const QString& fingerprint, SyncError* error)
{
    Enrolment enrolment(dataDir());
    bool done = false, ok = false;
    QObject::connect(&enrolment, &Enrolment::enrolled, [&] { done = ok = true; });
    QObject::connect(&enrolment, &Enrolment::failed, [&](const SyncError& e) {
        done = true;
        if (error)
            *error = e;
    });
    enrolment.enrol(url, code, QStringLiteral("ward PC 3-1"), fingerprint);
    QDeadlineTimer deadline(60000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    if (!ok)
        return false;
    QString why;
    auto loaded = TerminalIdentity::load(dataDir(), &why);
    if (!loaded) {
        qWarning("identity: %s", qPrintable(why));
        return false;
    }
    identity = *loaded;
    return true;
}

bool SyncTerminal::openVaultAndEngine()
{
    if (!vault)
        vault = Vault::create(vaultDir(), identity.terminalId, fastKdf());
    client = std::make_unique<ward::HubClient>(identity.hubUrl, identity.hubCa);
    client->setClientIdentity(identity.certificate, *identity.key);
    engine = std::make_unique<SyncEngine>(*vault, *client);
    engine->setBackoffRangeMs(50, 200);
    return true;
}

bool SyncTerminal::syncOnce(SyncError* error, int timeoutMs)
{
    bool done = false, ok = false;
    SyncError last;
    auto c1 = QObject::connect(engine.get(), &SyncEngine::cycleFinished, [&](bool success) {
        done = true;
        ok = success;
    });
    auto c2 = QObject::connect(engine.get(), &SyncEngine::syncFailed, [&](const SyncError& e) { last = e; });
    engine->syncNow();
    QDeadlineTimer deadline(timeoutMs);
    while (!done && !deadline.hasExpired())
        QTest::qWait(5);
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    if (error)
        *error = last;
    return done && ok;
}

} // namespace synctest
