#include "hub/demo/DemoSeed.h"

#include "auth/AccountGuard.h"
#include "auth/UserId.h"
#include "crypto/CmsSignature.h"
#include "crypto/Digest.h"
#include "crypto/KeyPair.h"
#include "crypto/Random.h"
#include "hub/HubError.h"
#include "hub/HubServices.h"
#include "hub/storage/HubAuditLog.h"
#include "records/DemoClinicalCourse.h"
#include "records/RecordCodec.h"
#include "util/Clock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QHash>
#include <QSqlQuery>
#include <QTextStream>

#include <fcntl.h>
#include <unistd.h>

namespace ward::hub {

namespace {

struct Name
{
    const char* kanji;
    const char* kana;
};

const Name kSurnames[] = {{"佐藤", "さとう"}, {"鈴木", "すずき"}, {"高橋", "たかはし"}, {"田中", "たなか"}, {"伊藤", "いとう"},
                          {"渡辺", "わたなべ"}, {"山本", "やまもと"}, {"中村", "なかむら"}, {"小林", "こばやし"}, {"加藤", "かとう"},
                          {"吉田", "よしだ"}, {"山田", "やまだ"}, {"佐々木", "ささき"}, {"山口", "やまぐち"}, {"松本", "まつもと"},
                          {"井上", "いのうえ"}, {"木村", "きむら"}, {"林", "はやし"}, {"斎藤", "さいとう"}, {"清水", "しみず"}};
const Name kGiven[] = {{"花子", "はなこ"}, {"太郎", "たろう"}, {"恵子", "けいこ"}, {"健一", "けんいち"}, {"幸子", "さちこ"},
                       {"誠", "まこと"}, {"美智子", "みちこ"}, {"茂", "しげる"}, {"和子", "かずこ"}, {"清", "きよし"},
                       {"裕子", "ゆうこ"}, {"博", "ひろし"}, {"陽子", "ようこ"}, {"実", "みのる"}, {"久美子", "くみこ"},
                       {"勇", "いさむ"}, {"節子", "せつこ"}, {"進", "すすむ"}, {"典子", "のりこ"}, {"修", "おさむ"}};

struct Ward
{
    const char* id;
    const char* name;
};
const Ward kWards[] = {{"W3", "3階東病棟（内科）"}, {"W4", "4階西病棟（外科）"}, {"W5", "5階東病棟（整形外科）"}};

struct SeedStaff
{
    QString id;
    QString name;
    QString kana;
    QString role;
    QString ward;
    QString password;
    QString uid;
    Certificate cert;
    std::shared_ptr<KeyPair> signingKey;
    std::shared_ptr<KeyPair> cardKey;
};

void writePrivate(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || ::write(fd, data.constData(), static_cast<size_t>(data.size())) != data.size()) {
        if (fd >= 0)
            ::close(fd);
        throw HubError(QStringLiteral("demo"), QStringLiteral("cannot write %1").arg(path));
    }
    ::close(fd);
}

} // namespace

