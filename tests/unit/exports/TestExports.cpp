// DATA-4: who may print or export what, why, to where — and the ledger every attempt lands in.

#include "../chart/ChartTestSupport.h"
#include "audit/AuditLog.h"
#include "exports/ExportLedger.h"
#include "exports/ExportPolicy.h"
#include "exports/ExportPurpose.h"
#include "policy/PolicyRules.h"
#include "session/UserSession.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ward;

class TestExports : public QObject
{
    Q_OBJECT

    static QJsonObject policyWith(const QJsonObject& exportSection)
    {
        return {{QStringLiteral("export"), exportSection}};
    }

private slots:
    void purposeNeedsACodeAndWordsForOther()
    {
        QVERIFY(!ExportPurpose::problem(QString(), QString()).isEmpty());
        QVERIFY(!ExportPurpose::problem(QStringLiteral("curiosity"), QString()).isEmpty());
        QVERIFY(ExportPurpose::problem(QStringLiteral("referral"), QString()).isEmpty());
        QVERIFY(!ExportPurpose::problem(QStringLiteral("other"), QStringLiteral("  ab ")).isEmpty());
        QVERIFY(ExportPurpose::problem(QStringLiteral("other"), QStringLiteral("学会発表の準備")).isEmpty());
        QVERIFY(!ExportPurpose::problem(QStringLiteral("legal"), QString(ExportPurpose::kMaxTextLength + 1, QLatin1Char('x'))).isEmpty());
        for (const QString& code : ExportPurpose::codes())
            QVERIFY2(!ExportPurpose::label(code).isEmpty(), qPrintable(code));
    }

    // Proves: CL-6
    void withoutAPolicySectionOnlyPrintersAreAllowed()
    {
        const ExportPolicy p = ExportPolicy::fromPolicy({});
        QVERIFY(p.allows(ExportDestination::Printer));
        QVERIFY(!p.allows(ExportDestination::Folder));
        QVERIFY(!p.allows(ExportDestination::RemovableMedia));
        QVERIFY(p.refusal(ExportDestination::Printer, QStringLiteral("Ward3-Laser")).isEmpty());
        QVERIFY(!p.refusal(ExportDestination::Printer, QString()).isEmpty());
        QVERIFY(p.refusal(ExportDestination::RemovableMedia, QStringLiteral("/media/usb/x.cms")).contains(QStringLiteral("removable media")));
    }

