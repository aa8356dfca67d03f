// The auditor's workspace (issue 14) driven through its real widgets, offscreen, against wardhub as a real process:
// a terminal's audit chain shipped to the hub, then searched, reported, paged, break-the-glass reviewed with a
// comment, exported as CSV (UTF-8 with BOM) and printed to PDF, each export and review in the hub's audit chain.

#include "AuditChainBuilder.h"
#include "HubProcess.h"
#include "ReceptionTestKit.h"

#include "audit/AuditEntry.h"
#include "crypto/KeyPair.h"
#include "sync/HubClient.h"
#include "ui/audit/AuditResults.h"
#include "ui/audit/AuditSearchPanel.h"
#include "ui/audit/AuditorWorkspace.h"
#include "ui/audit/BreakGlassQueue.h"
#include "ui/Language.h"
#include "ui/theme/Appearance.h"
#include "ui/theme/StatusBadge.h"
#include "ui/theme/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ward;

class TestAuditorWorkspace : public QObject
{
    Q_OBJECT

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<HubClient> m_client;
    QString m_terminalId;
    QString m_clerkToken;
    QString m_auditorToken;
    AuditChainBuilder m_chain;
    QTemporaryDir m_files;

    static const QString& auditor() { static const QString id = QStringLiteral("AUDITOR001"); return id; }
    static const QString& patient() { static const QString id = QStringLiteral("P20260042"); return id; }

    void chain(const QString& at, const QString& user, const QString& action, const QString& patientId, const QString& outcome,
               const QJsonObject& detail = {})
    {
        m_chain.setTerminal(m_terminalId);
        m_chain.add(QDateTime::fromString(at, Qt::ISODate), user, action, patientId, outcome, detail);
    }

    std::unique_ptr<AuditorWorkspace> open(const QString& token)
    {
        const QString dir = m_files.path();
        auto workspace = std::make_unique<AuditorWorkspace>(*m_client, token, [dir](const QString& name) {
            return ReceptionTestKit::pdfPrinter(name, dir + QStringLiteral("/printed.pdf"));
        });
        workspace->resize(1280, 760);
        workspace->show();
        return workspace;
    }

    static bool runSearch(AuditSearchPanel* panel, QPushButton* button = nullptr)
    {
        QSignalSpy searched(panel, &AuditSearchPanel::searched);
        QTest::mouseClick(button ? button : panel->findChild<QPushButton*>(QStringLiteral("auditSearchButton")), Qt::LeftButton);
        return (searched.wait(20000) || !searched.isEmpty()) && searched.last().at(0).toBool();
    }