DemoSeed::Summary DemoSeed::run(HubServices& s, int days, QTextStream& out)
{
    {
        QSqlQuery q = s.db.exec(QStringLiteral("SELECT COUNT(*) FROM users"));
        if (q.next() && q.value(0).toInt() > 0)
            throw HubError(QStringLiteral("demo"), QStringLiteral("this hub already has users: seed only a fresh hub"));
    }
    if (days < 1 || days > 120)
        throw HubError(QStringLiteral("demo"), QStringLiteral("--days must be 1..120"));
    // Fixed seed: every demo hospital looks the same (screenshots, manuals).
    constexpr quint32 kSeed = 20260401;
    Summary summary;
    // Issue 12: seeding is the hub operator's action at the console; the chain says so.
    const QString operatorActor = HubAuditLog::localOperator();
    for (const Ward& w : kWards) {
        s.users.ensureWard(QString::fromUtf8(w.id), QString::fromUtf8(w.name), operatorActor);
        ++summary.wards;
    }

    // Staff: per ward 2 doctors, 4 nurses; plus reception, IT and an auditor (privileged).
    QList<SeedStaff> staff;
    int n = 0;
    auto add = [&](const QString& prefix, const QString& role, const QString& ward, bool privileged) {
        SeedStaff st;
        st.id = QStringLiteral("%1%2").arg(prefix).arg(++n, 10 - prefix.size(), 10, QLatin1Char('0'));
        const Name& sn = kSurnames[(n * 7) % 20];
        const Name& gn = kGiven[(n * 3) % 20];
        st.name = QString::fromUtf8(sn.kanji) + QChar(0x3000) + QString::fromUtf8(gn.kanji);
        st.kana = QString::fromUtf8(sn.kana) + QLatin1Char(' ') + QString::fromUtf8(gn.kana);
        st.role = role;
        st.ward = ward;
        const QStringList wards = ward.isEmpty() ? QStringList{QStringLiteral("W3"), QStringLiteral("W4"), QStringLiteral("W5")} : QStringList{ward};
        // Demo staff get a known password, chosen through the normal change rules (so it passes the policy).
        st.password = QStringLiteral("Demo-%1!").arg(st.id.right(4));
        if (staff.isEmpty()) {
            // The reception registrar first, as on a real hub: bootstrapped by the operator (issue 12).
            s.users.bootstrapRegistrar({st.id, st.name, st.kana, {role}, wards, QStringLiteral("demo data"), QStringLiteral("none (demo)")},
                                       SecureBytes::fromUtf8(st.password), operatorActor);
        } else {
            // Everyone else registered by that registrar (AUTH-13), then their password chosen.
            IdentityVerification verification;
            verification.verifiedBy = staff.first().id;
            verification.method = QStringLiteral("demo data");
            verification.documentRef = QStringLiteral("none (demo)");
            s.users.addUser(st.id, st.name, {role}, wards, privileged, verification);
            const auto user = s.users.find(st.id);
            const AccountChange change = AccountGuard(s.users.passwordPolicy())
                                             .changePassword(user->state, st.id, true, SecureBytes::fromUtf8(st.password), Argon2Params());
            if (!change.ok())
                throw HubError(QStringLiteral("demo"), UserDirectory::statusText(change));
            s.db.transaction([&] { s.users.store(st.id, change.state, change.newVerifier); });
        }
        st.uid = QString::fromLatin1(Random::bytes(7).toHex().toUpper());
        s.users.bindUidCard(st.id, st.uid, operatorActor);
        st.cardKey = std::make_shared<KeyPair>(KeyPair::generateP256());
        s.users.bindPivCard(st.id, st.cardKey->publicDer(), operatorActor);
        st.signingKey = std::make_shared<KeyPair>(KeyPair::generateP256());
        st.cert = s.staffCerts.issue(st.id, CertificateRequest::createPem(*st.signingKey, st.id), operatorActor);
        staff << st;
    };
    add(QStringLiteral("RC"), QStringLiteral("reception"), QString(), true);
    for (const Ward& w : kWards) {
        for (int i = 0; i < 2; ++i)
            add(QStringLiteral("DR"), QStringLiteral("doctor"), QString::fromUtf8(w.id), false);
        for (int i = 0; i < 4; ++i)
            add(QStringLiteral("NS"), QStringLiteral("nurse"), QString::fromUtf8(w.id), false);
    }
    add(QStringLiteral("IT"), QStringLiteral("it"), QString(), true);
    add(QStringLiteral("AU"), QStringLiteral("auditor"), QString(), true);
    // A second registrar: an emergency account's letter needs two people (BCP-1).
    add(QStringLiteral("RC"), QStringLiteral("reception"), QString(), true);
    summary.staff = staff.size();

    // BCP-1: each ward's emergency account, asked for by the first registrar and approved by the second. A real hub
    // prints the letter for the ward's safe; the demo keeps it beside the staff credentials.
    QJsonArray letters;
    for (const Ward& w : kWards) {
        const QString base = QStringLiteral("EMERG") + QString::fromUtf8(w.id);
        const QString id = base + QStringLiteral("%1").arg(1, UserId::kLength - base.size(), 10, QLatin1Char('0'));
        s.emergencyAccounts.request(id, QString::fromUtf8(w.id), staff.first().id);
        const EmergencyAccounts::Letter letter = s.emergencyAccounts.approve(id, staff.last().id);
        letters.append(QJsonObject{{QStringLiteral("account"), id}, {QStringLiteral("ward"), QString::fromUtf8(w.id)},
                                   {QStringLiteral("password"), QString::fromUtf8(letter.password.toQByteArrayUnsafe())}});
    }

    // Patients: 20 per ward, names agreeing with their sex (DemoClinicalCourse, shared with the terminal's demo).
    const QDateTime now = Clock::instance().nowUtc();
    QList<DemoClinicalCourse::Identity> identities;
    for (int p = 0; p < 60; ++p) {
        const Ward& w = kWards[p / 20];
        const DemoClinicalCourse::Identity who = DemoClinicalCourse::identity(p, kSeed);
        identities << who;
        const QString id = QStringLiteral("P%1").arg(p + 1, 6, 10, QLatin1Char('0'));
        s.patients.upsert(id, QString::fromUtf8(w.id),
                          {{QStringLiteral("name"), who.name},
                           {QStringLiteral("kana"), who.kana},
                           {QStringLiteral("birthDate"), who.birthDate.toString(Qt::ISODate)},
                           {QStringLiteral("sex"), who.sex == QLatin1String("F") ? QStringLiteral("female") : QStringLiteral("male")},
                           // Four-bed rooms numbered by floor: W3's first patient lies in 301-1.
                           {QStringLiteral("bed"), QStringLiteral("%1%2-%3")
                                                       .arg(QString::fromLatin1(w.id).mid(1))
                                                       .arg(1 + (p % 20) / 4, 2, 10, QLatin1Char('0'))
                                                       .arg(1 + p % 4)}},
                          operatorActor);
        ++summary.patients;
    }

    // Records per ward, signed by that ward's staff, pushed through RecordIngest in batches.
    qint64 ingestMs = 0;
    for (int wi = 0; wi < 3; ++wi) {
        const QString ward = QString::fromUtf8(kWards[wi].id);
        QList<const SeedStaff*> nurses, doctors;
        for (const SeedStaff& st : staff)
            if (st.ward == ward)
                (st.role == QLatin1String("nurse") ? nurses : doctors) << &st;
        QJsonArray batch;
        auto flush = [&] {
            if (batch.isEmpty())
                return;
            QElapsedTimer timer;
            timer.start();
            const QJsonObject result = s.records.ingest({QStringLiteral("demo-seed"), QStringLiteral("demo-seed"), ward, false},
                                                        {{QStringLiteral("protocol"), 1}, {QStringLiteral("records"), batch}});
            summary.records += result.value(QStringLiteral("stored")).toInt();
            ingestMs += timer.elapsed();
            if (result.value(QStringLiteral("rejected")).toInt() > 0)
                throw HubError(QStringLiteral("demo"), QStringLiteral("the hub rejected seeded records: %1")
                                                           .arg(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact).left(400))));
            batch = QJsonArray();
        };
        QHash<QString, const SeedStaff*> byId;
        QStringList nurseIds;
        for (const SeedStaff* st : nurses) {
            byId.insert(st->id, st);
            nurseIds << st->id;
        }
        for (const SeedStaff* st : doctors)
            byId.insert(st->id, st);
        for (int p = wi * 20; p < wi * 20 + 20; ++p) {
            const QString patient = QStringLiteral("P%1").arg(p + 1, 6, 10, QLatin1Char('0'));
            const QString doctor = doctors[p % doctors.size()]->id;
            for (const DemoClinicalCourse::Entry& e :
                 DemoClinicalCourse::records(patient, p, identities.at(p), doctor, nurseIds, now, days, kSeed)) {
                RecordVersion r;
                r.recordId = Random::uuid();
                r.version = 1;
                r.patientId = patient;
                r.type = e.content.type;
                r.classification = e.classification;
                r.compartment = ward;
                r.author = e.content.author;
                const QList<ValidationProblem> problems = RecordCodec::writeBody(&r, e.content, QByteArray());
                if (!problems.isEmpty())
                    throw HubError(QStringLiteral("demo"), QStringLiteral("demo record does not validate: %1").arg(problems.first().message));
                const SeedStaff* author = byId.value(r.author);
                batch.append(QJsonObject{{QStringLiteral("recordId"), r.recordId}, {QStringLiteral("version"), 1},
                                         {QStringLiteral("patientId"), patient}, {QStringLiteral("type"), QString(r.type).replace(QLatin1Char('-'), QLatin1Char('_'))},
                                         {QStringLiteral("ward"), ward}, {QStringLiteral("author"), author->id},
                                         {QStringLiteral("prevHash"), QString()},
                                         {QStringLiteral("body"), QString::fromLatin1(r.body.toBase64())},
                                         {QStringLiteral("signature"),
                                          QString::fromLatin1(CmsSignature::signDetached(r.body, author->cert, *author->signingKey).toBase64())}});
                if (batch.size() >= 500)
                    flush();
            }
        }
        flush();
    }

    QJsonArray credentials;
    for (const SeedStaff& st : staff)
        credentials.append(QJsonObject{{QStringLiteral("id"), st.id}, {QStringLiteral("name"), st.name}, {QStringLiteral("kana"), st.kana},
                                       {QStringLiteral("role"), st.role}, {QStringLiteral("ward"), st.ward},
                                       {QStringLiteral("password"), st.password}, {QStringLiteral("cardUid"), st.uid},
                                       {QStringLiteral("cardKeyPem"), QString::fromLatin1(st.cardKey->privatePem().toQByteArrayUnsafe())},
                                       {QStringLiteral("signingKeyPem"), QString::fromLatin1(st.signingKey->privatePem().toQByteArrayUnsafe())},
                                       {QStringLiteral("signingCertPem"), QString::fromLatin1(st.cert.toPem())}});
    const QString path = s.config.path(QStringLiteral("demo/staff.json"));
    writePrivate(path, QJsonDocument(QJsonObject{{QStringLiteral("warning"), QStringLiteral("DEMO CREDENTIALS - never use for real patients")},
                                                 {QStringLiteral("staff"), credentials},
                                                 {QStringLiteral("emergencyLetters"), letters}})
                           .toJson());
    out << "demo hospital seeded: " << summary.wards << " wards, " << summary.staff << " staff, " << summary.patients
        << " patients, " << summary.records << " signed records (verified, stamped and stored in " << ingestMs
        << " ms); demo credentials in " << path << Qt::endl;
    return summary;
}

} // namespace ward::hub
