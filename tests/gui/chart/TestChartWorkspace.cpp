#include "unit/chart/ChartTestSupport.h"

#include "ui/chart/BreakGlassPanel.h"
#include "ui/chart/ChartWorkspace.h"
#include "ui/chart/DraftEditor.h"
#include "ui/chart/PatientChart.h"
#include "ui/chart/RecordDetail.h"
#include "ui/chart/VersionHistory.h"
#include "ui/chart/VitalSignsChart.h"
#include "ui/chart/WardView.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QInputMethodEvent>
#include <QLabel>
#include "records/RecordCodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QtTest>

using namespace ward;
using namespace ward::test;

namespace {

const QString kDoctor = QStringLiteral("D000000001");
const QString kNurse = QStringLiteral("N000000001");
const QString kClerk = QStringLiteral("C000000001");
const QString kPharmacist = QStringLiteral("F000000001");

void clickRow(QTableWidget* table, int row)
{
    QVERIFY(table->item(row, 0));
    const QRect rect = table->visualItemRect(table->item(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

// Japanese text arrives the way an IME delivers it: a committed string per conversion
// (QTest::keyClicks only knows ASCII keys).
void typeJapanese(QWidget* target, const QString& text)
{
    target->setFocus();
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(target, &event);
}

template <typename T>
T* child(QWidget* root, const char* name)
{
    return root->findChild<T*>(QLatin1String(name));
}

} // namespace

class TestChartWorkspace : public QObject
{
    Q_OBJECT

    std::unique_ptr<ChartFixture> m_f;
    std::unique_ptr<ChartWorkspace> m_ws;

    ChartWorkspace* workspace(const QString& userId)
    {
        m_ws.reset();
        std::optional<SigningIdentity> signer;
        if (m_f->policy.roles().contains(DemoWard::staffMember(userId).roles.value(0))
            && DemoWard::staffMember(userId).roles.value(0) != QLatin1String("pharmacist"))
            signer = m_f->identity(userId);
        m_ws = std::make_unique<ChartWorkspace>(m_f->session(userId), *m_f->vault, m_f->policy, signer,
                                                QList<Certificate>{m_f->ca->certificate()});
        m_ws->resize(1400, 900);
        m_ws->show();
        return m_ws.get();
    }

    PatientChart* openFirstW3Patient(ChartWorkspace* ws)
    {
        const Patient p = m_f->patientIn("W3");
        ws->openPatient(p.patientId);
        return ws->chart();
    }

private slots:
    void init() { m_f = std::make_unique<ChartFixture>(); }
    void cleanup()
    {
        m_ws.reset();
        m_f.reset();
    }

    void searchByKanaFindsThePatient()
    {
        ChartWorkspace* ws = workspace(kNurse);
        auto* search = child<QLineEdit>(ws, "patientSearch");
        QVERIFY(search);
        // Katakana typed, hiragana stored: folding makes them meet.
        const Patient sato = m_f->demo.patients.first();
        QString katakana;
        for (const QChar c : sato.kana)
            katakana += c.unicode() >= 0x3041 && c.unicode() <= 0x3096 ? QChar(c.unicode() + 0x60) : c;
        typeJapanese(search, katakana);
        QTRY_COMPARE(ws->wardView()->rowCount(), 1);
        QCOMPARE(ws->wardView()->patientIdAt(0), sato.patientId);
        clickRow(child<QTableWidget>(ws, "census"), 0);
        QTRY_VERIFY(ws->chart());
        QCOMPARE(ws->chart()->patient().patientId, sato.patientId);
        QVERIFY(child<QLabel>(ws->chart(), "chartHeader")->text().contains(sato.name));
        QVERIFY(!m_f->audit("patient.view").isEmpty());
        QCOMPARE(m_f->audit("patient.view").last().patient, sato.patientId);
    }

    void chartOpensWithVitalSeriesPopulated()
    {
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = openFirstW3Patient(ws);
        QVERIFY(chart);
        chart->setView("vitals");
        QCOMPARE(chart->currentView(), QStringLiteral("vitals"));
        int measured = 0;  // three rounds a day over the demo's three weeks
        for (const RecordVersion& r : m_f->vault->records().forPatient(m_f->patientIn("W3").patientId, 100000))
            measured += r.type == QLatin1String("vital-signs");
        QVERIFY(measured >= 60);
        for (const char* series : {"temperature", "pulse", "systolic", "diastolic", "spo2"})
            QCOMPARE(chart->vitalsChart()->pointCount(QLatin1String(series)), measured);
        // Every timeline badge gets computed in idle slices, all valid for the demo data.
        QTRY_COMPARE(chart->pendingSignatureChecks(), 0);
        QTableWidget* tl = chart->timeline();
        QVERIFY(tl->rowCount() > 30);
        for (int row = 0; row < tl->rowCount(); ++row)
            QCOMPARE(tl->item(row, 6)->data(Qt::UserRole).toString(), QStringLiteral("not-timestamped"));
        // Labs: one row per test (three panels of seven tests), abnormal flags shown.
        auto* labs = child<QTableWidget>(chart, "labs");
        QCOMPARE(labs->rowCount(), 7);
        int flagged = 0;
        for (int row = 0; row < labs->rowCount(); ++row)
            flagged += labs->item(row, 4)->data(Qt::UserRole).toString().isEmpty() ? 0 : 1;
        QVERIFY(flagged > 0);  // the demo CRP is above its reference range

        // Timeline filters: by type, then by date.
        const int all = tl->rowCount();
        auto* type = child<QComboBox>(chart, "typeFilter");
        type->setCurrentIndex(type->findData(QStringLiteral("lab-result")));
        QCOMPARE(tl->rowCount(), 21);
        auto* from = child<QDateEdit>(chart, "fromDate");
        from->setDate(m_f->clock->nowUtc().toLocalTime().date().addDays(-10));
        QCOMPARE(tl->rowCount(), 7);  // the last weekly panel
        type->setCurrentIndex(0);
        from->setDate(m_f->clock->nowUtc().toLocalTime().date().addYears(-1));
        QCOMPARE(tl->rowCount(), all);
    }

    // Proves: SES-4
    void writeAutosaveLockRestoreConfirm()
    {
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = openFirstW3Patient(ws);
        QTest::mouseClick(child<QPushButton>(chart, "newNursingNote"), Qt::LeftButton);
        QTRY_VERIFY(chart->editor());
        DraftEditor* editor = chart->editor();
        const QString draftId = editor->draftId();
        auto* format = child<QComboBox>(editor, "noteFormat");
        format->setCurrentIndex(1);  // free text
        auto* text = child<QPlainTextEdit>(editor, "noteText");
        text->setFocus();
        typeJapanese(text, QStringLiteral("夜間不眠の訴えあり。"));
        QTRY_VERIFY(editor->autosaveCount() >= 1);
        const auto saved = ws->service().loadDraft(draftId);
        QVERIFY(saved);
        QVERIFY(QString::fromUtf8(saved->body).contains(QStringLiteral("夜間不眠の訴えあり。")));

        // The lock: the shell asks for drafts and state, then deletes the workspace.
        typeJapanese(text, QStringLiteral("眠剤希望。"));  // typed after the last autosave
        ws->saveDrafts();
        const WorkspaceState state = ws->state();
        QCOMPARE(state.openDraftId, draftId);
        QCOMPARE(state.patientId, m_f->patientIn("W3").patientId);
        QCOMPARE(state.view, QStringLiteral("editor"));
        m_ws.reset();
        // SES-3: nothing that showed the chart survives the workspace.
        for (QWidget* w : QApplication::allWidgets())
            QVERIFY(!qobject_cast<PatientChart*>(w) && !qobject_cast<DraftEditor*>(w));

        // Unlock: a fresh workspace restores the same chart and draft.
        ws = workspace(kNurse);
        ws->restore(state);
        QTRY_VERIFY(ws->chart());
        QTRY_VERIFY(ws->chart()->editor());
        editor = ws->chart()->editor();
        QCOMPARE(editor->draftId(), draftId);
        QCOMPARE(child<QPlainTextEdit>(editor, "noteText")->toPlainText(),
                 QStringLiteral("夜間不眠の訴えあり。眠剤希望。"));

        const qint64 before = m_f->vault->records().count();
        auto* confirm = child<QPushButton>(editor, "confirmButton");
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_COMPARE(m_f->vault->records().count(), before + 1);
        RecordDetail* detail = ws->chart()->detail();
        QTRY_VERIFY(!detail->recordId().isEmpty());
        const RecordVersion r = detail->record();
        QCOMPARE(r.author, kNurse);
        QVERIFY(QString::fromUtf8(r.body).contains(QStringLiteral("眠剤希望。")));
        QCOMPARE(child<QLabel>(detail, "signatureBadge")->property("state").toString(),
                 QStringLiteral("not-timestamped"));
        QCOMPARE(child<QLabel>(detail, "syncState")->property("state").toString(), QStringLiteral("queued"));
        QCOMPARE(ws->service().outbox().pending().last().recordId, r.recordId);
        QVERIFY(!ws->service().loadDraft(draftId));
    }

    // Proves: DATA-3
    void correctionCreatesVersionTwoWithDiff()
    {
        ChartWorkspace* ws = workspace(kDoctor);
        PatientChart* chart = openFirstW3Patient(ws);
        QTest::mouseClick(child<QPushButton>(chart, "newProgressNote"), Qt::LeftButton);
        QTRY_VERIFY(chart->editor());
        typeJapanese(child<QPlainTextEdit>(chart->editor(), "soapS"), QStringLiteral("腹痛軽減"));
        typeJapanese(child<QPlainTextEdit>(chart->editor(), "soapP"), QStringLiteral("食事開始"));
        QTest::mouseClick(child<QPushButton>(chart->editor(), "confirmButton"), Qt::LeftButton);
        QTRY_VERIFY(!chart->detail()->recordId().isEmpty());
        const QString recordId = chart->detail()->recordId();
        QCOMPARE(chart->detail()->record().version, 1);

        auto* correct = child<QPushButton>(chart->detail(), "correctButton");
        QVERIFY(correct->isVisible());
        QTest::mouseClick(correct, Qt::LeftButton);
        QTRY_VERIFY(chart->editor());
        auto* plan = child<QPlainTextEdit>(chart->editor(), "soapP");
        QCOMPARE(plan->toPlainText(), QStringLiteral("食事開始"));
        plan->selectAll();
        typeJapanese(plan, QStringLiteral("絶食継続"));
        QTest::mouseClick(child<QPushButton>(chart->editor(), "confirmButton"), Qt::LeftButton);
        QTRY_COMPARE(chart->detail()->record().version, 2);
        QCOMPARE(chart->detail()->recordId(), recordId);
        const QString diff = chart->detail()->history()->diffText();
        QVERIFY2(diff.contains(QStringLiteral("食事開始")) && diff.contains(QStringLiteral("絶食継続")), qPrintable(diff));
        const auto v2 = m_f->vault->records().find(recordId, 2);
        QCOMPARE(v2->prevHash, m_f->vault->records().find(recordId, 1)->versionHash());
        QCOMPARE(m_f->audit("record.correct").size(), 1);
    }

    // Proves: AC-5
    void proxyEntryPendingThenApprovedByTheDoctor()
    {
        ChartWorkspace* ws = workspace(kClerk);
        PatientChart* chart = openFirstW3Patient(ws);
        QTest::mouseClick(child<QPushButton>(chart, "newProgressNote"), Qt::LeftButton);
        QTRY_VERIFY(chart->editor());
        DraftEditor* editor = chart->editor();
        QVERIFY(!child<QPushButton>(editor, "confirmButton"));  // a clerk cannot confirm
        auto* doctor = child<QComboBox>(editor, "proxyDoctor");
        QVERIFY(doctor);
        QCOMPARE(doctor->currentText(), kDoctor);  // the patient's doctor is offered
        typeJapanese(child<QPlainTextEdit>(editor, "soapP"), QStringLiteral("明朝採血（口頭指示）"));
        QTest::mouseClick(child<QPushButton>(editor, "submitProxyButton"), Qt::LeftButton);
        QTRY_VERIFY(!chart->detail()->recordId().isEmpty());
        const QString recordId = chart->detail()->recordId();
        QCOMPARE(chart->detail()->record().status, RecordVersion::Status::PendingApproval);
        QCOMPARE(chart->detail()->record().proxyAuthor, kClerk);
        QVERIFY(!child<QPushButton>(chart->detail(), "approveButton")->isVisible());

        ws = workspace(kDoctor);
        auto* approvals = child<QTableWidget>(ws, "approvalTable");
        QVERIFY(approvals);
        QTRY_COMPARE(approvals->rowCount(), 1);
        clickRow(approvals, 0);
        QTRY_VERIFY(ws->chart());
        QTRY_COMPARE(ws->chart()->detail()->recordId(), recordId);
        auto* approve = child<QPushButton>(ws->chart()->detail(), "approveButton");
        QVERIFY(approve->isVisible());
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_COMPARE(ws->chart()->detail()->record().version, 2);
        const RecordVersion approved = ws->chart()->detail()->record();
        QCOMPARE(approved.status, RecordVersion::Status::Confirmed);
        QCOMPARE(approved.approver, kDoctor);
        QCOMPARE(approved.proxyAuthor, kClerk);
        QCOMPARE(child<QLabel>(ws->chart()->detail(), "signatureBadge")->property("state").toString(),
                 QStringLiteral("not-timestamped"));
        QVERIFY(ws->service().pendingApprovals().isEmpty());
    }

    void roleWithoutPermissionHasNoConfirmButton()
    {
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = openFirstW3Patient(ws);
        // Nurses may enter progress notes only by proxy: the editor offers no Confirm.
        QTest::mouseClick(child<QPushButton>(chart, "newProgressNote"), Qt::LeftButton);
        QTRY_VERIFY(chart->editor());
        QVERIFY(!child<QPushButton>(chart->editor(), "confirmButton"));
        QVERIFY(child<QPushButton>(chart->editor(), "submitProxyButton"));
        // And the API refuses even if a widget tried.
        typeJapanese(child<QPlainTextEdit>(chart->editor(), "soapS"), QStringLiteral("テスト"));
        chart->saveDrafts();
        const QString draftId = chart->editor()->draftId();
        try {
            ws->service().confirm(draftId);
            QFAIL("the API confirmed for a role without permission");
        } catch (const ChartError& e) {
            QCOMPARE(e.code(), ChartError::Code::Denied);
        }

        // A pharmacist gets no entry buttons at all, and no correct button on a record.
        ws = workspace(kPharmacist);
        chart = openFirstW3Patient(ws);
        QVERIFY(chart);
        QVERIFY(!child<QPushButton>(chart, "newProgressNote"));
        QVERIFY(!child<QPushButton>(chart, "newVitals"));
        clickRow(chart->timeline(), 0);
        QTRY_VERIFY(!chart->detail()->recordId().isEmpty());
        QVERIFY(!child<QPushButton>(chart->detail(), "correctButton")->isVisible());
    }

    // Proves: AC-3
    void outOfCompartmentAsksForAReasonAndIsAudited()
    {
        ChartWorkspace* ws = workspace(kNurse);  // W3 only
        const Patient other = m_f->patientIn("W4");
        QTest::keyClicks(child<QLineEdit>(ws, "patientSearch"), other.patientId);
        QTRY_COMPARE(ws->wardView()->rowCount(), 1);
        clickRow(child<QTableWidget>(ws, "census"), 0);
        QTRY_VERIFY(ws->breakGlassPanel()->isVisible());
        QVERIFY(!ws->chart());
        QVERIFY(m_f->audit("patient.break-glass").isEmpty());
        auto* open = child<QPushButton>(ws, "breakGlassOpen");
        QVERIFY(!open->isEnabled());  // no reason, no access
        typeJapanese(child<QLineEdit>(ws, "breakGlassReason"), QStringLiteral("夜間急変時の応援"));
        QVERIFY(open->isEnabled());
        QTest::mouseClick(open, Qt::LeftButton);
        QTRY_VERIFY(ws->chart());
        QCOMPARE(ws->chart()->patient().patientId, other.patientId);
        const auto entries = m_f->audit("patient.break-glass");
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().patient, other.patientId);
        QCOMPARE(entries.first().user, kNurse);
        QCOMPARE(entries.first().detail.value("reason").toString(), QStringLiteral("夜間急変時の応援"));
        QVERIFY(entries.first().detail.value("review").toBool());
    }

    void alteredRecordShowsInvalidBadge()
    {
        const Patient p = m_f->patientIn("W3");
        RecordVersion target;
        for (const RecordVersion& r : m_f->vault->records().forPatient(p.patientId))
            if (r.type == QLatin1String("nursing-note")) {
                target = r;
                break;
            }
        auto& db = m_f->vault->database();
        db.exec("DROP TRIGGER record_versions_no_update");
        db.exec(QStringLiteral("UPDATE record_versions SET body = CAST('{\"format\":\"text\",\"text\":\"改ざん\"}' AS BLOB) "
                               "WHERE record_id = '%1'")
                    .arg(target.recordId)
                    .toUtf8()
                    .constData());
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = openFirstW3Patient(ws);
        chart->selectRecord(target.recordId);
        QTRY_COMPARE(chart->detail()->recordId(), target.recordId);
        QCOMPARE(child<QLabel>(chart->detail(), "signatureBadge")->property("state").toString(),
                 QStringLiteral("invalid"));
        QCOMPARE(m_f->audit("record.signature-invalid").size(), 1);
        QCOMPARE(m_f->audit("record.signature-invalid").first().object, target.recordId);
    }
    void vitalsEntryValidatesAndPlots()
    {
        ChartWorkspace* ws = workspace(kNurse);
        PatientChart* chart = openFirstW3Patient(ws);
        const int before = chart->vitalsChart()->pointCount("temperature");
        QTest::mouseClick(child<QPushButton>(chart, "newVitals"), Qt::LeftButton);
        QTRY_VERIFY(chart->editor());
        DraftEditor* editor = chart->editor();
        auto* bt = child<QLineEdit>(editor, "temperature");
        auto* sys = child<QLineEdit>(editor, "systolic");
        auto* dia = child<QLineEdit>(editor, "diastolic");
        auto* messages = child<QLabel>(editor, "validationMessages");
        QTest::keyClicks(bt, "47.5");
        QTRY_VERIFY(messages->text().contains("45"));  // out of range, says the range
        QVERIFY(bt->property("invalid").toBool());  // the theme draws it in the danger colour
        QVERIFY(!sys->property("invalid").toBool());
        QTest::keyClicks(sys, "80");
        QTest::keyClicks(dia, "95");
        QTRY_VERIFY(editor->problems().size() == 2);  // BT range, systolic not above diastolic
        const qint64 count = m_f->vault->records().count();
        QTest::mouseClick(child<QPushButton>(editor, "confirmButton"), Qt::LeftButton);
        QCOMPARE(m_f->vault->records().count(), count);  // refused, nothing stored
        QVERIFY(chart->editor());

        bt->clear();
        QTest::keyClicks(bt, "38,2");  // comma decimal accepted
        sys->clear();
        QTest::keyClicks(sys, "132");
        QTRY_VERIFY(editor->problems().isEmpty());
        QTRY_VERIFY(messages->text().isEmpty());
        QTest::mouseClick(child<QPushButton>(editor, "confirmButton"), Qt::LeftButton);
        QTRY_COMPARE(m_f->vault->records().count(), count + 1);
        QTRY_COMPARE(chart->vitalsChart()->pointCount("temperature"), before + 1);
        const RecordVersion r = chart->detail()->record();
        QCOMPARE(r.type, QStringLiteral("vital-signs"));
        const auto content = RecordCodec::decode(r);
        QVERIFY(content && content->vitals());
        QCOMPARE(*content->vitals()->temperature, 38.2);
        QCOMPARE(*content->vitals()->systolic, 132.0);
        QCOMPARE(*content->vitals()->diastolic, 95.0);
    }
};

QTEST_MAIN(TestChartWorkspace)
#include "TestChartWorkspace.moc"
