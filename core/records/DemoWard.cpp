#include "records/DemoWard.h"

#include "crypto/Random.h"
#include "vault/Vault.h"

#include <QHash>
#include "records/DemoClinicalCourse.h"
#include "records/RecordCodec.h"

#include <QRandomGenerator>

#include <stdexcept>

namespace ward {


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
                                     int patientsPerWard, int days)
{
    QRandomGenerator rng(seed);
    Summary summary;
    const QDateTime issuedAt = now.addDays(-days - 30);
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
    int patientNumber = 0;
    for (const WardPlan& plan : plans) {
        for (int i = 0; i < plan.count; ++i) {
            const int index = patientNumber++;
            const DemoClinicalCourse::Identity who = DemoClinicalCourse::identity(index, seed);
            Patient p;
            p.patientId = QStringLiteral("%1").arg(10000001 + index, 8, 10, QLatin1Char('0'));
            p.name = who.name;
            p.kana = who.kana;
            p.sex = who.sex;
            p.birthDate = who.birthDate;
            p.address = QStringLiteral("愛知県日進市蟹甲町%1番地").arg(1 + rng.bounded(99));
            p.ward = plan.ward;
            p.bed = QStringLiteral("%1%2-%3").arg(plan.floor).arg(1 + i / 4, 2, 10, QLatin1Char('0')).arg(1 + i % 4);
            summary.patients.append(p);

            for (const DemoClinicalCourse::Entry& e :
                 DemoClinicalCourse::records(p.patientId, index, who, plan.doctor, {plan.nurse}, now, days, seed)) {
                RecordVersion r;
                r.recordId = Random::uuid();
                r.version = 1;
                r.patientId = p.patientId;
                r.type = e.content.type;
                r.classification = e.classification;
                r.compartment = p.ward;
                r.author = e.content.author;
                // Confirmed a few minutes after the observation, as on a ward.
                r.createdAt = e.content.clinicalTime.addSecs(240);
                r.confirmedAt = r.createdAt;
                const QList<ValidationProblem> problems = RecordCodec::writeBody(&r, e.content, QByteArray());
                if (!problems.isEmpty())
                    throw std::logic_error("demo record does not validate: " + problems.first().message.toStdString());
                r.signature = signer(r.author).sign(r.body, r.confirmedAt);
                records.append(r);
            }
        }
    }

    // One corrected progress note (version 2 linked to version 1) for the first patient.
    for (int i = 0; i < records.size(); ++i) {
        const RecordVersion& v1 = records.at(i);
        if (v1.patientId != summary.patients.first().patientId || v1.type != QLatin1String("progress-note"))
            continue;
        std::optional<RecordContent> content = RecordCodec::decode(v1);
        if (!content || !content->note())
            break;
        ClinicalNote note = *content->note();
        note.plan += QStringLiteral("（2日後に採血再検へ変更）");
        content->data = note;
        RecordVersion v2 = v1;
        v2.version = 2;
        v2.prevHash = v1.versionHash();
        v2.createdAt = v1.createdAt.addSecs(3600);
        v2.confirmedAt = v2.createdAt;
        RecordCodec::writeBody(&v2, *content, v1.body);
        v2.signature = signer(v2.author).sign(v2.body, v2.confirmedAt);
        records.append(v2);
        break;
    }

    vault.patients().upsertAll(summary.patients);
    vault.records().appendAll(records);
    summary.recordVersions = static_cast<int>(records.size());
    return summary;
}

} // namespace ward
