// DATA-4 / DATA-6 through the real widgets: the chart's "Print / export" button, the dialog, the PDF read back with
// pdftotext, the encrypted file opened with stock openssl, and the ledger entry of every attempt.

#include "unit/chart/ChartTestSupport.h"
#include "audit/AuditLog.h"
#include "exports/ExportPolicy.h"
#include "exports/ExportService.h"
#include "ui/chart/ChartWorkspace.h"
#include "ui/chart/PatientChart.h"
#include "ui/exports/ExportDialog.h"
#include "ui/Language.h"
#include "ui/theme/Appearance.h"
#include "ui/theme/Theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QRegularExpression>
#include <QtTest>

using namespace ward;
using namespace ward::test;

namespace {

const QString kDoctor = QStringLiteral("D000000001");
const QString kNurse = QStringLiteral("N000000001");
const QString kClerk = QStringLiteral("C000000001");

template <typename T>
T* child(QWidget* root, const char* name)
{
    return root->findChild<T*>(QLatin1String(name));
}

void choose(QComboBox* box, const QString& data)
{
    const int i = box->findData(data);
    QVERIFY2(i >= 0, qPrintable(data));
    box->setCurrentIndex(i);
}

QByteArray run(const QString& program, const QStringList& args, int* exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(30000);
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<ChartFixture> m_f;
    std::unique_ptr<ChartWorkspace> m_ws;
    std::unique_ptr<QTemporaryDir> m_dir;

    PatientChart* chartAs(const QString& userId, const QJsonObject& exportSection)
    {
        m_ws.reset();
        m_ws = std::make_unique<ChartWorkspace>(m_f->session(userId), *m_f->vault, m_f->policy, std::nullopt,
                                                QList<Certificate>{m_f->ca->certificate()});
        m_ws->setExportPolicy(ExportPolicy::fromPolicy({{QStringLiteral("export"), exportSection}}));
        m_ws->resize(1400, 900);
        m_ws->show();
        m_ws->openPatient(m_f->patientIn(QStringLiteral("W3")).patientId);
        return m_ws->chart();
    }

    QJsonObject folderAndMedia() const
    {
        return {{QStringLiteral("destinations"), QJsonArray{QStringLiteral("printer"), QStringLiteral("folder"), QStringLiteral("media")}},
                {QStringLiteral("folder"), m_dir->filePath(QStringLiteral("export"))},
                {QStringLiteral("mediaRoots"), QJsonArray{m_dir->filePath(QStringLiteral("media"))}}};
    }

    ExportDialog* openDialog(PatientChart* chart)
    {
        auto* button = child<QPushButton>(chart, "exportButton");
        if (!button)
            return nullptr;
        button->click();
        return chart->findChild<ExportDialog*>(QStringLiteral("exportDialog"));
    }

    QList<AuditEntry> exportEntries(qint64 after) const
    {
        QList<AuditEntry> out;
        for (const AuditEntry& e : m_f->vault->audit().entries(after + 1))
            if (e.action == QLatin1String("export"))
                out << e;
        return out;
    }

    static void fill(ExportDialog* d, const QString& kind, const QString& purpose, const QString& text, const QString& destination)
    {
        choose(child<QComboBox>(d, "exportKind"), kind);
        choose(child<QComboBox>(d, "exportPurpose"), purpose);
        child<QLineEdit>(d, "exportPurposeText")->setText(text);
        choose(child<QComboBox>(d, "exportDestination"), destination);
    }

private slots:
    void init()
    {
        m_f = std::make_unique<ChartFixture>();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("export"))));
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("media"))));
    }
    void cleanup()
    {
        m_ws.reset();
        m_f.reset();
    }

    // Proves: DATA-4, DATA-6
    void notesSavedAsPdfCarryTheStampOnEveryPage()
    {
        PatientChart* chart = chartAs(kDoctor, folderAndMedia());
        QVERIFY(chart);
        ExportDialog* d = openDialog(chart);
        QVERIFY(d);
        const qint64 before = m_f->vault->audit().headSeq();
        fill(d, QStringLiteral("notes"), QStringLiteral("referral"), QStringLiteral("中央病院へ紹介"), QStringLiteral("folder"));
        child<QDateEdit>(d, "exportFrom")->setDate(QDate(2026, 1, 1));
        child<QDateEdit>(d, "exportTo")->setDate(QDate(2026, 4, 10));
        const QString path = child<QLineEdit>(d, "exportPath")->text();
        QVERIFY2(path.startsWith(m_dir->filePath(QStringLiteral("export"))) && path.endsWith(QStringLiteral(".pdf")), qPrintable(path));
        child<QPushButton>(d, "exportGo")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!d->lastLedger().isEmpty() && d->message().contains(d->lastLedger()) && d->message().startsWith(QStringLiteral("Saved")), 20000);
        const QString ledger = d->lastLedger();

        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is installed by scripts/install-deps");
        const QString text = QString::fromUtf8(run(pdftotext, {QStringLiteral("-raw"), path, QStringLiteral("-")}));
        const int pages = QString::fromUtf8(run(QStringLiteral("pdfinfo"), {path})).section(QStringLiteral("Pages:"), 1).trimmed().section(QLatin1Char('\n'), 0, 0).toInt();
        QVERIFY(pages >= 1);
        // The stamp and the footer on every page: the stamp once legibly at the top, once across the page (which
        // pdftotext reads in pieces, so it is counted by the ledger number's own digits).
        QVERIFY(text.count(QStringLiteral("Ledger ") + ledger) >= pages);
        QCOMPARE(text.count(QLatin1Char('-') + ledger.section(QLatin1Char('-'), -1)), 2 * pages);
        QCOMPARE(text.count(QStringLiteral("Contains personal health information")), pages);
        QVERIFY(text.contains(kDoctor));
        QVERIFY(text.contains(m_f->vault->audit().terminalId()));
        const ChartContent& content = chart->content();
        QVERIFY(!content.notes.isEmpty());
        QVERIFY2(text.contains(content.notes.first().text.section(QLatin1Char('\n'), 0, 0).left(8)), qPrintable(text.left(2000)));

        const QList<AuditEntry> entries = exportEntries(before);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).outcome, QStringLiteral("issued"));
        QCOMPARE(entries.at(1).outcome, QStringLiteral("done"));
        QCOMPARE(entries.at(1).detail.value(QStringLiteral("pages")).toInt(), pages);
        QCOMPARE(entries.at(1).detail.value(QStringLiteral("purposeText")).toString(), QStringLiteral("中央病院へ紹介"));
        QCOMPARE(entries.at(1).object, ledger);
    }

    // The 温度板 on paper is the graph the ward reads (the chart's TemperatureSheet), a week per landscape page, the
    // values listed after it as text; every page stamped.
    // Proves: DATA-6
    void temperatureSheetIsPrintedAsTheGraph()
    {
        PatientChart* chart = chartAs(kDoctor, folderAndMedia());
        ExportDialog* d = openDialog(chart);
        fill(d, QStringLiteral("temperature-sheet"), QStringLiteral("referral"), QStringLiteral("転院先へ"), QStringLiteral("folder"));
        child<QDateEdit>(d, "exportFrom")->setDate(QDate(2026, 3, 27));
        child<QDateEdit>(d, "exportTo")->setDate(QDate(2026, 4, 10));  // 15 days: three sheet pages
        const QString path = child<QLineEdit>(d, "exportPath")->text();
        child<QPushButton>(d, "exportGo")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!d->lastLedger().isEmpty() && d->message().startsWith(QStringLiteral("Saved")), 20000);
        const QString ledger = d->lastLedger();
        const QString info = QString::fromUtf8(run(QStringLiteral("pdfinfo"), {path}));
        const int pages = info.section(QStringLiteral("Pages:"), 1).trimmed().section(QLatin1Char('\n'), 0, 0).toInt();
        QVERIFY2(pages >= 4, qPrintable(info));
        // Landscape A4 (842 × 595 pt).
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+84[12](\\.\\d+)? x 595"))), qPrintable(QString(info).replace(QLatin1Char(10), QStringLiteral(" | "))));
        // One drawn sheet on each of the first three pages, none after.
        const QString images = QString::fromUtf8(run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), path}));
        QStringList sheetPages;
        for (const QString& line : images.split(QLatin1Char('\n')).mid(2))
            if (!line.trimmed().isEmpty())
                sheetPages << line.simplified().section(QLatin1Char(' '), 0, 0);
        QCOMPARE(sheetPages, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        const QString text = QString::fromUtf8(run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), path, QStringLiteral("-")}));
        QCOMPARE(text.count(QStringLiteral("Contains personal health information")), pages);
        QVERIFY(text.count(QStringLiteral("Ledger ") + ledger) >= pages);
        // The values as text after the graphs.
        const ChartContent& content = chart->content();
        QVERIFY(!content.vitals.isEmpty());
        QVERIFY(text.contains(QStringLiteral("Temperature")));
    }

    // Proves: DATA-4, CL-6
    void refusalsAreShownAndLedgered()
    {
        PatientChart* chart = chartAs(kDoctor, folderAndMedia());
        ExportDialog* d = openDialog(chart);
        QVERIFY(d);
        const qint64 before = m_f->vault->audit().headSeq();
        auto* go = child<QPushButton>(d, "exportGo");

        // No purpose.
        fill(d, QStringLiteral("lab-table"), QString(), QString(), QStringLiteral("folder"));
        go->click();
        QVERIFY2(d->message().contains(QStringLiteral("Choose the purpose")), qPrintable(d->message()));
        // "Other" without words.
        fill(d, QStringLiteral("lab-table"), QStringLiteral("other"), QStringLiteral("x"), QStringLiteral("folder"));
        go->click();
        QVERIFY(d->message().contains(QStringLiteral("Write the purpose")));
        // A file outside the export folder.
        fill(d, QStringLiteral("lab-table"), QStringLiteral("conference"), QString(), QStringLiteral("folder"));
        child<QLineEdit>(d, "exportPath")->setText(m_dir->filePath(QStringLiteral("media/lab.pdf")));
        go->click();
        QVERIFY(d->message().contains(QStringLiteral("export folder")));
        // A data file to a printer.
        fill(d, QStringLiteral("lab-csv"), QStringLiteral("conference"), QString(), QStringLiteral("printer"));
        go->click();
        QVERIFY(d->message().contains(QStringLiteral("cannot be printed")));

        QDir folder(m_dir->filePath(QStringLiteral("export")));
        QVERIFY(folder.entryList(QDir::Files).isEmpty());
        const QList<AuditEntry> entries = exportEntries(before);
        QCOMPARE(entries.size(), 4);
        for (const AuditEntry& e : entries) {
            QCOMPARE(e.outcome, QStringLiteral("refused"));
            QVERIFY(!e.detail.value(QStringLiteral("reason")).toString().isEmpty());
        }
    }

    void aPrinterThatFailsIsInTheLedger()
    {
        PatientChart* chart = chartAs(kDoctor, folderAndMedia());
        ExportDialog* d = openDialog(chart);
        const qint64 before = m_f->vault->audit().headSeq();
        fill(d, QStringLiteral("patient-summary"), QStringLiteral("patient-request"), QString(), QStringLiteral("printer"));
        child<QComboBox>(d, "exportPrinter")->setEditText(QStringLiteral("NoSuchPrinter"));
        child<QPushButton>(d, "exportGo")->click();
        QVERIFY2(d->message().contains(QStringLiteral("Not printed")) && d->message().contains(QStringLiteral("NoSuchPrinter")), qPrintable(d->message()));
        const QList<AuditEntry> entries = exportEntries(before);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1).outcome, QStringLiteral("failed"));
        QCOMPARE(entries.at(1).object, entries.at(0).object);
    }

    // Proves: DATA-4, CL-6
    void mediaExportIsEncryptedAndOpensWithStockOpenssl()
    {
        PatientChart* chart = chartAs(kDoctor, folderAndMedia());
        ExportDialog* d = openDialog(chart);
        fill(d, QStringLiteral("fhir-bundle"), QStringLiteral("referral"), QStringLiteral("転院先へ"), QStringLiteral("media"));
        const QString path = child<QLineEdit>(d, "exportPath")->text();
        QVERIFY2(path.startsWith(m_dir->filePath(QStringLiteral("media"))) && path.endsWith(QStringLiteral(".json.cms")), qPrintable(path));
        child<QLineEdit>(d, "exportPassword")->setText(QStringLiteral("Tenin-2026-04"));
        child<QLineEdit>(d, "exportPasswordAgain")->setText(QStringLiteral("Tenin-2026-05"));
        child<QPushButton>(d, "exportGo")->click();
        QVERIFY(d->message().contains(QStringLiteral("passwords differ")));
        QVERIFY(!QFile::exists(path));

        child<QLineEdit>(d, "exportPasswordAgain")->setText(QStringLiteral("Tenin-2026-04"));
        child<QPushButton>(d, "exportGo")->click();
        QTRY_VERIFY_WITH_TIMEOUT(d->message().startsWith(QStringLiteral("Saved")), 30000);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray sealed = f.readAll();
        QVERIFY(!sealed.contains("Bundle"));
        int exitCode = -1;
        const QByteArray plain = run(QStringLiteral("openssl"), {QStringLiteral("cms"), QStringLiteral("-decrypt"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                                 QStringLiteral("-in"), path, QStringLiteral("-pwri_password"), QStringLiteral("Tenin-2026-04")},
                                     &exitCode);
        QCOMPARE(exitCode, 0);
        const QJsonObject bundle = QJsonDocument::fromJson(plain).object();
        QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        QVERIFY(bundle.value(QStringLiteral("entry")).toArray().size() > 1);
        QVERIFY(plain.contains(chart->patient().patientId.toUtf8()));
    }

    // DATA-6: sealed for the receiving hospital's certificate from the policy (no password to pass on); only that
    // hospital's key opens it with stock openssl; an expired certificate is refused before anything is written.
    void mediaExportForTheReceivingHospitalsCertificate()
    {
        const auto makeCert = [&](const QString& stem, const QString& days) {
            int exitCode = -1;
            run(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-days"), days, QStringLiteral("-subj"),
                 QStringLiteral("/CN=Chuo Hospital"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                 QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-keyout"), m_dir->filePath(stem + QStringLiteral(".key")),
                 QStringLiteral("-out"), m_dir->filePath(stem + QStringLiteral(".pem"))},
                &exitCode);
            QFile f(m_dir->filePath(stem + QStringLiteral(".pem")));
            return exitCode == 0 && f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()) : QString();
        };
        const QString chuo = makeCert(QStringLiteral("chuo"), QStringLiteral("30"));
        const QString kita = makeCert(QStringLiteral("kita"), QStringLiteral("30"));
        QVERIFY(!chuo.isEmpty() && !kita.isEmpty());
        QJsonObject section = folderAndMedia();
        section[QStringLiteral("recipients")] = QJsonArray{
            QJsonObject{{QStringLiteral("name"), QStringLiteral("中央病院 地域医療連携室")}, {QStringLiteral("certificate"), chuo}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("北病院")}, {QStringLiteral("certificate"), kita}}};
        QVERIFY(ExportPolicy::problems(section).isEmpty());
        PatientChart* chart = chartAs(kDoctor, section);
        ExportDialog* d = openDialog(chart);
        const qint64 before = m_f->vault->audit().headSeq();
        fill(d, QStringLiteral("fhir-bundle"), QStringLiteral("referral"), QStringLiteral("転院先へ"), QStringLiteral("media"));
        auto* sealWith = child<QComboBox>(d, "exportSealWith");
        QCOMPARE(sealWith->count(), 3);
        QVERIFY(sealWith->itemText(1).contains(QStringLiteral("中央病院")));
        QVERIFY(child<QLineEdit>(d, "exportPassword")->isEnabled());
        sealWith->setCurrentIndex(1);
        QVERIFY(!child<QLineEdit>(d, "exportPassword")->isEnabled());
        // Two months on, the 30-day certificate has expired.
        m_f->clock->setNowUtc(QDateTime::currentDateTimeUtc().addDays(60));
        child<QPushButton>(d, "exportGo")->click();
        QVERIFY2(d->message().contains(QStringLiteral("not valid now")), qPrintable(d->message()));
        QVERIFY(exportEntries(before).isEmpty());

        m_f->clock->setNowUtc(QDateTime::currentDateTimeUtc());
        const QString path = child<QLineEdit>(d, "exportPath")->text();
        child<QPushButton>(d, "exportGo")->click();
        QTRY_VERIFY_WITH_TIMEOUT(d->message().startsWith(QStringLiteral("Saved")), 30000);
        int exitCode = -1;
        const QByteArray plain = run(QStringLiteral("openssl"), {QStringLiteral("cms"), QStringLiteral("-decrypt"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                                 QStringLiteral("-in"), path, QStringLiteral("-inkey"), m_dir->filePath(QStringLiteral("chuo.key"))},
                                     &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(plain).object().value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        run(QStringLiteral("openssl"), {QStringLiteral("cms"), QStringLiteral("-decrypt"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                        QStringLiteral("-in"), path, QStringLiteral("-inkey"), m_dir->filePath(QStringLiteral("kita.key"))},
            &exitCode);
        QVERIFY(exitCode != 0);
        const QList<AuditEntry> entries = exportEntries(before);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1).outcome, QStringLiteral("done"));
        QVERIFY2(QJsonDocument(entries.at(1).detail).toJson().contains(QStringLiteral("中央病院").toUtf8()),
                 QJsonDocument(entries.at(1).detail).toJson().constData());

        // A policy whose recipient is not a certificate is refused whole (PolicyRules).
        section[QStringLiteral("recipients")] = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                                                       {QStringLiteral("certificate"), QStringLiteral("garbage")}}};
        QCOMPARE(ExportPolicy::problems(section).size(), 1);
        QCOMPARE(ExportPolicy::problems(section).first().first, QStringLiteral("export.recipients"));
    }

    // A full medium: a real 64 KB file system as the USB stick. Refused before anything is written, with the free
    // space in the message; the ledger has the attempt; nothing is left on the medium.
    void aFullMediumIsRefusedAndLedgered()
    {
        const QString media = m_dir->filePath(QStringLiteral("media"));
        int mounted = -1;
        run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=64k"),
                                      QStringLiteral("tmpfs"), media},
            &mounted);
        // The CI runs as root and must run the real thing; elsewhere (a developer without root) it is skipped.
        if (mounted != 0 && qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL("mounting a small tmpfs as the full medium failed on the CI, which runs as root");
        if (mounted != 0)
            QSKIP("mounting a small tmpfs needs root");
        struct Unmount
        {
            QString path;
            ~Unmount() { run(QStringLiteral("umount"), {path}); }
        } unmount{media};
        PatientChart* chart = chartAs(kDoctor, folderAndMedia());
        ExportDialog* d = openDialog(chart);
        const qint64 before = m_f->vault->audit().headSeq();
        fill(d, QStringLiteral("notes"), QStringLiteral("referral"), QStringLiteral("転院先へ"), QStringLiteral("media"));
        const QString path = child<QLineEdit>(d, "exportPath")->text();
        QVERIFY2(path.startsWith(media), qPrintable(path));
        child<QLineEdit>(d, "exportPassword")->setText(QStringLiteral("Tenin-2026-04"));
        child<QLineEdit>(d, "exportPasswordAgain")->setText(QStringLiteral("Tenin-2026-04"));
        child<QPushButton>(d, "exportGo")->click();
        QTRY_VERIFY_WITH_TIMEOUT(d->message().startsWith(QStringLiteral("Not exported")), 30000);
        QVERIFY2(d->message().contains(QStringLiteral("medium is full")) && d->message().contains(QStringLiteral("KB are free")),
                 qPrintable(d->message()));
        QVERIFY(QDir(media).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
        const QList<AuditEntry> entries = exportEntries(before);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1).outcome, QStringLiteral("failed"));
        QCOMPARE(entries.at(1).object, entries.at(0).object);
        QVERIFY(entries.at(1).detail.value(QStringLiteral("reason")).toString().contains(QStringLiteral("full")));
        QVERIFY(d->message().contains(entries.at(0).object));
    }

    // docs/screenshots/export-dialog.png and export-pdf-page.png (the first page of a PDF, as pdftoppm draws it):
    // WARD_SCREENSHOT_DIR=docs/screenshots ctest -R test_export_dialog
    void screenshots()
    {
        const QByteArray shots = qgetenv("WARD_SCREENSHOT_DIR");
        if (shots.isEmpty())
            QSKIP("WARD_SCREENSHOT_DIR not set");
        Appearance::instance()->apply(Theme());
        Language::install(*qApp, QStringLiteral("ja"));
        const QDir dir(QString::fromLocal8Bit(shots));
        PatientChart* chart = chartAs(kDoctor, folderAndMedia());
        ExportDialog* d = openDialog(chart);
        QVERIFY(d);
        fill(d, QStringLiteral("temperature-sheet"), QStringLiteral("referral"), QStringLiteral("中央病院 山田先生への紹介状に添付"),
             QStringLiteral("folder"));
        child<QDateEdit>(d, "exportFrom")->setDate(QDate(2026, 3, 20));
        child<QDateEdit>(d, "exportTo")->setDate(QDate(2026, 4, 10));
        d->resize(760, d->sizeHint().height());
        QTest::qWait(200);
        QVERIFY(d->grab().save(dir.filePath(QStringLiteral("export-dialog.png"))));
        const QString path = child<QLineEdit>(d, "exportPath")->text();
        child<QPushButton>(d, "exportGo")->click();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path) && !d->lastLedger().isEmpty() && d->message().contains(d->lastLedger()), 20000);
        int exitCode = -1;
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("70"), QStringLiteral("-f"), QStringLiteral("1"),
                                         QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-singlefile"), path,
                                         dir.filePath(QStringLiteral("export-pdf-page"))},
            &exitCode);
        QCOMPARE(exitCode, 0);
        Language::install(*qApp, QStringLiteral("en"));
    }

    void whoMayExportWhat()
    {
        // A nurse may print the temperature sheet but not the doctors' notes; a clerk has no button at all.
        PatientChart* chart = chartAs(kNurse, folderAndMedia());
        ExportDialog* d = openDialog(chart);
        QVERIFY(d);
        auto* kinds = child<QComboBox>(d, "exportKind");
        QVERIFY(kinds->findData(QStringLiteral("temperature-sheet")) >= 0);
        QVERIFY(kinds->findData(QStringLiteral("notes")) < 0);
        QVERIFY(kinds->findData(QStringLiteral("fhir-bundle")) < 0);
        // Removable media only where the policy allows it.
        chart = chartAs(kDoctor, {{QStringLiteral("destinations"), QJsonArray{QStringLiteral("printer")}}});
        d = openDialog(chart);
        QVERIFY(child<QComboBox>(d, "exportDestination")->findData(QStringLiteral("media")) < 0);
        chart = chartAs(kClerk, folderAndMedia());
        QVERIFY(chart);
        QVERIFY(!child<QPushButton>(chart, "exportButton"));
    }
};

QTEST_MAIN(TestExportDialog)
#include "TestExportDialog.moc"
