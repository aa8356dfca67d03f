// Writes the seed corpus of every fuzz target (tests/fuzz/corpus/<target>/) and the fixed files the targets check
// against (tests/fuzz/data/), all produced by the real code: the virtual card's answers to a real PIV login, a real
// CAdES signature and RFC 3161 token from the hub's CA and TSA, a real key-slot file and login cache, the shipped
// access policy. Only public material is written (certificates, signatures, wrapped keys): private keys live in this
// process only. Usage: ward_fuzz_seeds <tests/fuzz folder>
#include "FuzzInput.h"

#include "TestCardFactory.h"
#include "VirtualCard.h"

#include "card/ApduTransport.h"
#include "card/PivCard.h"
#include "card/UidBadge.h"
#include "crypto/CertificateAuthority.h"
#include "crypto/CertificateRequest.h"
#include "crypto/CmsSignature.h"
#include "crypto/Digest.h"
#include "crypto/KeyPair.h"
#include "crypto/Random.h"
#include "crypto/TimestampAuthority.h"
#include "records/DemoClinicalCourse.h"
#include "records/RecordCodec.h"
#include "records/RecordEnvelope.h"
#include "session/OfflineAccountCache.h"
#include "util/Clock.h"
#include "vault/CardKeyAgreement.h"
#include "vault/KeySlotFile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace ward;

