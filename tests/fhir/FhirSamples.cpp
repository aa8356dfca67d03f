// fhir_samples OUT.ndjson: one line per FHIR resource of every record type the terminal can write, produced the
// way ChartService produces them (RecordCodec::writeBody → the envelope's resource): the demo courses (all seven
// types: abnormal labs, allergies, orders, flags), plus the shapes the editors make that the demo does not (a single
// vital sign, blood pressure alone, a free-text progress note, coded allergy, HOT code, a proxy entry waiting
// for approval, an entered-in-error version, a lifted flag) and a Patient resource as the export writes it.
#include "records/DemoClinicalCourse.h"
#include "records/RecordCodec.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <cstdio>

using namespace ward;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 2) {
        std::fprintf(stderr, "usage: fhir_samples OUT.ndjson\n");
        return 2;
    }
    QFile out(app.arguments().at(1));
    if (!out.open(QIODevice::WriteOnly))
        return 1;
    const QDateTime now(QDate(2026, 4, 30), QTime(3, 0), Qt::UTC);
    int written = 0;
    auto write = [&](RecordContent c, RecordVersion::Status status = RecordVersion::Status::Confirmed, const QString& reason = QString()) {
        RecordVersion r;
        r.recordId = QStringLiteral("0b6c8f7e-1111-4222-8333-%1").arg(written, 12, 10, QLatin1Char('0'));
        r.patientId = c.patientId;
        r.type = c.type;
        r.author = c.author;
        r.compartment = QStringLiteral("W3");
        r.status = status;
        if (status == RecordVersion::Status::PendingApproval)
            r.proxyAuthor = QStringLiteral("C000000001");
        c.errorReason = reason;
        const QList<ValidationProblem> problems = RecordCodec::writeBody(&r, c, QByteArray());
        if (!problems.isEmpty()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(c.type), qPrintable(problems.first().message));
            std::exit(1);
        }
        out.write(RecordEnvelope::parse(r.body)->resource + '\n');
        ++written;
    };
    QList<RecordContent> demo;
    for (int i = 0; i < 4; ++i) {
        const auto who = DemoClinicalCourse::identity(i, 11);
        for (const auto& e : DemoClinicalCourse::records(QStringLiteral("P00000%1").arg(i + 1), i, who, QStringLiteral("D000000001"),
                                                         {QStringLiteral("N000000001")}, now, 8, 11))
            demo << e.content;
    }
    for (const RecordContent& c : demo)
        write(c);

    RecordContent base;
    base.patientId = QStringLiteral("P000001");
    base.author = QStringLiteral("N000000001");
    base.clinicalTime = now.addSecs(-3600);
    RecordContent one = base;
    one.type = QStringLiteral("vital-signs");
    VitalSigns t;
    t.temperature = 37.4;
    one.data = t;
    write(one);
    RecordContent bp = one;
    VitalSigns p;
    p.systolic = 158;
    p.diastolic = 96;
    bp.data = p;
    write(bp);
    RecordContent note = base;
    note.type = QStringLiteral("progress-note");
    ClinicalNote free;
    free.format = ClinicalNote::Format::Text;
    free.text = QStringLiteral("家族へ病状説明。<治療方針> & 退院時期を相談。\n次回は来週。");
    note.data = free;
    write(note);
    write(note, RecordVersion::Status::PendingApproval);
    RecordContent allergy = base;
    allergy.type = QStringLiteral("allergy");
    AllergyRecord a;
    a.substance = QStringLiteral("セフトリアキソン");
    a.substanceCode = QStringLiteral("6132419F1037");
    a.substanceSystem = QLatin1String(RecordCodec::kYjSystem);
    allergy.data = a;
    write(allergy);
    write(allergy, RecordVersion::Status::EnteredInError, QStringLiteral("別の患者の記録"));
    RecordContent med = base;
    med.type = QStringLiteral("medication-order");
    MedicationOrder m;
    m.drug = QStringLiteral("アセトアミノフェン錠200mg");
    m.hotCode = QStringLiteral("100795402");
    m.dose = QStringLiteral("1回2錠");
    med.data = m;
    write(med);
    write(med, RecordVersion::Status::PendingApproval);
    write(med, RecordVersion::Status::EnteredInError, QStringLiteral("重複オーダー"));
    RecordContent flag = base;
    flag.type = QStringLiteral("flag");
    PatientFlag f;
    f.kind = PatientFlag::Kind::Npo;
    f.text = QStringLiteral("絶食解除（検査終了、昼食から再開）");
    f.active = false;
    flag.data = f;
    write(flag);
    write(flag, RecordVersion::Status::EnteredInError, QStringLiteral("別の患者に入力"));
    for (RecordContent c : demo) {
        if (c.type == QLatin1String("vital-signs") || c.type == QLatin1String("lab-result") || c.type == QLatin1String("nursing-note")) {
            write(c, RecordVersion::Status::EnteredInError, QStringLiteral("入力誤り"));
            break;
        }
    }

    Patient patient;
    patient.patientId = QStringLiteral("P000001");
    patient.name = QStringLiteral("佐藤　花子");
    patient.kana = QStringLiteral("さとう はなこ");
    patient.sex = QStringLiteral("F");
    patient.birthDate = QDate(1941, 3, 2);
    out.write(QJsonDocument(RecordCodec::patientResource(patient)).toJson(QJsonDocument::Compact) + '\n');
    std::printf("wrote %d record resources and a Patient\n", written);
    return 0;
}
