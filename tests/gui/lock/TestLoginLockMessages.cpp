// What the login and lock screens tell the person (issue 18), on the real SessionShell offscreen with a
// ManualClock: the last-login banner (AUTH-9) for a few seconds, failed attempts highlighted, 「これは私ではない」
// turned into a report request, gone while locked; the lock screensaver after the policy's delay with nothing of
// the session in its widget tree, woken by a key, the mouse or a card; F1 help on the login, lock and session
// screens (contact from policy, shortcuts from the window's actions).

#include "FakeChartWorkspace.h"
#include "PatientDataSearch.h"
#include "session/LockController.h"
#include "session/LockPolicy.h"
#include "ui/HelpOverlay.h"
#include "ui/LastLoginBanner.h"
#include "ui/LockScreen.h"
#include "ui/LockScreensaver.h"
#include "ui/SessionShell.h"
#include "unit/vault/VaultTestSupport.h"
#include "util/Clock.h"
#include "vault/Vault.h"

#include <QAction>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace ward;

namespace {
const QString kTerminal = QStringLiteral("T-W3-01");
const QString kAlice = QStringLiteral("ALICE00001");
const QString kAliceName = QStringLiteral("看護師 アリス");
const QString kReader = QStringLiteral("Virtual PCD 00 00");
const QString kPatient = QStringLiteral("P000123");
const QString kName = QStringLiteral("佐藤 花子");
const QString kWard = QStringLiteral("3階東病棟（内科）");
const QString kContact = QStringLiteral("情報システム課 内線2345（夜間は当直師長）");
} // namespace