    static QStringList column(QTableWidget* table, int column)
    {
        QStringList out;
        for (int r = 0; r < table->rowCount(); ++r)
            out << (table->item(r, column) ? table->item(r, column)->text() : QString());
        return out;
    }

private slots:
    void initTestCase()
    {
        Appearance::instance()->apply(Theme());
        QVERIFY(m_files.isValid());
        m_hub = std::make_unique<HubProcess>(QStringLiteral("auditor_workspace"));
        QVERIFY(ReceptionTestKit::startHubWithClerk(*m_hub, QStringLiteral("RECEPTION1"), &m_client, &m_clerkToken, &m_terminalId));
        const QString temporary = m_hub->addStaff(auditor(), QStringLiteral("監査 花子"), QStringLiteral("auditor"), QStringLiteral("W3"), true);
        QVERIFY(!temporary.isEmpty());
        QVERIFY(!m_hub->addStaff(QStringLiteral("NURSE00001"), QStringLiteral("看護 太郎"), QStringLiteral("nurse"), QStringLiteral("W3")).isEmpty());
        const auto card = ReceptionTestKit::bindCardKey(*m_hub, auditor());
        QVERIFY(card);
        m_auditorToken = ReceptionTestKit::firstLogin(*m_client, auditor(), *card, temporary, QStringLiteral("Kansa-Hanako1!"));
        QVERIFY(!m_auditorToken.isEmpty());

        // The terminal's day, as its chain ships it: the patient viewed, a break-the-glass into W5 at night, a login
        // without card, and 105 session entries of one nurse (more than a page).
        const QString nurse = QStringLiteral("NURSE00001");
        chain(QStringLiteral("2026-11-02T09:05:00+09:00"), nurse, QStringLiteral("patient.view"), patient(), QStringLiteral("success"));
        chain(QStringLiteral("2026-11-02T23:30:00+09:00"), nurse, QStringLiteral("patient.break-glass"), patient(), QStringLiteral("success"),
              {{QStringLiteral("reason"), QStringLiteral("急変対応のため")}, {QStringLiteral("compartment"), QStringLiteral("W5")}});
        chain(QStringLiteral("2026-11-03T07:00:00+09:00"), QStringLiteral("DOCTOR0001"), QStringLiteral("login.fallback"), {},
              QStringLiteral("success"));
        for (int i = 0; i < 105; ++i)
            chain(QDateTime::fromString(QStringLiteral("2026-11-04T08:00:00+09:00"), Qt::ISODate).addSecs(60 * i).toString(Qt::ISODate),
                  QStringLiteral("NURSE00002"), QStringLiteral("session.lock"), {}, QStringLiteral("success"));
        QJsonArray entries;
        for (const AuditEntry& e : m_chain)
            entries.append(e.toJson());
        const HubReply shipped = ReceptionTestKit::wait([&](HubClient::Callback done) {
            m_client->postJson(QStringLiteral("/api/v1/terminal/audit"), {{QStringLiteral("entries"), entries}}, done);
        });
        QVERIFY2(shipped.ok(), qPrintable(shipped.error.message()));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        if (m_hub)
            m_hub->stop();
    }

    // docs/screenshots/audit-search.png, audit-patient-report.png, audit-btg-queue.png:
    // WARD_SCREENSHOT_DIR=docs/screenshots ctest -R test_auditor_workspace (first, while the queue still waits).
    void screenshots()
    {
        const QByteArray shots = qgetenv("WARD_SCREENSHOT_DIR");
        if (shots.isEmpty())
            QSKIP("WARD_SCREENSHOT_DIR not set");
        Language::install(*qApp, QStringLiteral("ja"));
        const QDir dir(QString::fromLocal8Bit(shots));
        auto workspace = open(m_auditorToken);
        workspace->resize(1366, 600);
        AuditSearchPanel* panel = workspace->search();
        panel->periodBox()->setChecked(true);
        panel->fromDate()->setDate(QDate(2026, 11, 2));
        panel->toDate()->setDate(QDate(2026, 11, 3));
        QVERIFY(runSearch(panel));
        QTest::qWait(300);
        QVERIFY(workspace->grab().save(dir.filePath(QStringLiteral("audit-search.png"))));
        panel->periodBox()->setChecked(false);
        panel->chooseReport(QStringLiteral("patient"));
        ReceptionTestKit::type(panel->patientField(), patient());
        QVERIFY(runSearch(panel));
        QTest::qWait(300);
        QVERIFY(workspace->grab().save(dir.filePath(QStringLiteral("audit-patient-report.png"))));
        workspace->tabs()->setCurrentWidget(workspace->breakGlass());
        QTRY_COMPARE_WITH_TIMEOUT(workspace->breakGlass()->table()->rowCount(), 1, 20000);
        workspace->breakGlass()->table()->selectRow(0);
        ReceptionTestKit::type(workspace->breakGlass()->commentField(), QStringLiteral("主治医の指示による急変対応。妥当。"));
        QTest::qWait(300);
        QVERIFY(workspace->grab().save(dir.filePath(QStringLiteral("audit-btg-queue.png"))));
    }

