#include "records/DemoWard.h"

#include "crypto/Random.h"
#include "vault/Vault.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <cmath>

namespace ward {

namespace {

struct Name
{
    const char* kanji;
    const char* kana;
    const char* sex;
};

const Name kNames[] = {
    {"佐藤 花子", "さとう はなこ", "F"},   {"鈴木 一郎", "すずき いちろう", "M"}, {"高橋 美代子", "たかはし みよこ", "F"},
    {"田中 健太", "たなか けんた", "M"},   {"渡辺 幸子", "わたなべ さちこ", "F"}, {"伊藤 正雄", "いとう まさお", "M"},
    {"山本 和子", "やまもと かずこ", "F"}, {"中村 茂", "なかむら しげる", "M"},   {"小林 節子", "こばやし せつこ", "F"},
    {"加藤 博", "かとう ひろし", "M"},     {"吉田 久美子", "よしだ くみこ", "F"}, {"山田 勇", "やまだ いさむ", "M"},
    {"佐々木 愛", "ささき あい", "F"},     {"山口 清", "やまぐち きよし", "M"},   {"松本 静香", "まつもと しずか", "F"},
    {"井上 大輔", "いのうえ だいすけ", "M"},
};

const char* const kAllergens[] = {"ペニシリン", "卵", "ヨード造影剤", "アスピリン", "そば"};
const char* const kReactions[] = {"発疹", "蕁麻疹", "呼吸困難", "嘔吐"};

struct Lab
{
    const char* code;
    const char* name;
    const char* unit;
    double low;
    double high;
    double mean;
    double spread;
};

const Lab kLabs[] = {
    {"WBC", "白血球数", "10^3/µL", 3.3, 8.6, 7.0, 3.0}, {"CRP", "CRP", "mg/dL", 0.0, 0.14, 0.5, 1.5},
    {"HGB", "ヘモグロビン", "g/dL", 11.6, 14.8, 12.5, 2.0}, {"CRE", "クレアチニン", "mg/dL", 0.46, 0.79, 0.8, 0.4},
    {"K", "カリウム", "mmol/L", 3.6, 4.8, 4.2, 0.7},
};

struct Drug
{
    const char* drug;
    const char* dose;
    const char* route;
    const char* frequency;
};

const Drug kDrugs[] = {
    {"アムロジピン錠5mg", "1錠", "経口", "1日1回 朝食後"}, {"ランソプラゾールOD錠15mg", "1錠", "経口", "1日1回 朝食後"},
    {"セファゾリンNa注1g", "1g", "点滴静注", "1日2回"},     {"アセトアミノフェン錠200mg", "2錠", "経口", "疼痛時"},
    {"酸化マグネシウム錠330mg", "1錠", "経口", "1日3回 毎食後"},
};

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

} // namespace

QList<DemoWard::Staff> DemoWard::staff()
{
    const QString w3 = QStringLiteral("W3");
    const QString w4 = QStringLiteral("W4");
    return {
        {QStringLiteral("D000000001"), QStringLiteral("山田 太郎"), {QStringLiteral("doctor")}, {w3}},
        {QStringLiteral("D000000002"), QStringLiteral("石川 直樹"), {QStringLiteral("doctor")}, {w4}},
        {QStringLiteral("N000000001"), QStringLiteral("佐々木 美咲"), {QStringLiteral("nurse")}, {w3}},
        {QStringLiteral("N000000002"), QStringLiteral("高橋 陽子"), {QStringLiteral("nurse")}, {w4}},
        {QStringLiteral("C000000001"), QStringLiteral("田中 誠"), {QStringLiteral("clerk")}, {w3}},
        {QStringLiteral("F000000001"), QStringLiteral("伊藤 薫"), {QStringLiteral("pharmacist")}, {w3, w4}},
    };
}

DemoWard::Staff DemoWard::staffMember(const QString& userId)
{
    for (const Staff& s : staff()) {
        if (s.userId == userId)
            return s;
    }
    return {};
}

UserSession DemoWard::session(const Staff& s, const QString& terminalId, Vault* vault)
{
    UserSession u;
    u.userId = s.userId;
    u.displayName = s.displayName;
    u.roles = s.roles;
    u.compartments = s.compartments;
    u.terminalId = terminalId;
    u.vault = vault;
    return u;
}

CertificateAuthority DemoWard::createStaffCa(const QDateTime& now)
{
    return CertificateAuthority::create(QStringLiteral("WardStation Demo Staff CA"), 3650, now.addDays(-60));
}

DemoWard::Summary DemoWard::populate(Vault& vault, CertificateAuthority& ca, const QDateTime& now, quint32 seed,
                                     int patientsPerWard)
{
    QRandomGenerator rng(seed);
    Summary summary;
    const QDateTime issuedAt = now.addDays(-30);
    QHash<QString, int> signerIndex;
    for (const Staff& s : staff()) {
        if (s.roles.contains(QStringLiteral("pharmacist")))
            continue;
        auto [key, cert] = ca.issueWithNewKey(CertificateProfile::StaffSigning, s.userId, 825, issuedAt);
        signerIndex.insert(s.userId, static_cast<int>(summary.signers.size()));
        summary.signers.append(SigningIdentity::fromParts(s.userId, std::move(key), cert));
    }
    auto signer = [&](const QString& userId) -> const SigningIdentity& {
        return summary.signers.at(signerIndex.value(userId));
    };

    struct WardPlan
    {
        QString ward;
        QString doctor;
        QString nurse;
        int floor;
        int count;
    };
    const QList<WardPlan> plans{{QStringLiteral("W3"), QStringLiteral("D000000001"), QStringLiteral("N000000001"), 3,
                                 patientsPerWard},
                                {QStringLiteral("W4"), QStringLiteral("D000000002"), QStringLiteral("N000000002"), 4,
                                 std::max(1, patientsPerWard / 2)},
                                {QStringLiteral("PSY"), QStringLiteral("D000000002"), QStringLiteral("N000000002"), 5, 1}};
    QList<RecordVersion> records;
    int nameIndex = 0;
    int patientNumber = 0;
    const int nameCount = static_cast<int>(sizeof(kNames) / sizeof(kNames[0]));
    for (const WardPlan& plan : plans) {
        for (int i = 0; i < plan.count; ++i) {
            const Name& n = kNames[nameIndex++ % nameCount];
            Patient p;
            p.patientId = QStringLiteral("%1").arg(10000001 + patientNumber++, 8, 10, QLatin1Char('0'));
            p.name = QString::fromUtf8(n.kanji);
            p.kana = QString::fromUtf8(n.kana);
            p.sex = QLatin1String(n.sex);
            p.birthDate = QDate(1930 + static_cast<int>(rng.bounded(60)), 1 + static_cast<int>(rng.bounded(12)),
                                1 + static_cast<int>(rng.bounded(28)));
            p.address = QStringLiteral("愛知県日進市蟹甲町%1番地").arg(1 + rng.bounded(99));
            p.ward = plan.ward;
            p.bed = QStringLiteral("%1%2-%3").arg(plan.floor).arg(1 + i / 4, 2, 10, QLatin1Char('0')).arg(1 + i % 4);
            summary.patients.append(p);

            auto add = [&](const QString& type, const QString& author, const QDateTime& at, const QByteArray& body,
                           int classification = 2) -> RecordVersion& {
                RecordVersion r;
                r.recordId = Random::uuid();
                r.version = 1;
                r.patientId = p.patientId;
                r.type = type;
                r.classification = classification;
                r.compartment = p.ward;
                r.author = author;
                r.createdAt = at;
                r.confirmedAt = at;
                r.body = body;
                r.signature = signer(author).sign(body, at);
                records.append(r);
                return records.last();
            };

            // Allergies: most patients none, some one or two.
            const int allergies = static_cast<int>(rng.bounded(3)) == 0 ? 1 + static_cast<int>(rng.bounded(2)) : 0;
            for (int a = 0; a < allergies; ++a) {
                const QJsonObject body{{QStringLiteral("substance"), QString::fromUtf8(kAllergens[rng.bounded(5)])},
                                       {QStringLiteral("reaction"), QString::fromUtf8(kReactions[rng.bounded(4)])},
                                       {QStringLiteral("severity"), a == 0 ? QStringLiteral("moderate")
                                                                           : QStringLiteral("severe")}};
                add(QStringLiteral("allergy"), plan.doctor, now.addDays(-7).addSecs(3600 * (a + 1)), compact(body));
            }

            // Vital signs every 8 hours for 7 days, a gentle random walk (a febrile episode for some).
            double bt = 36.5 + rng.bounded(5) / 10.0;
            double pulse = 70 + rng.bounded(15);
            double sys = 115 + rng.bounded(20);
            const bool fever = rng.bounded(3) == 0;
            for (int k = 0; k < 21; ++k) {
                const QDateTime at = now.addDays(-7).addSecs(8 * 3600 * k + 1800);
                const double feverBump = fever && k >= 8 && k <= 12 ? 1.6 : 0.0;
                bt = std::clamp(bt + (static_cast<int>(rng.bounded(7)) - 3) / 20.0, 36.0, 37.2);
                pulse = std::clamp(pulse + static_cast<int>(rng.bounded(9)) - 4, 55.0, 100.0);
                sys = std::clamp(sys + static_cast<int>(rng.bounded(11)) - 5, 95.0, 160.0);
                const QJsonObject body{{QStringLiteral("effective"), at.toString(Qt::ISODate)},
                                       {QStringLiteral("temperature"), round1(bt + feverBump)},
                                       {QStringLiteral("pulse"), pulse + (feverBump > 0 ? 18 : 0)},
                                       {QStringLiteral("systolic"), sys},
                                       {QStringLiteral("diastolic"), std::round(sys * 0.62)},
                                       {QStringLiteral("spo2"), 95 + static_cast<int>(rng.bounded(5))},
                                       {QStringLiteral("respRate"), 14 + static_cast<int>(rng.bounded(6))}};
                add(QStringLiteral("vital-signs"), plan.nurse, at.addSecs(300), compact(body));
            }

            // Nursing notes daily, progress notes (SOAP) every other day.
            for (int d = 0; d < 7; ++d) {
                const QDateTime at = now.addDays(-7 + d).addSecs(15 * 3600);
                const QJsonObject note{{QStringLiteral("format"), QStringLiteral("text")},
                                       {QStringLiteral("text"),
                                        d % 2 == 0 ? QStringLiteral("夜間良眠。疼痛の訴えなし。食事摂取8割。")
                                                   : QStringLiteral("日中離床し歩行器で病棟内歩行。ふらつきなし。")}};
                add(QStringLiteral("nursing-note"), plan.nurse, at, compact(note));
                if (d % 2 == 1) {
                    const QJsonObject soap{{QStringLiteral("format"), QStringLiteral("soap")},
                                           {QStringLiteral("subjective"), QStringLiteral("「だいぶ楽になりました」")},
                                           {QStringLiteral("objective"), QStringLiteral("意識清明。胸部聴診で副雑音なし。")},
                                           {QStringLiteral("assessment"), QStringLiteral("肺炎は改善傾向。")},
                                           {QStringLiteral("plan"), QStringLiteral("抗菌薬継続、3日後に採血再検。")}};
                    add(QStringLiteral("progress-note"), plan.doctor, at.addSecs(1800), compact(soap));
                }
            }

            // Labs on days -6, -3, -1.
            for (int day : {6, 3, 1}) {
                const QDateTime at = now.addDays(-day).addSecs(-3 * 3600);
                for (const Lab& lab : kLabs) {
                    const double v = std::max(0.01, lab.mean + (rng.bounded(2001) / 1000.0 - 1.0) * lab.spread);
                    const QJsonObject body{{QStringLiteral("effective"), at.toString(Qt::ISODate)},
                                           {QStringLiteral("code"), QLatin1String(lab.code)},
                                           {QStringLiteral("name"), QString::fromUtf8(lab.name)},
                                           {QStringLiteral("value"), std::round(v * 100) / 100},
                                           {QStringLiteral("unit"), QString::fromUtf8(lab.unit)},
                                           {QStringLiteral("low"), lab.low},
                                           {QStringLiteral("high"), lab.high}};
                    add(QStringLiteral("lab-result"), plan.doctor, at, compact(body));
                }
            }

            // Medication orders.
            for (int m = 0; m < 2; ++m) {
                const Drug& d = kDrugs[rng.bounded(5)];
                const QJsonObject body{{QStringLiteral("drug"), QString::fromUtf8(d.drug)},
                                       {QStringLiteral("dose"), QString::fromUtf8(d.dose)},
                                       {QStringLiteral("route"), QString::fromUtf8(d.route)},
                                       {QStringLiteral("frequency"), QString::fromUtf8(d.frequency)},
                                       {QStringLiteral("start"), now.addDays(-6 + m).date().toString(Qt::ISODate)}};
                add(QStringLiteral("medication-order"), plan.doctor, now.addDays(-6 + m).addSecs(10 * 3600),
                    compact(body), 3);
            }
        }
    }

    // One corrected progress note (version 2 linked to version 1) for the first patient.
    for (int i = 0; i < records.size(); ++i) {
        if (records.at(i).patientId == summary.patients.first().patientId
            && records.at(i).type == QLatin1String("progress-note")) {
            RecordVersion v2 = records.at(i);
            v2.version = 2;
            v2.prevHash = records.at(i).versionHash();
            v2.createdAt = v2.createdAt.addSecs(3600);
            v2.confirmedAt = v2.createdAt;
            QJsonObject body = QJsonDocument::fromJson(v2.body).object();
            body.insert(QStringLiteral("plan"), QStringLiteral("抗菌薬継続、2日後に採血再検。"));
            v2.body = compact(body);
            v2.signature = signer(v2.author).sign(v2.body, v2.confirmedAt);
            records.append(v2);
            break;
        }
    }

    vault.patients().upsertAll(summary.patients);
    vault.records().appendAll(records);
    summary.recordVersions = static_cast<int>(records.size());
    return summary;
}

} // namespace ward
