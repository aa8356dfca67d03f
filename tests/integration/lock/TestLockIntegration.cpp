// The session lock against real cards: pcscd + vpcd + wardvcard, the real ReaderMonitor and
// CardAuthenticator, a real vault whose user slots are bound to each card's key (cardSecret). Pulling the
// card locks (or logs out, per policy); the same card + password brings back the patient and the draft;
// another user's card + password takes over, and the first user's draft stays in the vault for them.

#include "PcscFixture.h"
#include "VirtualCardProcess.h"
#include "card/CardAuthenticator.h"
#include "card/ReaderMonitor.h"
#include "gui/lock/FakeChartWorkspace.h"
#include "gui/lock/PatientDataSearch.h"
#include "session/LockController.h"
#include "ui/ActivityFilter.h"
#include "ui/LockScreen.h"
#include "session/OfflineAccountCache.h"
#include "session/OfflineLoginBackend.h"
#include "session/Reauthenticator.h"
#include "ui/SessionShell.h"
#include "unit/vault/VaultTestSupport.h"
#include "util/Clock.h"
#include "vault/Vault.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QMainWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ward;

namespace {

const QString kReader0 = QStringLiteral("Virtual PCD 00 00");
const QString kTerminal = QStringLiteral("T-W3-02");
const QString kAlice = QStringLiteral("ALICE00001");
const QString kBob = QStringLiteral("BOB0000002");
const QString kPatient = QStringLiteral("P000777");
const QString kName = QStringLiteral("高橋 一郎");
const QString kKana = QStringLiteral("たかはし いちろう");
const QString kRecordText = QStringLiteral("夜間せん妄あり 離床センサー設置");
const QString kDraftText = QStringLiteral("0時 巡視、入眠中");

} // namespace

class TestLockIntegration : public QObject
{
    Q_OBJECT

    PcscFixture m_pcscd;
    QTemporaryDir m_dir;
    QString m_aliceCard;
    QString m_bobCard;
    std::unique_ptr<Vault> m_vault;

    std::unique_ptr<QMainWindow> m_window;
    std::unique_ptr<ReaderMonitor> m_monitor;
    LockController* m_controller = nullptr;
    SessionShell* m_shell = nullptr;
    std::unique_ptr<OfflineLoginBackend> m_backend;
    std::unique_ptr<Reauthenticator> m_reauth;
    QByteArray m_aliceSecret;
    QByteArray m_bobSecret;

    FakeChartWorkspace* chart() const { return qobject_cast<FakeChartWorkspace*>(m_shell->workspace()); }

    QStringList cardArgs(const QString& dir) const { return {QStringLiteral("--card"), dir}; }

    // Alice's or Bob's card in reader 0 while their key slot is written (its KEK needs the card's 9D key
    // agreement); returns the card's key binding (SHA-256 of its 9E key) for the offline cache.
    QByteArray enrolSlot(const QString& dir, const QString& user, const char* password)
    {
        VirtualCardProcess card(cardArgs(dir));
        QString error;
        if (!card.start(&error) || !PcscFixture::waitForCard(kReader0, true, 5000))
            return {};
        const auto r = CardAuthenticator::identifyBlocking(kReader0);
        if (r.ok)
            m_vault->addUserSlot(user, test::pw(password), CardAuthenticator::keyAgreementIn(kReader0), user);
        card.stop();
        PcscFixture::waitForCard(kReader0, false, 10000);
        return r.ok ? r.identity.cardSecret : QByteArray();
    }

    UserSession session(const QString& user)
    {
        UserSession s;
        s.userId = user;
        s.displayName = user;
        s.terminalId = kTerminal;
        s.loginAt = Clock::instance().nowUtc();
        s.vault = m_vault.get();
        return s;
    }