    void filesStayInsideTheAllowedRoots()
    {
        QTemporaryDir tmp;
        const QString folder = tmp.filePath(QStringLiteral("export"));
        const QString media = tmp.filePath(QStringLiteral("media"));
        QVERIFY(QDir().mkpath(folder) && QDir().mkpath(media + QStringLiteral("/usb0")) && QDir().mkpath(tmp.filePath(QStringLiteral("elsewhere"))));
        // A link inside the export folder that leads out of it.
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("elsewhere")), folder + QStringLiteral("/escape")));
        const ExportPolicy p = ExportPolicy::fromPolicy(policyWith(
            {{QStringLiteral("destinations"), QJsonArray{QStringLiteral("printer"), QStringLiteral("folder"), QStringLiteral("media")}},
             {QStringLiteral("folder"), folder},
             {QStringLiteral("mediaRoots"), QJsonArray{media}}}));
        QVERIFY(p.refusal(ExportDestination::Folder, folder + QStringLiteral("/P0001.pdf")).isEmpty());
        QVERIFY(!p.refusal(ExportDestination::Folder, folder + QStringLiteral("/../P0001.pdf")).isEmpty());
        QVERIFY(!p.refusal(ExportDestination::Folder, folder + QStringLiteral("/escape/P0001.pdf")).isEmpty());
        QVERIFY(!p.refusal(ExportDestination::Folder, tmp.filePath(QStringLiteral("exportX/P0001.pdf"))).isEmpty());
        QVERIFY(!p.refusal(ExportDestination::Folder, media + QStringLiteral("/usb0/P0001.pdf")).isEmpty());
        QVERIFY(p.refusal(ExportDestination::RemovableMedia, media + QStringLiteral("/usb0/P0001.cms")).isEmpty());
        QVERIFY(!p.refusal(ExportDestination::RemovableMedia, folder + QStringLiteral("/P0001.cms")).isEmpty());
        // A directory that does not exist is no place to write.
        QVERIFY(!p.refusal(ExportDestination::RemovableMedia, media + QStringLiteral("/usb9/P0001.cms")).isEmpty());
    }

    void policyRulesRefuseABadSectionWhole()
    {
        const QList<PolicyFieldError> errors = PolicyRules::check(policyWith(
            {{QStringLiteral("destinations"), QJsonArray{QStringLiteral("printer"), QStringLiteral("fax")}},
             {QStringLiteral("folder"), QStringLiteral("relative/dir")},
             {QStringLiteral("mediaRoots"), QJsonArray{QStringLiteral("/")}}}));
        QStringList fields;
        for (const PolicyFieldError& e : errors)
            fields << e.field;
        QVERIFY2(fields.contains(QStringLiteral("export.destinations")), qPrintable(fields.join(QLatin1Char(','))));
        QVERIFY(fields.contains(QStringLiteral("export.folder")));
        QVERIFY(fields.contains(QStringLiteral("export.mediaRoots")));
        QVERIFY(!PolicyRules::check({{QStringLiteral("export"), QStringLiteral("everywhere")}}).isEmpty());
        // A terminal given such a section allows no more than printing.
        const ExportPolicy p = ExportPolicy::fromPolicy(policyWith({{QStringLiteral("destinations"), QJsonArray{QStringLiteral("media"), 7}}}));
        QVERIFY(p.allows(ExportDestination::Printer) && !p.allows(ExportDestination::RemovableMedia));
    }

    // Proves: DATA-4
    void exportIsARolePermission()
    {
        const AccessPolicy policy = AccessPolicy::defaultPolicy();
        UserSession doctor;
        doctor.roles = {QStringLiteral("doctor")};
        UserSession nurse;
        nurse.roles = {QStringLiteral("nurse")};
        UserSession clerk;
        clerk.roles = {QStringLiteral("clerk")};
        QVERIFY(policy.canExport(doctor, QStringLiteral("progress-note"), 2));
        QVERIFY(policy.canExport(nurse, QStringLiteral("vital-signs"), 2));
        QVERIFY(!policy.canExport(nurse, QStringLiteral("progress-note"), 2));
        QVERIFY(!policy.canExport(clerk, QStringLiteral("progress-note"), 2));
        RecordAction a;
        QVERIFY(AccessPolicy::actionFromName(QStringLiteral("export"), &a) && a == RecordAction::Export);
    }

    // Proves: DATA-4
    void everyAttemptIsInTheChainedLedger()
    {
        test::ChartFixture f;
        AuditLog& log = f.vault->audit();
        ExportLedger ledger(log);
        ExportRequest r;
        r.kind = ExportKind::NotesOfPeriod;
        r.patientId = QStringLiteral("P0001");
        r.from = QDate(2026, 4, 1);
        r.to = QDate(2026, 4, 10);
        r.purpose = QStringLiteral("referral");
        r.purposeText = QStringLiteral("A病院へ転院");
        r.destination = ExportDestination::Printer;
        r.target = QStringLiteral("Ward3-Laser");

        const qint64 before = log.headSeq();
        const QString number = ledger.issue(QStringLiteral("N000000001"), r);
        QCOMPARE(number, ExportLedger::ledgerNumber(log.terminalId(), before + 1));
        QVERIFY(number.startsWith(log.terminalId() + QLatin1Char('-')));
        ledger.done(QStringLiteral("N000000001"), number, r, {{QStringLiteral("pages"), 3}});
        ledger.failed(QStringLiteral("N000000001"), number, r, QStringLiteral("printer out of paper"));
        r.destination = ExportDestination::RemovableMedia;
        ledger.refused(QStringLiteral("N000000001"), r, QStringLiteral("media not allowed"));

        const QList<AuditEntry> entries = log.entries(before + 1);
        QCOMPARE(entries.size(), 4);
        QStringList outcomes;
        for (const AuditEntry& e : entries) {
            QCOMPARE(e.action, QStringLiteral("export"));
            QCOMPARE(e.patient, QStringLiteral("P0001"));
            QCOMPARE(e.detail.value(QStringLiteral("purpose")).toString(), QStringLiteral("referral"));
            QCOMPARE(e.detail.value(QStringLiteral("purposeText")).toString(), QStringLiteral("A病院へ転院"));
            QCOMPARE(e.detail.value(QStringLiteral("kind")).toString(), QStringLiteral("notes"));
            QCOMPARE(e.detail.value(QStringLiteral("from")).toString(), QStringLiteral("2026-04-01"));
            outcomes << e.outcome;
        }
        QCOMPARE(outcomes, (QStringList{QStringLiteral("issued"), QStringLiteral("done"), QStringLiteral("failed"), QStringLiteral("refused")}));
        QCOMPARE(entries.at(0).detail.value(QStringLiteral("ledger")).toString(), number);
        QCOMPARE(entries.at(1).detail.value(QStringLiteral("pages")).toInt(), 3);
        QCOMPARE(entries.at(2).detail.value(QStringLiteral("reason")).toString(), QStringLiteral("printer out of paper"));
        QVERIFY(!entries.at(3).detail.contains(QStringLiteral("ledger")));
        QCOMPARE(entries.at(3).detail.value(QStringLiteral("destination")).toString(), QStringLiteral("media"));
        QVERIFY(log.verify().ok);
    }
};

QTEST_GUILESS_MAIN(TestExports)
#include "TestExports.moc"
