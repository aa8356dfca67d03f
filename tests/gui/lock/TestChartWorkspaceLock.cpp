// The session lock around the real ChartWorkspace on the demo ward: after the lock no patient name, kana
// or record text of the ward is left anywhere in the object tree, and unlock reopens the same patient with
// the note being typed.

#include "PatientDataSearch.h"
#include "session/LockController.h"
#include "session/OfflineAccountCache.h"
#include "session/OfflineLoginBackend.h"
#include "session/Reauthenticator.h"
#include "ui/LockScreen.h"
#include "ui/LockWatchdog.h"
#include "ui/SessionShell.h"
#include "ui/chart/ChartWorkspace.h"
#include "ui/chart/DraftEditor.h"
#include "ui/chart/PatientChart.h"
#include "unit/chart/ChartTestSupport.h"

#include <QInputMethodEvent>
#include "records/RecordCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QtTest>

using namespace ward;

namespace {

const QString kNurse = QStringLiteral("N000000001");
const QString kNote = QStringLiteral("21時 体位変換実施 疼痛訴えなし 家族へ連絡済み");

} // namespace

class TestChartWorkspaceLock : public QObject
{
    Q_OBJECT

private slots:
    // Proves: SES-3
    void lockDestroysTheRealChartAndUnlockRestoresIt()
    {
        test::ChartFixture fx(4);
        QMainWindow window;
        auto* controller = new LockController(&window);
        test::ChartFixture* f = &fx;
        auto* shell = new SessionShell(
            controller,
            [f](const UserSession& s) {
                return new ChartWorkspace(s, *f->vault, f->policy, std::nullopt, {f->ca->certificate()});
            },
            &window);
        // The lock screen decides like an offline login on the fixture's vault (the nurse's slot, her cached
        // account state).
        OfflineAccountCache cache(OfflineAccountCache::pathFor(fx.dir.path()));
        OfflineAccountCache::Account account;
        account.state.createdAt = fx.clock->nowUtc().addDays(-30);
        account.state.passwordChangedAt = fx.clock->nowUtc().addDays(-1);
        cache.accounts.insert(kNurse, account);
        QVERIFY(cache.save(nullptr, fx.vault->key()));
        OfflineLoginBackend backend(fx.dir.path(), QStringLiteral("T-W3-01"));
        Reauthenticator reauth(nullptr, &backend);
        shell->setReauthenticator(&reauth);
        // The fixture's slot is bound to the password alone: the presented card adds nothing to it.
        shell->setCardKeySource([](const QString&, const CardIdentity&) { return CardKeyAgreement(); });
        window.setCentralWidget(shell);
        window.resize(1200, 800);
        window.show();

        shell->startSession(fx.session(kNurse), QStringLiteral("Reader"));
        auto* ws = qobject_cast<ChartWorkspace*>(shell->workspace());
        QVERIFY(ws);
        const Patient patient = fx.patientIn(QStringLiteral("W3"));
        QVERIFY(!patient.patientId.isEmpty());
        ws->openPatient(patient.patientId);
        QVERIFY(ws->chart());
        ws->chart()->newEntry(QStringLiteral("nursing-note"));
        auto* note = ws->chart()->findChild<QPlainTextEdit*>(QStringLiteral("noteText"));
        QVERIFY(note);
        QInputMethodEvent commit;
        commit.setCommitString(kNote);
        QApplication::sendEvent(note, &commit);
        QCOMPARE(note->toPlainText(), kNote);
        const QString draftId = ws->chart()->openDraftId();
        QVERIFY(!draftId.isEmpty());

        // Needles: every W3/W4 patient's name and kana (the census shows them) and the open patient's record texts.
        QStringList needles{kNote};
        for (const Patient& p : fx.demo.patients)
            needles << p.name << p.kana;
        QStringList texts;
        for (const RecordVersion& r : fx.vault->records().forPatient(patient.patientId)) {
            if (const auto content = RecordCodec::decode(r)) {
                for (const auto& field : RecordCodec::fields(*content)) {
                    // Text a person typed; short values (numbers, codes) would match unrelated widgets.
                    if (field.first != QLatin1String("clinicalTime") && field.second.size() >= 6)
                        texts << field.second;
                }
            }
        }
        texts.removeDuplicates();
        QVERIFY(!texts.isEmpty());
        needles << texts;
        const QStringList before = test::PatientDataSearch(needles).run();
        QVERIFY2(before.size() >= 3, qPrintable(before.join(QLatin1Char('\n'))));

        shell->lockNow();
        QCOMPARE(shell->state(), SessionShell::State::Locked);
        const QStringList after = test::PatientDataSearch(needles).run();
        QVERIFY2(after.isEmpty(), qPrintable(after.join(QLatin1Char('\n'))));
        QCOMPARE(window.windowTitle(), QStringLiteral("WardStation"));
        QVERIFY(LockWatchdog::scan(shell->lockScreen()).isEmpty());
        QTest::qWait(1200);  // a watchdog round on the real chart's leftovers, if any
        QCOMPARE(shell->state(), SessionShell::State::Locked);

        CardIdentity card;
        card.kind = CardIdentity::Kind::Piv;
        card.subjectCommonName = kNurse;
        shell->presentCard(QStringLiteral("Reader"), card);
        QTest::keyClicks(shell->lockScreen()->passwordField(), kNurse + QStringLiteral("#Pass2026"));
        QTest::keyClick(shell->lockScreen()->passwordField(), Qt::Key_Return);
        QTRY_COMPARE(shell->state(), SessionShell::State::Active);
        ws = qobject_cast<ChartWorkspace*>(shell->workspace());
        QVERIFY(ws && ws->chart());
        QCOMPARE(ws->state().patientId, patient.patientId);
        QCOMPARE(ws->chart()->openDraftId(), draftId);
        note = ws->chart()->findChild<QPlainTextEdit*>(QStringLiteral("noteText"));
        QVERIFY(note);
        QCOMPARE(note->toPlainText(), kNote);
    }
};

QTEST_MAIN(TestChartWorkspaceLock)
#include "TestChartWorkspaceLock.moc"