    void buildShell(const LockPolicy& policy)
    {
        m_window = std::make_unique<QMainWindow>();
        m_controller = new LockController(policy, m_window.get());
        m_shell = new SessionShell(
            m_controller, [](const UserSession& s) { return new FakeChartWorkspace(s); }, m_window.get());
        m_window->setCentralWidget(m_shell);
        // The lock screen decides like an offline login: each user's slot, card binding and cached account
        // state (fresh per test, so failures of one test do not throttle the next).
        const QString vaultDir = m_dir.filePath(QStringLiteral("vault"));
        OfflineAccountCache cache(OfflineAccountCache::pathFor(vaultDir));
        for (const QString& user : {kAlice, kBob}) {
            OfflineAccountCache::Account a;
            a.state.createdAt = Clock::instance().nowUtc().addDays(-30);
            a.state.passwordChangedAt = Clock::instance().nowUtc().addDays(-1);
            a.pivKeyHashes << (user == kAlice ? m_aliceSecret : m_bobSecret);
            cache.accounts.insert(user, a);
        }
        QVERIFY(cache.save(nullptr, m_vault->key()));
        m_reauth.reset();
        m_backend = std::make_unique<OfflineLoginBackend>(vaultDir, kTerminal);
        m_reauth = std::make_unique<Reauthenticator>(nullptr, m_backend.get());
        m_shell->setReauthenticator(m_reauth.get());
        m_monitor = std::make_unique<ReaderMonitor>();
        m_monitor->setHeartbeatIntervalMs(200);
        m_shell->attachReaderMonitor(m_monitor.get());
        m_monitor->start();
        m_window->resize(900, 600);
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_monitor->readers().contains(kReader0), 10000);
    }

    // Alice logs in with her card in reader 0 (the login flow is the auth layer's; here the session is handed
    // over as it would be) and starts a note on a patient.
    void aliceStartsWorking(VirtualCardProcess& card)
    {
        QString error;
        QVERIFY2(card.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(m_monitor->presentCards().contains(kReader0), 10000);
        m_shell->startSession(session(kAlice), kReader0);
        QVERIFY(chart());
        chart()->openPatient(kPatient);
        chart()->draftEditor()->setPlainText(kDraftText);
        QVERIFY(!leaks().isEmpty());
    }

    QStringList leaks() { return test::PatientDataSearch({kName, kKana, kRecordText, kDraftText}).run(); }

    void enterPassword(const char* password)
    {
        QLineEdit* pw = m_shell->lockScreen()->passwordField();
        QTest::keyClicks(pw, QString::fromUtf8(password));
        QTest::keyClick(pw, Qt::Key_Return);
    }

    bool draftKeptFor(const QString& user)
    {
        for (const Draft& d : m_vault->drafts().forAuthor(user))
            if (QString::fromUtf8(d.body) == kDraftText && d.patientId == kPatient)
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!VirtualCardProcess::executable().isEmpty(), "WARDVCARD is not set");
        QString error;
        QVERIFY2(m_pcscd.start(&error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        m_aliceCard = m_dir.filePath(QStringLiteral("alice"));
        m_bobCard = m_dir.filePath(QStringLiteral("bob"));
        QVERIFY2(VirtualCardProcess::makeCard(m_aliceCard, kAlice, &error), qPrintable(error));
        QVERIFY2(VirtualCardProcess::makeCard(m_bobCard, kBob, &error), qPrintable(error));
        QVERIFY(PcscFixture::waitForCard(kReader0, false, 5000));

        // Each user's key slot is bound to their card's key: the password alone, or another card, cannot open it.
        const QString vaultDir = m_dir.filePath(QStringLiteral("vault"));
        m_vault = Vault::create(vaultDir, kTerminal, test::fastKdf());
        m_aliceSecret = enrolSlot(m_aliceCard, kAlice, "alice-pass");
        m_bobSecret = enrolSlot(m_bobCard, kBob, "bob-pass");
        QVERIFY(!m_aliceSecret.isEmpty() && !m_bobSecret.isEmpty() && m_aliceSecret != m_bobSecret);
        m_vault->patients().upsert(test::patient(kPatient, kName, kKana));
        m_vault->records().append(test::record(kPatient, kRecordText.toUtf8()));
    }

    void cleanup()
    {
        if (m_monitor)
            m_monitor->stop();
        m_monitor.reset();
        m_window.reset();
        QCOMPARE(FakeChartWorkspace::s_alive.load(), 0);
        QVERIFY(!m_pcscd.isRunning() || PcscFixture::waitForCard(kReader0, false, 5000));
    }

    void cleanupTestCase()
    {
        m_vault.reset();
        QString error;
        QVERIFY2(m_pcscd.stop(&error), qPrintable(error));
    }

    // Proves: SES-2
    void removalLocksAndSameCardWithPasswordRestores()
    {
        buildShell(LockPolicy());
        VirtualCardProcess card(cardArgs(m_aliceCard));
        aliceStartsWorking(card);

        QElapsedTimer t;
        t.start();
        QVERIFY(card.stop());
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->state(), SessionShell::State::Locked, 10000);
        qInfo("card pulled -> locked in %lld ms (includes vpcd/pcscd polling)", t.elapsed());
        const QStringList found = leaks();
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("WardStation"));

        // The password without the card does nothing.
        enterPassword("alice-pass");
        QTest::qWait(200);
        QCOMPARE(m_shell->state(), SessionShell::State::Locked);

        // Re-insert: the real CardAuthenticator runs PIV challenge-response, then the password unlocks.
        VirtualCardProcess again(cardArgs(m_aliceCard));
        QString error;
        QVERIFY2(again.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->hasPresentedCard(), 10000);
        QCOMPARE(m_shell->state(), SessionShell::State::Locked);  // the card alone never unlocks
        enterPassword("wrong-pass");
        QSignalSpy denied(m_shell, &SessionShell::unlockDenied);
        QTRY_COMPARE_WITH_TIMEOUT(denied.count(), 1, 10000);
        QTest::qWait(1100);  // AUTH-5: the non-response delay after a failure applies at the lock screen too
        enterPassword("alice-pass");
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->state(), SessionShell::State::Active, 10000);
        QVERIFY(chart());
        QCOMPARE(chart()->state().patientId, kPatient);
        QCOMPARE(chart()->draftEditor()->toPlainText(), kDraftText);
        QVERIFY(again.stop());
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->state(), SessionShell::State::Locked, 10000);
    }

    // Proves: SES-5
    void anotherUsersCardTakesOver()
    {
        buildShell(LockPolicy());
        VirtualCardProcess card(cardArgs(m_aliceCard));
        aliceStartsWorking(card);
        QVERIFY(card.stop());
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->state(), SessionShell::State::Locked, 10000);

        QSignalSpy takeover(m_shell, &SessionShell::sessionTakenOver);
        VirtualCardProcess bob(cardArgs(m_bobCard));
        QString error;
        QVERIFY2(bob.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->hasPresentedCard(), 10000);
        // Bob's card with Alice's password: nobody's slot opens.
        QSignalSpy denied(m_shell, &SessionShell::unlockDenied);
        enterPassword("alice-pass");
        QTRY_COMPARE_WITH_TIMEOUT(denied.count(), 1, 10000);
        QTest::qWait(1100);  // AUTH-5: Bob's non-response delay after that failure
        enterPassword("bob-pass");
        QTRY_COMPARE_WITH_TIMEOUT(takeover.count(), 1, 10000);
        QCOMPARE(takeover.at(0).at(0).toString(), kAlice);
        QCOMPARE(takeover.at(0).at(1).toString(), kBob);
        QCOMPARE(m_shell->state(), SessionShell::State::Active);
        QCOMPARE(m_shell->session().userId, kBob);
        QVERIFY(chart()->draftEditor()->toPlainText().isEmpty());
        QVERIFY(draftKeptFor(kAlice));
        QVERIFY(!draftKeptFor(kBob));
        // Bob's session follows his card now.
        QVERIFY(bob.stop());
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->state(), SessionShell::State::Locked, 10000);
    }

    void sessionStartedWithoutItsCardLocksAtOnce()
    {
        buildShell(LockPolicy());
        m_shell->startSession(session(kAlice), kReader0);
        QCOMPARE(m_shell->state(), SessionShell::State::Locked);
    }

    void stoppedCardWatcherEndsTheSession()
    {
        // The watcher thread stops answering (here: stopped outright); within the stall threshold the session
        // ends, even with the card still in the reader.
        LockPolicy p;
        p.cardWatcherStallMs = 1000;
        buildShell(p);
        VirtualCardProcess card(cardArgs(m_aliceCard));
        aliceStartsWorking(card);
        m_monitor->stop();
        QElapsedTimer t;
        t.start();
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->state(), SessionShell::State::LoggedOut, 10000);
        qInfo("stalled watcher -> logged out after %lld ms", t.elapsed());
        QVERIFY(t.elapsed() >= 700);  // not before the threshold (less the last heartbeat's age)
        QVERIFY(leaks().isEmpty());
        QVERIFY(draftKeptFor(kAlice));
        QVERIFY(card.stop());
    }

    // Proves: SES-2
    void removalLogsOutWhenPolicySaysSo()
    {
        LockPolicy p;
        p.cardRemoval = LockPolicy::CardRemovalAction::Logout;
        buildShell(p);
        VirtualCardProcess card(cardArgs(m_aliceCard));
        aliceStartsWorking(card);
        QVERIFY(card.stop());
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->state(), SessionShell::State::LoggedOut, 10000);
        const QStringList found = leaks();
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY(draftKeptFor(kAlice));
    }

    // Proves: SES-3
    void pcscdStoppingEndsTheSessionSafely()
    {
        // The card service going away is treated as the card being pulled (fail closed).
        buildShell(LockPolicy());
        VirtualCardProcess card(cardArgs(m_aliceCard));
        aliceStartsWorking(card);
        QString error;
        QVERIFY2(m_pcscd.stop(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->state(), SessionShell::State::Locked, 10000);
        QVERIFY(leaks().isEmpty());
        card.stop();
        m_monitor->stop();
        QVERIFY2(m_pcscd.start(&error), qPrintable(error));
    }
};

QTEST_MAIN(TestLockIntegration)
#include "TestLockIntegration.moc"