    // The disclosure request: the patient's ID typed, who accessed the chart listed with the stated reason.
    // Proves: AUD-1, AUD-4, CL-10
    void aPatientsAccessesAreListed()
    {
        auto workspace = open(m_auditorToken);
        QCOMPARE(workspace->tabs()->count(), 2);
        AuditSearchPanel* panel = workspace->search();
        panel->chooseReport(QStringLiteral("patient"));
        // The report needs the patient: said on the form, nothing asked of the hub.
        QVERIFY(!runSearch(panel));
        QCOMPARE(panel->message()->text(), AuditSearchPanel::tr("Enter the patient's ID for the disclosure report."));
        ReceptionTestKit::type(panel->patientField(), patient());
        QVERIFY(runSearch(panel));
        QCOMPARE(panel->table()->rowCount(), 2);
        QCOMPARE(column(panel->table(), 3), QStringList(2, patient()));
        QCOMPARE(column(panel->table(), 2), (QStringList{AuditResults::tr("Break-the-glass access"), AuditResults::tr("Chart viewed")}));
        QCOMPARE(panel->table()->item(0, 8)->text(), QStringLiteral("急変対応のため"));
        QCOMPARE(panel->table()->item(0, 6)->text(), AuditResults::tr("%1 (patient: %2)").arg(QStringLiteral("W3"), QStringLiteral("W5")));

        // Outside the user's wards and after hours.
        panel->chooseReport(QStringLiteral("outside"));
        panel->patientField()->clear();
        QVERIFY(runSearch(panel));
        QCOMPARE(panel->table()->rowCount(), 1);
        QCOMPARE(panel->table()->item(0, 8)->text(),
                 AuditResults::tr("outside the user's wards (%1)").arg(QStringLiteral("W5")) + QStringLiteral("; ") + AuditResults::tr("after hours"));
        // Logins without card.
        panel->chooseReport(QStringLiteral("fallback"));
        QVERIFY(runSearch(panel));
        QCOMPARE(column(panel->table(), 1), QStringList{QStringLiteral("DOCTOR0001")});
        QCOMPARE(panel->table()->item(0, 2)->text(), AuditResults::tr("Login without card"));
    }

    // A search by staff ID and event type, paged a hundred at a time.
    void searchResultsArePaged()
    {
        auto workspace = open(m_auditorToken);
        AuditSearchPanel* panel = workspace->search();
        ReceptionTestKit::type(panel->userField(), QStringLiteral("NURSE00002"));
        panel->actionChoice()->setCurrentIndex(panel->actionChoice()->findData(QStringLiteral("session")));
        QVERIFY(runSearch(panel));
        QCOMPARE(panel->table()->rowCount(), 100);
        QCOMPARE(panel->pageLabel()->text(), AuditSearchPanel::tr("Entries %1–%2").arg(1).arg(100));
        auto* older = panel->findChild<QPushButton*>(QStringLiteral("auditNext"));
        QVERIFY(older->isEnabled());
        QVERIFY(runSearch(panel, older));
        QCOMPARE(panel->table()->rowCount(), 5);
        QCOMPARE(panel->pageLabel()->text(), AuditSearchPanel::tr("Entries %1–%2").arg(101).arg(105));
        QVERIFY(!older->isEnabled());
        // The oldest entry last.
        QCOMPARE(panel->table()->item(4, 0)->text(), AuditResults::timeText(QStringLiteral("2026-11-03T23:00:00.000Z")));
        // A period that holds none of them.
        panel->periodBox()->setChecked(true);
        panel->fromDate()->setDate(QDate(2025, 1, 1));
        panel->toDate()->setDate(QDate(2025, 12, 31));
        QVERIFY(runSearch(panel));
        QCOMPARE(panel->table()->rowCount(), 0);
        QCOMPARE(panel->pageLabel()->text(), AuditSearchPanel::tr("Nothing found."));
    }