class TestLoginLockMessages : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Vault> m_vault;
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<QMainWindow> m_window;
    LockController* m_controller = nullptr;
    SessionShell* m_shell = nullptr;
    QAction* m_printAction = nullptr;

    UserSession session(int failures)
    {
        UserSession s;
        s.userId = kAlice;
        s.displayName = kAliceName;
        s.terminalId = kTerminal;
        s.loginAt = m_clock->nowUtc();
        s.vault = m_vault.get();
        s.previousLoginAt = m_clock->nowUtc().addSecs(-3 * 3600);
        s.previousLoginTerminal = QStringLiteral("T-W3-07");
        s.failedAttemptsSincePreviousLogin = failures;
        return s;
    }

    LastLoginBanner* banner() const { return m_shell->lastLoginBanner(); }
    template <typename T>
    T* in(QWidget* root, const char* name) const
    {
        T* w = root->findChild<T*>(QLatin1String(name));
        if (!w)
            qFatal("no %s", name);
        return w;
    }

    // Every piece of text a person could see in the window right now.
    QStringList visibleTexts() const
    {
        QStringList out;
        for (QWidget* w : m_window->findChildren<QWidget*>()) {
            if (!w->isVisible())
                continue;
            if (auto* l = qobject_cast<QLabel*>(w); l && !l->text().isEmpty())
                out << l->text();
            else if (auto* b = qobject_cast<QAbstractButton*>(w); b && !b->text().isEmpty())
                out << b->text();
            else if (auto* e = qobject_cast<QLineEdit*>(w); e && !e->placeholderText().isEmpty())
                out << e->placeholderText();
        }
        return out;
    }

    void lockTheSession(const LockPolicy& policy = LockPolicy())
    {
        m_controller->setPolicy(policy);
        m_shell->startSession(session(0), kReader);
        static_cast<FakeChartWorkspace*>(m_shell->workspace())->openPatient(kPatient);
        m_shell->lockNow();
        QCOMPARE(m_shell->state(), SessionShell::State::Locked);
    }

    void tick(qint64 ms)
    {
        m_clock->advanceMs(ms);
        m_shell->lockScreen()->tick();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clock = std::make_shared<ManualClock>();
        Clock::setInstance(m_clock);
        m_vault = Vault::create(m_dir.path(), kTerminal, test::fastKdf());
        m_vault->patients().upsert(test::patient(kPatient, kName, QStringLiteral("さとう はなこ")));
    }

    void cleanupTestCase()
    {
        m_vault.reset();
        Clock::setInstance(nullptr);
    }

    void init()
    {
        m_window = std::make_unique<QMainWindow>();
        m_controller = new LockController(m_window.get());
        m_shell = new SessionShell(
            m_controller, [](const UserSession& s) { return new FakeChartWorkspace(s); }, m_window.get());
        m_shell->setHelpContactSource([] { return kContact; });
        m_window->setCentralWidget(m_shell);
        m_printAction = new QAction(QStringLiteral("&Print chart…"), m_window.get());
        m_printAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
        m_window->addAction(m_printAction);
        // What the composed terminal keeps in its status bar (sync state): not shown by the screensaver either.
        m_window->statusBar()->addPermanentWidget(new QLabel(QStringLiteral("Hub: online"), m_window->statusBar()));
        m_window->resize(1000, 700);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        QCOMPARE(FakeChartWorkspace::s_alive.load(), 0);
    }

    // AUTH-9
    // Proves: AUTH-9
    void lastLoginBannerForAFewSecondsWithFailuresHighlighted()
    {
        m_shell->startSession(session(3), kReader);
        QVERIFY(banner()->isVisible());
        const QString previous = in<QLabel>(banner(), "previousLoginLabel")->text();
        QVERIFY2(previous.contains(QStringLiteral("T-W3-07")), qPrintable(previous));
        QVERIFY(previous.contains(QLocale().toString(m_clock->nowUtc().addSecs(-3 * 3600).toLocalTime(), QLocale::ShortFormat)));
        auto* failures = in<QLabel>(banner(), "failedAttemptsLabel");
        QVERIFY2(failures->text().contains(QStringLiteral("3 failed")), qPrintable(failures->text()));
        QCOMPARE(failures->property("tone").toString(), QStringLiteral("danger"));
        QVERIFY(in<QPushButton>(banner(), "notMeButton")->isVisible());
        // It does not block work: the workspace is on screen and has the focus it had.
        QVERIFY(m_shell->workspace()->isVisible());

        m_clock->advanceMs(LastLoginBanner::kShowMs - 1);
        banner()->tick();
        QVERIFY(banner()->isVisible());
        m_clock->advanceMs(1);
        banner()->tick();
        QVERIFY(!banner()->isVisible());
        // The session menu shows it again, and then it stays until dismissed.
        QVERIFY(m_shell->lastLoginAction()->isEnabled());
        m_shell->lastLoginAction()->trigger();
        QVERIFY(banner()->isVisible());
        m_clock->advanceMs(10 * 60 * 1000);
        banner()->tick();
        QVERIFY(banner()->isVisible());
        QTest::mouseClick(in<QPushButton>(banner(), "dismissBannerButton"), Qt::LeftButton);
        QVERIFY(!banner()->isVisible());
    }

    void noFailuresIsNotHighlighted()
    {
        UserSession s = session(0);
        s.previousLoginAt = QDateTime();
        m_shell->startSession(s, kReader);
        QVERIFY(in<QLabel>(banner(), "previousLoginLabel")->text().contains(QStringLiteral("first login")));
        auto* failures = in<QLabel>(banner(), "failedAttemptsLabel");
        QVERIFY(failures->text().contains(QStringLiteral("0 failed")));
        QVERIFY(failures->property("tone").toString().isEmpty());
    }

    void notMeBecomesAReportRequest()
    {
        m_shell->startSession(session(2), kReader);
        QSignalSpy requested(m_shell, &SessionShell::loginReportRequested);
        QTest::mouseClick(in<QPushButton>(banner(), "notMeButton"), Qt::LeftButton);
        auto* note = in<QLineEdit>(banner(), "notMeNoteEdit");
        QVERIFY(note->isVisible());
        // Starting a report keeps the banner up past its time.
        m_clock->advanceMs(LastLoginBanner::kShowMs * 2);
        banner()->tick();
        QVERIFY(banner()->isVisible());
        QTest::keyClicks(note, QStringLiteral("I was on leave"));
        QTest::mouseClick(in<QPushButton>(banner(), "sendReportButton"), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        const UserSession reported = requested.first().at(0).value<UserSession>();
        QCOMPARE(reported.userId, kAlice);
        QCOMPARE(reported.failedAttemptsSincePreviousLogin, 2);
        QCOMPARE(reported.previousLoginTerminal, QStringLiteral("T-W3-07"));
        QCOMPARE(requested.first().at(1).toString(), QStringLiteral("I was on leave"));
        QVERIFY(note->text().isEmpty());
        auto* status = in<QLabel>(banner(), "reportStatusLabel");
        QVERIFY(status->isVisible());
        banner()->showReportResult(true, QStringLiteral("recorded for IT"));
        QCOMPARE(status->text(), QStringLiteral("recorded for IT"));
        QVERIFY(banner()->reportDelivered());
        QVERIFY(!in<QPushButton>(banner(), "notMeButton")->isEnabled());
    }

    void bannerIsGoneWhileLockedAndAfterLogout()
    {
        m_shell->startSession(session(1), kReader);
        QVERIFY(banner()->isVisible());
        m_shell->lockNow();
        QVERIFY(!banner()->isVisible());
        QVERIFY(!m_shell->lastLoginAction()->isEnabled());
        for (const QString& text : visibleTexts())
            QVERIFY2(!text.contains(QStringLiteral("T-W3-07")) && !text.contains(QStringLiteral("failed attempt")),
                     qPrintable(text));
        m_shell->logout(LockReason::UserLogout);
        QVERIFY(!banner()->hasSession());
        QVERIFY(test::PatientDataSearch({QStringLiteral("T-W3-07")}).run().isEmpty());
    }

    // The lock screensaver.
    void screensaverAfterThePolicyDelayShowsOnlyClockAndWard()
    {
        m_shell->lockScreen()->setWardName(kWard);
        lockTheSession();
        LockScreen* lock = m_shell->lockScreen();
        QCOMPARE(lock->screensaverDelayMs(), 2 * 60 * 1000);  // the default
        QVERIFY(in<QLabel>(lock, "lockedBy")->text().contains(kAliceName));  // policy shows who locked it
        tick(2 * 60 * 1000 - 1000);
        QVERIFY(!lock->isScreensaverActive());
        tick(1000);
        QVERIFY(lock->isScreensaverActive());
        LockScreensaver* saver = lock->screensaver();
        QVERIFY(saver->isVisible());
        QCOMPARE(saver->property("role").toString(), QStringLiteral("screensaver"));
        QVERIFY(!in<QWidget>(lock, "lockFace")->isVisible());
        // Nothing of the session anywhere on screen: only the time and the ward.
        const QString clock = m_clock->nowUtc().toLocalTime().toString(QStringLiteral("HH:mm"));
        QCOMPARE(saver->clockLabel()->text(), clock);
        QCOMPARE(visibleTexts().size(), 2);
        QVERIFY(visibleTexts().contains(clock));
        QVERIFY(visibleTexts().contains(kWard));
        for (QWidget* w : saver->findChildren<QWidget*>())
            if (auto* l = qobject_cast<QLabel*>(w))
                QVERIFY2(l->text() == clock || l->text() == kWard, qPrintable(l->text()));
        // It drifts slowly.
        const QPoint at = saver->contentPosition();
        tick(10 * 1000);
        QVERIFY(saver->contentPosition() != at);
        QVERIFY((saver->contentPosition() - at).manhattanLength() <= 11 * LockScreensaver::kPixelsPerSecond * 3);

        // Any key wakes the lock screen; the delay starts again.
        QTest::keyClick(saver, Qt::Key_Shift);
        QVERIFY(!lock->isScreensaverActive());
        QVERIFY(m_window->statusBar()->isVisible());
        QVERIFY(lock->passwordField()->isVisible());
        tick(2 * 60 * 1000);
        QVERIFY(lock->isScreensaverActive());
        // The mouse too.
        QTest::mouseMove(saver, QPoint(10, 10));
        QTest::mouseMove(saver, QPoint(40, 30));
        QTRY_VERIFY(!lock->isScreensaverActive());
        tick(2 * 60 * 1000);
        QVERIFY(lock->isScreensaverActive());
        // And a card.
        m_shell->cardInserted(kReader, QByteArray());
        QVERIFY(!lock->isScreensaverActive());
        // Typing a password holds it off; a half-typed one does not survive it.
        tick(60 * 1000);
        QTest::keyClicks(lock->passwordField(), QStringLiteral("abc"));
        tick(2 * 60 * 1000 - 1000);
        QVERIFY(!lock->isScreensaverActive());
        tick(1000);
        QVERIFY(lock->isScreensaverActive());
        QVERIFY(lock->passwordField()->text().isEmpty());
        m_shell->logout(LockReason::UserLogout);
    }

    void screensaverDelayComesFromThePolicy()
    {
        LockPolicy policy;
        QString error;
        QVERIFY2(LockPolicy::fromJson(QJsonObject{{QStringLiteral("screensaverSeconds"), 30}}, &policy, &error),
                 qPrintable(error));
        QCOMPARE(policy.screensaverDelayMs, 30000);
        QVERIFY(!LockPolicy::fromJson(QJsonObject{{QStringLiteral("screensaverSeconds"), 7200}}, &policy, &error));
        QVERIFY(error.contains(QStringLiteral("screensaverSeconds")));
        lockTheSession(policy);
        tick(29 * 1000);
        QVERIFY(!m_shell->lockScreen()->isScreensaverActive());
        tick(1000);
        QVERIFY(m_shell->lockScreen()->isScreensaverActive());
        m_shell->logout(LockReason::UserLogout);

        LockPolicy never;
        QVERIFY(LockPolicy::fromJson(QJsonObject{{QStringLiteral("screensaverSeconds"), 0}}, &never, &error));
        lockTheSession(never);
        tick(8 * 3600 * 1000LL);
        QVERIFY(!m_shell->lockScreen()->isScreensaverActive());
        m_shell->logout(LockReason::UserLogout);
    }

    // F1
    void helpAtTheLoginScreen()
    {
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        HelpOverlay* help = m_shell->helpOverlay();
        QTRY_VERIFY(help->isVisible());
        QVERIFY(help->title().contains(QStringLiteral("logging in")));
        for (const char* topic : {"Lost or broken card", "Forgotten password", "Account locked", "Password expired",
                                  "Whom to call"})
            QVERIFY2(help->body().contains(QLatin1String(topic)), topic);
        QVERIFY(help->body().contains(kContact));
        QTest::keyClick(help, Qt::Key_Escape);
        QVERIFY(!help->isVisible());
        // Without a contact in the policy the page says so instead of leaving the person guessing.
        QVERIFY(HelpOverlay::loginHelpText(QString()).contains(QStringLiteral("ward manager")));
    }

    void helpOnTheLockScreenShowsNothingOfTheSession()
    {
        lockTheSession();
        tick(5 * 60 * 1000);
        QVERIFY(m_shell->lockScreen()->isScreensaverActive());
        QVERIFY(m_shell->helpAction()->isEnabled());  // F1 stays alive while locked
        m_shell->helpAction()->trigger();
        HelpOverlay* help = m_shell->helpOverlay();
        QVERIFY(help->isVisible());
        QVERIFY(!m_shell->lockScreen()->isScreensaverActive());
        QVERIFY(help->title().contains(QStringLiteral("locked")));
        QVERIFY(help->body().contains(kContact));
        QVERIFY(help->body().contains(QStringLiteral("Lost or broken card")));
        QVERIFY(!help->body().contains(kAliceName) && !help->body().contains(kName));
        QVERIFY(!m_printAction->isEnabled());  // the session's actions stay dead
        m_shell->helpAction()->trigger();
        QVERIFY(!help->isVisible());
        m_shell->logout(LockReason::UserLogout);
    }

    void helpInTheSessionListsTheWindowsShortcuts()
    {
        m_shell->startSession(session(0), kReader);
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        HelpOverlay* help = m_shell->helpOverlay();
        QTRY_VERIFY(help->isVisible());
        QVERIFY(help->title().contains(QStringLiteral("shortcuts")));
        const auto shortcuts = HelpOverlay::shortcutsOf(m_window.get());
        QStringList names;
        for (const auto& s : shortcuts)
            names << s.first;
        // Found on the window's actions, not from a list: the shell's lock and help, the window's print.
        QVERIFY2(names.contains(QStringLiteral("Lock")) && names.contains(QStringLiteral("Print chart"))
                     && names.contains(QStringLiteral("Help")),
                 qPrintable(names.join(QLatin1Char(','))));
        QVERIFY(help->body().contains(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText)));
        QVERIFY(help->body().contains(QKeySequence(Qt::CTRL | Qt::Key_P).toString(QKeySequence::NativeText)));
        // A new action anywhere in the window appears the next time help opens.
        auto* extra = new QAction(QStringLiteral("Open vital signs"), m_shell->workspace());
        extra->setShortcut(QKeySequence(Qt::ALT | Qt::Key_V));
        m_shell->workspace()->addAction(extra);
        QTest::keyClick(help, Qt::Key_Escape);
        m_shell->helpAction()->trigger();
        QVERIFY(help->body().contains(QStringLiteral("Open vital signs")));
        // A disabled action is not offered.
        m_printAction->setEnabled(false);
        m_shell->helpAction()->trigger();
        m_shell->helpAction()->trigger();
        QVERIFY(!help->body().contains(QStringLiteral("Print chart")));
        m_printAction->setEnabled(true);
        // Locking closes it.
        m_shell->lockNow();
        QVERIFY(!help->isVisible());
        m_shell->logout(LockReason::UserLogout);
    }
};

QTEST_MAIN(TestLoginLockMessages)
#include "TestLoginLockMessages.moc"