namespace {

QString g_root;

void write(const QString& relative, const QByteArray& bytes)
{
    const QString path = g_root + QLatin1Char('/') + relative;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    std::printf("%6lld  %s\n", static_cast<long long>(bytes.size()), qPrintable(relative));
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

// Passes commands to the virtual card and keeps its answers in the vpcd framing FuzzPivCard reads.
class RecordingCard final : public ApduTransport
{
public:
    explicit RecordingCard(VirtualCard& card) : m_card(card) {}
    CardResult<QByteArray> transmitRaw(const QByteArray& command) override
    {
        const QByteArray answer = m_card.process(command);
        answers << answer;
        script.append(static_cast<char>(answer.size() >> 8)).append(static_cast<char>(answer.size() & 0xff)).append(answer);
        return CardResult<QByteArray>::success(answer);
    }
    QList<QByteArray> answers;
    QByteArray script;

private:
    VirtualCard& m_card;
};

void cardSeeds()
{
    TestCardFactory::Files files;
    QString error;
    if (!TestCardFactory::make(QStringLiteral("NURSE00001"), {}, {}, &files, &error))
        qFatal("card: %s", qPrintable(error));
    VirtualCard::Config config;
    config.keyPem = files.keyPem;
    config.certificatePem = files.certificatePem;
    config.uid = files.uid;
    const auto card = [&] {
        auto c = VirtualCard::create(config, &error);
        if (!c)
            qFatal("card: %s", qPrintable(error));
        return c;
    };
    auto piv = card();
    RecordingCard login(*piv);
    if (!PivCard(login).authenticate().ok())
        qFatal("card: the virtual card's login failed");
    write(QStringLiteral("corpus/piv_card/piv-login.bin"), login.script);
    // SELECT, GET DATA 5FC101 (in parts through GET RESPONSE), GENERAL AUTHENTICATE: one file per answer.
    for (int i = 0; i < login.answers.size(); ++i)
        write(QStringLiteral("corpus/card_answers/piv-login-answer-%1.bin").arg(i), login.answers[i]);

    config.mode = VirtualCard::Mode::Uid;
    auto badge = card();
    RecordingCard uid(*badge);
    if (!UidBadge(uid).read().ok())
        qFatal("card: the badge's UID read failed");
    write(QStringLiteral("corpus/piv_card/uid-badge.bin"), uid.script);
    RecordingCard notPiv(*badge);
    (void)PivCard(notPiv).authenticate();
    write(QStringLiteral("corpus/piv_card/not-piv.bin"), notPiv.script);
}

// One envelope per record type, as DemoClinicalCourse writes a ward's records through RecordCodec.
QList<RecordEnvelope> recordSeeds()
{
    QList<RecordEnvelope> out;
    QStringList seen;
    for (int index = 0; index < 4; ++index) {
        const QString patient = QStringLiteral("P00012%1").arg(index);
        const auto entries = DemoClinicalCourse::records(patient, index, DemoClinicalCourse::identity(index, 1),
                                                         QStringLiteral("DOCTOR0001"), {QStringLiteral("NURSE00001")},
                                                         fuzz::seedTime(), 2, 1);
        for (const auto& entry : entries) {
            if (seen.contains(entry.content.type))
                continue;
            seen << entry.content.type;
            RecordEnvelope e;
            e.recordId = Random::uuid();
            e.patientId = entry.content.patientId;
            e.type = entry.content.type;
            e.author = entry.content.author;
            e.compartment = QStringLiteral("W3");
            e.classification = entry.classification;
            e.clinicalTime = entry.content.clinicalTime;
            e.resource = RecordCodec::encode(entry.content);
            if (!RecordCodec::decode(e))
                qFatal("record: the codec refuses its own %s", qPrintable(e.type));
            write(QStringLiteral("corpus/record_codec/%1.envelope").arg(e.type), e.encode());
            out << e;
        }
    }
    return out;
}

struct Signed
{
    QByteArray body;
    QByteArray signature;
};

Signed pkiSeeds(const RecordEnvelope& record)
{
    const QDateTime t = fuzz::seedTime();
    CertificateAuthority ca = CertificateAuthority::create(QStringLiteral("WardHub Fuzz CA"), 3650, t.addDays(-1));
    auto [staffKey, staffCert] = ca.issueWithNewKey(CertificateProfile::StaffSigning, QStringLiteral("NURSE00001"), 825, t.addDays(-1));
    auto [tsaKey, tsaCert] = ca.issueWithNewKey(CertificateProfile::TimestampAuthority, QStringLiteral("WardHub TSA"), 825, t.addDays(-1));
    const TimestampAuthority tsa(tsaCert, std::move(tsaKey), {ca.certificate()});

    Signed s;
    s.body = record.encode();
    QString error;
    s.signature = CmsSignature::signDetached(s.body, staffCert, staffKey, t, &error);
    if (s.signature.isEmpty())
        qFatal("cms: %s", qPrintable(error));
    const QByteArray token = tsa.stamp(s.signature, t.addSecs(2));
    if (!CmsSignature::verifyDetached(s.body, s.signature, {ca.certificate()}).valid)
        qFatal("cms: the seed signature does not verify");

    write(QStringLiteral("data/ca.pem"), ca.certificate().toPem());
    write(QStringLiteral("data/record-body"), s.body);
    write(QStringLiteral("data/record-signature.der"), s.signature);
    write(QStringLiteral("corpus/cms_signature/cades-signature.der"), s.signature);
    write(QStringLiteral("corpus/timestamp_token/rfc3161-token.der"), token);
    return s;
}

void vaultSeeds(const QTemporaryDir& dir)
{
    const SecureBytes vaultKey = SecureBytes::fromQByteArray(Random::bytes(32));
    const QString path = dir.filePath(QStringLiteral("vault.slots"));
    KeySlotFile slotFile = KeySlotFile::createFor(path, vaultKey, Argon2Params{1, 64, 1});
    slotFile.addUserSlot(vaultKey, QStringLiteral("NURSE00001"), SecureBytes::fromUtf8(QStringLiteral("Correct-Horse-7")),
                      CardKeyAgreement::softwareKey(std::make_shared<const KeyPair>(KeyPair::generateP256())));
    slotFile.addNetworkSlot(vaultKey, SecureBytes::fromQByteArray(fuzz::networkKek()));
    slotFile.save();
    write(QStringLiteral("corpus/key_slot_file/vault.slots"), readAll(path));

    const QString cachePath = dir.filePath(QStringLiteral("login-cache.json"));
    OfflineAccountCache cache(cachePath);
    cache.allowUidBadges = true;
    OfflineAccountCache::Account nurse;
    nurse.state.createdAt = fuzz::seedTime().addDays(-30);
    nurse.state.passwordChangedAt = fuzz::seedTime().addDays(-10);
    nurse.state.lastSuccessAt = fuzz::seedTime().addDays(-1);
    nurse.state.lastSuccessTerminal = QStringLiteral("T-0001");
    nurse.roles << QStringLiteral("nurse");
    nurse.compartments << QStringLiteral("W3");
    nurse.pivKeyHashes << Digest::sha256("card public key");
    cache.accounts.insert(QStringLiteral("NURSE00001"), nurse);
    OfflineAccountCache::Account doctor = nurse;
    doctor.roles = QStringList{QStringLiteral("doctor")};
    doctor.state.privileged = true;
    cache.accounts.insert(QStringLiteral("DOCTOR0001"), doctor);
    cache.uidBindings.insert(QByteArray::fromHex("0102030405060708"), QStringLiteral("NURSE00001"));
    cache.failures.recordFailure(QStringLiteral("DOCTOR0001"), QStringLiteral("T-0001"), fuzz::seedTime());
    QString error;
    // The hub part of the cache carries a MAC under the vault key (issue 10): saved as a login would save it.
    if (!cache.save(&error, vaultKey))
        qFatal("login cache: %s", qPrintable(error));
    write(QStringLiteral("corpus/login_cache/login-cache.json"), readAll(cachePath));
}

void policySeeds()
{
    write(QStringLiteral("corpus/policy/default-policy.json"), readAll(QStringLiteral(":/policy/default-policy.json")));
    write(QStringLiteral("corpus/policy/password-policy.json"), json(PasswordPolicy().toJson()));
    write(QStringLiteral("corpus/policy/hub-policy-file.json"), json({{QStringLiteral("password"), PasswordPolicy().toJson()}}));
}

void hubSeeds(const Signed& s, const RecordEnvelope& record)
{
    const KeyPair terminalKey = KeyPair::generateP256();
    const QString csr = QString::fromLatin1(CertificateRequest::createPem(terminalKey, QStringLiteral("ward-terminal")));
    write(QStringLiteral("corpus/hub_requests/enrol.json"),
          json({{QStringLiteral("code"), QStringLiteral("K7Q2-M9XD-4RTA")}, {QStringLiteral("csr"), csr},
                {QStringLiteral("terminalName"), QStringLiteral("3F nurse station 1")}}));
    write(QStringLiteral("corpus/hub_requests/staff-cert.json"), json({{QStringLiteral("csr"), csr}}));
    const QByteArray challenge = Random::bytes(32);
    const QJsonObject piv{{QStringLiteral("kind"), QStringLiteral("piv")},
                          {QStringLiteral("challenge"), b64(challenge)},
                          {QStringLiteral("signature"), b64(terminalKey.sign(challenge))}};
    write(QStringLiteral("corpus/hub_requests/session.json"),
          json({{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("password"), QStringLiteral("Correct-Horse-7")},
                {QStringLiteral("cardProof"), piv}}));
    write(QStringLiteral("corpus/hub_requests/session-uid.json"),
          json({{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("password"), QStringLiteral("Correct-Horse-7")},
                {QStringLiteral("cardProof"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("uid")}, {QStringLiteral("uid"), QStringLiteral("0102030405060708")}}}}));
    write(QStringLiteral("corpus/hub_requests/fallback.json"),
          json({{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("code"), QStringLiteral("483920")},
                {QStringLiteral("password"), QStringLiteral("Correct-Horse-7")}}));
    write(QStringLiteral("corpus/hub_requests/emergency.json"),
          json({{QStringLiteral("accountId"), QStringLiteral("EMERGW3001")}, {QStringLiteral("password"), QStringLiteral("ABCD-EFGH-JKMN-PQRS")},
                {QStringLiteral("realName"), QStringLiteral("応援 医師")}, {QStringLiteral("reason"), QStringLiteral("card system down")},
                {QStringLiteral("test"), false}}));
    write(QStringLiteral("corpus/hub_requests/password.json"),
          json({{QStringLiteral("userId"), QStringLiteral("NURSE00001")}, {QStringLiteral("password"), QStringLiteral("Temp-4821-xq")},
                {QStringLiteral("newPassword"), QStringLiteral("Correct-Horse-7")}, {QStringLiteral("cardProof"), piv}}));
    const QJsonObject v1{{QStringLiteral("recordId"), record.recordId},
                         {QStringLiteral("version"), 1},
                         {QStringLiteral("patientId"), record.patientId},
                         {QStringLiteral("type"), QString(record.type).replace(QLatin1Char('-'), QLatin1Char('_'))},
                         {QStringLiteral("ward"), record.compartment},
                         {QStringLiteral("author"), record.author},
                         {QStringLiteral("prevHash"), QString()},
                         {QStringLiteral("body"), b64(s.body)},
                         {QStringLiteral("signature"), b64(s.signature)}};
    // Version 2 links to version 1 but its body still says version 1: the envelope check refuses it.
    QJsonObject v2 = v1;
    v2[QStringLiteral("version")] = 2;
    v2[QStringLiteral("prevHash")] = RecordEnvelope::prevHashOf(s.body);
    write(QStringLiteral("corpus/hub_requests/records.json"),
          json({{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), QJsonArray{v1, v2}}}));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: ward_fuzz_seeds <tests/fuzz folder>\n");
        return 2;
    }
    g_root = QString::fromLocal8Bit(argv[1]);
    Clock::setInstance(std::make_shared<ManualClock>(fuzz::seedTime()));
    QTemporaryDir scratch;
    if (!scratch.isValid())
        qFatal("no temporary folder");
    cardSeeds();
    const QList<RecordEnvelope> records = recordSeeds();
    const Signed s = pkiSeeds(records.first());
    vaultSeeds(scratch);
    policySeeds();
    hubSeeds(s, records.first());
    return 0;
}