    // AC-3: the queue shows the stated reason; the comment and 確認済み mark it at the hub, audited; it leaves the queue.
    // Proves: AC-3
    void breakGlassIsReviewedWithAComment()
    {
        auto workspace = open(m_auditorToken);
        BreakGlassQueue* queue = workspace->breakGlass();
        QSignalSpy refreshed(queue, &BreakGlassQueue::refreshed);
        QVERIFY(refreshed.wait(20000) || !refreshed.isEmpty());
        QCOMPARE(queue->table()->rowCount(), 1);
        QCOMPARE(queue->table()->item(0, 5)->text(), QStringLiteral("急変対応のため"));
        QCOMPARE(queue->table()->item(0, 6)->text(), AuditResults::tr("Not reviewed"));
        QVERIFY(!queue->reviewedButton()->isEnabled());
        queue->table()->selectRow(0);
        QVERIFY(!queue->reviewedButton()->isEnabled()); // no comment yet
        const QString comment = QStringLiteral("主治医の指示による急変対応。妥当。");
        ReceptionTestKit::type(queue->commentField(), comment);
        QVERIFY(queue->reviewedButton()->isEnabled());
        QSignalSpy done(queue, &BreakGlassQueue::reviewDone);
        refreshed.clear();
        QTest::mouseClick(queue->reviewedButton(), Qt::LeftButton);
        QVERIFY(done.wait(20000) || !done.isEmpty());
        QVERIFY(done.last().at(0).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(queue->table()->rowCount(), 0, 20000);
        const QList<QJsonObject> audited = m_hub->auditEntries(QStringLiteral("audit.break-glass.review"));
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.at(0).value(QStringLiteral("actor")).toString(), auditor());
        QCOMPARE(audited.at(0).value(QStringLiteral("comment")).toString(), comment);
        // Reviewed entries on request, with who, when and the comment.
        refreshed.clear();
        queue->showReviewed()->setChecked(true);
        QVERIFY(refreshed.wait(20000) || !refreshed.isEmpty());
        QCOMPARE(queue->table()->rowCount(), 1);
        QVERIFY(queue->table()->item(0, 6)->text().contains(comment));
        QVERIFY(queue->table()->item(0, 6)->text().contains(auditor()));
    }

    // The whole result as CSV (BOM, the headers in the reader's language) and on paper; both on the hub's record.
    void exportAndPrintAreAudited()
    {
        auto workspace = open(m_auditorToken);
        AuditSearchPanel* panel = workspace->search();
        panel->chooseReport(QStringLiteral("patient"));
        ReceptionTestKit::type(panel->patientField(), patient());
        QVERIFY(runSearch(panel));
        const int before = m_hub->auditEntries(QStringLiteral("audit.export")).size();
        const QString path = m_files.path() + QStringLiteral("/patient.csv");
        QSignalSpy exported(panel, &AuditSearchPanel::exported);
        panel->exportTo(path);
        QVERIFY(exported.wait(20000) || !exported.isEmpty());
        QVERIFY(exported.last().at(0).toBool());
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).section(QLatin1Char(','), 0, 0), AuditResults::tr("Time"));
        QVERIFY(lines.at(1).contains(patient()) && lines.at(1).contains(QStringLiteral("急変対応のため")));
        QList<QJsonObject> audited = m_hub->auditEntries(QStringLiteral("audit.export"));
        QCOMPARE(audited.size(), before + 1);
        QCOMPARE(audited.last().value(QStringLiteral("patientId")).toString(), patient());
        QCOMPARE(audited.last().value(QStringLiteral("rows")).toInt(), 2);

        QSignalSpy printed(panel, &AuditSearchPanel::printed);
        QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("auditPrint")), Qt::LeftButton);
        QVERIFY(printed.wait(20000) || !printed.isEmpty());
        QVERIFY(printed.last().at(0).toBool());
        const QString pdf = m_files.path() + QStringLiteral("/printed.pdf");
        QVERIFY(QFile(pdf).size() > 1000);
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            const QString text = ReceptionTestKit::pdfText(pdf);
            QVERIFY2(text.contains(patient()), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("NURSE00001")), qPrintable(text));
        }
        QCOMPARE(m_hub->auditEntries(QStringLiteral("audit.export")).size(), before + 2);
    }

    // A session whose roles do not hold audit.read (a reception clerk's) gets the hub's refusal in words, no rows.
    void aClerkGetsNoEntries()
    {
        auto workspace = open(m_clerkToken);
        AuditSearchPanel* panel = workspace->search();
        QVERIFY(!runSearch(panel));
        QCOMPARE(panel->table()->rowCount(), 0);
        QVERIFY(panel->message()->isVisible());
        QCOMPARE(panel->message()->tone(), StatusTone::Danger);
    }
};

QTEST_MAIN(TestAuditorWorkspace)
#include "TestAuditorWorkspace.moc"
